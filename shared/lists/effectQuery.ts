/**
 * Search, filter and sort of the effects list, as pure functions, and its
 * address (`#/effects?q=…&category=…&area=…&severity=…&from=…&to=…&sort=…`).
 * The time range keeps effects that occurred on one of its days, as written
 * in the record's own offset: the overview counts effects by that same day,
 * so a bar of its chart and the list it links to agree. Rows are indexed once
 * per load, as for incidents (docs/spec/performance.md P8).
 */
import type { Language, RecordSummary } from '../ipc';
import { effectCategories, instantOf, severities, type Effect } from '../model';
import {
  areaParam,
  paramsOf,
  dayOf,
  keeps,
  normalizeForSearch,
  readArea,
  readCode,
  readDay,
  readSort,
  searchWords,
  sortParams,
  writeParams,
  type Matcher,
  type SortDirection,
  type SortSpec,
} from './listParams';

export const effectSorts = ['occurred', 'category', 'severity', 'updated'] as const;
export type EffectSort = (typeof effectSorts)[number];

export interface EffectQuery extends SortSpec<EffectSort> {
  search: string;
  category: Effect['category'] | '';
  /** "code:KZ-75", "place:…" or "". */
  area: string;
  severity: Effect['severity'] | '';
  /** YYYY-MM-DD or "": the day the effect occurred, inclusive. */
  from: string;
  to: string;
}

export const initialEffectQuery: EffectQuery = { search: '', category: '', area: '', severity: '', from: '', to: '', sort: 'occurred', order: '' };

/** Latest and most severe first; categories in the taxonomy's order. */
export const naturalEffectDirection = (sort: EffectSort): SortDirection => (sort === 'category' ? 'asc' : 'desc');

export function parseEffectQuery(text: string): EffectQuery {
  const params = paramsOf(text);
  return {
    search: params.get('q') ?? '',
    category: readCode(params, 'category', effectCategories),
    area: readArea(params),
    severity: readCode(params, 'severity', severities),
    from: readDay(params, 'from'),
    to: readDay(params, 'to'),
    ...readSort(params, effectSorts, initialEffectQuery.sort),
  };
}

export function formatEffectQuery(query: EffectQuery): string {
  return writeParams([
    ['q', query.search],
    ['category', query.category],
    ['area', areaParam(query.area)],
    ['severity', query.severity],
    ['from', query.from],
    ['to', query.to],
    ...sortParams(query, initialEffectQuery.sort, naturalEffectDirection(query.sort)),
  ]);
}

export interface EffectRow {
  summary: RecordSummary;
  effect: Effect;
}

export interface EffectListRow extends EffectRow {
  /** The title of the effect's incident, when it is in the archive. */
  incidentTitle: string | null;
}

export interface EffectEntry {
  row: EffectListRow;
  text: string;
  area: string;
  /** The day it occurred, as written; "" when not given. */
  day: string;
  occurred: number;
  updated: number;
}

export function indexEffects(rows: readonly EffectListRow[]): EffectEntry[] {
  return rows.map((row) => {
    const { effect } = row;
    return {
      row,
      text: normalizeForSearch(`${effect.description}\n${row.incidentTitle ?? ''}`),
      area: effect.area ? ('code' in effect.area ? `code:${effect.area.code}` : `place:${effect.area.place}`) : '',
      day: effect.occurredAt ? dayOf(effect.occurredAt.at) : '',
      occurred: effect.occurredAt ? instantOf(effect.occurredAt) : -Infinity,
      updated: Date.parse(row.summary.updatedAt),
    };
  });
}

const severityRank = (entry: EffectEntry) => severities.indexOf(entry.row.effect.severity);
const categoryRank = (entry: EffectEntry) => effectCategories.indexOf(entry.row.effect.category);

export function sortEffects(entries: readonly EffectEntry[], spec: SortSpec<EffectSort>, lng: Language): EffectEntry[] {
  return [...entries].sort(compareEffects(spec, lng));
}

export function compareEffects<E extends EffectEntry>(spec: SortSpec<EffectSort>, lng: Language): (a: E, b: E) => number {
  const collator = new Intl.Collator(lng, { sensitivity: 'base', numeric: true });
  const byKey: Record<EffectSort, (a: EffectEntry, b: EffectEntry) => number> = {
    occurred: (a, b) => a.occurred - b.occurred,
    category: (a, b) => categoryRank(a) - categoryRank(b),
    severity: (a, b) => severityRank(a) - severityRank(b),
    updated: (a, b) => a.updated - b.updated,
  };
  const compare = byKey[spec.sort];
  const sign = (spec.order || naturalEffectDirection(spec.sort)) === 'asc' ? 1 : -1;
  // Ties: latest first, then by description, whatever the direction.
  return (a, b) => sign * compare(a, b) || b.occurred - a.occurred || collator.compare(a.row.effect.description, b.row.effect.description);
}

export function effectMatcher(query: EffectQuery): Matcher<EffectEntry> {
  const { category, severity, area, from, to } = query;
  const fields = (entry: EffectEntry) => {
    const { effect } = entry.row;
    if (category && effect.category !== category) return false;
    if (severity && effect.severity !== severity) return false;
    if (area && entry.area !== area) return false;
    return !(from || to) || (entry.day !== '' && !(from && entry.day < from) && !(to && entry.day > to));
  };
  return { words: searchWords(query.search), fields };
}

export function filterEffects(entries: readonly EffectEntry[], query: EffectQuery): EffectListRow[] {
  const matcher = effectMatcher(query);
  const kept: EffectListRow[] = [];
  for (const entry of entries) if (keeps(matcher, entry)) kept.push(entry.row);
  return kept;
}
