/**
 * Search, filter and sort of the incident list, as pure functions over the
 * loaded rows, and the list's address (`#/?q=…&kind=…&area=…&from=…&to=…&sort=…`).
 * Search ignores case in every script (Cyrillic and Kazakh letters
 * included) and treats "ё" as "е", as Russian readers do. The export wizard
 * filters incidents with the same `filterRows`, so that a filter there means
 * what it means in the list.
 *
 * For 100k incidents (docs/spec/performance.md P8) the list indexes its rows once
 * (lower-case search text, days, sort keys), sorts the index once per order,
 * and each keystroke is then one pass over that sorted index (the engine
 * first finds the entries whose text holds every search word, over all
 * texts at once, and tests only their other fields).
 */
import type { Language, RecordSummary } from '../ipc';
import { incidentKinds, instantOf, type Incident, type IncidentKind } from '../model';
import { areaRowOf } from '../overview/areaRow';
import {
  areaParam,
  paramsOf,
  dayOf,
  keeps,
  meetsRange,
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

export { normalizeForSearch };

/** An incident as the list shows it: its summary, and the head's fields (a retracted record's last live ones); null if unreadable. */
export interface IncidentRow {
  summary: RecordSummary;
  incident: Incident | null;
}

export const sortOrders = ['start', 'title', 'updated'] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface ListQuery extends SortSpec<SortOrder> {
  search: string;
  kind: IncidentKind | '';
  /** "code:KZ-75", "place:Zhanaozen" or "" for any area. */
  area: string;
  /** YYYY-MM-DD or "": incidents whose period meets [from, to], days as written. */
  from: string;
  to: string;
  showRetracted: boolean;
}

export const initialQuery: ListQuery = { search: '', kind: '', area: '', from: '', to: '', sort: 'start', order: '', showRetracted: false };

/** Latest first for dates, A to Z for titles. */
export const naturalDirection = (sort: SortOrder): SortDirection => (sort === 'title' ? 'asc' : 'desc');

/** The part of a query that decides which rows are kept (the sort only orders them). */
export type ListFilter = Pick<ListQuery, 'search' | 'kind' | 'area' | 'showRetracted'> & Partial<Pick<ListQuery, 'from' | 'to'>>;

/** What filtering reads of a row: the incident's fields and whether the record is retracted. */
export interface FilterableRow {
  summary: Pick<RecordSummary, 'retracted'>;
  incident: Incident | null;
}

/** The list's query from its address (`kind=full_network&area=KZ-75`); what it does not know reads as "any". */
export function parseListQuery(text: string): ListQuery {
  const params = paramsOf(text);
  return {
    search: params.get('q') ?? '',
    kind: readCode(params, 'kind', incidentKinds),
    area: readArea(params),
    from: readDay(params, 'from'),
    to: readDay(params, 'to'),
    ...readSort(params, sortOrders, initialQuery.sort),
    showRetracted: params.get('retracted') === '1',
  };
}

export function formatListQuery(query: ListQuery): string {
  return writeParams([
    ['q', query.search],
    ['kind', query.kind],
    ['area', areaParam(query.area)],
    ['from', query.from],
    ['to', query.to],
    ...sortParams(query, initialQuery.sort, naturalDirection(query.sort)),
    ['retracted', query.showRetracted ? '1' : ''],
  ]);
}

export function areaKeys(row: Pick<FilterableRow, 'incident'>): string[] {
  const incident = row.incident;
  if (!incident) return [];
  const keys = incident.areas.flatMap((area) => {
    const own = 'code' in area ? `code:${area.code}` : `place:${area.place}`;
    // A city or district, or a typed place the gazetteer knows, is also found under its region as of the incident's start.
    const region = areaRowOf(area, incident.startedAt.at, incident.country);
    return region?.kind === 'code' && `code:${region.key}` !== own ? [own, `code:${region.key}`] : [own];
  });
  return [...new Set(keys)];
}

/** One row as filtering and sorting read it, worked out once per load. */
export interface IncidentEntry<R extends FilterableRow = FilterableRow> {
  row: R;
  /** Title, summary, operators and tags, normalized for search. */
  text: string;
  areas: string[];
  firstDay: string;
  /** null: still going on (or no end given, as the overview reads it). */
  lastDay: string | null;
  start: number;
  title: string;
  updated: number;
}

export function indexRows<R extends FilterableRow & { summary: Partial<Pick<RecordSummary, 'updatedAt'>> }>(rows: readonly R[]): IncidentEntry<R>[] {
  return rows.map((row) => {
    const incident = row.incident;
    return {
      row,
      text: incident ? normalizeForSearch(`${incident.title}\n${incident.summary}\n${incident.operators.join('\n')}\n${incident.tags.join('\n')}`) : '',
      areas: areaKeys(row),
      firstDay: incident ? dayOf(incident.startedAt.at) : '',
      lastDay: incident && !incident.ongoing && incident.endedAt ? dayOf(incident.endedAt.at) : null,
      start: incident ? instantOf(incident.startedAt) : -Infinity,
      title: incident?.title ?? '',
      updated: row.summary.updatedAt ? Date.parse(row.summary.updatedAt) : 0,
    };
  });
}

/** The entries in the query's order (a new array; the index is left as it is). */
export function sortEntries<E extends IncidentEntry<FilterableRow>>(entries: readonly E[], spec: SortSpec<SortOrder>, lng: Language): E[] {
  return [...entries].sort(compareEntries(spec, lng));
}

/** The order of two entries under a sort, for sorting once and inserting a changed entry in place. */
export function compareEntries<E extends IncidentEntry<FilterableRow>>(spec: SortSpec<SortOrder>, lng: Language): (a: E, b: E) => number {
  const collator = new Intl.Collator(lng, { sensitivity: 'base', numeric: true });
  const byTitle = (a: E, b: E) => collator.compare(a.title, b.title);
  const compare: (a: E, b: E) => number =
    spec.sort === 'title'
      ? byTitle
      : spec.sort === 'updated'
        ? (a, b) => a.updated - b.updated
        : (a, b) => a.start - b.start || byTitle(b, a);
  const sign = (spec.order || naturalDirection(spec.sort)) === 'asc' ? 1 : -1;
  return (a, b) => sign * compare(a, b);
}

export function incidentMatcher(filter: ListFilter): Matcher<IncidentEntry> {
  const words = searchWords(filter.search);
  const { kind, area, from = '', to = '', showRetracted } = filter;
  const anyField = kind || area || from || to;
  const fields = (entry: IncidentEntry) => {
    const { row } = entry;
    if (!showRetracted && row.summary.retracted) return false;
    if (!anyField) return true;
    // An unreadable record matches no filter, only the whole list (its text is empty, so no search finds it either).
    if (!row.incident) return false;
    if (kind && !row.incident.kinds.includes(kind)) return false;
    if (area && !entry.areas.includes(area)) return false;
    return !(from || to) || meetsRange(entry.firstDay, entry.lastDay, from, to);
  };
  return { words, fields };
}

/** The rows of the entries the filter keeps, in the entries' order. */
export function filterEntries<R extends FilterableRow>(entries: readonly IncidentEntry<R>[], filter: ListFilter): R[] {
  const matcher = incidentMatcher(filter);
  const kept: R[] = [];
  for (const entry of entries) if (keeps(matcher, entry)) kept.push(entry.row);
  return kept;
}

/** The rows the filter keeps, in the order given. */
export function filterRows<R extends FilterableRow>(rows: readonly R[], filter: ListFilter): R[] {
  return filterEntries(indexRows(rows), filter);
}

export function applyQuery(rows: readonly IncidentRow[], query: ListQuery, lng: Language): IncidentRow[] {
  return filterEntries(sortEntries(indexRows(rows), query, lng), query);
}
