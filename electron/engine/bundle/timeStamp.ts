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
import { EngineError } from '../errors';
import { timeStampRequest } from '../timestamp/request';
import { checkTimeStamp, type TimeStamp, type TimeStampProblem } from '../timestamp/token';
import { addToBag, checkedBundle, type Verifier } from './bagAdditions';
import { bagFiles } from './bagChecks';
import { defaultVerifyLimits, verifyBundleContents, type VerifyOptions } from './verify';

export type { Verifier } from './bagAdditions';

/** An engine error for each way a response can fail to prove the time of this bundle. */
const problemErrors: Record<TimeStampProblem, 'timeStampUnreadable' | 'timeStampNotGranted' | 'timeStampNotForBundle' | 'timeStampSignatureInvalid' | 'timeStampNotAnAuthority'> = {
  malformed: 'timeStampUnreadable',
  notGranted: 'timeStampNotGranted',
  wrongData: 'timeStampNotForBundle',
  signatureInvalid: 'timeStampSignatureInvalid',
  notAnAuthority: 'timeStampNotAnAuthority',
};

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
  const checked = await checkedBundle(path, verify, options);
  const { report, tagManifest } = checked;
  if (report.timestamp) throw new EngineError('alreadyTimeStamped', { time: report.timestamp.time });
  // A token larger than the verifier reads as a tag file would make a bundle that no verifier accepts.
  if (response.length > defaultVerifyLimits.maxTagFileBytes) throw new EngineError('timeStampUnreadable');
  const check = await checkTimeStamp(response, tagManifest);
  if (!check.ok) throw new EngineError(problemErrors[check.problem]);
  const sha256 = await addToBag(path, checked, bagFiles.timeStamp, response, options.signal);
  return { bundleId: report.bundleId!, stamp: check.stamp, sha256 };
}
