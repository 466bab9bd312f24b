/**
 * Cleaned derivatives of photos and videos for public evidence bundles: the
 * same pixels and frames, without the metadata that says where the witness
 * stood, which device they held, whose it is and which software it ran
 * (GPS, make, model, serial numbers, owner, software, capture time). The
 * original is never changed; the caller keeps it for legal bundles and may
 * ask metadataKinds() what it carries, to warn before it leaves.
 *
 * ExifTool does the work (exiftoolArgs.ts says exactly what it removes and
 * keeps), fed and read through pipes, never through a file. Then the
 * derivative is read again, and if a location, device, owner or software tag
 * is still in it, it is refused: a file ExifTool cannot fully clean is not
 * cleaned at all. Anything unexpected is a reason code, never a throw; only
 * the caller's abort throws EngineError('cancelled').
 *
 * Results name kinds only, never tag names or values: the exact list of tags
 * a file carries can point to a phone model.
 */
import { createHash } from 'node:crypto';
import { bareMediaType, cleanableMediaTypes } from '../../../shared/model';
import { cleanArgs, isCleanableFileType } from './exiftoolArgs';
import { readMetadata, timeoutFor, type MetadataRead } from './readMetadata';
import { runExiftool, type ExiftoolFailure } from './runExiftool';
import { sniff } from '../../../shared/model/sniff';
import { structureProblem } from './structure';
import { metadataKindOrder, type MetadataKind } from './tagKinds';

export type { MetadataKind } from './tagKinds';

/** Why a derivative was not made; `detail` is for logs and diagnostics, never shown as the reason. */
export type NotCleaned = {
  cleaned: false;
  reason: 'unsupportedFormat' | 'tooLarge' | 'cleaningFailed' | 'metadataRemains';
  detail?: Exclude<MetadataRead, { ok: true }>['unreadable'] | ExiftoolFailure | 'typeChanged' | 'emptyOutput';
};

export type CleanResult = { cleaned: true; bytes: Uint8Array; sha256: string; removed: MetadataKind[] } | NotCleaned;

/** The media types cleanMedia works on (as mediaTypeOf names them). */
export const cleanableTypes = cleanableMediaTypes;

/**
 * Files above this size are not cleaned ('tooLarge'). ExifTool cannot stream
 * through a pipe: it holds the whole input in memory, so a clean holds about
 * three copies at its peak (the original, ExifTool's, the derivative), and
 * more than one file may be cleaned at once. 256 MiB (about two minutes of a
 * phone's 1080p video, 40 seconds of 4K) keeps that near 1 GB on the laptops
 * Dalel's users have; README.md has the measurements.
 */
export const cleanSizeLimit = 256 * 1024 * 1024;

/** Kinds that must be gone from a derivative; time and other may stay (QuickTime header times are zeroed, see exiftoolArgs.ts). */
const identifyingKinds: readonly MetadataKind[] = ['location', 'device', 'owner', 'software'];


function notCleaned(reason: NotCleaned['reason'], detail?: NotCleaned['detail']): NotCleaned {
  return detail ? { cleaned: false, reason, detail } : { cleaned: false, reason };
}

/** A cleaned copy of `original`, or why there is none. The original bytes are never modified. */
export async function cleanMedia(original: Uint8Array, mediaType: string, signal?: AbortSignal): Promise<CleanResult> {
  if (!cleanableTypes.includes(bareMediaType(mediaType))) return notCleaned('unsupportedFormat');
  if (original.byteLength > cleanSizeLimit) return notCleaned('tooLarge');
  // SECURITY: ExifTool reads many formats (some have had flaws): it is only ever given bytes that look like these.
  const sniffed = sniff(original);
  if (sniffed.kind !== 'cleanable') return notCleaned('unsupportedFormat');

  const before = await readMetadata(original, signal);
  if (!before.ok) {
    const reason = before.unreadable === 'unknownFormat' ? 'unsupportedFormat' : 'cleaningFailed';
    return notCleaned(reason, before.unreadable);
  }
  // The bytes decide the format, not the name: a PNG saved as .jpg is cleaned as a PNG, a GIF is refused.
  if (!isCleanableFileType(before.fileType)) return notCleaned('unsupportedFormat');

  const run = await runExiftool({
    args: cleanArgs(before.fileType),
    input: original,
    // Deleting metadata only shrinks a file; the orientation copied back is a few bytes.
    maxOutputBytes: original.byteLength + 1024 * 1024,
    timeoutMs: timeoutFor(original.byteLength),
    signal,
  });
  if (!run.ok) return notCleaned('cleaningFailed', run.failure);
  const bytes = run.stdout;
  if (bytes.byteLength === 0) return notCleaned('cleaningFailed', 'emptyOutput');

  // SECURITY: defence in depth. ExifTool leaves what it cannot write (a track's own user data, a timed GPS
  // track in the frames' stream); the derivative is read again and refused if anything identifying is left.
  const after = await readMetadata(bytes, signal);
  if (!after.ok) return notCleaned('cleaningFailed', after.unreadable);
  if (after.fileType !== before.fileType) return notCleaned('cleaningFailed', 'typeChanged');
  if (after.kinds.some((kind) => identifyingKinds.includes(kind))) return notCleaned('metadataRemains');
  // Parts ExifTool neither writes nor knows (a vendor's private chunk or box) are refused by the container's structure.
  if (structureProblem(bytes, sniffed.mediaType) !== null) return notCleaned('metadataRemains');

  const removed = metadataKindOrder.filter((kind) => before.kinds.includes(kind) && !after.kinds.includes(kind));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { cleaned: true, bytes, sha256, removed };
}

/**
 * The kinds of metadata a file carries (to warn, say, that a legal bundle's
 * original carries a location), or null when that cannot be told: a type
 * cleanMedia does not handle, a file over cleanSizeLimit, or one ExifTool
 * cannot read.
 */
export async function metadataKinds(original: Uint8Array, mediaType: string, signal?: AbortSignal): Promise<MetadataKind[] | null> {
  if (!cleanableTypes.includes(bareMediaType(mediaType))) return null;
  if (original.byteLength > cleanSizeLimit || sniff(original).kind !== 'cleanable') return null;
  const read = await readMetadata(original, signal);
  return read.ok ? read.kinds : null;
}
