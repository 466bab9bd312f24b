/**
 * The search box, the kind, area and time range filters, the sort order and
 * the "show retracted" toggle above the incident list. It edits a ListQuery
 * and nothing else; the list applies it.
 */
import { useTranslation } from 'react-i18next';
import { incidentKinds, type IncidentKind } from '../../../shared/model';
import { AreaSelect } from '../lists/AreaSelect';
import { DateRangeFields } from '../lists/DateRangeFields';
import { FilterDisclosure } from '../lists/FilterDisclosure';
import { sortOrders, type ListQuery, type SortOrder } from '../../../shared/lists/incidentQuery';

interface Props {
  /** The free-text places the incidents name, sorted. */
  places: readonly string[];
  query: ListQuery;
  onChange: (query: ListQuery, options?: { typing?: boolean }) => void;
  /** The search box lost focus: what was typed may go to the address now. */
  onSearchDone: () => void;
}

export function IncidentListControls({ places, query, onChange, onSearchDone }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<ListQuery>) => onChange({ ...query, ...change });

  return (
    <form className="list-controls" role="search" aria-label={t('incidents:list.controlsLabel')} onSubmit={(event) => event.preventDefault()}>
      <div className="field search-field">
        <label htmlFor="incident-search">{t('incidents:list.search')}</label>
        <input
          id="incident-search"
          type="search"
          value={query.search}
          aria-describedby="incident-search-hint"
          onChange={(event) => onChange({ ...query, search: event.target.value }, { typing: true })}
          onBlur={onSearchDone}
        />
        <p className="hint" id="incident-search-hint">
          {t('incidents:list.searchHint')}
        </p>
      </div>
      <FilterDisclosure active={[query.kind, query.area, query.from, query.to, query.showRetracted].filter(Boolean).length}>
        <div className="field">
          <label htmlFor="incident-filter-kind">{t('incidents:list.filterKind')}</label>
          <select id="incident-filter-kind" value={query.kind} onChange={(event) => set({ kind: event.target.value as IncidentKind | '' })}>
            <option value="">{t('incidents:list.anyKind')}</option>
            {incidentKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`taxonomy:kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="incident-filter-area">{t('incidents:list.filterArea')}</label>
          <AreaSelect id="incident-filter-area" value={query.area} places={places} onChange={(area) => set({ area })} />
        </div>
        <div className="field">
          <label htmlFor="incident-sort">{t('incidents:list.sort')}</label>
          <select id="incident-sort" value={query.sort} onChange={(event) => set({ sort: event.target.value as SortOrder, order: '' })}>
            {sortOrders.map((order) => (
              <option key={order} value={order}>
                {t(`incidents:list.sortBy.${order}`)}
              </option>
            ))}
          </select>
        </div>
        <DateRangeFields id="incident-range" from={query.from} to={query.to} hint={t('incidents:list.rangeHint')} onChange={set} />
        <div className="field checkbox-field">
          <input
            id="incident-show-retracted"
            type="checkbox"
            checked={query.showRetracted}
            onChange={(event) => set({ showRetracted: event.target.checked })}
          />
          <label htmlFor="incident-show-retracted">{t('incidents:list.showRetracted')}</label>
        </div>
      </FilterDisclosure>
    </form>
  );
}
