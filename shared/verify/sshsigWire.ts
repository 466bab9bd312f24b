/**
 * The wire format of OpenSSH SSHSIG signatures (PROTOCOL.sshsig) and of
 * Ed25519 public key lines, read strictly and without any cryptography, so
 * that `dalel verify` (electron/engine/sshsig.ts, Node's crypto) and the
 * standalone verifier page (verifier/, WebCrypto) read a signature the same
 * way, field for field, and refuse the same malformed ones. Ed25519 only.
 */
import { fromBase64, sameBytes } from './bytes';

export const sshsigMagic = new Uint8Array([0x53, 0x53, 0x48, 0x53, 0x49, 0x47]); // "SSHSIG"
export const sshsigVersion = 1;
export const ed25519KeyType = 'ssh-ed25519';
export const armorBegin = '-----BEGIN SSH SIGNATURE-----';
export const armorEnd = '-----END SSH SIGNATURE-----';
// An Ed25519 SSHSIG is under 300 characters; anything far larger is not one.
const maxArmoredLength = 64 * 1024;
export const sshsigHashLengths = { sha512: 64, sha256: 32 } as const;
export type SshsigHash = keyof typeof sshsigHashLengths;

export type SshsigFailure = 'malformed' | 'unsupportedKey' | 'unsupportedHash' | 'wrongNamespace' | 'wrongKey' | 'badSignature';

/** A rejection with its reason code; callers turn it into a result. */
export class SshsigRejection extends Error {
  constructor(
    readonly code: SshsigFailure,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** An Ed25519 key as the wire carries it. */
export interface WireKey {
  /** The SSH public key blob: string "ssh-ed25519", string key. */
  blob: Uint8Array;
  /** The 32-byte Ed25519 public key. */
  raw: Uint8Array;
}

/** A signature's fields, read and checked for shape but not verified. */
export interface WireSshsig {
  signer: WireKey;
  namespace: Uint8Array;
  reserved: Uint8Array;
  hashAlgorithm: SshsigHash;
  /** The raw 64-byte Ed25519 signature. */
  signature: Uint8Array;
}

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const ascii = (text: string) => Uint8Array.from(text, (character) => character.charCodeAt(0) & 0xff);

/** Reads SSH wire fields, rejecting every length that runs past the end. */
class WireReader {
  private offset = 0;
  constructor(
    private readonly data: Uint8Array,
    private readonly what: string,
  ) {}

  bytes(length: number): Uint8Array {
    if (length > this.data.length - this.offset) throw new SshsigRejection('malformed', `${this.what} is cut short`);
    const bytes = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return bytes;
  }

  uint32(): number {
    const [a, b, c, d] = this.bytes(4) as unknown as [number, number, number, number];
    return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  }

  string(): Uint8Array {
    return this.bytes(this.uint32());
  }

  end(): void {
    if (this.offset !== this.data.length) throw new SshsigRejection('malformed', `${this.what} has trailing bytes`);
  }
}

function base64(text: string, what: string): Uint8Array {
  const bytes = fromBase64(text);
  if (!bytes) throw new SshsigRejection('malformed', `${what} is not canonical base64`);
  return bytes;
}

export function wireKeyFromBlob(blob: Uint8Array): WireKey {
  const reader = new WireReader(blob, 'the public key');
  const type = latin1(reader.string());
  if (type !== ed25519KeyType) throw new SshsigRejection('unsupportedKey', `the key is ${JSON.stringify(type)}, not ${ed25519KeyType}`);
  const raw = reader.string();
  if (raw.length !== 32) throw new SshsigRejection('malformed', 'the Ed25519 public key is not 32 bytes');
  reader.end();
  return { blob: blob.slice(), raw: raw.slice() };
}

/** "ssh-ed25519 AAAA... comment": the key; throws an `SshsigRejection`. */
export function wireKeyFromLine(line: string): WireKey {
  const match = /^(\S+)\s+(\S+)(?:\s.*)?$/s.exec(line.trim());
  if (!match) throw new SshsigRejection('malformed', 'not an OpenSSH public key line');
  const [, type, encoded] = match as unknown as [string, string, string];
  if (type !== ed25519KeyType) throw new SshsigRejection('unsupportedKey', `the key is ${JSON.stringify(type)}, not ${ed25519KeyType}`);
  return wireKeyFromBlob(base64(encoded, 'the public key'));
}

function dearmor(armored: string): Uint8Array {
  if (armored.length > maxArmoredLength) throw new SshsigRejection('malformed', 'the signature file is far too large');
  const lines = armored.replace(/\r\n/g, '\n').trim().split('\n');
  if (lines.length < 3 || lines[0] !== armorBegin || lines[lines.length - 1] !== armorEnd) {
    throw new SshsigRejection('malformed', 'the signature is not in an SSH SIGNATURE armor');
  }
  return base64(lines.slice(1, -1).join(''), 'the signature');
}

const isSupportedHash = (name: string): name is SshsigHash => Object.hasOwn(sshsigHashLengths, name);

/** An armored signature's fields; throws an `SshsigRejection` ('malformed', 'unsupportedKey' or 'unsupportedHash'). */
export function readSshsig(armored: string): WireSshsig {
  const reader = new WireReader(dearmor(String(armored)), 'the signature');
  if (!sameBytes(reader.bytes(sshsigMagic.length), sshsigMagic)) throw new SshsigRejection('malformed', 'the signature does not start with SSHSIG');
  const signatureVersion = reader.uint32();
  if (signatureVersion !== sshsigVersion) throw new SshsigRejection('malformed', `the signature is version ${signatureVersion}, not ${sshsigVersion}`);
  const publicKey = reader.string();
  const namespace = reader.string();
  const reserved = reader.string();
  const hashName = latin1(reader.string());
  const signatureBlob = reader.string();
  reader.end();

  const signer = wireKeyFromBlob(publicKey);
  const inner = new WireReader(signatureBlob, 'the signature blob');
  const signatureType = latin1(inner.string());
  if (signatureType !== ed25519KeyType) throw new SshsigRejection('malformed', `an ${ed25519KeyType} key with a ${JSON.stringify(signatureType)} signature`);
  const signature = inner.string();
  if (signature.length !== 64) throw new SshsigRejection('malformed', 'the Ed25519 signature is not 64 bytes');
  inner.end();
  if (!isSupportedHash(hashName)) throw new SshsigRejection('unsupportedHash', `the message hash is ${JSON.stringify(hashName)}, not sha512 or sha256`);
  return { signer, namespace: namespace.slice(), reserved: reserved.slice(), hashAlgorithm: hashName, signature: signature.slice() };
}

export function sshString(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length);
  out.set(bytes, 4);
  return out;
}

const concat = (parts: readonly Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** What the key actually signs: MAGIC, namespace, reserved, hash name and the raw digest of the message. */
export function sshsigSignedData(namespace: Uint8Array, reserved: Uint8Array, hashAlgorithm: SshsigHash, digest: Uint8Array): Uint8Array {
  return concat([sshsigMagic, sshString(namespace), sshString(reserved), sshString(ascii(hashAlgorithm)), sshString(digest)]);
}
