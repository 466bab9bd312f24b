/**
 * OpenSSH SSHSIG signatures (PROTOCOL.sshsig), byte for byte as `ssh-keygen -Y
 * sign` writes them, so that `ssh-keygen -Y verify` checks a bundle with no
 * Dalel code; and the reverse check of such signatures, with a reason code for
 * every rejection. Ed25519 keys only. The wire format is read by
 * shared/verify/sshsigWire.ts (shared with the verifier page); the
 * cryptography here is Node's. Verification never throws on untrusted input:
 * every failure is a result.
 *
 * Streaming check of a large file: `parseSshsig` first, hash the file with the
 * signature's `hashAlgorithm` while reading it, then `verifySshsig` with the
 * digest (or let `verifySshsigStream` do all three).
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import {
  armorBegin,
  armorEnd,
  ed25519KeyType,
  readSshsig,
  sshsigHashLengths,
  sshsigMagic,
  sshsigSignedData,
  sshsigVersion,
  SshsigRejection,
  sshString as wireString,
  wireKeyFromLine,
  type SshsigFailure,
  type SshsigHash,
  type WireKey,
} from '../../shared/verify/sshsigWire';
import { fingerprintOfLine, publicKeyLine, type SigningKey } from './signingKey';

const magic = Buffer.from(sshsigMagic);
const version = sshsigVersion;
const keyType = ed25519KeyType;
// ssh-keygen wraps the base64 body at 70 columns.
const armorWidth = 70;
const hashLengths = sshsigHashLengths;

export type { SshsigFailure, SshsigHash } from '../../shared/verify/sshsigWire';

/** `detail` is an English sentence for logs; show the user `error`, by its message key. */
export type SshsigResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: SshsigFailure; readonly detail: string };

/** An Ed25519 public key read from an OpenSSH line or a wire blob. */
export interface SshPublicKey {
  /** "ssh-ed25519 AAAA..." without a comment. */
  readonly line: string;
  /** "SHA256:..." as `ssh-keygen -lf` prints it. */
  readonly fingerprint: string;
  readonly blob: Buffer;
  readonly keyObject: KeyObject;
}

/** A signature's fields, read and checked for shape but not yet verified. */
export interface Sshsig {
  readonly signer: SshPublicKey;
  readonly namespace: Buffer;
  readonly reserved: Buffer;
  readonly hashAlgorithm: SshsigHash;
  /** The raw 64-byte Ed25519 signature. */
  readonly signature: Buffer;
}

/** A message's digest computed by the caller, with the signature's `hashAlgorithm`. */
export interface SshsigDigest {
  readonly hashAlgorithm: SshsigHash;
  readonly digest: Uint8Array;
}

/** Who signed, once the signature is valid. */
export interface SshsigSigner {
  readonly publicKeyLine: string;
  readonly fingerprint: string;
}

function failure(error: unknown): { ok: false; error: SshsigFailure; detail: string } {
  if (error instanceof SshsigRejection) return { ok: false, error: error.code, detail: error.detail };
  return { ok: false, error: 'malformed', detail: error instanceof Error ? error.message : String(error) };
}

function sshString(data: Uint8Array | string): Buffer {
  return Buffer.from(wireString(typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
}

/** The wire key (shared/verify/sshsigWire.ts) as Node's crypto holds it, with its line and fingerprint. */
function ed25519Key(wire: WireKey): SshPublicKey {
  let keyObject: KeyObject;
  try {
    keyObject = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(wire.raw).toString('base64url') }, format: 'jwk' });
  } catch {
    throw new SshsigRejection('malformed', 'the Ed25519 public key does not load');
  }
  const line = publicKeyLine(keyObject);
  return { line, fingerprint: fingerprintOfLine(line), blob: Buffer.from(wire.blob), keyObject };
}

const parseLine = (line: string) => ed25519Key(wireKeyFromLine(line));

/** Reads "ssh-ed25519 AAAA... comment": the key, or 'malformed' / 'unsupportedKey'. */
export function parsePublicKeyLine(line: string): SshsigResult<SshPublicKey> {
  try {
    return { ok: true, value: parseLine(line) };
  } catch (error) {
    return failure(error);
  }
}

function parseBlob(armored: string): Sshsig {
  const wire = readSshsig(armored);
  return { ...wire, signer: ed25519Key(wire.signer), namespace: Buffer.from(wire.namespace), reserved: Buffer.from(wire.reserved), signature: Buffer.from(wire.signature) };
}

/** Reads an armored signature's fields without verifying it; 'malformed', 'unsupportedKey' or 'unsupportedHash'. */
export function parseSshsig(armored: string): SshsigResult<Sshsig> {
  try {
    return { ok: true, value: parseBlob(String(armored)) };
  } catch (error) {
    return failure(error);
  }
}

const signedData = (namespace: Uint8Array | string, reserved: Uint8Array, hashAlgorithm: SshsigHash, digest: Uint8Array) =>
  sshsigSignedData(typeof namespace === 'string' ? Buffer.from(namespace, 'utf8') : namespace, reserved, hashAlgorithm, digest);

function armor(blob: Buffer): string {
  const base64 = blob.toString('base64');
  const lines: string[] = [];
  for (let start = 0; start < base64.length; start += armorWidth) lines.push(base64.slice(start, start + armorWidth));
  return `${armorBegin}\n${lines.join('\n')}\n${armorEnd}\n`;
}

/** Signs a message's sha512 digest (computed by the caller) in `namespace`; returns the armored signature. */
export function signSshsigDigest(key: SigningKey, sha512Digest: Uint8Array, namespace: string): string {
  if (namespace.length === 0) throw new Error('an SSHSIG namespace must not be empty');
  if (sha512Digest.length !== hashLengths.sha512) throw new Error('not a sha512 digest');
  const reserved = Buffer.alloc(0);
  const signature = key.signSshsigData(signedData(namespace, reserved, 'sha512', sha512Digest));
  const publicKey = Buffer.from(key.publicLine.split(' ')[1] ?? '', 'base64');
  const version32 = Buffer.alloc(4);
  version32.writeUInt32BE(version);
  return armor(
    Buffer.concat([
      magic,
      version32,
      sshString(publicKey),
      sshString(namespace),
      sshString(reserved),
      sshString('sha512'),
      sshString(Buffer.concat([sshString(keyType), sshString(signature)])),
    ]),
  );
}

async function digestOf(message: Uint8Array | AsyncIterable<Uint8Array>, hashAlgorithm: SshsigHash): Promise<Buffer> {
  const hash = createHash(hashAlgorithm);
  if (message instanceof Uint8Array) return hash.update(message).digest();
  for await (const chunk of message) hash.update(chunk);
  return hash.digest();
}

/** Signs a message (bytes, or chunks read in constant memory) in `namespace`; the armored text ssh-keygen would write. */
export async function signSshsig(key: SigningKey, message: Uint8Array | AsyncIterable<Uint8Array>, namespace: string): Promise<string> {
  return signSshsigDigest(key, await digestOf(message, 'sha512'), namespace);
}

function check(signature: string | Sshsig, message: Uint8Array | SshsigDigest, namespace: string, expectedPublicKeyLine?: string): SshsigSigner {
  const parsed = typeof signature === 'string' ? parseBlob(signature) : signature;
  if (!parsed.namespace.equals(Buffer.from(namespace, 'utf8'))) {
    throw new SshsigRejection('wrongNamespace', `signed for ${JSON.stringify(parsed.namespace.toString('utf8'))}, not ${JSON.stringify(namespace)}`);
  }
  if (expectedPublicKeyLine !== undefined) {
    let expected: SshPublicKey;
    try {
      expected = parseLine(expectedPublicKeyLine);
    } catch {
      throw new SshsigRejection('wrongKey', 'the expected key is not an Ed25519 OpenSSH public key line');
    }
    if (!expected.blob.equals(parsed.signer.blob)) {
      throw new SshsigRejection('wrongKey', `signed by ${parsed.signer.fingerprint}, not ${expected.fingerprint}`);
    }
  }
  let digest: Uint8Array;
  if (message instanceof Uint8Array) {
    digest = createHash(parsed.hashAlgorithm).update(message).digest();
  } else {
    // A digest of another algorithm cannot be the one that was signed: fail closed.
    if (message.hashAlgorithm !== parsed.hashAlgorithm) {
      throw new SshsigRejection('badSignature', `the signature covers a ${parsed.hashAlgorithm} digest, not ${message.hashAlgorithm}`);
    }
    digest = message.digest;
  }
  const data = signedData(parsed.namespace, parsed.reserved, parsed.hashAlgorithm, digest);
  if (!verify(null, data, parsed.signer.keyObject, parsed.signature)) {
    throw new SshsigRejection('badSignature', 'the signature does not match this message and key');
  }
  return { publicKeyLine: parsed.signer.line, fingerprint: parsed.signer.fingerprint };
}

/**
 * Verifies a signature (armored, or as `parseSshsig` returned it) over a message given as bytes or
 * as its digest; with `expectedPublicKeyLine`, also that this key made it. Never throws.
 */
export function verifySshsig(
  signature: string | Sshsig,
  message: Uint8Array | SshsigDigest,
  namespace: string,
  expectedPublicKeyLine?: string,
): SshsigResult<SshsigSigner> {
  try {
    return { ok: true, value: check(signature, message, namespace, expectedPublicKeyLine) };
  } catch (error) {
    return failure(error);
  }
}

/**
 * Verifies a signature over a message read as chunks, hashing while reading. A malformed signature is
 * reported without reading the chunks (the caller closes its stream); a read error rejects the promise.
 */
export async function verifySshsigStream(
  armored: string,
  message: AsyncIterable<Uint8Array>,
  namespace: string,
  expectedPublicKeyLine?: string,
): Promise<SshsigResult<SshsigSigner>> {
  const parsed = parseSshsig(armored);
  if (!parsed.ok) return parsed;
  const digest = await digestOf(message, parsed.value.hashAlgorithm);
  return verifySshsig(parsed.value, { hashAlgorithm: parsed.value.hashAlgorithm, digest }, namespace, expectedPublicKeyLine);
}
