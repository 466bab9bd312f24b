/**
 * The verifier's check of a lawyer's countersignature (bagChecks.ts names
 * the file): a present signature must be a detached CMS signature of this
 * very tag manifest, or the bundle is refused. Whether its certificate
 * chains to an anchor the receiver supplies is reported, not refused: who
 * the signer is, only the reader can judge. One made with an algorithm this
 * verifier cannot compute (GOST) is refused as such, never called valid.
 */
import type { FailureReason } from '../../../shared/bagit';
import { checkCountersignature, type Countersignature, type CountersignatureProblem } from '../countersign/cms';
import { readCertificates } from '../timestamp/pki';
import { bagFiles, type BagContents } from './bagChecks';
import { VerifyFailure } from '../../../shared/verify/verifyFailure';

const failures: Record<CountersignatureProblem, FailureReason> = {
  malformed: 'countersignatureMalformed',
  signatureInvalid: 'countersignatureInvalid',
  unsupported: 'countersignatureUnsupported',
};

/** `anchors`: the bytes of a PEM or DER file of trust anchors; one that holds none anchors nothing. */
export async function checkBagCountersignature(bag: BagContents, anchors: Uint8Array | undefined): Promise<Countersignature> {
  const trusted = anchors === undefined ? undefined : (readCertificates(anchors) ?? []);
  const check = await checkCountersignature(bag.held.get(bagFiles.countersignature)!, bag.held.get(bagFiles.tagManifest)!, trusted);
  if (!check.ok) throw new VerifyFailure(failures[check.problem], bagFiles.countersignature);
  return check.countersignature;
}
