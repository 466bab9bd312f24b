/**
 * The incidents as a table: title (a link to the incident), period in the
 * record's own offset, scope, kinds and areas in the UI language. A
 * retracted incident is marked as such, and one in conflict says so with a
 * link to resolve it. Title and period headers sort. Only the rows in view
 * are rendered (VirtualTable). Shows rows; decides nothing.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { IllustrativeBadge } from '../components/IllustrativeBadge';
import { ConflictListMark } from '../conflicts/ConflictMark';
import { currentLanguage } from '../i18n';
import type { Sorting } from '../lists/sorting';
import { VirtualTable, type Column, type TableRows } from '../lists/VirtualTable';
import { hrefOf } from '../router';
import { areaName, formatList, formatPeriod } from './format';
import type { IncidentRow } from './incidentRecords';
import type { SortOrder } from '../../../shared/lists/incidentQuery';

interface Props {
  rows: TableRows<IncidentRow>;
  sorting: Sorting<SortOrder>;
}

export function IncidentTable({ rows, sorting }: Props) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const columns = useMemo(
    (): Column<IncidentRow>[] => [
      {
        id: 'title',
        header: t('incidents:fields.title'),
        width: 'minmax(14rem, 3fr)',
        rowHeader: true,
        sort: 'title',
        cell: ({ summary, incident }) => (
          <>
            <a href={hrefOf({ screen: 'incident', recordId: summary.recordId })}>{incident?.title ?? t('incidents:list.unreadable')}</a>
            {summary.retracted && <span className="badge badge-retracted">{t('incidents:status.retracted')}</span>}
            {incident?.confidential && <span className="badge badge-confidential">{t('incidents:status.confidential')}</span>}
            <IllustrativeBadge data={incident} />
            <ConflictListMark summary={summary} />
          </>
        ),
      },
      {
        id: 'period',
        header: t('incidents:list.period'),
        width: 'minmax(10rem, 2fr)',
        sort: 'start',
        cell: ({ incident }) => (incident ? formatPeriod(incident, lng, t) : ''),
      },
      { id: 'scope', header: t('incidents:fields.scope'), width: 'minmax(6rem, 1fr)', cell: ({ incident }) => (incident ? t(`taxonomy:scope.${incident.scope}`) : '') },
      {
        id: 'kinds',
        header: t('incidents:fields.kinds'),
        width: 'minmax(8rem, 1.5fr)',
        cell: ({ incident }) => (incident ? formatList(incident.kinds.map((kind) => t(`taxonomy:kind.${kind}`)), t) : ''),
      },
      {
        id: 'areas',
        header: t('incidents:fields.areas'),
        width: 'minmax(8rem, 1.5fr)',
        cell: ({ incident }) => (incident ? formatList(incident.areas.map((area) => areaName(area, lng, incident.startedAt.at)), t) : ''),
      },
    ],
    [t, lng],
  );
  return (
    <VirtualTable
      rows={rows}
      columns={columns}
      rowClassName={(row) => (row.summary.retracted ? 'retracted' : undefined)}
      caption={t('incidents:list.tableCaption')}
      className="incident-table"
      sorting={sorting as Sorting<string>}
    />
  );
}
