/**
 * Sealing an archive's files again (docs/design.md, "Key rotation"): every
 * file is read through the storage it is in and written, under a new data
 * key, in layout 2 to a data folder of its own; the manifest naming that
 * folder and wrapping the new key, written atomically, is the one moment the
 * archive changes from old to new; the old folder is removed after it.
 * Every open removes the leftovers (encryptInPlace.ts,
 * `recoverInterruptedEncryption`): before that moment it removes the
 * new folder (the archive is the old one), after it the old one. Interrupted
 * anywhere, the archive is whole.
 *
 * After it, an old copy of the manifest and the old passphrase open nothing
 * written since: the old data key seals none of it. Encrypting an
 * unencrypted archive (encryptInPlace.ts) is the same copy from plain files.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { quieten, syncDir } from './atomicFile';
import { Keyring } from './crypto/keyring';
import { custodyFile } from './custodyLog';
import { EncryptedStorage } from './encryptedStorage';
import { fromFsError } from './errors';
import { dataDirPattern, writeManifest, type Encryption, type Manifest } from './manifest';
import { packOf } from './sealedPacks';
import { sealedLayoutOf, storageFor } from './sealing';
import type { Storage } from './storage';
import { newSealing } from './unlock';

/** Documents kept in packs, copied this many at a time: each batch rewrites the few packs it falls in once. */
const packedAtOnce = 4096;

/**
 * After the moment of change, the folder it replaced goes; a failure here
 * (a file held open elsewhere) changes nothing of what was committed, and
 * the next open removes what is left.
 */
export async function removeLeftovers(path: string, encryption: Encryption): Promise<void> {
  try {
    await removeStaleSealing(path, encryption);
    await quieten([path]);
  } catch {
    /* the next open tries again */
  }
}

/**
 * Copies the files at `paths` of `source` into `target`, durably: logs as
 * units, evidence files as streams; then flushes the new data folder's
 * entries, so that it is whole on disk before a manifest names it.
 */
export async function copyArchiveFiles(source: Storage, paths: readonly string[], target: EncryptedStorage): Promise<void> {
  await target.makePacks();
  const packed: string[] = [];
  for (const path of paths) {
    if (target.layout.version === 2 && packOf(path)) packed.push(path);
    else if (path === custodyFile) await target.writeUnits(path, await source.readUnits(path));
    // Streamed: blobs may be gigabytes.
    else await target.writeStream(path, source.readStream(path));
  }
  const order = (path: string) => `${packOf(path)} ${path}`;
  packed.sort((a, b) => (order(a) < order(b) ? -1 : 1));
  for (let start = 0; start < packed.length; start += packedAtOnce) {
    const batch = await Promise.all(packed.slice(start, start + packedAtOnce).map(async (path) => ({ path, data: await source.read(path) })));
    await target.writeMany(batch.flatMap(({ path, data }) => (data ? [{ path, data }] : [])));
  }
  await syncDir(join(target.root, target.layout.dataDir));
  await syncDir(target.root);
}

/**
 * Removes every data folder of the archive but the one its manifest names
 * (all for an unencrypted archive). The caller has made sure that what the
 * manifest names is there (encryptInPlace.ts, recoverInterruptedEncryption).
 */
export async function removeStaleSealing(path: string, encryption: Encryption | null): Promise<void> {
  const current = encryption ? sealedLayoutOf(encryption).dataDir : null;
  let entries: string[];
  try {
    entries = await readdir(path);
  } catch (error) {
    throw fromFsError(error, path);
  }
  for (const entry of entries) {
    if (entry !== current && (entry === 'data' || dataDirPattern.test(entry))) await rm(join(path, entry), { recursive: true, force: true });
  }
}

/**
 * Seals an encrypted archive again under a new data key and passphrase;
 * returns its new manifest. The caller has checked the current passphrase
 * and reopens the archive with the new one.
 */
export async function resealArchive(path: string, manifest: Manifest, keyring: Keyring, passphrase: string, cost?: number): Promise<Manifest> {
  const next = Keyring.generate();
  try {
    const encryption = await newSealing(passphrase, next.dataKey, manifest.archiveId, cost);
    const source = storageFor(path, manifest.encryption, keyring) as EncryptedStorage;
    const target = new EncryptedStorage(path, next, sealedLayoutOf(encryption));
    await copyArchiveFiles(source, await source.logicalFiles(), target);
    const resealed: Manifest = { ...manifest, encryption };
    // The moment of change: before it the old manifest rules, after it the new one.
    await writeManifest(path, resealed);
    await removeLeftovers(path, encryption);
    return resealed;
  } finally {
    next.forget();
  }
}
