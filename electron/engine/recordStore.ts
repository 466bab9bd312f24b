/**
 * The records of one archive: one small lowdb document per record
 * (records/<2 hex>/<recordId>.json) holding its signed revisions, so that a
 * save writes one small file whatever the archive's size (docs/spec/performance.md P4),
 * and an in-memory index built on open. Revisions are only ever added, never
 * changed or removed. A damaged or altered record file is reported and left
 * out; the rest of the archive stays usable. Opening can start from a record
 * snapshot (recordSnapshot.ts) and read only the files changed since.
 */
import type { RecordDetail, RecordSummary } from '../../shared/ipc';
import { currentStateOf, historyOrder, mergeRecords, type RecordProblem as MergeProblem, type RecordSet } from '../../shared/merge';
import type { RecordType, SignedRevision } from '../../shared/model';
import { StorageAdapter, encodeDocument } from './documentAdapter';
import { Low } from 'lowdb';
import { checkSignedRevisionInPool } from './revisions';
import { shards } from './sealedPacks';
import { FileBroken, type Storage } from './storage';

export interface RecordDocument {
  recordId: string;
  type: RecordType;
  revisions: SignedRevision[];
}

export interface RecordProblem {
  file: string;
  reason: 'unreadable' | 'tampered';
}

const recordsDir = 'records';
/** Record files written together by addAll, with one flush: bounds the memory a large merge holds. */
const manyAtOnce = 4096;
const recordPath = (recordId: string) => `${recordsDir}/${recordId.slice(0, 2)}/${recordId}.json`;

/** Where opening starts from: a trusted snapshot's documents, and the records changed since it was written. */
export interface RecordSeed {
  documents: readonly RecordDocument[];
  changed: ReadonlySet<string>;
}

export class RecordStore {
  private readonly records = new Map<string, RecordDocument>();
  private readonly summaries = new Map<string, RecordSummary>();
  /** Record files read and checked one by one, or written, since the last snapshot: how stale the snapshot is. */
  private unsnapshotted = 0;

  private constructor(private readonly storage: Storage) {}

  static async load(storage: Storage, seed?: RecordSeed): Promise<{ store: RecordStore; problems: RecordProblem[] }> {
    if (seed) return RecordStore.loadFrom(storage, seed);
    const store = new RecordStore(storage);
    const problems: RecordProblem[] = [];
    for (const shard of shards) {
      let names: string[];
      try {
        names = (await storage.list(`${recordsDir}/${shard}`)).filter((name) => name.endsWith('.json'));
      } catch (error) {
        // A damaged pack of records (encryptedStorage.ts, layout 2): its records are lost together.
        if (!(error instanceof FileBroken)) throw error;
        problems.push({ file: error.path, reason: 'unreadable' });
        continue;
      }
      const documents = await Promise.all(
        names.map(async (name) => {
          const file = `${recordsDir}/${shard}/${name}`;
          return { file, result: await readRecordDocument(storage, file, name.slice(0, -'.json'.length)) };
        }),
      );
      for (const { file, result } of documents) {
        if ('reason' in result) problems.push({ file, reason: result.reason });
        else store.records.set(result.recordId, result);
      }
      store.unsnapshotted += names.length;
    }
    return { store, problems };
  }

  /** The snapshot's records, then the files of the records changed since, read and checked as always. */
  private static async loadFrom(storage: Storage, seed: RecordSeed): Promise<{ store: RecordStore; problems: RecordProblem[] }> {
    const store = new RecordStore(storage);
    for (const document of seed.documents) store.records.set(document.recordId, document);
    const problems: RecordProblem[] = [];
    const changed = [...seed.changed];
    const batch = 256;
    for (let start = 0; start < changed.length; start += batch) {
      const read = await Promise.all(
        changed.slice(start, start + batch).map(async (recordId) => ({ recordId, result: await readRecordDocument(storage, recordPath(recordId), recordId) })),
      );
      for (const { recordId, result } of read) {
        if (!('reason' in result)) store.records.set(recordId, result);
        else {
          // A file the log says was written and that is now missing or altered: reported, as opening every file would.
          problems.push({ file: recordPath(recordId), reason: result.reason });
          store.records.delete(recordId);
        }
      }
    }
    store.unsnapshotted = changed.length;
    return { store, problems };
  }

  /** Every record document, for a snapshot. */
  snapshotDocuments(): RecordDocument[] {
    return [...this.records.values()];
  }

  /** The snapshot of snapshotDocuments() is written: nothing is stale any more. */
  markSnapshotted(): void {
    this.unsnapshotted = 0;
  }

  /** How many records the archive holds. */
  get size(): number {
    return this.records.size;
  }

  /** How many record files were read one by one or written since the last snapshot. */
  get staleness(): number {
    return this.unsnapshotted;
  }

  has(recordId: string): boolean {
    return this.records.has(recordId);
  }

  typeOf(recordId: string): RecordType | undefined {
    return this.records.get(recordId)?.type;
  }

  /**
   * The key lines that made the record: the authors of its first revisions
   * held here (none of whose parents is held: a repair that set a damaged
   * first revision aside leaves its children first).
   */
  firstAuthors(recordId: string): Set<string> {
    const revisions = this.records.get(recordId)?.revisions ?? [];
    const held = new Set(revisions.map((signed) => signed.id));
    return new Set(revisions.filter((signed) => !signed.revision.parents.some((parent) => held.has(parent))).map((signed) => signed.revision.author));
  }

  /** The current revisions: those that no other revision names as parent. */
  heads(recordId: string): SignedRevision[] {
    const revisions = this.records.get(recordId)?.revisions ?? [];
    const parents = new Set(revisions.flatMap((signed) => signed.revision.parents));
    return revisions.filter((signed) => !parents.has(signed.id));
  }

  list(type: RecordType): RecordSummary[] {
    const summaries: RecordSummary[] = [];
    for (const document of this.records.values()) {
      if (document.type === type) summaries.push(this.summarise(document));
    }
    return summaries;
  }

  get(recordId: string): Omit<RecordDetail, 'attachments'> | undefined {
    const document = this.records.get(recordId);
    return document && { summary: this.summarise(document), history: historyOrder(document.revisions) };
  }

  /** Adds a revision that the caller has made and checked, durably. */
  async add(signed: SignedRevision): Promise<void> {
    const { recordId, type } = signed.revision;
    const current = this.records.get(recordId) ?? { recordId, type, revisions: [] };
    await this.write({ ...current, revisions: [...current.revisions, signed] });
  }

  /**
   * What adding these checked revisions would change: the union with the
   * records they touch, its problems (a revision whose parents are missing,
   * of another type than its record, ...), and the revisions not yet held.
   */
  preview(revisions: readonly SignedRevision[]): { problems: MergeProblem[]; added: SignedRevision[] } {
    const incoming: Record<string, SignedRevision[]> = {};
    for (const signed of revisions) (incoming[signed.revision.recordId] ??= []).push(signed);
    const touched: RecordSet = Object.fromEntries(
      Object.keys(incoming).flatMap((recordId) => {
        const document = this.records.get(recordId);
        return document ? [[recordId, document.revisions]] : [];
      }),
    );
    const { problems } = mergeRecords(touched, incoming);
    const held = new Set(Object.values(touched).flatMap((list) => list.map((signed) => signed.id)));
    const added = new Map<string, SignedRevision>();
    for (const signed of revisions) if (!held.has(signed.id)) added.set(signed.id, signed);
    return { problems, added: [...added.values()] };
  }

  /**
   * Adds checked revisions, a union with what each record holds: adding the
   * same revisions again writes nothing. Returns those that were new. The
   * files are durable only once it returns, all together: only a journal's
   * apply may call it, since a crash midway is redone from the journal.
   */
  async addAll(revisions: readonly SignedRevision[]): Promise<SignedRevision[]> {
    const { added } = this.preview(revisions);
    const byRecord = new Map<string, SignedRevision[]>();
    for (const signed of added) {
      const list = byRecord.get(signed.revision.recordId);
      if (list) list.push(signed);
      else byRecord.set(signed.revision.recordId, [signed]);
    }
    const documents = [...byRecord].map(([recordId, fresh]): RecordDocument => {
      const current = this.records.get(recordId) ?? { recordId, type: fresh[0]!.revision.type, revisions: [] };
      return { ...current, revisions: [...current.revisions, ...fresh] };
    });
    // Many files, one flush per batch: only for a change its journal can redo (merge/journal.ts).
    for (let start = 0; start < documents.length; start += manyAtOnce) {
      const batch = documents.slice(start, start + manyAtOnce);
      await this.storage.writeMany(batch.map((document) => ({ path: recordPath(document.recordId), data: encodeDocument(document) })));
      for (const document of batch) this.written(document);
    }
    return added;
  }

  /** Whether the record holds this revision (ids are content hashes: the same id is the same revision). */
  holds(recordId: string, revisionId: string): boolean {
    return this.records.get(recordId)?.revisions.some((signed) => signed.id === revisionId) ?? false;
  }

  /** Every record's revisions, for a merge. */
  recordSet(): RecordSet {
    return Object.fromEntries([...this.records].map(([recordId, document]) => [recordId, document.revisions]));
  }

  /** Every record with more than one head. */
  conflicts(): RecordSummary[] {
    return [...this.records.values()].filter((document) => this.heads(document.recordId).length > 1).map((document) => this.summarise(document));
  }

  private async write(document: RecordDocument): Promise<void> {
    const db = new Low<RecordDocument>(new StorageAdapter(this.storage, recordPath(document.recordId)), document);
    await db.write();
    this.written(document);
  }

  private written(document: RecordDocument): void {
    this.records.set(document.recordId, document);
    this.summaries.delete(document.recordId);
    this.unsnapshotted += 1;
    for (const listener of this.changeListeners) listener(document.recordId);
  }

  private readonly changeListeners = new Set<(recordId: string) => void>();

  /** Calls `listener` with the id of every record written from now on (the lists' index follows); returns how to stop. */
  onChange(listener: (recordId: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Every revision id, for the archive's state hash. */
  revisionIds(): string[] {
    return [...this.records.values()].flatMap((document) => document.revisions.map((signed) => signed.id));
  }

  /** The record's summary, made once until the record changes: every list and the overview start from them. */
  private summarise(document: RecordDocument): RecordSummary {
    let summary = this.summaries.get(document.recordId);
    if (!summary) {
      summary = summaryOf(document);
      this.summaries.set(document.recordId, summary);
    }
    return summary;
  }
}

/**
 * A record in conflict is marked so and lists every head; its fields are
 * those of the head made last, only so that a list has something to show
 * beside the mark. Nothing treats that head as the winner: an edit is
 * refused until a person resolves the conflict.
 */
function summaryOf(document: RecordDocument): RecordSummary {
  const [only, ...more] = document.revisions;
  if (only && !more.length) {
    // Most records have a single revision: it is their whole history and their head.
    const { createdAt, data } = only.revision;
    return { recordId: document.recordId, type: document.type, headId: only.id, createdAt, updatedAt: createdAt, revisionCount: 1, retracted: data === null, data, conflict: false, heads: [only.id] };
  }
  const history = historyOrder(document.revisions);
  const state = currentStateOf(document.revisions)!;
  const heads = state.conflict ? state.heads : [state.head];
  const shown = heads.reduce((latest, signed) => (signed.revision.createdAt > latest.revision.createdAt ? signed : latest));
  return {
    recordId: document.recordId,
    type: document.type,
    headId: shown.id,
    createdAt: history[0]!.revision.createdAt,
    updatedAt: shown.revision.createdAt,
    revisionCount: history.length,
    retracted: shown.revision.data === null,
    data: shown.revision.data,
    conflict: state.conflict,
    heads: heads.map((signed) => signed.id).sort(),
  };
}

async function readRecordDocument(
  storage: Storage,
  file: string,
  expectedId: string,
): Promise<RecordDocument | { reason: RecordProblem['reason'] }> {
  let document: RecordDocument;
  try {
    document = (await new StorageAdapter<RecordDocument>(storage, file).read()) as RecordDocument;
  } catch {
    return { reason: 'unreadable' };
  }
  if (!document || document.recordId !== expectedId || !Array.isArray(document.revisions) || !document.revisions.length) {
    return { reason: 'unreadable' };
  }
  const revisions: SignedRevision[] = [];
  for (const check of await Promise.all(document.revisions.map(checkSignedRevisionInPool))) {
    if (!check.ok || check.revision.revision.recordId !== expectedId || check.revision.revision.type !== document.type) {
      return { reason: 'tampered' };
    }
    revisions.push(check.revision);
  }
  return { recordId: expectedId, type: document.type, revisions };
}
