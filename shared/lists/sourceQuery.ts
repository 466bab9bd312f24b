/**
 * Search, filter and sort of the sources list, as pure functions, and its
 * address (`#/sources?q=…&kind=…&consent=…&sort=…`). The consent filter reads
 * what the person allows now (withdrawals counted): no consent recorded
 * (documents, reports), kept only, lawyers may read it, a UN procedure may
 * receive it, it may be published, or some consent was withdrawn; these
 * overlap, as the answers do. Search looks in the title, the content, the link and the
 * person's name: the defender's own archive, on their own screen.
 */
import type { Language, RecordSummary } from '../ipc';
import { allows, instantOf, sharingUses, sourceKinds, type Source } from '../model';
import { keeps, normalizeForSearch, paramsOf, readCode, readSort, searchWords, sortParams, writeParams, type Matcher, type SortDirection, type SortSpec } from './listParams';

export const consentFilters = ['none', 'store_only', 'share_with_lawyers', 'un', 'publish', 'withdrawn'] as const;
export type ConsentFilter = (typeof consentFilters)[number];

export const sourceSorts = ['collected', 'title', 'kind', 'updated'] as const;
export type SourceSort = (typeof sourceSorts)[number];

export interface SourceQuery extends SortSpec<SourceSort> {
  search: string;
  kind: Source['kind'] | '';
  consent: ConsentFilter | '';
}

export const initialSourceQuery: SourceQuery = { search: '', kind: '', consent: '', sort: 'collected', order: '' };

export const naturalSourceDirection = (sort: SourceSort): SortDirection => (sort === 'title' || sort === 'kind' ? 'asc' : 'desc');

export function parseSourceQuery(text: string): SourceQuery {
  const params = paramsOf(text);
  return {
    search: params.get('q') ?? '',
    kind: readCode(params, 'kind', sourceKinds),
    consent: readCode(params, 'consent', consentFilters),
    ...readSort(params, sourceSorts, initialSourceQuery.sort),
  };
}

export function formatSourceQuery(query: SourceQuery): string {
  return writeParams([
    ['q', query.search],
    ['kind', query.kind],
    ['consent', query.consent],
    ...sortParams(query, initialSourceQuery.sort, naturalSourceDirection(query.sort)),
  ]);
}

export interface SourceRow {
  summary: RecordSummary;
  source: Source;
}

export function meetsConsent(consent: Source['consent'], filter: ConsentFilter): boolean {
  const now = consent ?? null;
  switch (filter) {
    case 'none':
      return !consent;
    case 'store_only':
      return Boolean(consent) && !sharingUses.some((use) => allows(now, use));
    case 'share_with_lawyers':
      return allows(now, 'lawyersAnonymous') || allows(now, 'lawyersNamed');
    case 'un':
      return allows(now, 'unNamed');
    case 'publish':
      return allows(now, 'publishAnonymous');
    case 'withdrawn':
      return Boolean(consent?.withdrawals?.length);
  }
}

export interface SourceEntry {
  row: SourceRow;
  text: string;
  collected: number;
  updated: number;
}

export function indexSources(rows: readonly SourceRow[]): SourceEntry[] {
  return rows.map((row) => {
    const { source } = row;
    return {
      row,
      text: normalizeForSearch(`${source.title}\n${source.content}\n${source.url}\n${source.person?.name ?? ''}`),
      collected: source.collectedAt ? instantOf(source.collectedAt) : Date.parse(row.summary.createdAt),
      updated: Date.parse(row.summary.updatedAt),
    };
  });
}

export function sortSources(entries: readonly SourceEntry[], spec: SortSpec<SourceSort>, lng: Language): SourceEntry[] {
  return [...entries].sort(compareSources(spec, lng));
}

export function compareSources<E extends SourceEntry>(spec: SortSpec<SourceSort>, lng: Language): (a: E, b: E) => number {
  const collator = new Intl.Collator(lng, { sensitivity: 'base', numeric: true });
  const byTitle = (a: SourceEntry, b: SourceEntry) => collator.compare(a.row.source.title, b.row.source.title);
  const byKey: Record<SourceSort, (a: SourceEntry, b: SourceEntry) => number> = {
    collected: (a, b) => a.collected - b.collected,
    title: byTitle,
    kind: (a, b) => sourceKinds.indexOf(a.row.source.kind) - sourceKinds.indexOf(b.row.source.kind),
    updated: (a, b) => a.updated - b.updated,
  };
  const compare = byKey[spec.sort];
  const sign = (spec.order || naturalSourceDirection(spec.sort)) === 'asc' ? 1 : -1;
  return (a, b) => sign * compare(a, b) || byTitle(a, b);
}

export function sourceMatcher(query: SourceQuery): Matcher<SourceEntry> {
  const fields = ({ row: { source } }: SourceEntry) =>
    (!query.kind || source.kind === query.kind) && (!query.consent || meetsConsent(source.consent, query.consent));
  return { words: searchWords(query.search), fields };
}

export function filterSources(entries: readonly SourceEntry[], query: SourceQuery): SourceRow[] {
  const matcher = sourceMatcher(query);
  const kept: SourceRow[] = [];
  for (const entry of entries) if (keeps(matcher, entry)) kept.push(entry.row);
  return kept;
}
