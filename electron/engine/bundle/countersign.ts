/**
 * A lawyer's countersignature of a received bundle (issue 18, item 2): a
 * detached CMS signature (RFC 5652) of the bag's tag manifest by the
 * lawyer's X.509 certificate, from their PKCS#12 file, kept in the bag as
 * `tagmanifest-sha256.txt.p7s` beside the exporter's signature. The
 * exporter's signature and every file stay as they were: the lawyer adds
 * their own signature over the same manifest, which covers every byte.
 */
import { EngineError } from '../errors';
import { checkCountersignature, signDetached, type Countersignature } from '../countersign/cms';
import { readPkcs12 } from '../countersign/pkcs12';
import { addToBag, checkedBundle, type Verifier } from './bagAdditions';
import { bagFiles } from './bagChecks';
import { verifyBundleContents, type VerifyOptions } from './verify';

export interface AddedCountersignature {
  bundleId: string;
  countersignature: Countersignature;
  /** The sha256 of the bundle file as it is now. */
  sha256: string;
}

export async function countersignBundle(
  path: string,
  pkcs12: Uint8Array,
  password: string,
  verify: Verifier = verifyBundleContents,
  options: VerifyOptions = {},
): Promise<AddedCountersignature> {
  const checked = await checkedBundle(path, verify, options);
  const { report, tagManifest } = checked;
  if (report.countersignature) throw new EngineError('alreadyCountersigned', { subject: report.countersignature.subject });
  const identity = await readPkcs12(pkcs12, password);
  const signature = await signDetached(tagManifest, identity);
  // What is added must be what a verifier accepts.
  const check = await checkCountersignature(signature, tagManifest);
  if (!check.ok) throw new EngineError('internal');
  const sha256 = await addToBag(path, checked, bagFiles.countersignature, signature, options.signal);
  return { bundleId: report.bundleId!, countersignature: check.countersignature, sha256 };
}
