/**
 * What may be added to a signed bundle after it was signed, without
 * touching it (docs/spec/bundle-format.md, "Proof of time" and "A lawyer's
 * countersignature"): one file beside the signature, outside the tag
 * manifest. The bundle is checked whole first, and its file is replaced by
 * a new ZIP holding every entry's bytes as they were plus the new file,
 * only once that is whole (written beside it, flushed, renamed), with the
 * old file's permissions.
 */
import { createHash } from 'node:crypto';
import { chmod, stat } from 'node:fs/promises';
import type { VerifyReport } from '../../../shared/bagit';
import { writeStreamAtomic } from '../atomicFile';
import { EngineError, fromFsError } from '../errors';
import { bagFiles } from './bagChecks';
import { defaultVerifyLimits, type VerifiedContents, type VerifyOptions } from './verify';
import { zipBytes, type ZipEntry } from './zipWriter';
import { entryBytes, openZip, readDirectory } from './zipReader';

export type Verifier = (path: string, options: VerifyOptions) => Promise<VerifiedContents>;

export interface CheckedBundle {
  report: VerifyReport;
  /** The bytes of the signed tag manifest: what an addition is made over. */
  tagManifest: Buffer;
}

/** The bundle, checked whole, and its tag manifest's bytes; an invalid bundle is refused. */
export async function checkedBundle(path: string, verify: Verifier, options: VerifyOptions): Promise<CheckedBundle> {
  const { report } = await verify(path, options);
  if (report.failure?.reason === 'fileUnreadable') throw new EngineError('ioError', { path });
  if (report.failure?.reason === 'cancelled') throw new EngineError('cancelled');
  if (!report.valid || !report.bundleId) throw new EngineError('bundleNotValid', { path });
  const opened = await openZip(path);
  const { zip } = opened;
  try {
    const { items } = await readDirectory(opened, defaultVerifyLimits);
    const item = items.find((candidate) => candidate.name === `${report.bundleId}/${bagFiles.tagManifest}`)!;
    const chunks: Buffer[] = [];
    for await (const chunk of entryBytes(zip, item)) chunks.push(chunk);
    return { report, tagManifest: Buffer.concat(chunks) };
  } finally {
    zip.close();
  }
}

/**
 * Writes the bundle at `path` again with `name` (a file of the bag's top
 * folder) added; returns the sha256 of the new file. The tag manifest is
 * compared as it passes: a bundle changed since it was checked is refused.
 */
export async function addToBag(path: string, checked: CheckedBundle, name: string, bytes: Uint8Array, signal?: AbortSignal): Promise<string> {
  // A file larger than the verifier holds as a tag file would make a bundle that no verifier accepts.
  if (bytes.length > defaultVerifyLimits.maxTagFileBytes) throw new EngineError('invalidRequest');
  const bundleId = checked.report.bundleId!;
  const mode = (await stat(path).catch((error: unknown) => Promise.reject(fromFsError(error, path)))).mode & 0o777;
  const opened = await openZip(path);
  const { zip } = opened;
  const whole = createHash('sha256');
  try {
    const { items } = await readDirectory(opened, defaultVerifyLimits);
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (const item of items) {
        if (item.directory) continue;
        const source = item.name === `${bundleId}/${bagFiles.tagManifest}` ? unchanged(entryBytes(zip, item, signal), checked.tagManifest) : entryBytes(zip, item, signal);
        yield { name: item.name, store: item.entry.compressionMethod === 0, date: item.entry.getLastModDate(), source };
      }
      yield { name: `${bundleId}/${name}`, store: false, date: new Date(), source: [bytes] };
    }
    await writeStreamAtomic(path, hashed(zipBytes(entries()), whole), { makeFolder: false });
  } catch (error) {
    if (signal?.aborted) throw new EngineError('cancelled');
    throw fromFsError(error, path);
  } finally {
    zip.close();
  }
  await chmod(path, mode).catch(() => {});
  return whole.digest('hex');
}

/** The pieces of the tag manifest as read again, refused unless they are the bytes checked. */
async function* unchanged(source: AsyncIterable<Buffer>, expected: Buffer): AsyncGenerator<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of source) {
    pieces.push(piece);
    yield piece;
  }
  if (!Buffer.concat(pieces).equals(expected)) throw new EngineError('fileChanged', { path: bagFiles.tagManifest });
}

async function* hashed(source: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array> {
  for await (const piece of source) {
    hash.update(piece);
    yield piece;
  }
}
