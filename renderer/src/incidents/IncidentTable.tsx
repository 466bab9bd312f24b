/**
 * The incidents as a table: title (a link to the incident), period in the
 * record's own offset, scope, kinds and areas in the UI language. A
 * retracted incident is marked as such, and one in conflict says so with a
 * link to resolve it. Shows rows; decides nothing.
 */
import { useTranslation } from 'react-i18next';
import { ConflictListMark } from '../conflicts/ConflictMark';
import { currentLanguage } from '../i18n';
import { hrefOf } from '../router';
import { areaName, formatList, formatPeriod } from './format';
import type { IncidentRow } from './incidentRecords';

export function IncidentTable({ rows }: { rows: readonly IncidentRow[] }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <table className="incident-table">
      <caption className="visually-hidden">{t('incidents:list.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('incidents:fields.title')}</th>
          <th scope="col">{t('incidents:list.period')}</th>
          <th scope="col">{t('incidents:fields.scope')}</th>
          <th scope="col">{t('incidents:fields.kinds')}</th>
          <th scope="col">{t('incidents:fields.areas')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ summary, incident }) => (
          <tr key={summary.recordId} className={summary.retracted ? 'retracted' : undefined}>
            <th scope="row">
              <a href={hrefOf({ screen: 'incident', recordId: summary.recordId })}>
                {incident?.title ?? t('incidents:list.unreadable')}
              </a>
              {summary.retracted && <span className="badge badge-retracted">{t('incidents:status.retracted')}</span>}
              {incident?.confidential && <span className="badge badge-confidential">{t('incidents:status.confidential')}</span>}
              <ConflictListMark summary={summary} />
            </th>
            <td>{incident ? formatPeriod(incident, lng, t) : ''}</td>
            <td>{incident ? t(`taxonomy:scope.${incident.scope}`) : ''}</td>
            <td>{incident ? formatList(incident.kinds.map((kind) => t(`taxonomy:kind.${kind}`)), t) : ''}</td>
            <td>{incident ? formatList(incident.areas.map((area) => areaName(area, lng)), t) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
