/**
 * Says that a record form was filled from its unsaved draft (useFormDraft.ts),
 * when that draft was saved, whether the record changed since, and offers to
 * throw the draft away. Nothing when the form opened without a draft.
 */
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatInstant } from '../incidents/format';
import type { DraftNoticeState } from './useFormDraft';
import './drafts.css';

export function DraftNotice({ notice }: { notice: DraftNoticeState | null }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <div className="draft-notice" role="status">
      <p>{t('common:drafts.restored', { date: formatInstant(notice.savedAt, currentLanguage()) })}</p>
      {notice.recordChanged && <p className="draft-changed">{t('common:drafts.recordChanged')}</p>}
      <button type="button" onClick={notice.discard}>
        {t('common:drafts.discard')}
      </button>
    </div>
  );
}
