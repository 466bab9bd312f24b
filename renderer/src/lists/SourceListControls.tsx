/**
 * The search box, the kind and consent filters and the sort order above the
 * sources list. It edits a SourceQuery and nothing else; the list applies it.
 */
import { useTranslation } from 'react-i18next';
import { sourceKinds, type Source } from '../../../shared/model';
import { FilterDisclosure } from './FilterDisclosure';
import { consentFilters, sourceSorts, type ConsentFilter, type SourceQuery, type SourceSort } from '../../../shared/lists/sourceQuery';

interface Props {
  query: SourceQuery;
  onChange: (query: SourceQuery, options?: { typing?: boolean }) => void;
  onSearchDone: () => void;
}

export function SourceListControls({ query, onChange, onSearchDone }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<SourceQuery>) => onChange({ ...query, ...change });
  return (
    <form className="list-controls" role="search" aria-label={t('evidence:lists.sources.controlsLabel')} onSubmit={(event) => event.preventDefault()}>
      <div className="field search-field">
        <label htmlFor="source-search">{t('incidents:list.search')}</label>
        <input
          id="source-search"
          type="search"
          value={query.search}
          aria-describedby="source-search-hint"
          onChange={(event) => onChange({ ...query, search: event.target.value }, { typing: true })}
          onBlur={onSearchDone}
        />
        <p className="hint" id="source-search-hint">
          {t('evidence:lists.sources.searchHint')}
        </p>
      </div>
      <FilterDisclosure active={[query.kind, query.consent].filter(Boolean).length}>
        <div className="field">
          <label htmlFor="source-filter-kind">{t('evidence:source.fields.kind')}</label>
          <select id="source-filter-kind" value={query.kind} onChange={(event) => set({ kind: event.target.value as Source['kind'] | '' })}>
            <option value="">{t('incidents:list.anyKind')}</option>
            {sourceKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`taxonomy:sourceKind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="source-filter-consent">{t('evidence:source.fields.consent')}</label>
          <select id="source-filter-consent" value={query.consent} onChange={(event) => set({ consent: event.target.value as ConsentFilter | '' })}>
            <option value="">{t('evidence:lists.sources.anyConsent')}</option>
            {consentFilters.map((consent) => (
              <option key={consent} value={consent}>
                {t(`evidence:lists.sources.consent.${consent}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="source-sort">{t('incidents:list.sort')}</label>
          <select id="source-sort" value={query.sort} onChange={(event) => set({ sort: event.target.value as SourceSort, order: '' })}>
            {sourceSorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`evidence:lists.sources.sortBy.${sort}`)}
              </option>
            ))}
          </select>
        </div>
      </FilterDisclosure>
    </form>
  );
}
