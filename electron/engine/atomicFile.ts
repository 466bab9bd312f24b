/**
 * Durable file writes: write-then-rename with fsync of the file and of its
 * folder, and appends that reach the disk before they are acknowledged. Data
 * files are 0600 in 0700 folders. Never leaves a half-written file under a
 * real name; a failed write removes its temporary file.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, rename, rm, stat, utimes, writeFile, type FileHandle } from 'node:fs/promises';
import { EngineError, fromFsError } from './errors';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

/** Flushes a folder's entries (files and folders made or renamed in it). */
export async function syncDir(dir: string): Promise<void> {
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

/**
 * Writes a new file for the person (a time-stamp request): whole or not at
 * all, never over a file already there (`fileExists`), and only into a
 * folder that exists (`exportFolderMissing`), like a bundle.
 */
export async function writeNewFile(file: string, data: Uint8Array): Promise<void> {
  const dir = dirname(file);
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // A hard link is made only where no file is: nothing is ever replaced.
    await link(temporary, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new EngineError('fileExists', { path: file });
    if (code === 'ENOENT') throw new EngineError('exportFolderMissing', { path: dir });
    throw fromFsError(error, file);
  } finally {
    await rm(temporary, { force: true });
  }
  await syncDir(dir);
}

/** A file to write with writeFilesAtomic. */
export interface FileToWrite {
  file: string;
  data: Uint8Array;
}

/** Files written or renamed at once: enough to keep the disk busy, few enough for any open-file limit. */
const parallelFiles = 16;

/**
 * Writes many files, each atomically (readers see it old or new, never a
 * part), and durable together when this returns: every temporary file is
 * written, then all are flushed at once, then renamed, then the renames are
 * flushed. One flush per file would cost a disk commit each: tens of
 * thousands of them for a merge (docs/spec/performance.md P6). A crash before this
 * returns may leave any mix of old and new files, so only a caller that can
 * redo the whole after a crash (merge/journal.ts) may use it.
 */
export async function writeFilesAtomic(files: readonly FileToWrite[]): Promise<void> {
  const dirs = [...new Set(files.map(({ file }) => dirname(file)))];
  for (const dir of dirs) await ensureDir(dir);
  const temporaries = files.map(({ file }) => `${file}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await inParallel(files, (entry, index) => writeFile(temporaries[index]!, entry.data, { flag: 'wx', mode: 0o600 }));
    await flushAll(temporaries, dirs);
    await inParallel(files, (entry, index) => rename(temporaries[index]!, entry.file));
  } catch (error) {
    await inParallel(temporaries, (temporary) => rm(temporary, { force: true }));
    throw error;
  }
  await flushAll([], dirs);
}

async function inParallel<T>(items: readonly T[], work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelFiles, items.length) }, worker));
}

/**
 * Makes written files and folder entries durable. On Linux one syncfs(2) of
 * their file system (`sync -f`, coreutils) does it in one disk commit;
 * elsewhere, or if that fails, each file and folder is flushed, several at
 * a time. Never weaker than flushing each: syncfs waits for all of it.
 */
async function flushAll(files: readonly string[], dirs: readonly string[]): Promise<void> {
  if (process.platform === 'linux' && dirs.length) {
    try {
      await promisify(execFile)('sync', ['-f', dirs[0]!]);
      return;
    } catch {
      // No coreutils `sync` here: flush one by one below.
    }
  }
  await inParallel(files, async (file) => {
    const handle = await open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
  await inParallel(dirs, syncDir);
}

/** Linux: reading does not change a file's accessed time (which would tell when an archive was used). */
const noAccessTime = (constants as { O_NOATIME?: number }).O_NOATIME ?? 0;

/** Opens a file to read without changing its accessed time, where the system allows it. */
export async function openForReading(file: string): Promise<FileHandle> {
  if (noAccessTime) {
    try {
      return await open(file, constants.O_RDONLY | noAccessTime);
    } catch (error) {
      // Only the file's owner may ask for it; another user's file is read the usual way.
      if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    }
  }
  return open(file, 'r');
}

/** A whole file's text, read without changing its accessed time where the system allows it. */
export async function readTextQuietly(file: string): Promise<string> {
  const handle = await openForReading(file);
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** The modified and accessed time of every file and folder of an archive sealed in layout 2: 2000-01-01 UTC. */
export const quietTime = new Date(Date.UTC(2000, 0, 1));

/** Sets the times of these files and folders to `quietTime`, so that they say nothing of when the archive was used. */
export async function quieten(paths: Iterable<string>): Promise<void> {
  for (const path of new Set(paths)) await utimes(path, quietTime, quietTime).catch(() => {});
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
 * Writes bytes at `offset` of a file (made if missing) and returns only once
 * they are on disk: the padded custody log's appends, which write into
 * space the file already has (crypto/sealedFrames.ts).
 */
export async function writeAtDurable(file: string, offset: number, data: Uint8Array): Promise<void> {
  await ensureDir(dirname(file));
  const handle = await open(file, constants.O_RDWR | constants.O_CREAT, 0o600);
  try {
    for (let written = 0; written < data.length; ) {
      const { bytesWritten } = await handle.write(data, written, data.length - written, offset + written);
      written += bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (offset === 0) await syncDir(dirname(file));
}

/**
 * Writes a temporary file beside `file`, flushes it, and renames it into
 * place: readers see the old file or the new one, never a part. From a
 * stream, in constant memory (multi-gigabyte evidence files). The pieces of
 * the stream are written after the source has moved on: a source must not
 * change a piece once it has given it. The file's folder is made when
 * missing, unless `makeFolder` is false: then a missing folder fails the
 * write (ENOENT) before a byte is written.
 */
export async function writeStreamAtomic(
  file: string,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  { makeFolder = true }: { makeFolder?: boolean } = {},
): Promise<void> {
  const dir = dirname(file);
  if (makeFolder) await ensureDir(dir);
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await writeWhileFlushing(handle, source);
      // The file is reported written only once all of it is on the disk.
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

/** Pieces gathered into one write: fewer system calls for streams of small pieces (sealed chunks, ZIP headers). */
const batchBytes = 1024 * 1024;
const batchPieces = 256;
/**
 * Bytes written between two flushes started while writing. Left alone, the
 * kernel keeps a large file in memory and writes all of it at the final
 * fsync, while nothing else happens; flushing as the file grows lets the
 * disk work while the stream is still being made.
 */
const flushEvery = 32 * 1024 * 1024;

/**
 * Writes the source in order while the source makes what follows: one
 * write in flight at a time, and a datasync started every `flushEvery`
 * bytes that runs beside the writes after it. A flush never holds the
 * writes up: while one is under way (a slow or busy disk), none other
 * starts, and the next one covers everything written by then.
 */
async function writeWhileFlushing(handle: FileHandle, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void> {
  let batch: Uint8Array[] = [];
  let batched = 0;
  let unflushed = 0;
  let writing: Promise<void> = Promise.resolve();
  let flushing: Promise<void> = Promise.resolve();
  let flushed = true;
  // A failed flush must fail the write: the kernel reports a lost write-back once, and a later fsync may not.
  const flushFailures: unknown[] = [];
  const send = async () => {
    if (flushFailures.length) throw flushFailures[0];
    const pieces = batch;
    unflushed += batched;
    batch = [];
    batched = 0;
    await writing;
    writing = writeAll(handle, pieces);
    writing.catch(() => {}); // awaited before the next write and at the end
    if (unflushed >= flushEvery && flushed) {
      unflushed = 0;
      flushed = false;
      flushing = writing
        .then(() => handle.datasync())
        .catch((error: unknown) => void flushFailures.push(error))
        .finally(() => (flushed = true));
    }
  };
  try {
    for await (const piece of source) {
      batch.push(piece);
      batched += piece.length;
      if (batched >= batchBytes || batch.length >= batchPieces) await send();
    }
    if (batch.length) await send();
    await writing;
    await flushing;
    if (flushFailures.length) throw flushFailures[0];
  } finally {
    // After a failure too, nothing may still be writing when the file is closed and removed.
    await Promise.allSettled([writing, flushing]);
  }
}

async function writeAll(handle: FileHandle, pieces: Uint8Array[]): Promise<void> {
  let { bytesWritten } = await handle.writev(pieces);
  // A write may take only part of what it was given; go on with the rest.
  for (const piece of pieces) {
    if (bytesWritten >= piece.length) {
      bytesWritten -= piece.length;
      continue;
    }
    for (let offset = bytesWritten; offset < piece.length; ) offset += (await handle.write(piece, offset)).bytesWritten;
    bytesWritten = 0;
  }
}

/** The temporary files this module writes: `<name>.<12 hex digits>.tmp`. */
export const temporaryName = /\.[0-9a-f]{12}\.tmp$/;

/** A write in progress touches its temporary file at least this often (it flushes as it grows). */
const orphanAfterMs = 10 * 60_000;

/**
 * SECURITY: removes the temporary files of writes that were killed before
 * they finished (an attach, a snapshot), so a folder does not keep showing
 * that a large file was being added. A temporary file written to within the
 * last ten minutes may belong to a write still going on, and stays.
 */
export async function sweepOrphanTemporaries(root: string): Promise<number> {
  let removed = 0;
  const cutoff = Date.now() - orphanAfterMs;
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile() || !temporaryName.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const modified = (await stat(file).catch(() => null))?.mtimeMs ?? Date.now();
    if (modified >= cutoff) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  return removed;
}
