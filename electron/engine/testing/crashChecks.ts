/**
 * Test-only: what an archive must be after a process writing to it was
 * killed (SIGKILL), shared by the crash tests (electron/cli/mergeCrash.test.ts)
 * and the bench's crash trials (docs/spec/performance.md P9). Reopening is itself the
 * first check (the custody chain and every record file are checked on open);
 * then no import or merge journal may be left behind, no record file may be
 * damaged, and every evidence file a record lists must be stored whole.
 * These helpers only read the archive; a failed check throws a
 * CrashCheckFailed naming what was wrong, never a test framework's assertion.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { recordTypes } from '../../../shared/model';
import { Archive } from '../archive';
import { journalFile } from '../merge/journal';

export class CrashCheckFailed extends Error {
  constructor(label: string, what: string) {
    super(`${label}: ${what}`);
    this.name = 'CrashCheckFailed';
  }
}

/** What a reopened archive holds, for comparing with what was acknowledged before the kill. */
export interface ReopenedArchive {
  stateHash: string;
  revisionIds: Set<string>;
  /** `${recordId} ${sha256}` for every evidence file a record lists. */
  attachments: Set<string>;
  /** Revision ids and `${recordId} ${sha256}` that a custody line of their record names. */
  custodied: Set<string>;
}

/**
 * Reopens a killed archive and checks it whole (see above); throws
 * CrashCheckFailed, labelled, when it does not open or is not whole.
 */
export async function reopenWhole(dir: string, label: string, passphrase?: string): Promise<ReopenedArchive> {
  let archive: Archive;
  try {
    archive = await Archive.open(dir, passphrase);
  } catch (error) {
    throw new CrashCheckFailed(label, `does not open: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    if (existsSync(join(dir, journalFile))) throw new CrashCheckFailed(label, 'a journal was left after opening');
    if (archive.problems.length) throw new CrashCheckFailed(label, `damaged record files: ${archive.problems.map((problem) => problem.file).join(', ')}`);
    const revisionIds = new Set<string>();
    const attachments = new Set<string>();
    const custodied = new Set<string>();
    for (const type of recordTypes) {
      for (const record of archive.listRecords(type)) {
        for (const event of archive.custodyOf(record.recordId)) {
          if (event.revisionId) custodied.add(event.revisionId);
          for (const sha256 of event.hashes ?? []) custodied.add(`${record.recordId} ${sha256}`);
        }
        for (const signed of archive.getRecord(record.recordId).history) revisionIds.add(signed.id);
        for (const attachment of await archive.listAttachments(record.recordId)) {
          const hash = createHash('sha256');
          for await (const piece of archive.readBlob(attachment.sha256)) hash.update(piece);
          if (hash.digest('hex') !== attachment.sha256) throw new CrashCheckFailed(label, `evidence file ${attachment.sha256} is not whole`);
          attachments.add(`${record.recordId} ${attachment.sha256}`);
        }
      }
    }
    return { stateHash: await archive.stateHash(), revisionIds, attachments, custodied };
  } finally {
    await archive.close();
  }
}

/**
 * For an import or merge killed at some moment: the archive must be exactly
 * as before or exactly as after, and as after when the command reported
 * success (exit code 0). Returns which.
 */
export function beforeOrAfter(
  state: string,
  states: { before: string; after: string },
  exitCode: number | null,
  label: string,
): 'before' | 'after' {
  if (state !== states.before && state !== states.after) throw new CrashCheckFailed(label, 'the archive is neither as before nor as after');
  if (exitCode === 0 && state !== states.after) throw new CrashCheckFailed(label, 'reported done, but the change is not there');
  return state === states.after ? 'after' : 'before';
}

/** A seeded random number in [0, 1), so that a failing trial can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}
