/**
 * The verifier's check of a bag's proof of time (bagChecks.ts names the
 * file): a present token must prove the time of this very tag manifest, or
 * the bundle is refused, since a proof of time that does not hold would
 * mislead whoever reads the report. Anchors the receiver supplies are
 * judged too, without refusing: like a signer's key, an authority is
 * trusted or not by the reader.
 */
import type { FailureReason } from '../../../shared/bagit';
import { checkTimeStamp, readAnchors, type TimeStamp, type TimeStampProblem } from '../timestamp/token';
import { bagFiles, type BagContents } from './bagChecks';
import { VerifyFailure } from '../../../shared/verify/verifyFailure';

const failures: Record<TimeStampProblem, FailureReason> = {
  malformed: 'timestampMalformed',
  notGranted: 'timestampNotGranted',
  wrongData: 'timestampWrongData',
  signatureInvalid: 'timestampSignatureInvalid',
  notAnAuthority: 'timestampNotAnAuthority',
};

/** `anchors`: the bytes of a PEM or DER file of trust anchors; one that holds none anchors nothing. */
export async function checkBagTimeStamp(bag: BagContents, anchors: Uint8Array | undefined): Promise<TimeStamp> {
  const trusted = anchors === undefined ? undefined : (readAnchors(anchors) ?? []);
  const check = await checkTimeStamp(bag.held.get(bagFiles.timeStamp)!, bag.held.get(bagFiles.tagManifest)!, trusted);
  if (!check.ok) throw new VerifyFailure(failures[check.problem], bagFiles.timeStamp);
  return check.stamp;
}
