/**
 * Opens an archive that already exists (`archive:open`) from a folder typed
 * or chosen. On success the caller receives the open archive's status.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { dalel, type DalelError } from '../dalel';
import { FolderField } from './FolderField';

export function OpenArchiveForm({ defaultPath, onOpened }: { defaultPath: string; onOpened: (status: ArchiveStatus) => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState(defaultPath);
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await dalel().archive.open({ path: path.trim() || undefined });
    setBusy(false);
    if (result.ok) onOpened(result.value);
    else setError(result.error);
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="open-archive-title">
      <h2 id="open-archive-title">{t('common:start.openTitle')}</h2>
      <p className="hint">{t('common:start.openHint')}</p>
      <FolderField id="archive-open-folder" purpose="open" value={path} onChange={setPath} />
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        {t('common:start.openButton')}
      </button>
    </form>
  );
}
