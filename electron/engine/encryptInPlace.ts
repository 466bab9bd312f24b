/**
 * Encrypting an unencrypted archive in place, safely: every file is sealed
 * into a staging folder first; the new manifest, written atomically, is the
 * one moment the archive changes from old to new; the plain files are
 * removed after it. `recoverInterruptedEncryption` runs on every open: before
 * that moment it removes the staging (the archive is the old one), after it
 * it removes the plain leftovers (the archive is the new one). Interrupted
 * anywhere, the archive is whole.
 */
import { readdir, rename, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { custodyFile } from './custodyLog';
import { Keyring } from './crypto/keyring';
import { EncryptedStorage, encryptedDataDir } from './encryptedStorage';
import { fromFsError } from './errors';
import { manifestFile, writeManifest, type Manifest } from './manifest';
import { PlainStorage } from './storage';
import { protectDataKey } from './unlock';

const stagingDir = '.encrypting';
/**
 * The plain archive's own files and folders: everything the encrypted one
 * replaces, removed once the new manifest is written. SECURITY: a name left
 * out of this list stays behind in plain text beside the sealed copy (the
 * evidence files did, until the test that encrypts an archive holding every
 * kind of file caught it); add every new top-level file of an archive here.
 */
const plainEntries = ['settings.json', 'keys', 'records', 'attachments', 'blobs', custodyFile, 'trusted.json', 'received.json', 'journal.json', 'cache'];
/** Files that stay plain in both kinds of archive. */
const keptPlain = new Set([manifestFile, 'unlock-failures.json']);

export async function recoverInterruptedEncryption(path: string, manifest: Manifest): Promise<void> {
  const leftovers = manifest.encryption ? [stagingDir, ...plainEntries] : [stagingDir, encryptedDataDir];
  for (const entry of leftovers) await rm(join(path, entry), { recursive: true, force: true });
}

export async function encryptInPlace(path: string, manifest: Manifest, passphrase: string, cost?: number): Promise<void> {
  const staging = join(path, stagingDir);
  await rm(staging, { recursive: true, force: true });
  const keyring = Keyring.generate();
  const encryption = await protectDataKey(passphrase, keyring.dataKey, manifest.archiveId, cost);
  const { createdAt: _createdAt, ...rest } = manifest;
  const encrypted: Manifest = { ...rest, encryption };
  const source = new PlainStorage(path);
  const target = new EncryptedStorage(staging, keyring);
  try {
    for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = relative(path, join(entry.parentPath, entry.name)).split(sep).join('/');
      if (keptPlain.has(file) || file.startsWith(`${stagingDir}/`) || file.endsWith('.tmp')) continue;
      if (file === custodyFile) {
        await target.writeUnits(file, await source.readUnits(file));
      } else {
        // Streamed: blobs may be gigabytes.
        await target.writeStream(file, source.readStream(file));
      }
    }
    await rename(join(staging, encryptedDataDir), join(path, encryptedDataDir));
    // The moment of change: before it the plain manifest rules, after it the encrypted one.
    await writeManifest(path, encrypted);
  } catch (error) {
    throw fromFsError(error, path);
  } finally {
    keyring.dataKey.fill(0);
  }
  await recoverInterruptedEncryption(path, encrypted);
}
