/**
 * A record's name as the lists show it: an incident's or source's title, an
 * effect's category and first line; "(no title)" when the version shown has
 * none (a retraction, say).
 */
import type { RecordSummary } from '../../../shared/ipc';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { recordName } from './conflictVersions';

export function useRecordName(summary: Pick<RecordSummary, 'type' | 'data'>): string {
  const { t } = useTranslation();
  const { title, category } = recordName(summary);
  const categoryKey = category && `taxonomy:category.${category}`;
  const categoryText = categoryKey && i18next.exists(categoryKey) ? t(categoryKey) : category;
  const parts = [categoryText, title].filter(Boolean);
  return parts.length > 0 ? parts.join(': ') : t('conflicts:list.untitled');
}
