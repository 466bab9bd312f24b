/**
 * The sources as a table: title (a link to the source, marked when
 * sensitive), kind, what the person's consent allows (in words), and when
 * it was collected. Headers of sortable columns sort. Only the rows in view
 * are rendered (VirtualTable). Shows rows; decides nothing.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { IllustrativeBadge } from '../components/IllustrativeBadge';
import { ConflictListMark } from '../conflicts/ConflictMark';
import { ConsentBadges } from '../evidence/ConsentBadges';
import type { SourceRow } from '../evidence/evidenceRecords';
import { currentLanguage } from '../i18n';
import { formatTimestamp } from '../incidents/format';
import { hrefOf } from '../router';
import type { SourceSort } from '../../../shared/lists/sourceQuery';
import type { Sorting } from './sorting';
import { VirtualTable, type Column, type TableRows } from './VirtualTable';

interface Props {
  rows: TableRows<SourceRow>;
  sorting: Sorting<SourceSort>;
}

export function SourceTable({ rows, sorting }: Props) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const columns = useMemo(
    (): Column<SourceRow>[] => [
      {
        id: 'title',
        header: t('evidence:source.fields.title'),
        width: 'minmax(14rem, 3fr)',
        rowHeader: true,
        sort: 'title',
        cell: ({ summary, source }) => (
          <>
            <a href={hrefOf({ screen: 'source', recordId: summary.recordId })}>{source.title}</a>
            {source.sensitive && <span className="badge badge-confidential">{t('evidence:lists.sources.sensitive')}</span>}
            <IllustrativeBadge data={source} />
            <ConflictListMark summary={summary} />
          </>
        ),
      },
      { id: 'kind', header: t('evidence:source.fields.kind'), width: 'minmax(8rem, 1.5fr)', sort: 'kind', cell: ({ source }) => t(`taxonomy:sourceKind.${source.kind}`) },
      { id: 'consent', header: t('evidence:source.fields.consent'), width: 'minmax(12rem, 2fr)', cell: ({ source }) => <ConsentBadges consent={source.consent} /> },
      {
        id: 'collected',
        header: t('evidence:source.fields.collectedAt'),
        width: 'minmax(9rem, 1.5fr)',
        sort: 'collected',
        cell: ({ source }) => (source.collectedAt ? formatTimestamp(source.collectedAt, lng) : ''),
      },
    ],
    [t, lng],
  );
  return (
    <VirtualTable
      rows={rows}
      columns={columns}
      caption={t('evidence:lists.sources.tableCaption')}
      className="source-table"
      sorting={sorting as Sorting<string>}
    />
  );
}
