/**
 * The evidence files of a bundle on their way into the bag
 * (docs/spec/bundle-format.md, "Photos and videos"):
 * - public: each photo or video of a kind Dalel cleans goes as a cleaned
 *   copy made in memory (../media/cleanMedia.ts); one that cannot be
 *   cleaned (too large, unreadable, metadata the cleaner cannot remove)
 *   stays out, counted with the files withheld;
 * - legal: originals go byte for byte (they are the evidence), and each
 *   photo or video is read for a location in its own metadata, so that the
 *   report can warn the lawyer before they pass it on.
 * The bundle is listed with the originals until the files are written;
 * `withOutcomes` then gives it the copies' hashes and what was removed.
 */
import { createHash, createHmac } from 'node:crypto';
import { extname } from 'node:path';
import { Bundle, carriesMediaMetadata, isCleanable, type BundleAttachment, type MetadataKind } from '../../../shared/model';
import type { Archive } from '../archive';
import { canonicalJson } from '../canonical';
import { EngineError } from '../errors';
import { cleanMedia, cleanSizeLimit, metadataKinds } from '../media/cleanMedia';
import type { SigningKey } from '../signingKey';

/** What became of one stored file (by its sha256) in this bundle. */
export type FileOutcome =
  | { kind: 'original'; metadataLocation?: 'present' | 'unchecked' }
  | { kind: 'cleaned'; sha256: string; size: number; removed: MetadataKind[] }
  | { kind: 'withheld' };

/** A stored file read whole into memory, checked against the sha256 it was stored under. */
async function readWhole(archive: Archive, attachment: BundleAttachment, signal?: AbortSignal): Promise<Uint8Array> {
  const bytes = new Uint8Array(attachment.size);
  const hash = createHash('sha256');
  let at = 0;
  for await (const piece of archive.readBlob(attachment.sha256)) {
    signal?.throwIfAborted();
    if (at + piece.length > bytes.length) throw new EngineError('archiveDamaged', { path: archive.path, file: attachment.path });
    bytes.set(piece, at);
    hash.update(piece);
    at += piece.length;
  }
  // The stored bytes must still be the bytes received; a difference is damage, never exported.
  if (at !== bytes.length || hash.digest('hex') !== attachment.sha256) throw new EngineError('archiveDamaged', { path: archive.path, file: attachment.path });
  return bytes;
}

/** A public bundle's copy of a photo or video, with its bytes, or why it stays out. */
export async function cleanedCopy(archive: Archive, attachment: BundleAttachment, signal?: AbortSignal): Promise<{ outcome: FileOutcome; bytes?: Uint8Array }> {
  if (attachment.size > cleanSizeLimit) return { outcome: { kind: 'withheld' } };
  const original = await readWhole(archive, attachment, signal);
  const result = await cleanMedia(original, attachment.mediaType, signal);
  if (!result.cleaned) return { outcome: { kind: 'withheld' } };
  return { outcome: { kind: 'cleaned', sha256: result.sha256, size: result.bytes.byteLength, removed: result.removed }, bytes: result.bytes };
}

/**
 * Whether a legal bundle's original records where it was made, read from
 * its bytes as they were written into the bag (`bytes` is null when they
 * were too many to hold). Only photos, videos and recordings are asked.
 */
export async function originalOutcome(attachment: BundleAttachment, bytes: Uint8Array | null, signal?: AbortSignal): Promise<FileOutcome> {
  if (!carriesMediaMetadata(attachment.mediaType)) return { kind: 'original' };
  const kinds = bytes ? await metadataKinds(bytes, attachment.mediaType, signal) : null;
  if (kinds === null) return { kind: 'original', metadataLocation: 'unchecked' };
  return kinds.includes('location') ? { kind: 'original', metadataLocation: 'present' } : { kind: 'original' };
}

/** What each archive has already found out about its files' locations, by sha256: a file's bytes never change. */
const knownLocations = new WeakMap<Archive, Map<string, 'present' | 'absent' | 'unchecked'>>();

/**
 * Whether stored photos and videos record where they were made, for the
 * export preview: read one at a time, each at most cleanSizeLimit bytes
 * (a larger one is `unchecked`), and remembered for the archive's session.
 */
export async function mediaLocations(
  archive: Archive,
  files: readonly { sha256: string; mediaType: string }[],
): Promise<{ sha256: string; location: 'present' | 'absent' | 'unchecked' }[]> {
  const known = knownLocations.get(archive) ?? new Map<string, 'present' | 'absent' | 'unchecked'>();
  knownLocations.set(archive, known);
  const answers = [];
  for (const { sha256, mediaType } of files) {
    if (!known.has(sha256)) known.set(sha256, await locationOf(archive, sha256, mediaType));
    answers.push({ sha256, location: known.get(sha256)! });
  }
  return answers;
}

async function locationOf(archive: Archive, sha256: string, mediaType: string): Promise<'present' | 'absent' | 'unchecked'> {
  if (!isCleanable(mediaType)) return 'unchecked';
  const pieces: Uint8Array[] = [];
  let size = 0;
  for await (const piece of archive.readBlob(sha256)) {
    size += piece.length;
    if (size > cleanSizeLimit) return 'unchecked';
    pieces.push(piece);
  }
  const kinds = await metadataKinds(Buffer.concat(pieces), mediaType);
  if (kinds === null) return 'unchecked';
  return kinds.includes('location') ? 'present' : 'absent';
}

/** Whether a legal export should hold a file's bytes to read its metadata: a photo or video Dalel can read, small enough. */
export const readsMetadataOf = (attachment: BundleAttachment) => isCleanable(attachment.mediaType) && attachment.size <= cleanSizeLimit;

/**
 * The commitment a cleaned copy carries to its original: sha256 of
 * JCS(["dalel original v1", salt, original sha256]). The salt is derived
 * from the archive's key, the bundle id and the original's sha256, so the
 * archive can give it later to show which original the copy is of, and no
 * two bundles carry the same commitment for the same original.
 */
export function originalCommitment(archiveKey: SigningKey, bundleId: string, originalSha256: string): string {
  const salt = createHmac('sha256', archiveKey.toPkcs8()).update(`dalel original salt v1\0${bundleId}\0${originalSha256}`).digest().subarray(0, 16).toString('base64url');
  return createHash('sha256').update(canonicalJson(['dalel original v1', salt, originalSha256])).digest('hex');
}

/** The bundle with each file as it went into the bag: a cleaned copy's hash and size, an original's location warning, a withheld file gone. */
export function withOutcomes(bundle: Bundle, outcomes: ReadonlyMap<string, FileOutcome>, commitmentOf: (originalSha256: string) => string): Bundle {
  const attachments: BundleAttachment[] = [];
  let withheld = 0;
  let cleaned = 0;
  for (const attachment of bundle.attachments) {
    const outcome = outcomes.get(attachment.sha256) ?? { kind: 'original' };
    if (outcome.kind === 'withheld') {
      withheld += 1;
      continue;
    }
    if (outcome.kind === 'original') {
      attachments.push(outcome.metadataLocation ? { ...attachment, metadataLocation: outcome.metadataLocation } : attachment);
      continue;
    }
    cleaned += 1;
    const extension = extname(attachment.path);
    attachments.push({
      ...attachment,
      sha256: outcome.sha256,
      size: outcome.size,
      path: `attachments/${outcome.sha256}${extension}`,
      // A public bundle names a file by its hash: the copy's.
      originalName: `${outcome.sha256.slice(0, 12)}${extension}`,
      cleaned: { removed: outcome.removed, original: commitmentOf(attachment.sha256) },
    });
  }
  const redactions = {
    ...bundle.redactions,
    attachmentsWithheld: bundle.redactions.attachmentsWithheld + withheld,
    ...(bundle.profile === 'public' ? { attachmentsCleaned: cleaned } : {}),
  };
  return Bundle.parse({ ...bundle, attachments, redactions });
}
