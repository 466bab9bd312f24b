/**
 * Checking an archive whole and repairing it (`archive:check`,
 * `archive:repair`; issue 17), in Settings and wherever an archive refuses
 * to open because its custody log is broken. The check writes nothing and
 * lists every problem in words; the repair keeps everything that still
 * verifies, sets the rest aside inside the archive (never deleted), records
 * it in the custody log, and opens the archive again. An encrypted archive
 * asks for its passphrase, used for this once and not kept in the form.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { archiveIsWhole, type ArchiveCheck, type ArchiveStatus, type ResponseOf } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { dalel, type DalelError } from '../dalel';

interface Props {
  path: string;
  encrypted: boolean;
  /** The archive opened again after a repair. */
  onRepaired(status: ArchiveStatus): void;
  /** An open archive (Settings) was closed for a repair that then failed or did not reopen it: the status as it is now. */
  onClosed?(status: ArchiveStatus): void;
}

export function RepairPanel({ path, encrypted, onRepaired, onClosed }: Props) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [found, setFound] = useState<ArchiveCheck | null>(null);
  const [repaired, setRepaired] = useState<ResponseOf<'archive:repair'> | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);
  const request = () => ({ path, ...(encrypted ? { passphrase } : {}) });

  async function check(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setRepaired(null);
    const result = await dalel().archive.check(request());
    setBusy(false);
    setError(result.ok ? null : result.error);
    setFound(result.ok ? result.value : null);
  }

  async function repair() {
    setBusy(true);
    const result = await dalel().archive.repair(request());
    const reopened = result.ok ? await dalel().archive.open(request()) : null;
    // SECURITY: the passphrase is used for this once and not kept.
    setPassphrase('');
    setBusy(false);
    setError(!result.ok ? result.error : reopened && !reopened.ok ? reopened.error : null);
    if (reopened?.ok) onRepaired(reopened.value);
    else if (onClosed) {
      const now = await dalel().archive.status({});
      if (now.ok) onClosed(now.value);
    }
    if (!result.ok) return;
    setFound(null);
    setRepaired(result.value);
  }

  return (
    <div className="repair-panel">
      <form onSubmit={(event) => void check(event)} noValidate aria-label={t('security:settings.repair.check')}>
        {encrypted && (
          <div className="field">
            <label htmlFor="repair-passphrase">{t('security:settings.repair.passphrase')}</label>
            <input id="repair-passphrase" type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
          </div>
        )}
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('security:settings.repair.check')}
          </button>
          <span role="status">{busy ? t('security:settings.repair.working') : ''}</span>
        </div>
      </form>
      <ErrorMessage error={error} />
      {found && archiveIsWhole(found) && (
        <p className="repair-clean" role="status">
          {t('security:settings.repair.clean')}
        </p>
      )}
      {found && !archiveIsWhole(found) && (
        <div className="repair-found">
          <h3>{t('security:settings.repair.problems')}</h3>
          <ProblemList found={found} />
          <p className="hint">{t('security:settings.repair.advice')}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void repair()}>
            {t('security:settings.repair.repair')}
          </button>
        </div>
      )}
      {repaired && (
        <div className="repair-done" role="status">
          <p>{repaired.report ? t('security:settings.repair.done', { setAside: repaired.report.setAside }) : t('security:settings.repair.clean')}</p>
          {repaired.report?.notRepaired.map((file) => (
            <p key={file} className="field-error">
              {t('security:settings.repair.notRepaired', { file })}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

function ProblemList({ found }: { found: ArchiveCheck }) {
  const { t } = useTranslation();
  const items = [
    ...(found.custody ? [t(`security:settings.repair.problem.custody.${found.custody.kind}`, { line: found.custody.line })] : []),
    ...found.records.map((problem) => t(`security:settings.repair.problem.record.${problem.reason}`, { file: problem.file })),
    ...found.evidence.map((problem) => t(`security:settings.repair.problem.evidence.${problem.problem}`, { sha256: problem.sha256, recordId: problem.recordId })),
    ...found.leftovers.map((file) => t('security:settings.repair.problem.leftover', { file })),
  ];
  return (
    <ul className="repair-problems">
      {items.map((item) => (
        <li key={item}>
          <bdi>{item}</bdi>
        </li>
      ))}
    </ul>
  );
}
