/**
 * Search, filter and sort of the incident list, as pure functions over the
 * loaded rows. Search ignores case in every script (Cyrillic and Kazakh
 * letters included) and treats "ё" as "е", as Russian readers do. The export
 * wizard filters incidents with the same `filterRows`, so that a filter there
 * means what it means in the list.
 */
import type { Language, RecordSummary } from '../../../shared/ipc';
import { instantOf, type Incident, type IncidentKind } from '../../../shared/model';
import type { IncidentRow } from './incidentRecords';

export const sortOrders = ['start', 'title', 'updated'] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface ListQuery {
  search: string;
  kind: IncidentKind | '';
  /** "code:KZ-75", "place:Zhanaozen" or "" for any area. */
  area: string;
  sort: SortOrder;
  showRetracted: boolean;
}

export const initialQuery: ListQuery = { search: '', kind: '', area: '', sort: 'start', showRetracted: false };

/** The part of a query that decides which rows are kept (the sort only orders them). */
export type ListFilter = Pick<ListQuery, 'search' | 'kind' | 'area' | 'showRetracted'>;

/** What filtering reads of a row: the incident's fields and whether the record is retracted. */
export interface FilterableRow {
  summary: Pick<RecordSummary, 'retracted'>;
  incident: Incident | null;
}

export function normalizeForSearch(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase().replaceAll('ё', 'е');
}

function matchesSearch(row: FilterableRow, words: string[]): boolean {
  const incident = row.incident;
  if (!incident) return words.length === 0;
  const haystack = normalizeForSearch(
    [incident.title, incident.summary, ...incident.operators, ...incident.tags].join('\n'),
  );
  return words.every((word) => haystack.includes(word));
}

export function areaKeys(row: Pick<FilterableRow, 'incident'>): string[] {
  return (row.incident?.areas ?? []).map((area) => ('code' in area ? `code:${area.code}` : `place:${area.place}`));
}

/** The rows the filter keeps, in the order given. */
export function filterRows<R extends FilterableRow>(rows: readonly R[], filter: ListFilter): R[] {
  const words = normalizeForSearch(filter.search).split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) =>
      (filter.showRetracted || !row.summary.retracted) &&
      matchesSearch(row, words) &&
      (!filter.kind || (row.incident?.kinds ?? []).includes(filter.kind)) &&
      (!filter.area || areaKeys(row).includes(filter.area)),
  );
}

export function applyQuery(rows: readonly IncidentRow[], query: ListQuery, lng: Language): IncidentRow[] {
  return filterRows(rows, query).sort(comparator(query.sort, lng));
}

function comparator(sort: SortOrder, lng: Language): (a: IncidentRow, b: IncidentRow) => number {
  const collator = new Intl.Collator(lng, { sensitivity: 'base', numeric: true });
  const title = (row: IncidentRow) => row.incident?.title ?? '';
  const started = (row: IncidentRow) => (row.incident ? instantOf(row.incident.startedAt) : -Infinity);
  switch (sort) {
    case 'title':
      return (a, b) => collator.compare(title(a), title(b));
    case 'updated':
      return (a, b) => Date.parse(b.summary.updatedAt) - Date.parse(a.summary.updatedAt);
    case 'start':
      return (a, b) => started(b) - started(a) || collator.compare(title(a), title(b));
  }
}
