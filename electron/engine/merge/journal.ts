/**
 * The journal that makes an import, a merge or a change of trust all or
 * nothing (docs/design.md, "Merge"; docs/spec/performance.md P9). Such a change touches
 * many small documents and the custody log, which no single rename can
 * replace. So it is first written whole, as one document, atomically: that
 * write is the moment of change. Applying it then adds its revisions,
 * attachment entries, signers and bundles as unions and appends its custody
 * lines, skipping what is already there, and finally removes it. An archive
 * opened with a journal present applies it first: a crash before the
 * journal was written leaves the archive as before, any later one as after.
 *
 * Evidence files are stored before the journal is written: they are found
 * only through attachment entries, so until then they change nothing.
 */
import { z } from 'zod';
import { Attachment, CustodyEvent, Fingerprint, ReceivedBundle, SignedRevision, TrustedSigner } from '../../../shared/model';
import type { AttachmentStore } from '../attachmentStore';
import type { CustodyLog } from '../custodyLog';
import { EngineError } from '../errors';
import type { ExchangeStore } from '../exchangeStore';
import type { RecordStore } from '../recordStore';
import { FileBroken, type Storage } from '../storage';

export const journalFile = 'journal.json';

export const Journal = z.strictObject({
  journal: z.literal(1),
  revisions: z.array(SignedRevision),
  attachments: z.array(Attachment),
  trusted: z.array(TrustedSigner),
  /** Fingerprints taken off the trusted list. */
  untrusted: z.array(Fingerprint).default([]),
  received: z.array(ReceivedBundle),
  /** Prepared by the custody log to follow its last line at the time of writing. */
  custody: z.array(CustodyEvent),
});
export type Journal = z.infer<typeof Journal>;

export interface JournalTarget {
  storage: Storage;
  records: RecordStore;
  attachments: AttachmentStore;
  exchange: ExchangeStore;
  custody: CustodyLog;
}

/** Writes the journal (the moment of change), then applies it. */
export async function commitJournal(target: JournalTarget, journal: Journal): Promise<void> {
  await target.storage.write(journalFile, new TextEncoder().encode(JSON.stringify(journal)));
  await applyJournal(target, journal);
}

/**
 * Whether a change was committed but not yet wholly applied (its journal is
 * on disk): then its evidence files must stay, and the archive must finish
 * the change before it writes anything else.
 */
export function journalPending(target: Pick<JournalTarget, 'storage'>): Promise<boolean> {
  return target.storage.exists(journalFile);
}

/** On open: finishes a change that a crash interrupted after its journal was written. */
export async function replayJournal(target: JournalTarget, archivePath: string): Promise<boolean> {
  let bytes: Uint8Array | null;
  try {
    bytes = await target.storage.read(journalFile);
  } catch (error) {
    if (error instanceof FileBroken) throw new EngineError('archiveDamaged', { path: archivePath, file: journalFile });
    throw error;
  }
  if (!bytes) return false;
  let journal: Journal;
  try {
    journal = Journal.parse(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    // Written atomically by us: a journal that does not parse is damage, never a half write.
    throw new EngineError('archiveDamaged', { path: archivePath, file: journalFile });
  }
  await applyJournal(target, journal);
  return true;
}

/** Every step is a union or skips what is there, so applying twice is applying once. */
async function applyJournal(target: JournalTarget, journal: Journal): Promise<void> {
  await target.records.addAll(journal.revisions);
  const byRecord = new Map<string, Attachment[]>();
  for (const entry of journal.attachments) byRecord.set(entry.recordId, [...(byRecord.get(entry.recordId) ?? []), entry]);
  for (const [recordId, entries] of byRecord) await target.attachments.add(recordId, entries);
  await target.exchange.addTrusted(journal.trusted);
  await target.exchange.removeTrusted(journal.untrusted);
  await target.exchange.addReceived(journal.received);
  await target.custody.appendPrepared(journal.custody);
  await target.storage.remove(journalFile);
}

export const emptyJournal = (): Journal => ({ journal: 1, revisions: [], attachments: [], trusted: [], untrusted: [], received: [], custody: [] });
