/**
 * Storage: the only way archive code reads and writes files, by path relative
 * to the archive folder. PlainStorage writes bytes as given (the explicit
 * opt-out); EncryptedStorage seals every file and keys every name. Callers
 * see the same paths and bytes either way, and must never touch the archive
 * folder with fs directly.
 */
import { createReadStream } from 'node:fs';
import { access, readdir, readFile, truncate } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { appendDurable, removeDurable, writeFileAtomic, writeFilesAtomic, writeStreamAtomic } from './atomicFile';
import { fromFsError } from './errors';

export interface Storage {
  readonly root: string;
  readonly encrypted: boolean;
  /** The file's bytes, or null when it does not exist. */
  read(path: string): Promise<Uint8Array | null>;
  /** Replaces the file atomically. */
  write(path: string, data: Uint8Array): Promise<void>;
  /**
   * Replaces many files, each atomically, durable together at the end with
   * one flush (atomicFile.writeFilesAtomic): only for a change a journal can redo.
   */
  writeMany(files: readonly { path: string; data: Uint8Array }[]): Promise<void>;
  /** Appends one unit (a log line, without its newline) durably. */
  appendUnit(path: string, unit: Uint8Array): Promise<void>;
  /** Appends units in one write and one flush (an import's many custody lines). */
  appendUnits(path: string, units: Uint8Array[]): Promise<void>;
  /**
   * The units appended so far, oldest first. A torn last unit (a crash during
   * an append that was never acknowledged) is dropped from the file. Throws
   * UnitBroken for a damaged unit. `leaveTorn`: the file is not touched (a
   * check, which writes nothing).
   */
  readUnits(path: string, options?: { leaveTorn?: boolean }): Promise<Uint8Array[]>;
  /** Writes a whole append-only file at once, atomically (copying a log). */
  writeUnits(path: string, units: Uint8Array[]): Promise<void>;
  /**
   * The file's bytes as they are on disk (sealed, in an encrypted archive),
   * or null when it does not exist: what a repair sets aside of a file it
   * cannot read or is about to rewrite, so that nothing is lost.
   */
  readStored(path: string): Promise<Uint8Array | null>;
  /** Names in a folder; empty when it does not exist. */
  list(path: string): Promise<string[]>;
  exists(path: string): Promise<boolean>;
  /** Removes the file, durably; nothing when it does not exist. */
  remove(path: string): Promise<void>;
  /** Replaces the file atomically from a stream, in constant memory. */
  writeStream(path: string, source: AsyncIterable<Uint8Array>): Promise<void>;
  /** The file's bytes as a stream, in constant memory; FileBroken at the first damaged part. */
  readStream(path: string): AsyncIterable<Uint8Array>;
  /**
   * Bytes [start, end) of the file, reading only the parts that hold them
   * (previews seek in multi-gigabyte videos); FileBroken when those parts are damaged.
   */
  readRange(path: string, start: number, end: number): AsyncIterable<Uint8Array>;
}

/** Large reads: fewer system calls for multi-gigabyte files (docs/spec/performance.md). */
export const streamChunk = 1024 * 1024;

/** A file whose bytes are damaged or altered (it fails authentication or cannot be parsed). */
export class FileBroken extends Error {
  constructor(readonly path: string) {
    super(`damaged: ${path}`);
    this.name = 'FileBroken';
  }
}

/** A damaged unit of an append-only file; `index` counts from 0. */
export class UnitBroken extends Error {
  constructor(
    readonly index: number,
    /** The units before it, which did read: what a repair keeps. */
    readonly readable: readonly Uint8Array[] = [],
  ) {
    super(`damaged unit ${index}`);
    this.name = 'UnitBroken';
  }
}

const newline = 0x0a;

export class PlainStorage implements Storage {
  readonly encrypted = false;

  constructor(readonly root: string) {}

  private resolve(path: string): string {
    const full = normalize(join(this.root, path));
    // SECURITY: archive paths are built by the engine, but never let one escape the folder.
    if (full !== this.root && !full.startsWith(this.root.endsWith(sep) ? this.root : this.root + sep)) {
      throw new Error(`path escapes the archive: ${path}`);
    }
    return full;
  }

  async read(path: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.resolve(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw fromFsError(error, path);
    }
  }

  async write(path: string, data: Uint8Array): Promise<void> {
    try {
      await writeFileAtomic(this.resolve(path), data);
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async writeMany(files: readonly { path: string; data: Uint8Array }[]): Promise<void> {
    try {
      await writeFilesAtomic(files.map(({ path, data }) => ({ file: this.resolve(path), data })));
    } catch (error) {
      throw fromFsError(error, files[0]?.path ?? '');
    }
  }

  appendUnit(path: string, unit: Uint8Array): Promise<void> {
    return this.appendUnits(path, [unit]);
  }

  async appendUnits(path: string, units: Uint8Array[]): Promise<void> {
    try {
      await appendDurable(this.resolve(path), Buffer.concat(units.flatMap((unit) => [unit, Buffer.of(newline)])));
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async writeUnits(path: string, units: Uint8Array[]): Promise<void> {
    await this.write(path, Buffer.concat(units.flatMap((unit) => [unit, Buffer.of(newline)])));
  }

  async readUnits(path: string, options: { leaveTorn?: boolean } = {}): Promise<Uint8Array[]> {
    const read = (await this.read(path)) ?? new Uint8Array();
    // A view, not a copy: a long custody log is tens of megabytes.
    const bytes = Buffer.from(read.buffer, read.byteOffset, read.byteLength);
    const end = bytes.lastIndexOf(newline) + 1;
    if (end < bytes.length && !options.leaveTorn) {
      try {
        await truncate(this.resolve(path), end);
      } catch (error) {
        throw fromFsError(error, path);
      }
    }
    const units: Uint8Array[] = [];
    for (let start = 0; start < end; ) {
      const stop = bytes.indexOf(newline, start);
      units.push(bytes.subarray(start, stop));
      start = stop + 1;
    }
    return units;
  }

  readStored(path: string): Promise<Uint8Array | null> {
    return this.read(path);
  }

  async exists(path: string): Promise<boolean> {
    return access(this.resolve(path)).then(
      () => true,
      () => false,
    );
  }

  async remove(path: string): Promise<void> {
    try {
      await removeDurable(this.resolve(path));
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async writeStream(path: string, source: AsyncIterable<Uint8Array>): Promise<void> {
    try {
      await writeStreamAtomic(this.resolve(path), source);
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async *readStream(path: string): AsyncIterable<Uint8Array> {
    try {
      yield* createReadStream(this.resolve(path), { highWaterMark: streamChunk });
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async *readRange(path: string, start: number, end: number): AsyncIterable<Uint8Array> {
    if (end <= start) return;
    try {
      yield* createReadStream(this.resolve(path), { start, end: end - 1, highWaterMark: streamChunk });
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async list(path: string): Promise<string[]> {
    try {
      return await readdir(this.resolve(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw fromFsError(error, path);
    }
  }
}
