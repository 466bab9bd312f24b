/**
 * Search, filter and sort of the incident list, as pure functions over the
 * loaded rows. Search ignores case in every script (Cyrillic and Kazakh
 * letters included) and treats "ё" as "е", as Russian readers do.
 */
import type { Language } from '../../../shared/ipc';
import { instantOf, type IncidentKind } from '../../../shared/model';
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

export function normalizeForSearch(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase().replaceAll('ё', 'е');
}

function matchesSearch(row: IncidentRow, words: string[]): boolean {
  const incident = row.incident;
  if (!incident) return words.length === 0;
  const haystack = normalizeForSearch(
    [incident.title, incident.summary, ...incident.operators, ...incident.tags].join('\n'),
  );
  return words.every((word) => haystack.includes(word));
}

export function areaKeys(row: IncidentRow): string[] {
  return (row.incident?.areas ?? []).map((area) => ('code' in area ? `code:${area.code}` : `place:${area.place}`));
}

export function applyQuery(rows: readonly IncidentRow[], query: ListQuery, lng: Language): IncidentRow[] {
  const words = normalizeForSearch(query.search).split(/\s+/).filter(Boolean);
  const kept = rows.filter(
    (row) =>
      (query.showRetracted || !row.summary.retracted) &&
      matchesSearch(row, words) &&
      (!query.kind || (row.incident?.kinds ?? []).includes(query.kind)) &&
      (!query.area || areaKeys(row).includes(query.area)),
  );
  return kept.sort(comparator(query.sort, lng));
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
