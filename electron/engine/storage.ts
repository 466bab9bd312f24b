/**
 * Storage: the only way archive code reads and writes files, by path relative
 * to the archive folder. Today's PlainStorage writes bytes as given; the
 * encrypted storage of DESIGN.md ("Encryption at rest") will implement the
 * same interface (encrypting each file, keying names), so that no caller
 * changes. Callers must never touch the archive folder with fs directly.
 */
import { readdir, readFile, truncate } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { appendDurable, writeFileAtomic } from './atomicFile';
import { fromFsError } from './errors';

export interface Storage {
  readonly root: string;
  readonly encrypted: boolean;
  /** The file's bytes, or null when it does not exist. */
  read(path: string): Promise<Uint8Array | null>;
  /** Replaces the file atomically. */
  write(path: string, data: Uint8Array): Promise<void>;
  /** Appends one unit (e.g. a log line) durably. */
  append(path: string, data: Uint8Array): Promise<void>;
  /** Cuts the file to `length` bytes (to drop a torn, unacknowledged append). */
  truncate(path: string, length: number): Promise<void>;
  /** Names in a folder; empty when it does not exist. */
  list(path: string): Promise<string[]>;
}

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

  async append(path: string, data: Uint8Array): Promise<void> {
    try {
      await appendDurable(this.resolve(path), data);
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async truncate(path: string, length: number): Promise<void> {
    try {
      await truncate(this.resolve(path), length);
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
