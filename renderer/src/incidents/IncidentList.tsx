/**
 * The list of incidents in the open archive: loads them, keeps the search,
 * filter and sort the user chose, and shows either the table, a "nothing
 * matches" note, or (for a new archive) what to do first.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { asDalelError, type DalelError } from '../dalel';
import { currentLanguage } from '../i18n';
import { hrefOf } from '../router';
import { loadIncidentRows, type IncidentRow } from './incidentRecords';
import { IncidentListControls } from './IncidentListControls';
import { IncidentTable } from './IncidentTable';
import { applyQuery, initialQuery, type ListQuery } from './listQuery';

export function IncidentList() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [rows, setRows] = useState<IncidentRow[] | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const [query, setQuery] = useState<ListQuery>(initialQuery);

  useEffect(() => {
    loadIncidentRows().then(setRows, (thrown: unknown) => setError(asDalelError(thrown)));
  }, []);

  const shown = useMemo(() => (rows ? applyQuery(rows, query, lng) : []), [rows, query, lng]);
  const total = rows?.filter((row) => query.showRetracted || !row.summary.retracted).length ?? 0;

  return (
    <div className="incident-list">
      <div className="page-header">
        <PageTitle text={t('incidents:list.title')} />
        <a className="button primary" href={hrefOf({ screen: 'new' })}>
          {t('incidents:list.newIncident')}
        </a>
      </div>
      <ErrorMessage error={error} />
      {!rows && !error && <p className="loading">{t('common:loading')}</p>}
      {rows && rows.length === 0 && <EmptyArchive />}
      {rows && rows.length > 0 && (
        <>
          <IncidentListControls rows={rows} query={query} onChange={setQuery} />
          <p className="result-count" role="status">
            {t('incidents:list.showing', { count: total, shown: shown.length })}
          </p>
          {shown.length > 0 ? (
            <IncidentTable rows={shown} />
          ) : (
            <div className="empty-state">
              <h2>{t('incidents:list.noMatchTitle')}</h2>
              <p>{t('incidents:list.noMatchText')}</p>
              <button type="button" onClick={() => setQuery({ ...initialQuery, showRetracted: query.showRetracted })}>
                {t('incidents:list.clearFilters')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function EmptyArchive() {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <h2>{t('incidents:list.emptyTitle')}</h2>
      <p>{t('incidents:list.emptyText')}</p>
      <a className="button primary" href={hrefOf({ screen: 'new' })}>
        {t('incidents:list.emptyAction')}
      </a>
    </div>
  );
}
