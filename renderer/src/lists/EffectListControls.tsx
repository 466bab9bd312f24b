/**
 * The search box, the category, severity, area and time range filters and
 * the sort order above the effects list. It edits an EffectQuery and
 * nothing else; the list applies it.
 */
import { useTranslation } from 'react-i18next';
import { effectCategories, severities, type Effect } from '../../../shared/model';
import { AreaSelect } from './AreaSelect';
import { DateRangeFields } from './DateRangeFields';
import { FilterDisclosure } from './FilterDisclosure';
import { effectSorts, type EffectQuery, type EffectSort } from '../../../shared/lists/effectQuery';

interface Props {
  places: readonly string[];
  query: EffectQuery;
  onChange: (query: EffectQuery, options?: { typing?: boolean }) => void;
  onSearchDone: () => void;
}

export function EffectListControls({ places, query, onChange, onSearchDone }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<EffectQuery>) => onChange({ ...query, ...change });
  return (
    <form className="list-controls" role="search" aria-label={t('evidence:lists.effects.controlsLabel')} onSubmit={(event) => event.preventDefault()}>
      <div className="field search-field">
        <label htmlFor="effect-search">{t('incidents:list.search')}</label>
        <input
          id="effect-search"
          type="search"
          value={query.search}
          aria-describedby="effect-search-hint"
          onChange={(event) => onChange({ ...query, search: event.target.value }, { typing: true })}
          onBlur={onSearchDone}
        />
        <p className="hint" id="effect-search-hint">
          {t('evidence:lists.effects.searchHint')}
        </p>
      </div>
      <FilterDisclosure active={[query.category, query.severity, query.area, query.from, query.to].filter(Boolean).length}>
        <div className="field">
          <label htmlFor="effect-filter-category">{t('evidence:effect.fields.category')}</label>
          <select id="effect-filter-category" value={query.category} onChange={(event) => set({ category: event.target.value as Effect['category'] | '' })}>
            <option value="">{t('evidence:lists.anyCategory')}</option>
            {effectCategories.map((category) => (
              <option key={category} value={category}>
                {t(`taxonomy:category.${category}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="effect-filter-severity">{t('evidence:effect.fields.severity')}</label>
          <select id="effect-filter-severity" value={query.severity} onChange={(event) => set({ severity: event.target.value as Effect['severity'] | '' })}>
            <option value="">{t('evidence:lists.anySeverity')}</option>
            {severities.map((severity) => (
              <option key={severity} value={severity}>
                {t(`taxonomy:severity.${severity}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="effect-filter-area">{t('incidents:list.filterArea')}</label>
          <AreaSelect id="effect-filter-area" value={query.area} places={places} onChange={(area) => set({ area })} />
        </div>
        <DateRangeFields id="effect-range" from={query.from} to={query.to} hint={t('evidence:lists.effects.rangeHint')} onChange={set} />
        <div className="field">
          <label htmlFor="effect-sort">{t('incidents:list.sort')}</label>
          <select id="effect-sort" value={query.sort} onChange={(event) => set({ sort: event.target.value as EffectSort, order: '' })}>
            {effectSorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`evidence:lists.effects.sortBy.${sort}`)}
              </option>
            ))}
          </select>
        </div>
      </FilterDisclosure>
    </form>
  );
}
