/**
 * The effects on people across the whole archive: keeps search, filters and
 * sort in the address (`#/effects?category=…&area=…&severity=…&from=…&to=…`,
 * the overview's charts link here) and asks the engine for the live effects
 * in view, each with its incident's title (`records:query`, useListWindow),
 * so typing stays immediate with 100k effects.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListRow } from '../../../shared/ipc';
import { formatEffectQuery, initialEffectQuery, naturalEffectDirection, parseEffectQuery, type EffectListRow, type EffectQuery } from '../../../shared/lists/effectQuery';
import type { Effect } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { currentLanguage } from '../i18n';
import { hrefOf } from '../router';
import { EffectListControls } from './EffectListControls';
import { EffectTable } from './EffectTable';
import { ListResults } from './ListResults';
import { SavedViews } from './SavedViews';
import { sortingOf } from './sorting';
import { useListQuery, type QueryCodec } from './useListQuery';
import { useListWindow } from './useListWindow';

const codec: QueryCodec<EffectQuery> = { parse: parseEffectQuery, format: formatEffectQuery };

// The engine lists only effects that its schema reads.
const toRow = ({ summary, incidentTitle }: ListRow): EffectListRow => ({ summary, effect: summary.data as Effect, incidentTitle: incidentTitle ?? null });

export function EffectList() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { query, setQuery, flush } = useListQuery('effects', codec);
  const list = useListWindow({ type: 'effect', query, language }, useCallback(toRow, []));
  const shown = (list.answered as EffectQuery | null) ?? query;
  const answeredText = list.answered ? formatEffectQuery(shown) : null;

  return (
    <div className="effect-list" data-query={answeredText ?? undefined} aria-busy={answeredText !== formatEffectQuery(query)}>
      <div className="page-header">
        <PageTitle text={t('evidence:lists.effects.title')} />
      </div>
      <ErrorMessage error={list.error} />
      {!list.answered && !list.error && <p className="loading">{t('common:loading')}</p>}
      {list.answered && list.listed === 0 && (
        <div className="empty-state">
          <h2>{t('evidence:lists.effects.emptyTitle')}</h2>
          <p>{t('evidence:lists.effects.emptyText')}</p>
          <a className="button primary" href={hrefOf({ screen: 'list' })}>
            {t('evidence:lists.toIncidents')}
          </a>
        </div>
      )}
      {list.answered && list.listed > 0 && (
        <>
          <EffectListControls places={list.places} query={query} onChange={setQuery} onSearchDone={flush} />
          <SavedViews list="effects" query={formatEffectQuery(query)} />
          <ListResults
            status={t('evidence:lists.effects.showing', { count: list.listed, shown: list.total })}
            onClear={() => setQuery(initialEffectQuery)}
            table={
              list.total > 0 ? (
                <EffectTable
                  rows={{ count: list.total, rowAt: list.rowAt, onRange: list.onRange, resetKey: answeredText ?? '' }}
                  sorting={sortingOf(shown, query, naturalEffectDirection, setQuery)}
                />
              ) : null
            }
          />
        </>
      )}
    </div>
  );
}
