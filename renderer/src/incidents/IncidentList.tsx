/**
 * The list of incidents in the open archive: loads them, keeps the search,
 * filters and sort in the address (`#/?q=…&kind=…&area=…&from=…&to=…&sort=…`),
 * and shows either the table, a "nothing matches" note, or (for a new
 * archive) what to do first. Typing never waits for the filter: the rows
 * are indexed once per load, and the filter runs on a deferred copy of the
 * query, so the search box answers at once even with 100k incidents
 * (PERFORMANCE.md P8). `data-query` on the list says which query the rows
 * shown answer, for the spec that measures it.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { asDalelError, type DalelError } from '../dalel';
import { currentLanguage } from '../i18n';
import { placesOf } from '../lists/AreaSelect';
import { nextSort } from '../../../shared/lists/listParams';
import { SavedViews } from '../lists/SavedViews';
import { useListQuery, type QueryCodec } from '../lists/useListQuery';
import { hrefOf } from '../router';
import { loadIncidentListRows } from '../lists/incidentListRecords';
import type { IncidentRow } from './incidentRecords';
import { IncidentListControls } from './IncidentListControls';
import { IncidentTable } from './IncidentTable';
import { filterEntries, formatListQuery, indexRows, initialQuery, naturalDirection, parseListQuery, sortEntries, type ListQuery } from '../../../shared/lists/incidentQuery';

const codec: QueryCodec<ListQuery> = { parse: parseListQuery, format: formatListQuery };

export function IncidentList() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [rows, setRows] = useState<IncidentRow[] | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const { query, setQuery, flush } = useListQuery('list', codec);
  const shownQuery = useDeferredValue(query);

  useEffect(() => {
    loadIncidentListRows().then(setRows, (thrown: unknown) => setError(asDalelError(thrown)));
  }, []);

  const entries = useMemo(() => indexRows(rows ?? []), [rows]);
  const places = useMemo(() => placesOf(entries.flatMap((entry) => entry.areas), lng), [entries, lng]);
  const { sort, order } = shownQuery;
  const sorted = useMemo(() => sortEntries(entries, { sort, order }, lng), [entries, sort, order, lng]);
  const shown = useMemo(() => filterEntries(sorted, shownQuery), [sorted, shownQuery]);
  const total = useMemo(() => entries.filter((entry) => shownQuery.showRetracted || !entry.row.summary.retracted).length, [entries, shownQuery.showRetracted]);
  const queryText = formatListQuery(query);

  return (
    <div className="incident-list" data-query={formatListQuery(shownQuery)} aria-busy={query !== shownQuery}>
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
          <IncidentListControls places={places} query={query} onChange={setQuery} onSearchDone={flush} />
          <SavedViews list="list" query={queryText} />
          <p className="result-count" role="status">
            {t('incidents:list.showing', { count: total, shown: shown.length })}
          </p>
          {shown.length > 0 ? (
            <IncidentTable
              rows={shown}
              sorted={{ sort: shownQuery.sort, direction: shownQuery.order || naturalDirection(shownQuery.sort) }}
              onSort={(column) => setQuery({ ...query, ...nextSort(query, column, naturalDirection) })}
            />
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
