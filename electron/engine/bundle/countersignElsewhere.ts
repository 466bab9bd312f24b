/**
 * A lawyer's countersignature made outside Dalel (docs/spec/bundle-format.md,
 * "A lawyer's countersignature"): most Kazakh lawyers sign only through
 * NCALayer or a token, with tools they already use. Dalel gives them the
 * file to sign (the bag's tag manifest, `tagManifestToSign`) and adds the
 * detached CMS signature they bring back (`addCountersignatureFile`),
 * exactly as the PKCS#12 path adds its own: as `tagmanifest-sha256.txt.p7s`,
 * in DER, through `addToBag`, no other byte of the bag changed.
 *
 * It must never add what the verifier would not accept: the bundle is
 * checked whole and the signature checked against its tag manifest before
 * the bundle file is touched; every refusal leaves it byte for byte. It
 * opens no connection (NCALayer's local socket included).
 */
import { EngineError } from '../errors';
import { checkCountersignature, type CountersignatureProblem } from '../countersign/cms';
import { attachedContent, readSignatureFile } from '../countersign/signatureFile';
import type { AddedCountersignature } from './countersign';
import { addToBag, checkedBundle, type Verifier } from './bagAdditions';
import { bagFiles } from './bagChecks';
import { defaultVerifyLimits, verifyBundleContents, type VerifyOptions } from './verify';

/** An engine error for each way a signature can fail to countersign this bundle. */
const problemErrors: Record<CountersignatureProblem, 'countersignatureUnreadable' | 'countersignatureNotForBundle' | 'countersignatureUnsupported'> = {
  malformed: 'countersignatureUnreadable',
  signatureInvalid: 'countersignatureNotForBundle',
  unsupported: 'countersignatureUnsupported',
};

/** The bytes of a valid bundle's tag manifest, the file a lawyer signs elsewhere. */
export async function tagManifestToSign(path: string, verify: Verifier = verifyBundleContents, options: VerifyOptions = {}): Promise<{ bundleId: string; tagManifest: Buffer }> {
  const { report, tagManifest } = await checkedBundle(path, verify, options);
  return { bundleId: report.bundleId!, tagManifest };
}

/**
 * Adds `file` (the bytes of a .p7s, .cms or .sig file: DER, PEM or base64)
 * to the bundle at `path` as its countersignature, once it checks as a
 * detached CMS signature of the bundle's tag manifest.
 */
export async function addCountersignatureFile(
  path: string,
  file: Uint8Array,
  verify: Verifier = verifyBundleContents,
  options: VerifyOptions = {},
): Promise<AddedCountersignature> {
  const checked = await checkedBundle(path, verify, options);
  const { report, tagManifest } = checked;
  // As the PKCS#12 path: a bundle holds one countersignature; a second is refused, never a replacement.
  if (report.countersignature) throw new EngineError('alreadyCountersigned', { subject: report.countersignature.subject });
  const der = readSignatureFile(file);
  // A signature larger than the verifier holds as a tag file would make a bundle no verifier accepts.
  if (!der || der.length > defaultVerifyLimits.maxTagFileBytes) throw new EngineError('countersignatureUnreadable');
  // An attached signature is refused, not cut down to a detached one: the bag keeps the very bytes the lawyer's
  // software made, and the court's own check of them (openssl, NCA's tools) sees what Dalel saw. Signing again
  // as "detached" is one choice in that software.
  const carried = attachedContent(der);
  if (carried) throw new EngineError(carried.equals(tagManifest) ? 'countersignatureAttached' : 'countersignatureNotForBundle');
  const check = await checkCountersignature(der, tagManifest);
  if (!check.ok) throw new EngineError(problemErrors[check.problem]);
  const sha256 = await addToBag(path, checked, bagFiles.countersignature, der, options.signal);
  return { bundleId: report.bundleId!, countersignature: check.countersignature, sha256 };
}
