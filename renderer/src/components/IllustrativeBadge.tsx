/**
 * The "Illustrative — not evidence" badge, on any record that carries the
 * illustrative mark (shared/model/marks.ts): a sample record must never be
 * mistaken for evidence, on its page or in a list. Shows the mark; never
 * sets or clears it.
 */
import { useTranslation } from 'react-i18next';
import { isIllustrative } from '../../../shared/model/marks';
import './illustrative.css';

export function IllustrativeBadge({ data }: { data: unknown }) {
  const { t } = useTranslation();
  if (!isIllustrative(data)) return null;
  return (
    <span className="badge badge-illustrative" title={t('common:illustrative.explanation')}>
      {t('common:illustrative.badge')}
    </span>
  );
}
