/**
 * Quick delete (issue "Encryption at rest": border crossings and raids):
 * destroys an archive folder so that nothing is recoverable from it. The
 * manifest, which holds the wrapped data key, is overwritten with random
 * bytes and flushed first, so even blocks that the file system keeps cannot
 * be decrypted without that key; then every file is removed. Irreversible by
 * design: a backup bundle kept elsewhere is the only way back.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, realpath, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { manifestFile } from './manifest';

/** Overwrites a file in place with random bytes and flushes it to disk. */
async function overwrite(file: string): Promise<void> {
  const { size } = await stat(file);
  const handle = await open(file, 'r+');
  try {
    await handle.write(randomBytes(Math.max(size, 1)), 0, Math.max(size, 1), 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * SECURITY: `path` may be a link (or a chain of links) to the archive
 * folder: the real folder is destroyed, then the link. Removing the link
 * alone would leave every file where it was.
 */
export async function destroyArchiveFolder(link: string): Promise<void> {
  const path = await realpath(link).catch(() => link);
  // SECURITY: the wrapped key goes first; without it the sealed files are noise.
  await overwrite(join(path, manifestFile)).catch(() => undefined);
  // Small plain files (an unencrypted archive's key and documents) are overwritten too.
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    if ((await stat(file)).size <= 1024 * 1024) await overwrite(file).catch(() => undefined);
  }
  await rm(path, { recursive: true, force: true });
  // A dangling link names no content; on Windows a junction may refuse plain removal, which changes nothing above.
  if (path !== link) await rm(link, { force: true }).catch(() => undefined);
}
