/**
 * The evidence files of a bundle on their way into the bag
 * (docs/spec/bundle-format.md, "Photos and videos"), each judged by its
 * first bytes, never by its name:
 * - public: a photo or video of a kind Dalel cleans goes as a cleaned copy
 *   made in memory (../media/cleanMedia.ts); one that cannot be cleaned
 *   (too large, unreadable, metadata the cleaner cannot remove), any other
 *   photo, video or recording, and a file of no known kind stay out,
 *   counted with the files withheld, with every custody line naming them;
 * - legal: originals go byte for byte (they are the evidence), and each
 *   photo or video is read for a location in its own metadata, so that the
 *   report can warn the lawyer before they pass it on.
 * The bundle is listed with the originals until the files are written;
 * `withOutcomes` then gives it what went in.
 */
import { createHash, createHmac } from 'node:crypto';
import { extname } from 'node:path';
import { Bundle, bareMediaType, carriesMediaMetadata, type BundleAttachment, type BundleProfile, type MetadataKind } from '../../../shared/model';
import type { Archive } from '../archive';
import { canonicalJson } from '../canonical';
import { EngineError } from '../errors';
import { cleanMedia, cleanSizeLimit, metadataKinds } from '../media/cleanMedia';
import { sniff, sniffSpan } from '../../../shared/model/sniff';
import type { SigningKey } from '../signingKey';

/** What became of one stored file (by its sha256) in this bundle. */
export type FileOutcome =
  | { kind: 'original'; metadataLocation?: 'present' | 'unchecked' }
  | { kind: 'cleaned'; sha256: string; size: number; removed: MetadataKind[] }
  | { kind: 'withheld' };

/** What to do with a file: clean it (as this type), leave it out, or carry it (reading its metadata, or noting it could not be). */
export type FilePlan =
  | { kind: 'clean'; mediaType: string }
  | { kind: 'withhold' }
  | { kind: 'original'; read: 'metadata'; mediaType: string }
  | { kind: 'original'; read: 'unchecked' | null };

/** The plan for one file in this profile, from its first bytes. */
export async function planFor(archive: Archive, attachment: BundleAttachment, profile: BundleProfile): Promise<FilePlan> {
  if (profile === 'internal') return { kind: 'original', read: null };
  const sniffed = sniff(await archive.readBlobHead(attachment.sha256, sniffSpan));
  const namedMedia = carriesMediaMetadata(attachment.mediaType);
  if (profile === 'public') {
    if (sniffed.kind === 'cleanable') return { kind: 'clean', mediaType: sniffed.mediaType };
    // SECURITY: whatever its name says, a photo, video or recording not cleaned, or a file of no known kind, stays out.
    const unknown = bareMediaType(attachment.mediaType) === 'application/octet-stream';
    return sniffed.kind === 'media' || namedMedia || unknown ? { kind: 'withhold' } : { kind: 'original', read: null };
  }
  if (sniffed.kind === 'cleanable') return attachment.size <= cleanSizeLimit ? { kind: 'original', read: 'metadata', mediaType: sniffed.mediaType } : { kind: 'original', read: 'unchecked' };
  return { kind: 'original', read: sniffed.kind === 'media' || namedMedia ? 'unchecked' : null };
}

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

/** A public bundle's copy of a photo or video (of `mediaType`, as its bytes say), with its bytes, or why it stays out. */
export async function cleanedCopy(archive: Archive, attachment: BundleAttachment, mediaType: string, signal?: AbortSignal): Promise<{ outcome: FileOutcome; bytes?: Uint8Array }> {
  if (attachment.size > cleanSizeLimit) return { outcome: { kind: 'withheld' } };
  const original = await readWhole(archive, attachment, signal);
  const result = await cleanMedia(original, mediaType, signal);
  if (!result.cleaned) return { outcome: { kind: 'withheld' } };
  return { outcome: { kind: 'cleaned', sha256: result.sha256, size: result.bytes.byteLength, removed: result.removed }, bytes: result.bytes };
}

/**
 * Whether a legal bundle's original records where it was made, read from
 * its bytes as they were written into the bag (held when the plan says so).
 */
export async function originalOutcome(plan: FilePlan, held: Uint8Array | null, signal?: AbortSignal): Promise<FileOutcome> {
  if (plan.kind !== 'original' || plan.read === null) return { kind: 'original' };
  const kinds = plan.read === 'metadata' && held ? await metadataKinds(held, plan.mediaType, signal) : null;
  if (kinds === null) return { kind: 'original', metadataLocation: 'unchecked' };
  return kinds.includes('location') ? { kind: 'original', metadataLocation: 'present' } : { kind: 'original' };
}

/** What each archive has already found out about its files' locations, by sha256 and whether the name says media: a file's bytes never change. */
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
    const key = `${sha256} ${carriesMediaMetadata(mediaType)}`;
    if (!known.has(key)) known.set(key, await locationOf(archive, sha256, mediaType));
    answers.push({ sha256, location: known.get(key)! });
  }
  return answers;
}

/** Judged by the file's bytes; a file Dalel cannot read counts as not checked when its bytes or its name say photo, video or recording. */
async function locationOf(archive: Archive, sha256: string, mediaType: string): Promise<'present' | 'absent' | 'unchecked'> {
  const sniffed = sniff(await archive.readBlobHead(sha256, sniffSpan));
  if (sniffed.kind !== 'cleanable') return sniffed.kind === 'media' || carriesMediaMetadata(mediaType) ? 'unchecked' : 'absent';
  const pieces: Uint8Array[] = [];
  let size = 0;
  for await (const piece of archive.readBlob(sha256)) {
    size += piece.length;
    if (size > cleanSizeLimit) return 'unchecked';
    pieces.push(piece);
  }
  const kinds = await metadataKinds(Buffer.concat(pieces), sniffed.mediaType);
  if (kinds === null) return 'unchecked';
  return kinds.includes('location') ? 'present' : 'absent';
}

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
  // Two originals of one record may give the same copy: listed once.
  const once = [...new Map(attachments.map((attachment) => [`${attachment.recordId} ${attachment.sha256}`, attachment])).values()];
  // SECURITY: an original not in the bag (cleaned or withheld) is named by no custody line: anyone holding it could confirm it.
  const gone = new Set([...outcomes].filter(([, outcome]) => outcome.kind !== 'original').map(([sha256]) => sha256));
  const kept = bundle.custody.filter((line) => !(line.hashes ?? []).some((hash) => gone.has(hash)));
  // A public bundle numbers its lines from 0 (./unlinkable.ts): a line left out leaves no gap there.
  const custody = bundle.profile === 'public' ? kept.map((line, seq) => ({ ...line, seq })) : kept;
  const redactions = {
    ...bundle.redactions,
    attachmentsWithheld: bundle.redactions.attachmentsWithheld + withheld,
    ...(bundle.profile === 'public' ? { attachmentsCleaned: once.filter((attachment) => attachment.cleaned).length } : {}),
    ...(bundle.redactions.custodyWithheld === undefined ? {} : { custodyWithheld: bundle.redactions.custodyWithheld + bundle.custody.length - custody.length }),
  };
  return Bundle.parse({ ...bundle, attachments: once, custody, redactions });
}
