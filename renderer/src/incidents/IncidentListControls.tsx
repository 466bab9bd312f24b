/**
 * The search box, the kind and area filters, the sort order and the
 * "show retracted" toggle above the incident list. It edits a ListQuery and
 * nothing else; the list applies it.
 */
import { useTranslation } from 'react-i18next';
import { gazetteers, incidentKinds, type IncidentKind } from '../../../shared/model';
import { currentLanguage } from '../i18n';
import type { IncidentRow } from './incidentRecords';
import { areaKeys, sortOrders, type ListQuery, type SortOrder } from './listQuery';

interface Props {
  rows: readonly IncidentRow[];
  query: ListQuery;
  onChange: (query: ListQuery) => void;
}

export function IncidentListControls({ rows, query, onChange }: Props) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const set = (change: Partial<ListQuery>) => onChange({ ...query, ...change });
  const collator = new Intl.Collator(lng);
  const regions = [...(gazetteers.KZ ?? [])].sort((a, b) => collator.compare(a.name[lng], b.name[lng]));
  const places = [...new Set(rows.flatMap(areaKeys).filter((key) => key.startsWith('place:')))]
    .map((key) => key.slice('place:'.length))
    .sort(collator.compare);

  return (
    <form className="list-controls" role="search" aria-label={t('incidents:list.controlsLabel')} onSubmit={(event) => event.preventDefault()}>
      <div className="field search-field">
        <label htmlFor="incident-search">{t('incidents:list.search')}</label>
        <input
          id="incident-search"
          type="search"
          value={query.search}
          aria-describedby="incident-search-hint"
          onChange={(event) => set({ search: event.target.value })}
        />
        <p className="hint" id="incident-search-hint">
          {t('incidents:list.searchHint')}
        </p>
      </div>
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
        <select id="incident-filter-area" value={query.area} onChange={(event) => set({ area: event.target.value })}>
          <option value="">{t('incidents:list.anyArea')}</option>
          <optgroup label={t('incidents:list.regionsGroup')}>
            {regions.map((area) => (
              <option key={area.code} value={`code:${area.code}`}>
                {area.name[lng]}
              </option>
            ))}
          </optgroup>
          {places.length > 0 && (
            <optgroup label={t('incidents:list.placesGroup')}>
              {places.map((place) => (
                <option key={place} value={`place:${place}`}>
                  {place}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <div className="field">
        <label htmlFor="incident-sort">{t('incidents:list.sort')}</label>
        <select id="incident-sort" value={query.sort} onChange={(event) => set({ sort: event.target.value as SortOrder })}>
          {sortOrders.map((order) => (
            <option key={order} value={order}>
              {t(`incidents:list.sortBy.${order}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field checkbox-field">
        <input
          id="incident-show-retracted"
          type="checkbox"
          checked={query.showRetracted}
          onChange={(event) => set({ showRetracted: event.target.checked })}
        />
        <label htmlFor="incident-show-retracted">{t('incidents:list.showRetracted')}</label>
      </div>
    </form>
  );
}
