/**
 * The effects on people across the whole archive: loads them with their
 * incidents' titles, keeps search, filters and sort in the address
 * (`#/effects?category=…&area=…&severity=…&from=…&to=…`, the overview's
 * charts link here), and filters a deferred copy of the query over rows
 * indexed once, so typing stays immediate with 100k effects.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { asDalelError, type DalelError } from '../dalel';
import { currentLanguage } from '../i18n';
import { hrefOf } from '../router';
import { placesOf } from './AreaSelect';
import { EffectListControls } from './EffectListControls';
import { EffectTable } from './EffectTable';
import {
  filterEffects,
  formatEffectQuery,
  indexEffects,
  initialEffectQuery,
  naturalEffectDirection,
  parseEffectQuery,
  sortEffects,
  type EffectListRow,
  type EffectQuery,
} from '../../../shared/lists/effectQuery';
import { loadEffectListRows } from './evidenceListRecords';
import { nextSort } from '../../../shared/lists/listParams';
import { ListResults } from './ListResults';
import { SavedViews } from './SavedViews';
import { useListQuery, type QueryCodec } from './useListQuery';

const codec: QueryCodec<EffectQuery> = { parse: parseEffectQuery, format: formatEffectQuery };

export function EffectList() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [rows, setRows] = useState<EffectListRow[] | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const { query, setQuery, flush } = useListQuery('effects', codec);
  const shownQuery = useDeferredValue(query);

  useEffect(() => {
    loadEffectListRows().then(setRows, (thrown: unknown) => setError(asDalelError(thrown)));
  }, []);

  const entries = useMemo(() => indexEffects(rows ?? []), [rows]);
  const places = useMemo(() => placesOf(entries.map((entry) => entry.area), lng), [entries, lng]);
  const { sort, order } = shownQuery;
  const sorted = useMemo(() => sortEffects(entries, { sort, order }, lng), [entries, sort, order, lng]);
  const shown = useMemo(() => filterEffects(sorted, shownQuery), [sorted, shownQuery]);

  return (
    <div className="effect-list" data-query={formatEffectQuery(shownQuery)} aria-busy={query !== shownQuery}>
      <div className="page-header">
        <PageTitle text={t('evidence:lists.effects.title')} />
      </div>
      <ErrorMessage error={error} />
      {!rows && !error && <p className="loading">{t('common:loading')}</p>}
      {rows && rows.length === 0 && (
        <div className="empty-state">
          <h2>{t('evidence:lists.effects.emptyTitle')}</h2>
          <p>{t('evidence:lists.effects.emptyText')}</p>
          <a className="button primary" href={hrefOf({ screen: 'list' })}>
            {t('evidence:lists.toIncidents')}
          </a>
        </div>
      )}
      {rows && rows.length > 0 && (
        <>
          <EffectListControls places={places} query={query} onChange={setQuery} onSearchDone={flush} />
          <SavedViews list="effects" query={formatEffectQuery(query)} />
          <ListResults
            status={t('evidence:lists.effects.showing', { count: rows.length, shown: shown.length })}
            onClear={() => setQuery(initialEffectQuery)}
            table={
              shown.length > 0 ? (
                <EffectTable
                  rows={shown}
                  sorted={{ sort, direction: order || naturalEffectDirection(sort) }}
                  onSort={(column) => setQuery({ ...query, ...nextSort(query, column, naturalEffectDirection) })}
                />
              ) : null
            }
          />
        </>
      )}
    </div>
  );
}
