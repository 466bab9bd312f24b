/**
 * The list of incidents in the open archive: keeps the search, filters and
 * sort in the address (`#/?q=…&kind=…&area=…&from=…&to=…&sort=…`), asks
 * the engine for the rows in view (`records:query`, useListWindow), and
 * shows either the table, a "nothing matches" note, or (for a new archive)
 * what to do first. The page never holds every incident, so the first
 * render and each keystroke cost the same with 1k or 100k incidents
 * (docs/spec/performance.md P8); a newer query supersedes an older one.
 * `data-query` on the list says which query the rows shown answer, for the
 * specs that measure it.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListRow } from '../../../shared/ipc';
import { readListIncident } from '../../../shared/lists/incidentFields';
import { formatListQuery, initialQuery, naturalDirection, parseListQuery, type IncidentRow, type ListQuery } from '../../../shared/lists/incidentQuery';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { currentLanguage } from '../i18n';
import { SavedViews } from '../lists/SavedViews';
import { sortingOf } from '../lists/sorting';
import { useListQuery, type QueryCodec } from '../lists/useListQuery';
import { useListWindow } from '../lists/useListWindow';
import { hrefOf } from '../router';
import { IncidentListControls } from './IncidentListControls';
import { IncidentTable } from './IncidentTable';

const codec: QueryCodec<ListQuery> = { parse: parseListQuery, format: formatListQuery };

const toRow = ({ summary, lastLive }: ListRow): IncidentRow => ({ summary, incident: readListIncident(summary.retracted ? lastLive : summary.data) });

export function IncidentList() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { query, setQuery, flush } = useListQuery('list', codec);
  const list = useListWindow({ type: 'incident', query, language }, useCallback(toRow, []));
  const shownQuery = list.answered ?? query;
  const queryText = formatListQuery(query);
  const answeredText = list.answered ? formatListQuery(list.answered as ListQuery) : null;

  return (
    <div className="incident-list" data-query={answeredText ?? undefined} aria-busy={answeredText !== queryText}>
      <div className="page-header">
        <PageTitle text={t('incidents:list.title')} />
        <a className="button primary" href={hrefOf({ screen: 'new' })}>
          {t('incidents:list.newIncident')}
        </a>
      </div>
      <ErrorMessage error={list.error} />
      {!list.answered && !list.error && <p className="loading">{t('common:loading')}</p>}
      {list.answered && list.held === 0 && <EmptyArchive />}
      {list.answered && list.held > 0 && (
        <>
          <IncidentListControls places={list.places} query={query} onChange={setQuery} onSearchDone={flush} />
          <SavedViews list="list" query={queryText} />
          <p className="result-count" role="status">
            {t('incidents:list.showing', { count: list.listed, shown: list.total })}
          </p>
          {list.total > 0 ? (
            <IncidentTable
              rows={{ count: list.total, rowAt: list.rowAt, onRange: list.onRange, resetKey: answeredText ?? '' }}
              sorting={sortingOf(shownQuery as ListQuery, query, naturalDirection, setQuery)}
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
