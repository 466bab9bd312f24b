/**
 * The archive's Ed25519 signing key: generation, the OpenSSH public key line
 * and its fingerprint exactly as `ssh-keygen -lf` prints it, and signing and
 * verifying revision ids. Node's crypto only; no home-made primitive.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

const keyType = 'ssh-ed25519';

function sshString(data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
}

/** The OpenSSH wire blob of an Ed25519 public key. */
export function publicKeyBlob(publicKey: KeyObject): Buffer {
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  return Buffer.concat([sshString(Buffer.from(keyType)), sshString(raw)]);
}

/** "ssh-ed25519 AAAA..." (no comment): the form revisions name their author by. */
export function publicKeyLine(publicKey: KeyObject): string {
  return `${keyType} ${publicKeyBlob(publicKey).toString('base64')}`;
}

/** "SHA256:..." as `ssh-keygen -lf` prints it. */
export function fingerprintOfLine(line: string): string {
  const blob = Buffer.from(line.split(' ')[1] ?? '', 'base64');
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** Parses "ssh-ed25519 AAAA..." back into a public KeyObject. */
export function publicKeyFromLine(line: string): KeyObject {
  const [type, base64] = line.split(' ');
  const blob = Buffer.from(base64 ?? '', 'base64');
  const typeLength = blob.readUInt32BE(0);
  const rawLength = blob.readUInt32BE(4 + typeLength);
  if (type !== keyType || blob.subarray(4, 4 + typeLength).toString() !== keyType || rawLength !== 32) {
    throw new Error('not an Ed25519 public key');
  }
  const raw = blob.subarray(8 + typeLength, 8 + typeLength + 32);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export class SigningKey {
  readonly publicLine: string;
  readonly fingerprint: string;

  private constructor(private readonly privateKey: KeyObject) {
    this.publicLine = publicKeyLine(createPublicKey(privateKey));
    this.fingerprint = fingerprintOfLine(this.publicLine);
  }

  static generate(): SigningKey {
    return new SigningKey(generateKeyPairSync('ed25519').privateKey);
  }

  static fromPkcs8(der: Uint8Array): SigningKey {
    return new SigningKey(createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }));
  }

  /** The key whose 32-byte Ed25519 seed (RFC 8032's private key) is given. */
  static fromSeed(seed: Uint8Array): SigningKey {
    if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
    const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    return SigningKey.fromPkcs8(pkcs8);
  }

  toPkcs8(): Buffer {
    return this.privateKey.export({ format: 'der', type: 'pkcs8' });
  }

  /** Signs the raw bytes of a sha256 hex id; returns base64. */
  signId(idHex: string): string {
    return sign(null, Buffer.from(idHex, 'hex'), this.privateKey).toString('base64');
  }

  /** Signs an SSHSIG "signed data" structure (built by sshsig.ts); returns the raw 64-byte signature. */
  signSshsigData(signedData: Uint8Array): Buffer {
    // SECURITY: the same key signs bare 32-byte revision ids; accepting only data that starts with
    // SSHSIG's magic keeps the two domains apart, so neither signature can pass for the other.
    if (Buffer.from(signedData.subarray(0, 6)).toString('latin1') !== 'SSHSIG') throw new Error('not SSHSIG signed data');
    return sign(null, signedData, this.privateKey);
  }
}

export function verifyIdSignature(publicLine: string, idHex: string, signatureBase64: string): boolean {
  try {
    return verify(null, Buffer.from(idHex, 'hex'), authorKey(publicLine), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The same check in Node's thread pool, so that checking thousands of
 * revisions (opening every record file, a merge) uses every core.
 */
export function verifyIdSignatureInPool(publicLine: string, idHex: string, signatureBase64: string): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      verify(null, Buffer.from(idHex, 'hex'), authorKey(publicLine), Buffer.from(signatureBase64, 'base64'), (error, valid) => resolve(!error && valid));
    } catch {
      resolve(false);
    }
  });
}

/** Parsed author keys: an archive has a few authors and many thousands of revisions. */
const authorKeys = new Map<string, KeyObject>();
const authorKeysKept = 1024;

function authorKey(publicLine: string): KeyObject {
  let key = authorKeys.get(publicLine);
  if (!key) {
    key = publicKeyFromLine(publicLine);
    if (authorKeys.size >= authorKeysKept) authorKeys.clear();
    authorKeys.set(publicLine, key);
  }
  return key;
}
