/**
 * Makes a new archive (`archive:create`): its name, the organization that
 * keeps it, and its folder (by default the per-user data folder). On success
 * the caller receives the open archive's status.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { dalel, type DalelError } from '../dalel';
import { FolderField } from './FolderField';

export function CreateArchiveForm({ defaultPath, onOpened }: { defaultPath: string; onOpened: (status: ArchiveStatus) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [organization, setOrganization] = useState('');
  const [path, setPath] = useState(defaultPath);
  const [nameMissing, setNameMissing] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setNameMissing(true);
    setBusy(true);
    const result = await dalel().archive.create({ name: name.trim(), organization: organization.trim(), path: path.trim() || undefined });
    setBusy(false);
    if (result.ok) onOpened(result.value);
    else setError(result.error);
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="create-archive-title">
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
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('common:start.createButton')}
      </button>
    </form>
  );
}
