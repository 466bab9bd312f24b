/**
 * Below a list's controls: how many records are shown of how many (a
 * status, so screen readers hear it change), then the table, or a note
 * that nothing matches with a button that clears the search and filters.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** "Showing 3 of 120 effects". */
  status: string;
  /** The table; null when no record matches. */
  table: ReactNode | null;
  onClear: () => void;
}

export function ListResults({ status, table, onClear }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <p className="result-count" role="status">
        {status}
      </p>
      {table ?? (
        <div className="empty-state">
          <h2>{t('evidence:lists.noMatchTitle')}</h2>
          <p>{t('incidents:list.noMatchText')}</p>
          <button type="button" onClick={onClear}>
            {t('incidents:list.clearFilters')}
          </button>
        </div>
      )}
    </>
  );
}
