/**
 * Importing a signed bundle (docs/spec/cli.md `dalel import`; docs/design.md,
 * "Merge"). The bundle is verified whole first, against this archive's
 * trusted signers; a bundle that fails any check writes nothing and the
 * report says why. Then:
 *
 * - `internal`: its signed revisions, evidence files and attachment entries
 *   join the archive as a union (see journal.ts for all or nothing). Each
 *   new revision and file gets a custody line naming the bundle and its
 *   signer, which is how a record shows where it came from.
 * - `legal` and `public`: redacted copies, no longer what their authors
 *   signed. The ZIP is kept whole as received evidence, listed with its
 *   signer and contents, and never mixed into the records.
 *
 * Evidence files are read a second time from the ZIP when stored, hashed on
 * the way and compared with the verified manifest, so a file swapped after
 * the check is refused.
 */
import { basename } from 'node:path';
import type { TrustedKey, VerifyReport } from '../../../shared/bagit';
import { Attachment, type Bundle, type CustodyAction, type ReceivedBundle, type TrustedSigner } from '../../../shared/model';
import type { AttachmentStore } from '../attachmentStore';
import type { BlobStore } from '../blobStore';
import { checkPaths } from '../../../shared/verify/zipPaths';
import { entryBytes, openZip, readDirectory, defaultZipLimits } from '../bundle/zipReader';
import { verifyBundleContents, type VerifiedContents, type VerifyOptions } from '../bundle/verify';
import type { CustodyFacts } from '../custodyLog';
import { EngineError, fromFsError } from '../errors';
import type { SigningKey } from '../signingKey';
import { commitJournal, emptyJournal, journalPending, type JournalTarget } from './journal';
import { newRevisions } from './incoming';
import { mayAddFiles, setAsideUntrusted, type SetAside } from './untrusted';

export interface MergeTarget extends JournalTarget {
  path: string;
  key: SigningKey;
  blobs: BlobStore;
  attachments: AttachmentStore;
}

export interface ImportOptions {
  /** Imports a bundle whose signer this archive does not trust; without it such a bundle is refused (`signerNotTrusted`). */
  allowUntrusted?: boolean;
  /** How the bundle is checked: in a thread of its own in the app and the command (isolatedVerify.ts). */
  verify?: (zipPath: string, options: VerifyOptions) => Promise<VerifiedContents>;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

export interface ImportOutcome {
  report: VerifyReport;
  /** null when the bundle did not verify: nothing was written. */
  imported: null | {
    /** `merged` into the records (internal), or kept whole as `received` evidence (legal, public). */
    kind: 'merged' | 'received';
    bundleId: string;
    revisionsAdded: number;
    attachmentsAdded: number;
    /** Revisions of this archive's records by keys it does not trust: kept with the bundle, not merged (untrusted.ts). */
    setAside: SetAside[];
  };
}

type CustodyEntry = { action: CustodyAction } & CustodyFacts;

export async function importBundle(target: MergeTarget, zipPath: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const signers = await target.exchange.trusted();
  const verified = await (options.verify ?? verifyBundleContents)(zipPath, {
    trusted: toTrustedKeys(signers),
    requireTrusted: !options.allowUntrusted,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  const { report, bundle, tagManifestSha256, revisions: checked } = verified;
  if (!report.valid || !bundle || !tagManifestSha256 || !checked) {
    if (report.failure?.reason === 'cancelled') throw new EngineError('cancelled');
    return { report, imported: null };
  }
  const signer = report.signer!;
  const from = `${bundle.bundleId} (${bundle.profile}) signed by ${signer.fingerprint}${signer.trustedAs ? ` (${signer.trustedAs})` : ''}`;
  if (bundle.profile !== 'internal') return { report, imported: await keepReceived(target, zipPath, bundle, report, tagManifestSha256) };

  // Each revision's id, signature and schema were checked by the verifier.
  const fresh = checked.filter((signed) => !target.records.holds(signed.revision.recordId, signed.id));
  const vouched = new Set([target.key.fingerprint, ...signers.map((signer) => signer.fingerprint)]);
  const { taken, setAside, makers } = setAsideUntrusted(target.records, fresh, vouched);
  const revisions = newRevisions(target.records, taken);
  const journal = emptyJournal();
  journal.revisions = revisions;
  const custody: CustodyEntry[] = [{ action: 'bundle_imported', hashes: [tagManifestSha256], note: from }];
  for (const signed of revisions) {
    custody.push({ action: 'bundle_imported', recordId: signed.revision.recordId, revisionId: signed.id, note: from });
  }
  const mayAdd = (recordId: string) => mayAddFiles(target.records, recordId, signer.fingerprint, vouched, makers);
  const stored = await storeFiles(target, zipPath, bundle, revisions, mayAdd, options.signal);
  setAside.push(...stored.setAside);
  try {
    if (setAside.length) {
      // Nothing is lost: the bundle is kept whole, listed with what was set aside and whose keys made it.
      const blob = await target.blobs.add(zipPath);
      if (blob.added) stored.added.push(blob.sha256);
      journal.received = [{ ...receivedEntry(zipPath, bundle, report, blob), setAside }];
      custody.push({ action: 'bundle_imported', hashes: [tagManifestSha256, blob.sha256], note: setAsideNote(bundle, setAside) });
    }
    journal.attachments = stored.entries;
    for (const entry of stored.entries) {
      custody.push({ action: 'bundle_imported', recordId: entry.recordId, hashes: [entry.sha256], note: from });
    }
    journal.custody = target.custody.prepare(target.key.fingerprint, custody);
    await commitJournal(target, journal);
  } catch (error) {
    if (!(await journalPending(target))) await takeBack(target.blobs, stored.added);
    throw error;
  }
  return {
    report,
    imported: { kind: 'merged', bundleId: bundle.bundleId, revisionsAdded: revisions.length, attachmentsAdded: stored.entries.length, setAside },
  };
}

/** The custody line of what was set aside: how many changes, and the keys that made them. */
function setAsideNote(bundle: Bundle, setAside: readonly SetAside[]): string {
  const keys = [...new Set(setAside.map((entry) => entry.author))];
  return `${bundle.bundleId} (internal): ${setAside.length} change(s) by keys not trusted set aside, kept with the bundle: ${keys.join(' ')}`.slice(0, 2000);
}

/**
 * Stores the bundle's evidence files the archive lacks, and gives the
 * attachment entries its records do not list yet; those the bundle's signer
 * may not add to a record (`mayAdd`) are set aside instead. On any failure
 * the files stored here are removed again.
 */
async function storeFiles(
  target: MergeTarget,
  zipPath: string,
  bundle: Bundle,
  revisions: readonly { revision: { recordId: string } }[],
  mayAdd: (recordId: string) => boolean,
  signal?: AbortSignal,
): Promise<{ entries: Attachment[]; added: string[]; setAside: SetAside[] }> {
  const known = new Set(revisions.map((signed) => signed.revision.recordId));
  const entries: Attachment[] = [];
  const setAside: SetAside[] = [];
  const wanted = new Map<string, Attachment & { path: string }>();
  // Each record's attachment document is read once, however many files the bundle lists for it.
  const listedFor = new Map<string, Set<string>>();
  for (const attachment of bundle.attachments) {
    // An entry for a record neither the bundle nor the archive holds would point nowhere.
    if (!known.has(attachment.recordId) && !target.records.has(attachment.recordId)) {
      throw new EngineError('historyIncomplete', { id: attachment.recordId });
    }
    let listed = listedFor.get(attachment.recordId);
    if (!listed) {
      listed = new Set((await target.attachments.list(attachment.recordId)).map((entry) => entry.sha256));
      listedFor.set(attachment.recordId, listed);
    }
    if (listed.has(attachment.sha256)) continue;
    if (!mayAdd(attachment.recordId)) {
      setAside.push({ recordId: attachment.recordId, sha256: attachment.sha256, author: bundle.signer.fingerprint });
      continue;
    }
    const { path: _path, ...entry } = attachment;
    entries.push(Attachment.parse(entry));
    wanted.set(attachment.sha256, attachment);
  }
  const added: string[] = [];
  if (!wanted.size) return { entries, added, setAside };
  let opened;
  try {
    opened = await openZip(zipPath);
  } catch (error) {
    throw fromFsError(error, zipPath);
  }
  const { zip } = opened;
  try {
    const { items } = await readDirectory(opened, defaultZipLimits);
    const { files } = checkPaths(items);
    for (const attachment of wanted.values()) {
      const item = files.get(`data/${attachment.path}`);
      if (!item) throw new EngineError('fileChanged', { path: zipPath });
      const blob = await target.blobs.addVerified(attachment, entryBytes(zip, item, signal), zipPath);
      if (blob.added) added.push(blob.sha256);
    }
  } catch (error) {
    await takeBack(target.blobs, added);
    if (signal?.aborted) throw new EngineError('cancelled');
    // The ZIP changed after it was checked: its files are no longer the verified ones.
    throw error instanceof EngineError ? error : new EngineError('fileChanged', { path: zipPath });
  } finally {
    zip.close();
  }
  return { entries, added, setAside };
}

/** A redacted bundle: its ZIP kept whole as one evidence file, and listed. */
async function keepReceived(
  target: MergeTarget,
  zipPath: string,
  bundle: Bundle,
  report: VerifyReport,
  tagManifestSha256: string,
): Promise<ImportOutcome['imported']> {
  const blob = await target.blobs.add(zipPath);
  const journal = emptyJournal();
  journal.received = [receivedEntry(zipPath, bundle, report, blob)];
  journal.custody = target.custody.prepare(target.key.fingerprint, [
    { action: 'bundle_imported', hashes: [tagManifestSha256, blob.sha256], note: `${bundle.bundleId} (${bundle.profile}) kept as received` },
  ]);
  try {
    await commitJournal(target, journal);
  } catch (error) {
    if (!(await journalPending(target))) await takeBack(target.blobs, blob.added ? [blob.sha256] : []);
    throw error;
  }
  return { kind: 'received', bundleId: bundle.bundleId, revisionsAdded: 0, attachmentsAdded: 0, setAside: [] };
}

function receivedEntry(zipPath: string, bundle: Bundle, report: VerifyReport, blob: { sha256: string; size: number }): ReceivedBundle {
  return {
    sha256: blob.sha256,
    size: blob.size,
    fileName: basename(zipPath),
    bundleId: bundle.bundleId,
    profile: bundle.profile,
    createdAt: bundle.createdAt,
    receivedAt: new Date().toISOString(),
    signer: { fingerprint: report.signer!.fingerprint, publicKey: report.signer!.publicKey, name: bundle.signer.name, organization: bundle.signer.organization },
    records: bundle.records.length,
    attachments: report.counts?.attachments ?? 0,
  };
}

async function takeBack(blobs: BlobStore, added: readonly string[]): Promise<void> {
  for (const sha256 of added) await blobs.remove(sha256).catch(() => {});
}

export function toTrustedKeys(signers: readonly TrustedSigner[]): TrustedKey[] {
  return signers.map(({ name, fingerprint, publicKey }) => ({ name, fingerprint, publicKey }));
}
