/**
 * Which records an export takes, as pure functions: all of them, the
 * incidents ticked one by one, or the incidents a filter matches (search
 * text, kind, area: the incident list's own `filterRows`, so a filter means
 * the same on both screens). Each incident brings its effects, sources and
 * files; the engine adds those from the ids given here. It never reads the
 * archive itself and never decides what a profile keeps back.
 */
import type { Language } from '../../../shared/ipc';
import { gazetteers, Incident } from '../../../shared/model';
import { areaKeys, filterRows, type ListQuery } from '../../../shared/lists/incidentQuery';
import type { PreviewRecord } from './profilePreview';

export type RecordScope = 'all' | 'chosen' | 'filter';

/** The filters of the incident list that choose records (sort and "show retracted" do not). */
export type IncidentFilter = Pick<ListQuery, 'search' | 'kind' | 'area'>;

export const emptyFilter: IncidentFilter = { search: '', kind: '', area: '' };

/** Why the export cannot start with this choice of records, or null. */
export type RecordsProblem = 'noneChosen' | 'noneMatch' | null;

function incidentRows(records: readonly PreviewRecord[]) {
  return records
    .filter((record) => record.type === 'incident')
    .map((record) => {
      const parsed = Incident.safeParse(record.data);
      return { recordId: record.recordId, summary: { retracted: record.retracted }, incident: parsed.success ? parsed.data : null };
    });
}

/**
 * The ids of the incidents the filter matches, in the archive's order.
 * Retracted incidents never match: they are not offered one by one either.
 */
export function matchingIncidents(records: readonly PreviewRecord[], filter: IncidentFilter): string[] {
  return filterRows(incidentRows(records), { ...filter, showRetracted: false }).map((row) => row.recordId);
}

/** The area filter's choices: the gazetteer's regions and cities, and the free-text places the incidents name. */
export function areaChoices(records: readonly PreviewRecord[], lng: Language) {
  const collator = new Intl.Collator(lng);
  const regions = [...(gazetteers.KZ ?? [])]
    .sort((a, b) => collator.compare(a.name[lng], b.name[lng]))
    .map((area) => ({ value: `code:${area.code}`, label: area.name[lng] }));
  const places = [...new Set(incidentRows(records).flatMap(areaKeys).filter((key) => key.startsWith('place:')))]
    .map((key) => key.slice('place:'.length))
    .sort(collator.compare)
    .map((place) => ({ value: `place:${place}`, label: place }));
  return { regions, places };
}

/** The `only` of the export request: undefined for all records, else the incidents to take. */
export function exportOnly(scope: RecordScope, chosen: readonly string[], matching: readonly string[]): string[] | undefined {
  if (scope === 'chosen') return [...chosen];
  if (scope === 'filter') return [...matching];
  return undefined;
}

/** An export of no incident at all is refused before it starts, with the reason. */
export function recordsProblem(scope: RecordScope, chosen: readonly string[], matching: readonly string[]): RecordsProblem {
  if (scope === 'chosen' && chosen.length === 0) return 'noneChosen';
  if (scope === 'filter' && matching.length === 0) return 'noneMatch';
  return null;
}
