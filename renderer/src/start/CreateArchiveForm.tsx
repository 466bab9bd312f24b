/**
 * Makes a new archive (`archive:create`): its name, the organization that
 * keeps it, its folder (by default the per-user data folder) and its
 * protection, a passphrase unless the user deliberately opts out. On success
 * the caller receives the open archive's status; the passphrase is dropped
 * from the form as soon as the archive exists.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { dalel, type DalelError } from '../dalel';
import { emptyNewPassphrase, type NewPassphrase } from '../security/NewPassphraseFields';
import { newPassphraseProblems } from '../security/passphraseStrength';
import { ProtectionChoice, type ProtectionKind } from '../security/ProtectionChoice';
import { FolderField } from './FolderField';

export function CreateArchiveForm({ defaultPath, onOpened }: { defaultPath: string; onOpened: (status: ArchiveStatus) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [organization, setOrganization] = useState('');
  const [path, setPath] = useState(defaultPath);
  const [kind, setKind] = useState<ProtectionKind>('passphrase');
  const [passphrase, setPassphrase] = useState<NewPassphrase>(emptyNewPassphrase);
  const [nameMissing, setNameMissing] = useState(false);
  const [triedToSubmit, setTriedToSubmit] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Bumped by a refused submit: once its problems are on screen, the keyboard starts at the first one.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const problems = kind === 'passphrase' ? newPassphraseProblems(passphrase.passphrase, passphrase.confirmation) : {};
  const hasProblems = Object.keys(problems).length > 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTriedToSubmit(true);
    if (!name.trim()) setNameMissing(true);
    if (!name.trim() || hasProblems) return setRefusals((count) => count + 1);
    setBusy(true);
    const protection = kind === 'passphrase' ? { kind, passphrase: passphrase.passphrase } : { kind };
    const result = await dalel().archive.create({ name: name.trim(), organization: organization.trim(), path: path.trim() || undefined, protection });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setPassphrase(emptyNewPassphrase);
    onOpened(result.value);
  }

  return (
    <form ref={form} className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="create-archive-title">
      <h2 id="create-archive-title">{t('common:start.createTitle')}</h2>
      <p className="hint">{t('common:start.createHint')}</p>
      <div className="field">
        <label htmlFor="archive-name">{t('common:start.name')}</label>
        <input
          id="archive-name"
          type="text"
          value={name}
          required
          aria-invalid={nameMissing || undefined}
          aria-describedby={nameMissing ? 'archive-name-error' : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setNameMissing(!event.target.value.trim());
          }}
        />
        {nameMissing && (
          <p className="field-error" id="archive-name-error">
            {t('validation:required')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="archive-organization">{t('common:start.organization')}</label>
        <input id="archive-organization" type="text" value={organization} onChange={(event) => setOrganization(event.target.value)} />
      </div>
      <FolderField id="archive-create-folder" purpose="create" value={path} onChange={setPath} />
      <ProtectionChoice
        kind={kind}
        onKindChange={(next) => {
          setKind(next);
          // A passphrase typed before opting out is not kept behind the scenes.
          if (next === 'none') setPassphrase(emptyNewPassphrase);
        }}
        passphrase={passphrase}
        onPassphraseChange={setPassphrase}
        problems={triedToSubmit ? problems : {}}
      />
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('common:start.createButton')}
      </button>
    </form>
  );
}
