/**
 * The blob store: evidence files, content-addressed by sha256, stored once
 * however often they are added, never modified. Adding streams the file
 * twice in constant memory: once to learn its sha256, once to store it under
 * that name (the sealed name must be known before the first byte is
 * sealed), and the second pass is hashed too, so a file that changed in
 * between is refused rather than stored under a wrong hash.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { EngineError, fromFsError } from './errors';
import { streamChunk, type Storage } from './storage';

export const blobPath = (sha256: string) => `blobs/${sha256.slice(0, 2)}/${sha256}`;

export interface StoredBlob {
  sha256: string;
  size: number;
  /** False when the same bytes were already in the store. */
  added: boolean;
}

async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const piece of createReadStream(file, { highWaterMark: streamChunk })) {
    hash.update(piece as Buffer);
    size += (piece as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

export class BlobStore {
  constructor(private readonly storage: Storage) {}

  has(sha256: string): Promise<boolean> {
    return this.storage.exists(blobPath(sha256));
  }

  /** Stores a file from disk; returns its sha256. */
  async add(file: string): Promise<StoredBlob> {
    let first: { sha256: string; size: number };
    try {
      if (!(await stat(file)).isFile()) throw new EngineError('ioError', { path: file });
      first = await hashFile(file);
    } catch (error) {
      throw fromFsError(error, file);
    }
    if (await this.has(first.sha256)) return { ...first, added: false };
    async function* unchanged() {
      const second = createHash('sha256');
      const source = createReadStream(file, { highWaterMark: streamChunk })[Symbol.asyncIterator]();
      for (;;) {
        let next: IteratorResult<Buffer>;
        try {
          next = await source.next();
        } catch (error) {
          // A failed read is the source file's failure (a stick pulled out), not the archive's.
          throw fromFsError(error, file);
        }
        if (next.done) break;
        second.update(next.value);
        yield next.value;
      }
      // Thrown before the stored file gets its name: nothing is kept under a wrong hash.
      if (second.digest('hex') !== first.sha256) throw new EngineError('fileChanged', { path: file });
    }
    await this.storage.writeStream(blobPath(first.sha256), unchanged());
    return { ...first, added: true };
  }

  /**
   * Stores bytes that must be `expected` (a file of a verified bundle or
   * archive, read again), hashing them on the way: bytes that differ are
   * refused before they get the name, and nothing is stored.
   */
  async addVerified(expected: { sha256: string; size: number }, source: AsyncIterable<Uint8Array>, origin: string): Promise<StoredBlob> {
    if (await this.has(expected.sha256)) return { ...expected, added: false };
    async function* checked() {
      const hash = createHash('sha256');
      let size = 0;
      for await (const piece of source) {
        hash.update(piece);
        size += piece.length;
        yield piece;
      }
      if (size !== expected.size || hash.digest('hex') !== expected.sha256) throw new EngineError('fileChanged', { path: origin });
    }
    await this.storage.writeStream(blobPath(expected.sha256), checked());
    return { ...expected, added: true };
  }

  /** Removes a stored file: only an import that failed takes back what it stored. */
  remove(sha256: string): Promise<void> {
    return this.storage.remove(blobPath(sha256));
  }

  read(sha256: string): AsyncIterable<Uint8Array> {
    return this.storage.readStream(blobPath(sha256));
  }

  /** Bytes [start, end) of a stored file, reading only those. */
  readRange(sha256: string, start: number, end: number): AsyncIterable<Uint8Array> {
    return this.storage.readRange(blobPath(sha256), start, end);
  }
}
