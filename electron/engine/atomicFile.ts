/**
 * Durable file writes: write-then-rename with fsync of the file and of its
 * folder, and appends that reach the disk before they are acknowledged. Data
 * files are 0600 in 0700 folders. Never leaves a half-written file under a
 * real name; a failed write removes its temporary file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

async function syncDir(dir: string): Promise<void> {
  // Some platforms (Windows) cannot open a folder for fsync; the rename is
  // then as durable as that file system allows.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}

export function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  return writeStreamAtomic(file, [data]);
}

/** Removes a file and flushes its folder, so that it cannot come back after a power cut. */
export async function removeDurable(file: string): Promise<void> {
  await rm(file, { force: true });
  await syncDir(dirname(file));
}

/** Appends bytes and returns only once they are on disk. */
export async function appendDurable(file: string, data: Uint8Array): Promise<void> {
  await ensureDir(dirname(file));
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a temporary file beside `file`, flushes it, and renames it into
 * place: readers see the old file or the new one, never a part. From a
 * stream, in constant memory (multi-gigabyte evidence files).
 */
export async function writeStreamAtomic(file: string, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void> {
  const dir = dirname(file);
  await ensureDir(dir);
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      for await (const piece of source) {
        // A write may take only part of a large buffer; go on until all of it is written.
        for (let offset = 0; offset < piece.length; ) offset += (await handle.write(piece, offset)).bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDir(dir);
}
