/**
 * The cryptography of the verifier page, in the browser alone: SHA-256 of
 * every file as a stream (@noble/hashes: WebCrypto hashes only whole
 * buffers, and an evidence file can be gigabytes), and the SSHSIG check
 * through WebCrypto's Ed25519, over the message the wire format names
 * (shared/verify/sshsigWire.ts). Nothing here reaches the network.
 */
import { sha256 } from '@noble/hashes/sha2';
import { toBase64, toHex } from '../../shared/verify/bytes';
import { sshsigSignedData, type WireKey, type WireSshsig } from '../../shared/verify/sshsigWire';

export interface Hasher {
  update(bytes: Uint8Array): void;
  hex(): string;
}

export function sha256Hasher(): Hasher {
  const hash = sha256.create();
  return {
    update: (bytes) => void hash.update(bytes),
    hex: () => toHex(hash.digest()),
  };
}

/** "SHA256:…" as `ssh-keygen -lf` prints it. */
export const fingerprintOf = (key: WireKey) => `SHA256:${toBase64(sha256(key.blob)).replace(/=+$/, '')}`;

/** Whether this browser's WebCrypto verifies Ed25519 (Chromium 137, Firefox 129, Safari 17 and later). */
export async function hasEd25519(): Promise<boolean> {
  try {
    await crypto.subtle.importKey('raw', new Uint8Array(32), { name: 'Ed25519' }, false, ['verify']);
    return true;
  } catch (error) {
    // An all-zero key may be refused as a point, which still proves the algorithm is known.
    return error instanceof DOMException && error.name === 'DataError';
  }
}

/** The SSHSIG's Ed25519 signature over `message`; false for a bad one. */
export async function verifySshsig(signature: WireSshsig, message: Uint8Array): Promise<boolean> {
  const digest = new Uint8Array(await crypto.subtle.digest(signature.hashAlgorithm === 'sha512' ? 'SHA-512' : 'SHA-256', message as BufferSource));
  const data = sshsigSignedData(signature.namespace, signature.reserved, signature.hashAlgorithm, digest);
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('raw', signature.signer.raw as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return false;
  }
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature.signature as BufferSource, data as BufferSource);
}
