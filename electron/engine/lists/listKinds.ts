/**
 * What each list (incidents, effects, sources) is made of, for the engine's
 * list index: how one record becomes an indexed entry, how entries compare
 * under a sort, which a query keeps, and how an entry crosses to the UI as
 * a ListRow. The meaning of every search, filter and sort is shared/lists',
 * the same functions the UI and the export wizard use; nothing here decides
 * anew what a filter means.
 */
import type { Language, ListRow, ParsedRequestOf, RecordSummary } from '../../../shared/ipc';
import { compareEffects, filterEffects, indexEffects, type EffectEntry, type EffectListRow } from '../../../shared/lists/effectQuery';
import { compareEntries, filterEntries, indexRows, type IncidentEntry } from '../../../shared/lists/incidentQuery';
import { readListIncident } from '../../../shared/lists/incidentFields';
import { compareSources, filterSources, indexSources, type SourceEntry, type SourceRow } from '../../../shared/lists/sourceQuery';
import { Effect, Source, type Incident } from '../../../shared/model';

export type ListRequest = ParsedRequestOf<'records:query'>;
export type ListType = ListRequest['type'];
type QueryOf<T extends ListType> = Extract<ListRequest, { type: T }>['query'];

export interface IncidentListRow {
  summary: RecordSummary;
  incident: Incident | null;
  /** A retracted record's last live fields, which the list shows beside the mark. */
  lastLive: Record<string, unknown> | null;
}

/** What a list needs of the archive: a record's summary and the fields it last carried. */
export interface RecordReader {
  summary(recordId: string): RecordSummary | undefined;
  lastLive(recordId: string): Record<string, unknown> | null;
  /** The title of an incident as effects show it; null when it is not a live incident here. */
  incidentTitle(recordId: string): string | null;
}

export interface ListKind<T extends ListType, E extends { row: { summary: RecordSummary } }> {
  type: T;
  /** The entry of one record; null when the list leaves the record out (a retracted effect, an unreadable source). */
  entry(summary: RecordSummary, reader: RecordReader): E | null;
  compare(query: QueryOf<T>, lng: Language): (a: E, b: E) => number;
  /** The rows the query keeps, in the entries' order. */
  filter(sorted: readonly E[], query: QueryOf<T>): E['row'][];
  /** Records in the list with no search or filter. */
  listed(entries: Iterable<E>, query: QueryOf<T>): number;
  /** The free-text places the entry names (the area filter offers them). */
  places(entry: E): string[];
  answer(row: E['row']): ListRow;
}

const placeOf = (key: string) => (key.startsWith('place:') ? [key.slice('place:'.length)] : []);

export const incidentList: ListKind<'incident', IncidentEntry<IncidentListRow>> = {
  type: 'incident',
  entry(summary, reader) {
    const lastLive = summary.retracted ? reader.lastLive(summary.recordId) : null;
    const row: IncidentListRow = { summary, incident: readListIncident(summary.retracted ? lastLive : summary.data), lastLive };
    return indexRows([row])[0]!;
  },
  compare: (query, lng) => compareEntries(query, lng),
  filter: (sorted, query) => filterEntries(sorted, query),
  listed(entries, query) {
    let count = 0;
    for (const entry of entries) if (query.showRetracted || !entry.row.summary.retracted) count += 1;
    return count;
  },
  places: (entry) => entry.areas.flatMap(placeOf),
  answer: ({ summary, lastLive }) => (summary.retracted ? { summary, lastLive } : { summary }),
};

export const effectList: ListKind<'effect', EffectEntry> = {
  type: 'effect',
  entry(summary, reader) {
    if (summary.retracted) return null;
    const parsed = Effect.safeParse(summary.data);
    if (!parsed.success) return null;
    const row: EffectListRow = { summary, effect: parsed.data, incidentTitle: reader.incidentTitle(parsed.data.incident) };
    return indexEffects([row])[0]!;
  },
  compare: (query, lng) => compareEffects(query, lng),
  filter: (sorted, query) => filterEffects(sorted, query),
  listed: (entries) => [...entries].length,
  places: (entry) => placeOf(entry.area),
  answer: ({ summary, incidentTitle }) => ({ summary, incidentTitle }),
};

export const sourceList: ListKind<'source', SourceEntry> = {
  type: 'source',
  entry(summary) {
    if (summary.retracted) return null;
    const parsed = Source.safeParse(summary.data);
    if (!parsed.success) return null;
    const row: SourceRow = { summary, source: parsed.data };
    return indexSources([row])[0]!;
  },
  compare: (query, lng) => compareSources(query, lng),
  filter: (sorted, query) => filterSources(sorted, query),
  listed: (entries) => [...entries].length,
  places: () => [],
  answer: ({ summary }) => ({ summary }),
};
