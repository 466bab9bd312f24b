/**
 * Unlocking an encrypted archive: the passphrase unwraps the data key, or
 * the attempt is counted as wrong. With an unlock attempt limit set (off by
 * default), reaching it destroys the archive, as its owner chose in advance.
 * A wrong passphrase changes nothing else.
 */
import { EngineError } from './errors';
import { deriveKek, kekCheck, newScryptParams, unwrapDataKey, wrapDataKey } from './crypto/keyring';
import { manifestFile } from './manifest';
import { destroyArchiveFolder } from './destroy';
import { attemptsLeft, readUnlockFailures, writeUnlockFailures, type Encryption, type Manifest } from './manifest';

/** Wraps the data key under a passphrase, with fresh scrypt parameters: the manifest's `encryption`. */
export async function protectDataKey(passphrase: string, dataKey: Buffer, archiveId: string, cost?: number): Promise<Encryption> {
  const kdf = newScryptParams(cost);
  const kek = await deriveKek(passphrase, kdf);
  const encryption = { scheme: 'dalel-aes-256-gcm-1' as const, kdf, wrappedKey: wrapDataKey(kek, dataKey, archiveId), kekCheck: kekCheck(kek) };
  // The stretched key opens the data key: kept no longer than it is needed.
  kek.fill(0);
  return encryption;
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
