/**
 * The sources across the whole archive: keeps search, filters and sort in
 * the address (`#/sources?kind=…&consent=…`) and asks the engine for the
 * live sources in view (`records:query`, useListWindow), so typing stays
 * immediate however many sources there are.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListRow } from '../../../shared/ipc';
import { formatSourceQuery, initialSourceQuery, naturalSourceDirection, parseSourceQuery, type SourceQuery } from '../../../shared/lists/sourceQuery';
import { Source } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import type { SourceRow } from '../evidence/evidenceRecords';
import { currentLanguage } from '../i18n';
import { hrefOf } from '../router';
import { ListResults } from './ListResults';
import { SavedViews } from './SavedViews';
import { sortingOf } from './sorting';
import { SourceListControls } from './SourceListControls';
import { SourceTable } from './SourceTable';
import { useListQuery, type QueryCodec } from './useListQuery';
import { useListWindow } from './useListWindow';

const codec: QueryCodec<SourceQuery> = { parse: parseSourceQuery, format: formatSourceQuery };

// The engine lists only sources that its schema reads.
const toRow = ({ summary }: ListRow): SourceRow => ({ summary, source: summary.data as Source });

export function SourceList() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { query, setQuery, flush } = useListQuery('sources', codec);
  const list = useListWindow({ type: 'source', query, language }, useCallback(toRow, []));
  const shown = (list.answered as SourceQuery | null) ?? query;
  const answeredText = list.answered ? formatSourceQuery(shown) : null;

  return (
    <div className="source-list" data-query={answeredText ?? undefined} aria-busy={answeredText !== formatSourceQuery(query)}>
      <div className="page-header">
        <PageTitle text={t('evidence:lists.sources.title')} />
      </div>
      <ErrorMessage error={list.error} />
      {!list.answered && !list.error && <p className="loading">{t('common:loading')}</p>}
      {list.answered && list.listed === 0 && (
        <div className="empty-state">
          <h2>{t('evidence:lists.sources.emptyTitle')}</h2>
          <p>{t('evidence:lists.sources.emptyText')}</p>
          <a className="button primary" href={hrefOf({ screen: 'list' })}>
            {t('evidence:lists.toIncidents')}
          </a>
        </div>
      )}
      {list.answered && list.listed > 0 && (
        <>
          <SourceListControls query={query} onChange={setQuery} onSearchDone={flush} />
          <SavedViews list="sources" query={formatSourceQuery(query)} />
          <ListResults
            status={t('evidence:lists.sources.showing', { count: list.listed, shown: list.total })}
            onClear={() => setQuery(initialSourceQuery)}
            table={
              list.total > 0 ? (
                <SourceTable
                  rows={{ count: list.total, rowAt: list.rowAt, onRange: list.onRange, resetKey: answeredText ?? '' }}
                  sorting={sortingOf(shown, query, naturalSourceDirection, setQuery)}
                />
              ) : null
            }
          />
        </>
      )}
    </div>
  );
}
