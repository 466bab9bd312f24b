/**
 * A folder path typed by hand or picked with the native dialog
 * (`archive:choose`). The dialog answers in the engine, so in the test
 * harness it is answered without any window.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { dalel, type DalelError } from '../dalel';

interface Props {
  id: string;
  purpose: 'open' | 'create';
  value: string;
  onChange: (path: string) => void;
}

export function FolderField({ id, purpose, value, onChange }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<DalelError | null>(null);

  async function choose() {
    const result = await dalel().archive.choose({ purpose });
    if (!result.ok) return setError(result.error);
    setError(null);
    if (result.value.path !== null) onChange(result.value.path);
  }

  return (
    <div className="field">
      <label htmlFor={id} id={`${id}-label`}>{t('common:start.folder')}</label>
      <div className="field-row">
        <input id={id} type="text" value={value} onChange={(event) => onChange(event.target.value)} spellCheck={false} />
        <button type="button" onClick={() => void choose()} aria-describedby={`${id}-label`}>
          {t('common:actions.choose')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
