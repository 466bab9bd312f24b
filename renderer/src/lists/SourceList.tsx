/**
 * The sources across the whole archive: loads the live ones, keeps search,
 * filters and sort in the address (`#/sources?kind=…&consent=…`), and
 * filters a deferred copy of the query over rows indexed once, so typing
 * stays immediate however many sources there are.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { asDalelError, type DalelError } from '../dalel';
import { loadSources, type SourceRow } from '../evidence/evidenceRecords';
import { currentLanguage } from '../i18n';
import { hrefOf } from '../router';
import { nextSort } from '../../../shared/lists/listParams';
import { ListResults } from './ListResults';
import { SavedViews } from './SavedViews';
import { SourceListControls } from './SourceListControls';
import {
  filterSources,
  formatSourceQuery,
  indexSources,
  initialSourceQuery,
  naturalSourceDirection,
  parseSourceQuery,
  sortSources,
  type SourceQuery,
} from '../../../shared/lists/sourceQuery';
import { SourceTable } from './SourceTable';
import { useListQuery, type QueryCodec } from './useListQuery';

const codec: QueryCodec<SourceQuery> = { parse: parseSourceQuery, format: formatSourceQuery };

export function SourceList() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [rows, setRows] = useState<SourceRow[] | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const { query, setQuery, flush } = useListQuery('sources', codec);
  const shownQuery = useDeferredValue(query);

  useEffect(() => {
    loadSources().then(setRows, (thrown: unknown) => setError(asDalelError(thrown)));
  }, []);

  const entries = useMemo(() => indexSources(rows ?? []), [rows]);
  const { sort, order } = shownQuery;
  const sorted = useMemo(() => sortSources(entries, { sort, order }, lng), [entries, sort, order, lng]);
  const shown = useMemo(() => filterSources(sorted, shownQuery), [sorted, shownQuery]);

  return (
    <div className="source-list" data-query={formatSourceQuery(shownQuery)} aria-busy={query !== shownQuery}>
      <div className="page-header">
        <PageTitle text={t('evidence:lists.sources.title')} />
      </div>
      <ErrorMessage error={error} />
      {!rows && !error && <p className="loading">{t('common:loading')}</p>}
      {rows && rows.length === 0 && (
        <div className="empty-state">
          <h2>{t('evidence:lists.sources.emptyTitle')}</h2>
          <p>{t('evidence:lists.sources.emptyText')}</p>
          <a className="button primary" href={hrefOf({ screen: 'list' })}>
            {t('evidence:lists.toIncidents')}
          </a>
        </div>
      )}
      {rows && rows.length > 0 && (
        <>
          <SourceListControls query={query} onChange={setQuery} onSearchDone={flush} />
          <SavedViews list="sources" query={formatSourceQuery(query)} />
          <ListResults
            status={t('evidence:lists.sources.showing', { count: rows.length, shown: shown.length })}
            onClear={() => setQuery(initialSourceQuery)}
            table={
              shown.length > 0 ? (
                <SourceTable
                  rows={shown}
                  sorted={{ sort, direction: order || naturalSourceDirection(sort) }}
                  onSort={(column) => setQuery({ ...query, ...nextSort(query, column, naturalSourceDirection) })}
                />
              ) : null
            }
          />
        </>
      )}
    </div>
  );
}
