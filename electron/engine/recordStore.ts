/**
 * The records of one archive: one small lowdb document per record
 * (records/<2 hex>/<recordId>.json) holding its signed revisions, so that a
 * save writes one small file whatever the archive's size (PERFORMANCE.md P4),
 * and an in-memory index built on open. Revisions are only ever added, never
 * changed or removed. A damaged or altered record file is reported and left
 * out; the rest of the archive stays usable.
 */
import type { RecordDetail, RecordSummary } from '../../shared/ipc';
import type { RecordType, SignedRevision } from '../../shared/model';
import { StorageAdapter } from './documentAdapter';
import { Low } from 'lowdb';
import { checkSignedRevision } from './revisions';
import type { Storage } from './storage';

interface RecordDocument {
  recordId: string;
  type: RecordType;
  revisions: SignedRevision[];
}

export interface RecordProblem {
  file: string;
  reason: 'unreadable' | 'tampered';
}

const recordsDir = 'records';
const recordPath = (recordId: string) => `${recordsDir}/${recordId.slice(0, 2)}/${recordId}.json`;
/** Every shard a record id can fall in; listed by name, since encrypted storage hides folder names. */
const shards = Array.from({ length: 256 }, (_, index) => index.toString(16).padStart(2, '0'));

export class RecordStore {
  private readonly records = new Map<string, RecordDocument>();

  private constructor(private readonly storage: Storage) {}

  static async load(storage: Storage): Promise<{ store: RecordStore; problems: RecordProblem[] }> {
    const store = new RecordStore(storage);
    const problems: RecordProblem[] = [];
    for (const shard of shards) {
      const names = (await storage.list(`${recordsDir}/${shard}`)).filter((name) => name.endsWith('.json'));
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
    }
    return { store, problems };
  }

  has(recordId: string): boolean {
    return this.records.has(recordId);
  }

  typeOf(recordId: string): RecordType | undefined {
    return this.records.get(recordId)?.type;
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
    return document && { summary: this.summarise(document), history: inHistoryOrder(document.revisions) };
  }

  /** Adds a revision that the caller has made and checked, durably. */
  async add(signed: SignedRevision): Promise<void> {
    const { recordId, type } = signed.revision;
    const current = this.records.get(recordId) ?? { recordId, type, revisions: [] };
    const next: RecordDocument = { ...current, revisions: [...current.revisions, signed] };
    const db = new Low<RecordDocument>(new StorageAdapter(this.storage, recordPath(recordId)), next);
    await db.write();
    this.records.set(recordId, next);
  }

  /** Every revision id, for the archive's state hash. */
  revisionIds(): string[] {
    return [...this.records.values()].flatMap((document) => document.revisions.map((signed) => signed.id));
  }

  private summarise(document: RecordDocument): RecordSummary {
    const history = inHistoryOrder(document.revisions);
    const heads = this.heads(document.recordId);
    const head = heads.reduce((latest, signed) =>
      signed.revision.createdAt > latest.revision.createdAt ? signed : latest,
    );
    return {
      recordId: document.recordId,
      type: document.type,
      headId: head.id,
      createdAt: history[0]!.revision.createdAt,
      updatedAt: head.revision.createdAt,
      revisionCount: history.length,
      retracted: head.revision.data === null,
      data: head.revision.data,
    };
  }
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
  for (const value of document.revisions) {
    const check = checkSignedRevision(value);
    if (!check.ok || check.revision.revision.recordId !== expectedId || check.revision.revision.type !== document.type) {
      return { reason: 'tampered' };
    }
    revisions.push(check.revision);
  }
  return { recordId: expectedId, type: document.type, revisions };
}

/** Parents before children; among revisions ready at the same time, oldest first. */
function inHistoryOrder(revisions: SignedRevision[]): SignedRevision[] {
  const byId = new Map(revisions.map((signed) => [signed.id, signed]));
  const placed = new Set<string>();
  const ordered: SignedRevision[] = [];
  const byTime = [...revisions].sort(
    (a, b) => a.revision.createdAt.localeCompare(b.revision.createdAt) || a.id.localeCompare(b.id),
  );
  while (ordered.length < revisions.length) {
    const next = byTime.find(
      (signed) => !placed.has(signed.id) && signed.revision.parents.every((p) => placed.has(p) || !byId.has(p)),
    );
    if (!next) break; // a cycle cannot occur with content ids; stop rather than loop
    placed.add(next.id);
    ordered.push(next);
  }
  return ordered;
}
