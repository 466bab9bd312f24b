/**
 * "Which records": all of them, a checklist of incidents, each saying what
 * it brings along (its effects on people and their sources), or the
 * incidents matching a filter, as the export will select them. It holds no
 * state; the export screen does.
 */
import { useTranslation } from 'react-i18next';
import type { BundleProfile } from '../../../shared/model';
import { IncidentFilterFields } from './IncidentFilterFields';
import { selectRecords, type PreviewRecord } from './profilePreview';
import type { IncidentFilter, RecordScope } from './recordScope';

interface Props {
  records: readonly PreviewRecord[];
  profile: BundleProfile;
  scope: RecordScope;
  chosen: readonly string[];
  filter: IncidentFilter;
  /** The ids of the incidents the filter matches now. */
  matching: readonly string[];
  /** Shown under the choice when it takes no incident and the person tried to export. */
  problem: string | null;
  onScope: (scope: RecordScope) => void;
  onChosen: (chosen: string[]) => void;
  onFilter: (filter: IncidentFilter) => void;
}

export const problemId = 'export-records-problem';

export function RecordChoice({ records, profile, scope, chosen, filter, matching, problem, onScope, onChosen, onFilter }: Props) {
  const { t } = useTranslation();
  const incidents = records.filter((record) => record.type === 'incident' && !record.retracted);
  const all = selectRecords(records, null, profile);
  const counted = (selection: readonly PreviewRecord[]) => ({
    incidents: t('report:counts.incidents', { count: selection.filter((record) => record.type === 'incident').length }),
    effects: t('report:counts.effects', { count: selection.filter((record) => record.type === 'effect').length }),
    sources: t('report:counts.sources', { count: selection.filter((record) => record.type === 'source').length }),
  });

  function toggle(recordId: string, checked: boolean) {
    const others = chosen.filter((id) => id !== recordId);
    // Keep the archive's order, whatever order the boxes were ticked in.
    onChosen(checked ? incidents.map((record) => record.recordId).filter((id) => id === recordId || others.includes(id)) : others);
  }

  return (
    <fieldset className="export-records" aria-describedby={problem ? problemId : undefined}>
      <legend>{t('verify:export.records.legend')}</legend>
      <div className="export-option">
        <input id="export-scope-all" type="radio" name="export-scope" checked={scope === 'all'} onChange={() => onScope('all')} aria-describedby="export-scope-all-hint" />
        <label htmlFor="export-scope-all">{t('verify:export.records.all')}</label>
        <p className="hint" id="export-scope-all-hint">
          {t('verify:export.records.allCounts', counted(all))}
        </p>
      </div>
      <div className="export-option">
        <input
          id="export-scope-filter"
          type="radio"
          name="export-scope"
          checked={scope === 'filter'}
          disabled={incidents.length === 0}
          onChange={() => onScope('filter')}
          aria-describedby="export-scope-filter-hint"
        />
        <label htmlFor="export-scope-filter">{t('verify:export.records.filter')}</label>
        <p className="hint" id="export-scope-filter-hint">
          {incidents.length === 0 ? t('verify:export.records.noIncidents') : t('verify:export.records.filterHint')}
        </p>
      </div>
      {scope === 'filter' && incidents.length > 0 && (
        <IncidentFilterFields records={records} profile={profile} filter={filter} matching={matching} onFilter={onFilter} />
      )}
      <div className="export-option">
        <input
          id="export-scope-chosen"
          type="radio"
          name="export-scope"
          checked={scope === 'chosen'}
          disabled={incidents.length === 0}
          onChange={() => onScope('chosen')}
          aria-describedby="export-scope-chosen-hint"
        />
        <label htmlFor="export-scope-chosen">{t('verify:export.records.chosen')}</label>
        <p className="hint" id="export-scope-chosen-hint">
          {incidents.length === 0 ? t('verify:export.records.noIncidents') : t('verify:export.records.chosenHint')}
        </p>
      </div>
      {scope === 'chosen' && incidents.length > 0 && (
        <ul className="export-incidents" aria-label={t('verify:export.records.listLabel')}>
          {incidents.map((incident) => {
            const id = `export-incident-${incident.recordId}`;
            const brings = counted(selectRecords(records, [incident.recordId], profile));
            return (
              <li key={incident.recordId}>
                <input
                  id={id}
                  type="checkbox"
                  checked={chosen.includes(incident.recordId)}
                  onChange={(event) => toggle(incident.recordId, event.target.checked)}
                  aria-describedby={`${id}-brings`}
                />
                <label htmlFor={id}>
                  <bdi>{String(incident.data?.title ?? '')}</bdi>
                </label>
                <p className="hint" id={`${id}-brings`}>
                  {t('verify:export.records.brings', brings)}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {problem && (
        <p className="field-error" id={problemId}>
          {problem}
        </p>
      )}
    </fieldset>
  );
}
