/**
 * A lawyer's countersignature through NCALayer on the same computer
 * (../countersign/ncaLayer.ts): the bundle is checked whole and its tag
 * manifest taken (`tagManifestToSign`), NCALayer signs it with the key the
 * lawyer chooses in NCALayer's own window, and the signature is added as a
 * countersignature made elsewhere is (`addCountersignatureFile`): checked
 * against this tag manifest before the bundle file is touched, every
 * refusal leaving it byte for byte. The only connection is to NCALayer on
 * this computer, made only here, when the person asks for it.
 */
import { signWithNcaLayer, type NcaLayerOptions } from '../countersign/ncaLayer';
import type { AddedCountersignature } from './countersign';
import type { Verifier } from './bagAdditions';
import { addCountersignatureFile, tagManifestToSign } from './countersignElsewhere';
import { verifyBundleContents, type VerifyOptions } from './verify';

export async function countersignWithNcaLayer(
  path: string,
  ncaLayer: Omit<NcaLayerOptions, 'signal'>,
  verify: Verifier = verifyBundleContents,
  options: VerifyOptions = {},
): Promise<AddedCountersignature> {
  const { tagManifest } = await tagManifestToSign(path, verify, options);
  const signature = await signWithNcaLayer(tagManifest, { ...ncaLayer, ...(options.signal ? { signal: options.signal } : {}) });
  // Checked against the bundle as it is now: addCountersignatureFile reads it again, whole.
  return addCountersignatureFile(path, signature, verify, options);
}
