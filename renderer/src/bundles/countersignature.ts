/**
 * What the check screen needs for a lawyer's countersignature: the largest
 * key file (PKCS#12) and signature file (.p7s) the page reads and sends,
 * the name of the file to sign elsewhere, and how the facts of the
 * signer's certificate are put in words. It never keeps a key file's bytes
 * or its password.
 */
import type { CountersignatureReport } from '../../../shared/bagit/verifyReport';

/** A PKCS#12 file of one person's key and certificate chain is a few kilobytes; the contract takes at most 200,000 base64 characters. */
export const maxPkcs12Bytes = 100_000;

/** A countersignature made elsewhere (.p7s, with its certificates, perhaps as base64 text) is a few kilobytes too; the same contract limit. */
export const maxSignatureBytes = 140_000;

/** The name the save dialog offers for the file a lawyer signs elsewhere: the bag's own name for it. */
export const fileToSign = 'tagmanifest-sha256.txt';

/** Whether the signer's certificate chains to certificates the person gave: the key of its sentence under `verify:countersign.*`. */
export function anchoringOf(signature: Pick<CountersignatureReport, 'anchored'>): 'anchored' | 'notAnchored' | 'noAnchors' {
  return signature.anchored === true ? 'anchored' : signature.anchored === false ? 'notAnchored' : 'noAnchors';
}
