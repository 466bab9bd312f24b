/**
 * The engine's side of `records:query` (docs/spec/performance.md P8): per list type,
 * an index of the open archive's records — lower-case search text, days and
 * sort keys worked out once per record, and each order the lists ask for
 * sorted once — so that a query is one pass over pre-sorted entries, with no
 * JSON parsing and no re-sort, and only the window asked for crosses to the
 * UI. Built on the first query; kept fresh from the archive's change hook:
 * a saved, retracted, imported, merged or resolved record is re-read and
 * moved to its place in each cached order. Reads the archive; never writes.
 */
import type { Language, ListAnswer, ListRow, RecordSummary } from '../../../shared/ipc';
import type { Archive } from '../archive';
import { EngineError } from '../errors';
import { SearchTexts } from './joinedTexts';
import { effectList, incidentList, sourceList, type ListKind, type ListRequest, type ListType, type RecordReader } from './listKinds';

type AnyEntry = { row: { summary: RecordSummary }; text: string };
type AnyKind = ListKind<ListType, AnyEntry>;

interface Order {
  compare: (a: AnyEntry, b: AnyEntry) => number;
  sorted: AnyEntry[];
  /** Each sorted entry's place in the search texts; null after a change, until the engine is idle or a search needs it. */
  slots: Int32Array | null;
}

/** Above this many changed records at once (an import), cached orders are dropped and sorted again when asked. */
const insertLimit = 1_000;

class TypeIndex {
  /** Entries by record id; null until the first query. */
  private entries: Map<string, AnyEntry> | null = null;
  /** Every record of this type, including those the list leaves out. */
  private readonly held = new Set<string>();
  private readonly orders = new Map<string, Order>();
  /** Every entry's search text, for finding words over all of them at once; made once the first answer has gone out. */
  private search: SearchTexts<AnyEntry> | null = null;
  /** Set while prepareWhenIdle's job waits. */
  private preparing = false;
  private readonly listedIn = new Map<string, number>();
  private readonly places = new Map<Language, string[]>();
  readonly stale = new Set<string>();

  constructor(
    readonly kind: AnyKind,
    private readonly reader: RecordReader,
    private readonly records: (type: ListType) => RecordSummary[],
    /** False once the archive is closed: work done ahead of need is then skipped. */
    private readonly active: () => boolean,
  ) {}

  get built(): boolean {
    return this.entries !== null;
  }

  /** The title effects show for their incident: a live incident's, else null. */
  titleOf(recordId: string): string | null {
    const entry = this.fresh().get(recordId) as { row: { summary: RecordSummary; incident?: { title: string } | null } } | undefined;
    return entry && !entry.row.summary.retracted ? (entry.row.incident?.title ?? null) : null;
  }

  /** Marks every entry whose row shows something of `recordId` (an effect shows its incident's title). */
  touch(recordId: string, type: RecordSummary['type'] | undefined): void {
    if (!this.entries) return;
    if (type === this.kind.type) this.stale.add(recordId);
    else if (type === 'incident' && this.kind.type === 'effect') {
      for (const entry of this.entries.values()) {
        if ((entry.row as { effect?: { incident: string } }).effect?.incident === recordId) this.stale.add(entry.row.summary.recordId);
      }
    }
  }

  query(request: ListRequest): ListAnswer {
    const entries = this.fresh();
    const key = `${request.query.sort}|${request.query.order}|${request.language}`;
    let order = this.orders.get(key);
    if (!order) {
      const compare = this.kind.compare(request.query as never, request.language);
      order = { compare, sorted: [...entries.values()].sort(compare), slots: null };
      this.orders.set(key, order);
    }
    const { words, fields } = this.kind.matcher(request.query as never);
    const holding = words.length > 0 ? this.holding(words, order) : null;
    const end = request.offset + request.limit;
    const rows: ListRow[] = [];
    let total = 0;
    const { sorted } = order;
    for (let position = 0; position < sorted.length; position += 1) {
      if (holding && !holding.bySlot[holding.slots[position]!]) continue;
      const entry = sorted[position]!;
      if (!fields(entry)) continue;
      if (total >= request.offset && total < end) rows.push(this.kind.answer(entry.row));
      total += 1;
    }
    this.prepareWhenIdle();
    return {
      total,
      listed: this.listed(request.query),
      held: this.held.size,
      places: this.placesFor(entries, request.language),
      offset: request.offset,
      rows,
    };
  }

  /**
   * One flag per slot, and the slot of each position of `order`: whether an
   * entry's search text holds every word (holdsEvery, as shared/lists means
   * it), found over all texts at once.
   */
  private holding(words: readonly string[], order: Order): { bySlot: Uint8Array; slots: Int32Array } {
    const search = this.searchTexts();
    order.slots ??= search.slotsOf(order.sorted);
    return { bySlot: search.holdingAll(words), slots: order.slots };
  }

  private searchTexts(): SearchTexts<AnyEntry> {
    this.search ??= new SearchTexts(this.entries!.values());
    return this.search;
  }

  /**
   * Makes the search texts and each order's slots once the answer has gone
   * out and the engine is idle (at 100k, about 150 ms and 40 ms): neither
   * the first list nor the first key typed then waits for them.
   */
  private prepareWhenIdle(): void {
    if (this.preparing || (this.search && [...this.orders.values()].every((order) => order.slots))) return;
    this.preparing = true;
    setImmediate(() => {
      this.preparing = false;
      // Closed meanwhile, or records changed: nobody will ask, or the next query takes them in and prepares again.
      if (!this.active() || !this.entries || this.stale.size > 0) return;
      const search = this.searchTexts();
      for (const order of this.orders.values()) order.slots ??= search.slotsOf(order.sorted);
    });
  }

  /** Records in the list with no search or filter, counted once per scope until the records change. */
  private listed(query: ListRequest['query']): number {
    const scope = this.kind.scope(query as never);
    let count = this.listedIn.get(scope);
    if (count === undefined) {
      count = 0;
      for (const entry of this.entries!.values()) if (this.kind.inScope(entry, scope)) count += 1;
      this.listedIn.set(scope, count);
    }
    return count;
  }

  private fresh(): Map<string, AnyEntry> {
    if (!this.entries) {
      this.entries = new Map();
      for (const summary of this.records(this.kind.type)) {
        this.held.add(summary.recordId);
        const entry = this.kind.entry(summary, this.reader);
        if (entry) this.entries.set(summary.recordId, entry);
      }
      this.stale.clear();
      return this.entries;
    }
    if (this.stale.size === 0) return this.entries;
    const gone = new Set<AnyEntry>();
    const added: AnyEntry[] = [];
    for (const recordId of this.stale) {
      const summary = this.reader.summary(recordId);
      if (!summary || summary.type !== this.kind.type) continue;
      this.held.add(recordId);
      const old = this.entries.get(recordId);
      if (old) {
        this.entries.delete(recordId);
        gone.add(old);
      }
      const entry = this.kind.entry(summary, this.reader);
      if (entry) {
        this.entries.set(recordId, entry);
        added.push(entry);
      }
    }
    const many = this.stale.size > insertLimit;
    this.stale.clear();
    this.places.clear();
    this.listedIn.clear();
    const entries = this.entries;
    this.search?.update(gone, added, () => entries.values());
    if (many) this.orders.clear();
    for (const order of this.orders.values()) {
      const sorted = gone.size ? order.sorted.filter((entry) => !gone.has(entry)) : order.sorted;
      for (const entry of added) sorted.splice(insertionPoint(sorted, entry, order.compare), 0, entry);
      order.sorted = sorted;
      order.slots = null;
    }
    return this.entries;
  }

  private placesFor(entries: Map<string, AnyEntry>, lng: Language): string[] {
    let places = this.places.get(lng);
    if (!places) {
      const names = new Set<string>();
      for (const entry of entries.values()) for (const place of this.kind.places(entry)) names.add(place);
      places = [...names].sort(new Intl.Collator(lng).compare);
      this.places.set(lng, places);
    }
    return places;
  }
}

/** The first position at which `entry` sorts after every entry before it (after its equals, as a stable sort puts a later one). */
function insertionPoint(sorted: readonly AnyEntry[], entry: AnyEntry, compare: (a: AnyEntry, b: AnyEntry) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(sorted[middle]!, entry) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

class ListIndexes {
  private readonly byType: Map<ListType, TypeIndex>;

  constructor(archive: Archive) {
    const summary = (recordId: string): RecordSummary | undefined => {
      try {
        return archive.getRecord(recordId).summary;
      } catch (error) {
        if (error instanceof EngineError && error.code === 'recordNotFound') return undefined;
        throw error;
      }
    };
    const reader: RecordReader = {
      summary,
      lastLive: (recordId) => {
        const history = archive.getRecord(recordId).history;
        return (history.findLast((signed) => signed.revision.data !== null)?.revision.data as Record<string, unknown> | undefined) ?? null;
      },
      incidentTitle: (recordId) => this.byType.get('incident')!.titleOf(recordId),
    };
    const records = (type: ListType) => archive.listRecords(type);
    this.byType = new Map(
      ([incidentList, effectList, sourceList] as unknown as AnyKind[]).map((kind) => [kind.type, new TypeIndex(kind, reader, records, () => archive.active)]),
    );
    archive.onRecordsChanged((recordId) => {
      const built = [...this.byType.values()].filter((index) => index.built);
      if (built.length === 0) return;
      const type = summary(recordId)?.type;
      for (const index of built) index.touch(recordId, type);
    });
  }

  query(request: ListRequest): ListAnswer {
    return this.byType.get(request.type)!.query(request);
  }
}

const indexes = new WeakMap<Archive, ListIndexes>();

/** One window of a list of the open archive; the index is built on the archive's first query and kept with it. */
export function queryList(archive: Archive, request: ListRequest): ListAnswer {
  let index = indexes.get(archive);
  if (!index) {
    index = new ListIndexes(archive);
    indexes.set(archive, index);
  }
  return index.query(request);
}
