/**
 * Shows a contract error (`{ code, params }`) as its translated sentence,
 * announced to screen readers. Every failed call in the UI ends here; it
 * never shows a raw code or an exception's text.
 */
import { useTranslation } from 'react-i18next';
import type { DalelError } from '../dalel';

export function ErrorMessage({ error }: { error: DalelError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error-message" role="alert">
      {t(`errors:${error.code}`, { ...error.params })}
    </p>
  );
}
