/**
 * Encrypting an unencrypted archive in place, safely: every file is sealed
 * into a new data folder first (reseal.ts copies it); the new manifest,
 * written atomically, is the one moment the archive changes from old to new;
 * the plain files are removed after it. `recoverInterruptedEncryption` runs
 * on every open: before that moment it removes the new folder (the archive is
 * the old one), after it the plain leftovers and any older data folder (the
 * archive is the new one). Interrupted anywhere, the archive is whole.
 */
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { quieten } from './atomicFile';
import { holderFile, lockFolder } from './archiveLock';
import { Keyring } from './crypto/keyring';
import { custodyFile } from './custodyLog';
import { EncryptedStorage } from './encryptedStorage';
import { fromFsError } from './errors';
import { dataDirPattern, manifestFile, unlockCounterFile, writeManifest, type Manifest } from './manifest';
import { copyArchiveFiles, removeStaleSealing } from './reseal';
import { sealedLayoutOf } from './sealing';
import { PlainStorage } from './storage';
import { newSealing } from './unlock';

/** Where encryption staged its files until 2026-12: removed if an interrupted one left it. */
const stagingDir = '.encrypting';
/**
 * The plain archive's own files and folders: everything the encrypted one
 * replaces, removed once the new manifest is written. SECURITY: a name left
 * out of this list stays behind in plain text beside the sealed copy (the
 * evidence files did, until the test that encrypts an archive holding every
 * kind of file caught it); add every new top-level file of an archive here.
 */
const plainEntries = ['settings.json', 'keys', 'records', 'attachments', 'blobs', custodyFile, 'trusted.json', 'received.json', 'anchors.json', 'journal.json', 'cache', 'drafts.json'];
/** Files that stay plain in both kinds of archive. */
const keptPlain = new Set([manifestFile, unlockCounterFile, holderFile]);

export async function recoverInterruptedEncryption(path: string, manifest: Manifest): Promise<void> {
  // SECURITY: only when what the manifest names is there. A manifest put back from an older copy
  // (by mistake or by someone who wants the archive gone) must not remove the files that are the archive.
  const current = manifest.encryption ? sealedLayoutOf(manifest.encryption).dataDir : 'settings.json';
  if (!existsSync(join(path, current))) return;
  const leftovers = manifest.encryption ? [stagingDir, ...plainEntries] : [stagingDir];
  for (const entry of leftovers) await rm(join(path, entry), { recursive: true, force: true });
  await removeStaleSealing(path, manifest.encryption);
  if (manifest.encryption?.scheme === 'dalel-aes-256-gcm-2') await quieten([path]);
}

/** The logical paths of an unencrypted archive's files. */
async function plainFiles(path: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = relative(path, join(entry.parentPath, entry.name)).split(sep).join('/');
    const top = file.split('/')[0]!;
    if (keptPlain.has(file) || top === stagingDir || top === lockFolder || top === 'data' || dataDirPattern.test(top) || file.endsWith('.tmp')) continue;
    files.push(file);
  }
  return files;
}

export async function encryptInPlace(path: string, manifest: Manifest, passphrase: string, cost?: number): Promise<void> {
  const keyring = Keyring.generate();
  let encrypted: Manifest;
  try {
    const encryption = await newSealing(passphrase, keyring.dataKey, manifest.archiveId, cost);
    const { createdAt: _createdAt, ...rest } = manifest;
    encrypted = { ...rest, encryption };
    await copyArchiveFiles(new PlainStorage(path), await plainFiles(path), new EncryptedStorage(path, keyring, sealedLayoutOf(encryption)));
    // The moment of change: before it the plain manifest rules, after it the encrypted one.
    await writeManifest(path, encrypted);
  } catch (error) {
    throw fromFsError(error, path);
  } finally {
    keyring.forget();
  }
  // The plain files go; a failure here changes nothing of what was committed, and the next open tries again.
  await recoverInterruptedEncryption(path, encrypted).catch(() => {});
}
