/**
 * What the check screen needs for a lawyer's countersignature: the largest
 * key file (PKCS#12) the page reads and sends, and how the facts of the
 * signer's certificate are put in words. It never keeps a key file's bytes
 * or its password.
 */
import type { CountersignatureReport } from '../../../shared/bagit/verifyReport';

/** A PKCS#12 file of one person's key and certificate chain is a few kilobytes; the contract takes at most 200,000 base64 characters. */
export const maxPkcs12Bytes = 100_000;

/** Whether the signer's certificate chains to certificates the person gave: the key of its sentence under `verify:countersign.*`. */
export function anchoringOf(signature: Pick<CountersignatureReport, 'anchored'>): 'anchored' | 'notAnchored' | 'noAnchors' {
  return signature.anchored === true ? 'anchored' : signature.anchored === false ? 'notAnchored' : 'noAnchors';
}
