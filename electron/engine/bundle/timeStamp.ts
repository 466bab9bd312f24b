/**
 * Proof of time for a bundle (RFC 3161, docs/spec/bundle-format.md, "Proof
 * of time"). A time-stamp authority signs the time at which the bag's tag
 * manifest existed; the tag manifest covers every byte of the bag and is
 * what the exporter's signature signs. The token is kept in the bag as
 * `tagmanifest-sha256.txt.tsr`, beside the signature and, like it, outside
 * the tag manifest: adding it changes no byte of any other file.
 *
 * The app never sends anything: `timeStampRequestFor` gives the request to
 * take to a connected machine, and `addTimeStamp` puts the answer into the
 * bundle once it is checked against it.
 */
import { createHash } from 'node:crypto';
import type { VerifyReport } from '../../../shared/bagit';
import { writeStreamAtomic } from '../atomicFile';
import { EngineError, fromFsError } from '../errors';
import { timeStampRequest } from '../timestamp/request';
import { checkTimeStamp, type TimeStamp, type TimeStampProblem } from '../timestamp/token';
import { bagFiles } from './bagChecks';
import { defaultVerifyLimits, verifyBundleContents, type VerifiedContents, type VerifyOptions } from './verify';
import { zipBytes, type ZipEntry } from './zipWriter';
import { entryBytes, openZip, readDirectory } from './zipReader';

export type Verifier = (path: string, options: VerifyOptions) => Promise<VerifiedContents>;

/** An engine error for each way a response can fail to prove the time of this bundle. */
const problemErrors: Record<TimeStampProblem, 'timeStampUnreadable' | 'timeStampNotGranted' | 'timeStampNotForBundle' | 'timeStampSignatureInvalid' | 'timeStampNotAnAuthority'> = {
  malformed: 'timeStampUnreadable',
  notGranted: 'timeStampNotGranted',
  wrongData: 'timeStampNotForBundle',
  signatureInvalid: 'timeStampSignatureInvalid',
  notAnAuthority: 'timeStampNotAnAuthority',
};

interface Checked {
  report: VerifyReport;
  tagManifest: Buffer;
}

/** The bundle, checked whole, and its tag manifest's bytes; an invalid bundle is refused. */
async function checkedBundle(path: string, verify: Verifier, options: VerifyOptions): Promise<Checked> {
  const { report } = await verify(path, options);
  if (report.failure?.reason === 'fileUnreadable') throw new EngineError('ioError', { path });
  if (report.failure?.reason === 'cancelled') throw new EngineError('cancelled');
  if (!report.valid || !report.bundleId) throw new EngineError('bundleNotValid', { path });
  const tagManifest = Buffer.concat(await entryChunks(path, `${report.bundleId}/${bagFiles.tagManifest}`));
  return { report, tagManifest };
}

async function entryChunks(path: string, name: string): Promise<Buffer[]> {
  const zip = await openZip(path);
  try {
    const { items } = await readDirectory(zip, defaultVerifyLimits);
    const item = items.find((candidate) => candidate.name === name)!;
    const chunks: Buffer[] = [];
    for await (const chunk of entryBytes(zip, item)) chunks.push(chunk);
    return chunks;
  } finally {
    zip.close();
  }
}

/** A TimeStampReq for the bundle's tag manifest, to take to an authority. */
export async function timeStampRequestFor(path: string, verify: Verifier = verifyBundleContents, options: VerifyOptions = {}): Promise<{ bundleId: string; request: Buffer }> {
  const { report, tagManifest } = await checkedBundle(path, verify, options);
  if (report.timestamp) throw new EngineError('alreadyTimeStamped', { time: report.timestamp.time });
  return { bundleId: report.bundleId!, request: timeStampRequest(tagManifest) };
}

export interface AddedTimeStamp {
  bundleId: string;
  stamp: TimeStamp;
  /** The sha256 of the bundle file as it is now. */
  sha256: string;
}

/**
 * Adds the authority's response to the bundle at `path`, in place: a new ZIP
 * with every entry's bytes as they were, and the token beside the
 * signature, replacing the old file only once whole. Nothing is written
 * unless the bundle is valid and the response proves the time of its tag
 * manifest.
 */
export async function addTimeStamp(path: string, response: Uint8Array, verify: Verifier = verifyBundleContents, options: VerifyOptions = {}): Promise<AddedTimeStamp> {
  const { report, tagManifest } = await checkedBundle(path, verify, options);
  if (report.timestamp) throw new EngineError('alreadyTimeStamped', { time: report.timestamp.time });
  // A token larger than the verifier reads as a tag file would make a bundle that no verifier accepts.
  if (response.length > defaultVerifyLimits.maxTagFileBytes) throw new EngineError('timeStampUnreadable');
  const check = await checkTimeStamp(response, tagManifest);
  if (!check.ok) throw new EngineError(problemErrors[check.problem]);
  const bundleId = report.bundleId!;

  const zip = await openZip(path);
  const whole = createHash('sha256');
  try {
    const { items } = await readDirectory(zip, defaultVerifyLimits);
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (const item of items) {
        if (item.directory) continue;
        yield { name: item.name, store: item.entry.compressionMethod === 0, date: item.entry.getLastModDate(), source: entryBytes(zip, item, options.signal) };
      }
      yield { name: `${bundleId}/${bagFiles.timeStamp}`, store: false, date: new Date(), source: [response] };
    }
    await writeStreamAtomic(path, hashed(zipBytes(entries()), whole), { makeFolder: false });
  } catch (error) {
    if (options.signal?.aborted) throw new EngineError('cancelled');
    throw fromFsError(error, path);
  } finally {
    zip.close();
  }
  return { bundleId, stamp: check.stamp, sha256: whole.digest('hex') };
}

async function* hashed(source: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array> {
  for await (const piece of source) {
    hash.update(piece);
    yield piece;
  }
}
