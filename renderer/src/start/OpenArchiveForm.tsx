/**
 * Opens an archive that already exists (`archive:open`) from a folder typed
 * or chosen. On success the caller receives the open archive's status; an
 * encrypted archive answers "passphrase required", and the caller shows its
 * unlock screen instead.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { RepairPanel } from '../settings/RepairPanel';
import { dalel, type DalelError } from '../dalel';
import { FolderField } from './FolderField';

interface Props {
  defaultPath: string;
  onOpened: (status: ArchiveStatus) => void;
  onPassphraseRequired: () => Promise<boolean>;
}

export function OpenArchiveForm({ defaultPath, onOpened, onPassphraseRequired }: Props) {
  const { t } = useTranslation();
  const [path, setPath] = useState(defaultPath);
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await dalel().archive.open({ path: path.trim() || undefined });
    if (!result.ok && result.error.code === 'passphraseRequired' && (await onPassphraseRequired())) return;
    setBusy(false);
    if (result.ok) onOpened(result.value);
    else setError(result.error);
  }

  return (
    <>
      <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="open-archive-title">
        <h2 id="open-archive-title">{t('common:start.openTitle')}</h2>
        <p className="hint">{t('common:start.openHint')}</p>
        <FolderField id="archive-open-folder" purpose="open" value={path} onChange={setPath} />
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          {t('common:start.openButton')}
        </button>
      </form>
      {error?.code === 'custodyBroken' && (
        <section className="card" aria-labelledby="open-repair-title">
          <h2 id="open-repair-title">{t('security:settings.repair.title')}</h2>
          <RepairPanel path={path.trim() || defaultPath} encrypted={false} onRepaired={onOpened} />
        </section>
      )}
    </>
  );
}
