/**
 * The filter of "incidents matching a filter" in the export wizard: the
 * incident list's search, kind and area, with their labels, and a live count
 * of what the filter takes now (incidents, and the effects and sources they
 * bring under the chosen profile). It edits an IncidentFilter and nothing
 * else; which incidents match is worked out by the export screen.
 */
import { useTranslation } from 'react-i18next';
import { incidentKinds, type BundleProfile, type IncidentKind } from '../../../shared/model';
import { currentLanguage } from '../i18n';
import { selectRecords, type PreviewRecord } from './profilePreview';
import { areaChoices, type IncidentFilter } from './recordScope';

interface Props {
  records: readonly PreviewRecord[];
  profile: BundleProfile;
  filter: IncidentFilter;
  /** The ids of the incidents the filter matches now. */
  matching: readonly string[];
  onFilter: (filter: IncidentFilter) => void;
}

/** The first control, where focus goes when a filter matching nothing stops the export. */
export const filterSearchId = 'export-filter-search';

export function IncidentFilterFields({ records, profile, filter, matching, onFilter }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<IncidentFilter>) => onFilter({ ...filter, ...change });
  const { regions, places } = areaChoices(records, currentLanguage());
  const taken = selectRecords(records, matching, profile);
  const count = (type: PreviewRecord['type']) => taken.filter((record) => record.type === type).length;

  return (
    <fieldset className="export-filter">
      <legend>{t('verify:export.records.filterLegend')}</legend>
      <div className="field">
        <label htmlFor={filterSearchId}>{t('incidents:list.search')}</label>
        <input
          id={filterSearchId}
          type="search"
          value={filter.search}
          aria-describedby="export-filter-search-hint"
          onChange={(event) => set({ search: event.target.value })}
        />
        <p className="hint" id="export-filter-search-hint">
          {t('incidents:list.searchHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="export-filter-kind">{t('incidents:list.filterKind')}</label>
        <select id="export-filter-kind" value={filter.kind} onChange={(event) => set({ kind: event.target.value as IncidentKind | '' })}>
          <option value="">{t('incidents:list.anyKind')}</option>
          {incidentKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`taxonomy:kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="export-filter-area">{t('incidents:list.filterArea')}</label>
        <select id="export-filter-area" value={filter.area} onChange={(event) => set({ area: event.target.value })}>
          <option value="">{t('incidents:list.anyArea')}</option>
          <optgroup label={t('incidents:list.regionsGroup')}>
            {regions.map((area) => (
              <option key={area.value} value={area.value}>
                {area.label}
              </option>
            ))}
          </optgroup>
          {places.length > 0 && (
            <optgroup label={t('incidents:list.placesGroup')}>
              {places.map((place) => (
                <option key={place.value} value={place.value}>
                  {place.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <p className="export-filter-matches" id="export-filter-matches" role="status">
        {matching.length === 0
          ? t('verify:export.records.noMatch')
          : t('verify:export.records.matching', {
              incidents: t('report:counts.incidents', { count: count('incident') }),
              effects: t('report:counts.effects', { count: count('effect') }),
              sources: t('report:counts.sources', { count: count('source') }),
            })}
      </p>
    </fieldset>
  );
}
