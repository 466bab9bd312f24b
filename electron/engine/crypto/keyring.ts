/**
 * The keys of an encrypted archive (docs/design.md, "Encryption at rest"): a
 * random data key, wrapped with AES-256-GCM under a key stretched from the
 * passphrase with scrypt; from the data key, HKDF derives the content key
 * (sealed files) and the name key (keyed hashes that replace file names).
 * Node's crypto only. Never writes a key or passphrase anywhere.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt } from 'node:crypto';

export interface ScryptParams {
  name: 'scrypt';
  /** CPU/memory cost; 2^17 takes about a second on a modest laptop and 128 MiB. */
  N: number;
  /** Always 8 and 1: manifest.ts refuses anything else. */
  r: 8;
  p: 1;
  /** base64 */
  salt: string;
}

export const defaultScryptCost = 2 ** 17;

export function newScryptParams(cost = defaultScryptCost): ScryptParams {
  return { name: 'scrypt', N: cost, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
}

/** The key-encryption key: scrypt of the passphrase (Unicode NFC, so any keyboard gives the same bytes). */
export function deriveKek(passphrase: string, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(params.salt, 'base64'),
      32,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/**
 * A short keyed value of the key-encryption key, kept beside the wrapped key,
 * so that a damaged wrapped key is reported as damage and not as a wrong
 * passphrase. It tells an attacker nothing the wrapped key does not.
 */
export function kekCheck(kek: Buffer): string {
  return createHmac('sha256', kek).update('dalel kek check v1').digest('base64').slice(0, 22);
}

const wrapLabel = (archiveId: string) => Buffer.from(`dalel key wrap v1 ${archiveId}`);

/** nonce | ciphertext | tag, base64. The archive id is bound in, so a wrapped key cannot be moved. */
export function wrapDataKey(kek: Buffer, dataKey: Buffer, archiveId: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce).setAAD(wrapLabel(archiveId));
  const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([nonce, sealed, cipher.getAuthTag()]).toString('base64');
}

/** The data key, or null when the passphrase (or the wrapped key) is wrong. */
export function unwrapDataKey(kek: Buffer, wrapped: string, archiveId: string): Buffer | null {
  const bytes = Buffer.from(wrapped, 'base64');
  if (bytes.length !== 12 + 32 + 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, bytes.subarray(0, 12)).setAAD(wrapLabel(archiveId));
    decipher.setAuthTag(bytes.subarray(44));
    return Buffer.concat([decipher.update(bytes.subarray(12, 44)), decipher.final()]);
  } catch {
    return null;
  }
}

export class Keyring {
  readonly contentKey: Buffer;
  private readonly nameKey: Buffer;

  constructor(readonly dataKey: Buffer) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), info, 32));
    this.contentKey = derive('dalel content v1');
    this.nameKey = derive('dalel names v1');
  }

  static generate(): Keyring {
    return new Keyring(randomBytes(32));
  }

  /** Zeroes every key it holds: the data key and the two derived from it. */
  forget(): void {
    for (const key of [this.dataKey, this.contentKey, this.nameKey]) key.fill(0);
  }

  /** A keyed hash of a name: reveals nothing of it, and cannot be tested for a guessed one. */
  hashName(name: string): string {
    return createHmac('sha256', this.nameKey).update(name).digest('hex').slice(0, 32);
  }
}
