/**
 * OpenSSH SSHSIG signatures (PROTOCOL.sshsig), byte for byte as `ssh-keygen -Y
 * sign` writes them, so that `ssh-keygen -Y verify` checks a bundle with no
 * Dalel code; and the reverse check of such signatures, with a reason code for
 * every rejection. Ed25519 keys only, Node's crypto only. Verification never
 * throws on untrusted input: every failure is a result.
 *
 * Streaming check of a large file: `parseSshsig` first, hash the file with the
 * signature's `hashAlgorithm` while reading it, then `verifySshsig` with the
 * digest (or let `verifySshsigStream` do all three).
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { fingerprintOfLine, publicKeyLine, type SigningKey } from './signingKey';

const magic = Buffer.from('SSHSIG');
const version = 1;
const keyType = 'ssh-ed25519';
const beginLine = '-----BEGIN SSH SIGNATURE-----';
const endLine = '-----END SSH SIGNATURE-----';
// ssh-keygen wraps the base64 body at 70 columns.
const armorWidth = 70;
// An Ed25519 SSHSIG is under 300 characters; anything far larger is not one.
const maxArmoredLength = 64 * 1024;
const hashLengths = { sha512: 64, sha256: 32 } as const;

export type SshsigHash = keyof typeof hashLengths;

export type SshsigFailure = 'malformed' | 'unsupportedKey' | 'unsupportedHash' | 'wrongNamespace' | 'wrongKey' | 'badSignature';

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

/** Thrown only inside this module, and always turned into a result before leaving it. */
class Rejection extends Error {
  constructor(
    readonly code: SshsigFailure,
    readonly detail: string,
  ) {
    super(detail);
  }
}

function failure(error: unknown): { ok: false; error: SshsigFailure; detail: string } {
  if (error instanceof Rejection) return { ok: false, error: error.code, detail: error.detail };
  return { ok: false, error: 'malformed', detail: error instanceof Error ? error.message : String(error) };
}

function sshString(data: Uint8Array | string): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** Reads SSH wire fields, rejecting every length that runs past the end. */
class WireReader {
  private offset = 0;
  constructor(
    private readonly data: Buffer,
    private readonly what: string,
  ) {}

  bytes(length: number): Buffer {
    if (length > this.data.length - this.offset) throw new Rejection('malformed', `${this.what} is cut short`);
    const bytes = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return bytes;
  }

  uint32(): number {
    return this.bytes(4).readUInt32BE(0);
  }

  string(): Buffer {
    return this.bytes(this.uint32());
  }

  end(): void {
    if (this.offset !== this.data.length) throw new Rejection('malformed', `${this.what} has trailing bytes`);
  }
}

/** Strict base64: padded, only the standard alphabet, and canonical (so one text means one byte string). */
function decodeBase64(text: string, what: string): Buffer {
  if (text.length === 0 || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
    throw new Rejection('malformed', `${what} is not base64`);
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) throw new Rejection('malformed', `${what} is not canonical base64`);
  return bytes;
}

function ed25519FromBlob(blob: Buffer): SshPublicKey {
  const reader = new WireReader(blob, 'the public key');
  const type = reader.string().toString('latin1');
  if (type !== keyType) throw new Rejection('unsupportedKey', `the key is ${JSON.stringify(type)}, not ${keyType}`);
  const raw = reader.string();
  if (raw.length !== 32) throw new Rejection('malformed', 'the Ed25519 public key is not 32 bytes');
  reader.end();
  let keyObject: KeyObject;
  try {
    keyObject = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    throw new Rejection('malformed', 'the Ed25519 public key does not load');
  }
  const line = publicKeyLine(keyObject);
  return { line, fingerprint: fingerprintOfLine(line), blob: Buffer.from(blob), keyObject };
}

function parseLine(line: string): SshPublicKey {
  const match = /^(\S+)\s+(\S+)(?:\s.*)?$/s.exec(line.trim());
  if (!match) throw new Rejection('malformed', 'not an OpenSSH public key line');
  const [, type, base64] = match as unknown as [string, string, string];
  if (type !== keyType) throw new Rejection('unsupportedKey', `the key is ${JSON.stringify(type)}, not ${keyType}`);
  return ed25519FromBlob(decodeBase64(base64, 'the public key'));
}

/** Reads "ssh-ed25519 AAAA... comment": the key, or 'malformed' / 'unsupportedKey'. */
export function parsePublicKeyLine(line: string): SshsigResult<SshPublicKey> {
  try {
    return { ok: true, value: parseLine(line) };
  } catch (error) {
    return failure(error);
  }
}

function dearmor(armored: string): Buffer {
  if (armored.length > maxArmoredLength) throw new Rejection('malformed', 'the signature file is far too large');
  const lines = armored.replace(/\r\n/g, '\n').trim().split('\n');
  if (lines.length < 3 || lines[0] !== beginLine || lines[lines.length - 1] !== endLine) {
    throw new Rejection('malformed', 'the signature is not in an SSH SIGNATURE armor');
  }
  return decodeBase64(lines.slice(1, -1).join(''), 'the signature');
}

function isSupportedHash(name: string): name is SshsigHash {
  return Object.hasOwn(hashLengths, name);
}

function parseBlob(blob: Buffer): Sshsig {
  const reader = new WireReader(blob, 'the signature');
  if (!reader.bytes(magic.length).equals(magic)) throw new Rejection('malformed', 'the signature does not start with SSHSIG');
  const signatureVersion = reader.uint32();
  if (signatureVersion !== version) throw new Rejection('malformed', `the signature is version ${signatureVersion}, not ${version}`);
  const publicKey = reader.string();
  const namespace = reader.string();
  const reserved = reader.string();
  const hashName = reader.string().toString('latin1');
  const signatureBlob = reader.string();
  reader.end();

  const signer = ed25519FromBlob(publicKey);
  const inner = new WireReader(signatureBlob, 'the signature blob');
  const signatureType = inner.string().toString('latin1');
  if (signatureType !== keyType) throw new Rejection('malformed', `an ${keyType} key with a ${JSON.stringify(signatureType)} signature`);
  const signature = inner.string();
  if (signature.length !== 64) throw new Rejection('malformed', 'the Ed25519 signature is not 64 bytes');
  inner.end();
  if (!isSupportedHash(hashName)) throw new Rejection('unsupportedHash', `the message hash is ${JSON.stringify(hashName)}, not sha512 or sha256`);
  return { signer, namespace, reserved, hashAlgorithm: hashName, signature };
}

/** Reads an armored signature's fields without verifying it; 'malformed', 'unsupportedKey' or 'unsupportedHash'. */
export function parseSshsig(armored: string): SshsigResult<Sshsig> {
  try {
    return { ok: true, value: parseBlob(dearmor(String(armored))) };
  } catch (error) {
    return failure(error);
  }
}

/** What the key actually signs: MAGIC, namespace, reserved, hash name and the raw digest of the message. */
function signedData(namespace: Uint8Array | string, reserved: Uint8Array, hashAlgorithm: SshsigHash, digest: Uint8Array): Buffer {
  return Buffer.concat([magic, sshString(namespace), sshString(reserved), sshString(hashAlgorithm), sshString(digest)]);
}

function armor(blob: Buffer): string {
  const base64 = blob.toString('base64');
  const lines: string[] = [];
  for (let start = 0; start < base64.length; start += armorWidth) lines.push(base64.slice(start, start + armorWidth));
  return `${beginLine}\n${lines.join('\n')}\n${endLine}\n`;
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
  const parsed = typeof signature === 'string' ? parseBlob(dearmor(signature)) : signature;
  if (!parsed.namespace.equals(Buffer.from(namespace, 'utf8'))) {
    throw new Rejection('wrongNamespace', `signed for ${JSON.stringify(parsed.namespace.toString('utf8'))}, not ${JSON.stringify(namespace)}`);
  }
  if (expectedPublicKeyLine !== undefined) {
    let expected: SshPublicKey;
    try {
      expected = parseLine(expectedPublicKeyLine);
    } catch {
      throw new Rejection('wrongKey', 'the expected key is not an Ed25519 OpenSSH public key line');
    }
    if (!expected.blob.equals(parsed.signer.blob)) {
      throw new Rejection('wrongKey', `signed by ${parsed.signer.fingerprint}, not ${expected.fingerprint}`);
    }
  }
  let digest: Uint8Array;
  if (message instanceof Uint8Array) {
    digest = createHash(parsed.hashAlgorithm).update(message).digest();
  } else {
    // A digest of another algorithm cannot be the one that was signed: fail closed.
    if (message.hashAlgorithm !== parsed.hashAlgorithm) {
      throw new Rejection('badSignature', `the signature covers a ${parsed.hashAlgorithm} digest, not ${message.hashAlgorithm}`);
    }
    digest = message.digest;
  }
  const data = signedData(parsed.namespace, parsed.reserved, parsed.hashAlgorithm, digest);
  if (!verify(null, data, parsed.signer.keyObject, parsed.signature)) {
    throw new Rejection('badSignature', 'the signature does not match this message and key');
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
