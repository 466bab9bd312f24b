/**
 * Unlocking an encrypted archive: the passphrase unwraps the data key, or
 * the attempt is counted as wrong. With an unlock attempt limit set (off by
 * default), reaching it destroys the archive, as its owner chose in advance.
 * A wrong passphrase changes nothing else.
 */
import { randomBytes } from 'node:crypto';
import { EngineError } from './errors';
import { deriveKek, kekCheck, newScryptParams, unwrapDataKey, wrapDataKey } from './crypto/keyring';
import { manifestFile } from './manifest';
import { destroyArchiveFolder } from './destroy';
import { attemptsLeft, readUnlockFailures, writeUnlockFailures, type Encryption, type Manifest } from './manifest';

/** The data key wrapped under a passphrase, with fresh scrypt parameters. */
export type KeyProtection = Pick<Encryption, 'kdf' | 'wrappedKey' | 'kekCheck'>;

export async function protectDataKey(passphrase: string, dataKey: Buffer, archiveId: string, cost?: number): Promise<KeyProtection> {
  const kdf = newScryptParams(cost);
  const kek = await deriveKek(passphrase, kdf);
  const protection = { kdf, wrappedKey: wrapDataKey(kek, dataKey, archiveId), kekCheck: kekCheck(kek) };
  // The stretched key opens the data key: kept no longer than it is needed.
  kek.fill(0);
  return protection;
}

/** The manifest's `encryption` for a new sealing (layout 2) under this data key, in a data folder of its own. */
export async function newSealing(passphrase: string, dataKey: Buffer, archiveId: string, cost?: number): Promise<Encryption> {
  const protection = await protectDataKey(passphrase, dataKey, archiveId, cost);
  return { scheme: 'dalel-aes-256-gcm-2', ...protection, dataDir: `data-${randomBytes(8).toString('hex')}` };
}

export async function unlockDataKey(path: string, manifest: Manifest, passphrase: string | undefined): Promise<Buffer> {
  const encryption = manifest.encryption;
  if (!encryption) throw new Error('not an encrypted archive');
  if (passphrase === undefined) throw new EngineError('passphraseRequired');
  const kek = await deriveKek(passphrase, encryption.kdf);
  const dataKey = unwrapDataKey(kek, encryption.wrappedKey, manifest.archiveId);
  const rightPassphrase = kekCheck(kek) === encryption.kekCheck;
  // The stretched key opens the data key: kept no longer than it is needed.
  kek.fill(0);
  const failures = await readUnlockFailures(path);
  if (!dataKey && rightPassphrase) {
    // The passphrase is right but the wrapped key is not: the manifest was damaged.
    throw new EngineError('archiveDamaged', { path, file: manifestFile });
  }
  // The count goes back to zero once the archive checks what its passphrase vouches for (vouched.ts).
  if (dataKey) return dataKey;
  if (manifest.safety.unlockAttemptLimit === null) throw new EngineError('wrongPassphrase');
  await writeUnlockFailures(path, failures + 1);
  const left = attemptsLeft(manifest, failures + 1)!;
  if (left > 0) throw new EngineError('wrongPassphraseLimited', { left });
  // SECURITY: the owner set this limit so that a seized laptop cannot be guessed open.
  await destroyArchiveFolder(path);
  throw new EngineError('archiveDestroyed', { path });
}
