/**
 * What each list (incidents, effects, sources) is made of, for the engine's
 * list index: how one record becomes an indexed entry, how entries compare
 * under a sort, which a query keeps, and how an entry crosses to the UI as
 * a ListRow. The meaning of every search, filter and sort is shared/lists',
 * the same functions the UI and the export wizard use; nothing here decides
 * anew what a filter means.
 */
import type { Language, ListRow, ParsedRequestOf, RecordSummary } from '../../../shared/ipc';
import type { Matcher } from '../../../shared/lists/listParams';
import { compareEffects, effectMatcher, indexEffects, type EffectEntry, type EffectListRow } from '../../../shared/lists/effectQuery';
import { compareEntries, incidentMatcher, indexRows, type IncidentEntry } from '../../../shared/lists/incidentQuery';
import { readListIncident } from '../../../shared/lists/incidentFields';
import { compareSources, sourceMatcher, indexSources, type SourceEntry, type SourceRow } from '../../../shared/lists/sourceQuery';
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
  /** What the query asks of an entry (the meaning is shared/lists'). */
  matcher(query: QueryOf<T>): Matcher<E>;
  /** Which records the list holds before any search or filter ("live", "all"): the query may widen it. */
  scope(query: QueryOf<T>): string;
  inScope(entry: E, scope: string): boolean;
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
  matcher: (query) => incidentMatcher(query),
  scope: (query) => (query.showRetracted ? 'all' : 'live'),
  inScope: (entry, scope) => scope === 'all' || !entry.row.summary.retracted,
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
  matcher: (query) => effectMatcher(query),
  scope: () => 'all',
  inScope: () => true,
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
  matcher: (query) => sourceMatcher(query),
  scope: () => 'all',
  inScope: () => true,
  places: () => [],
  answer: ({ summary }) => ({ summary }),
};
