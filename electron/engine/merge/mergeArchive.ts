/**
 * Merging another archive folder into this one (docs/spec/cli.md `dalel merge`;
 * docs/design.md, "Merge"): the union of its revisions, evidence files and
 * attachment entries, with the same checks as an import. Opening the other
 * archive already checks every revision's id and signature; a record file
 * it reports as damaged refuses the whole merge, as does any revision whose
 * fields fail their schema or whose history is not whole. Each evidence
 * file is hashed as it is copied and must match its name. All or nothing
 * through the journal; the other archive is only read.
 */
import type { Attachment, CustodyAction, SignedRevision } from '../../../shared/model';
import { blobPath } from '../blobStore';
import type { CustodyFacts } from '../custodyLog';
import { EngineError } from '../errors';
import type { RecordProblem } from '../recordStore';
import { FileBroken } from '../storage';
import { checkIncomingRevisions, newRevisions } from './incoming';
import { commitJournal, emptyJournal, journalPending } from './journal';
import { mayAddFiles, setAsideUntrusted, type SetAside } from './untrusted';
import type { MergeTarget } from './importBundle';

/** What a merge reads of the other archive. */
export interface MergeSource {
  path: string;
  archiveId: string;
  name: string;
  fingerprint: string;
  problems: readonly RecordProblem[];
  revisions(): SignedRevision[];
  /** The records that list evidence files. */
  recordsWithAttachments(): Promise<Set<string>>;
  listAttachments(recordId: string): Promise<Attachment[]>;
  readBlob(sha256: string): AsyncIterable<Uint8Array>;
}

export interface MergeOutcome {
  archiveId: string;
  revisionsAdded: number;
  attachmentsAdded: number;
  /** Revisions of this archive's records by keys it does not trust: left in the other archive (untrusted.ts). */
  setAside: SetAside[];
}

export interface MergeOptions {
  signal?: AbortSignal;
  /** Bytes of evidence files copied so far, of all to copy. */
  onProgress?(done: number, total: number): void;
}

export async function mergeArchive(target: MergeTarget, source: MergeSource, options: MergeOptions = {}): Promise<MergeOutcome> {
  const { signal, onProgress } = options;
  const [damaged] = source.problems;
  if (damaged) throw new EngineError('otherArchiveDamaged', { path: source.path, file: damaged.file });
  // A revision this archive holds already (its id is the hash of its content) has nothing to add: not checked again.
  const incoming = source.revisions().filter((signed) => !target.records.holds(signed.revision.recordId, signed.id));
  const vouched = new Set([target.key.fingerprint, ...(await target.exchange.trusted()).map((signer) => signer.fingerprint)]);
  const { taken, setAside, makers } = setAsideUntrusted(target.records, await checkIncomingRevisions(incoming), vouched);
  const revisions = newRevisions(target.records, taken);
  const from = `archive ${source.archiveId} "${source.name.replace(/["\r\n]/g, ' ')}" key ${source.fingerprint}`;

  const entries: Attachment[] = [];
  for (const recordId of await source.recordsWithAttachments()) {
    const listed = new Set((await target.attachments.list(recordId)).map((entry) => entry.sha256));
    const mayAdd = mayAddFiles(target.records, recordId, source.fingerprint, vouched, makers);
    for (const entry of await source.listAttachments(recordId)) {
      if (listed.has(entry.sha256)) continue;
      if (mayAdd) entries.push(entry);
      else setAside.push({ recordId, sha256: entry.sha256, author: source.fingerprint });
    }
  }
  const custody: ({ action: CustodyAction } & CustodyFacts)[] = [{ action: 'archive_merged', note: from }];
  if (setAside.length) {
    const keys = [...new Set(setAside.map((entry) => entry.author))];
    custody.push({ action: 'archive_merged', note: `${setAside.length} change(s) by keys not trusted left in ${source.archiveId}: ${keys.join(' ')}`.slice(0, 2000) });
  }
  for (const signed of revisions) {
    custody.push({ action: 'archive_merged', recordId: signed.revision.recordId, revisionId: signed.id, note: from });
  }
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  let done = 0;
  onProgress?.(0, total);
  const added: string[] = [];
  try {
    for (const entry of entries) {
      signal?.throwIfAborted();
      const blob = await copyBlob(target, source, entry, (bytes) => onProgress?.((done += bytes), total), signal);
      if (blob.added) added.push(blob.sha256);
      custody.push({ action: 'archive_merged', recordId: entry.recordId, hashes: [entry.sha256], note: from });
    }
    const journal = emptyJournal();
    journal.revisions = revisions;
    journal.attachments = entries;
    journal.custody = target.custody.prepare(target.key.fingerprint, custody);
    await commitJournal(target, journal);
  } catch (error) {
    if (!(await journalPending(target))) for (const sha256 of added) await target.blobs.remove(sha256).catch(() => {});
    if (signal?.aborted) throw new EngineError('cancelled');
    throw error;
  }
  onProgress?.(total, total);
  return { archiveId: source.archiveId, revisionsAdded: revisions.length, attachmentsAdded: entries.length, setAside };
}

/** Copies one evidence file, hashed on the way; a file that does not match its name is the other archive's damage. */
async function copyBlob(target: MergeTarget, source: MergeSource, entry: Attachment, copied: (bytes: number) => void, signal?: AbortSignal) {
  async function* counted() {
    for await (const piece of source.readBlob(entry.sha256)) {
      signal?.throwIfAborted();
      copied(piece.length);
      yield piece;
    }
  }
  try {
    return await target.blobs.addVerified(entry, counted(), source.path);
  } catch (error) {
    if (error instanceof FileBroken || (error instanceof EngineError && error.code === 'fileChanged')) {
      throw new EngineError('otherArchiveDamaged', { path: source.path, file: blobPath(entry.sha256) });
    }
    throw error;
  }
}
