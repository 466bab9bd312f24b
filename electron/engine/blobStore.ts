/**
 * The blob store: evidence files, content-addressed by sha256, stored once
 * however often they are added, never modified. Adding streams the file
 * twice in constant memory: once to learn its sha256, once to store it under
 * that name (the sealed name must be known before the first byte is
 * sealed), and the second pass is hashed too, so a file that changed in
 * between is refused rather than stored under a wrong hash. Both passes
 * report the bytes they read and stop at once when the caller cancels;
 * a stopped write leaves no stored file (the temporary one is removed).
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

/** What a caller of `add` may watch and stop: bytes read so far (both passes count), and a cancel. */
export interface IntakeHooks {
  onBytes?(count: number): void;
  signal?: AbortSignal;
}

function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EngineError('cancelled');
}

async function hashFile(file: string, hooks: IntakeHooks): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const piece of createReadStream(file, { highWaterMark: streamChunk })) {
    stopIfCancelled(hooks.signal);
    hash.update(piece as Buffer);
    size += (piece as Buffer).length;
    hooks.onBytes?.((piece as Buffer).length);
  }
  return { sha256: hash.digest('hex'), size };
}

export class BlobStore {
  constructor(private readonly storage: Storage) {}

  has(sha256: string): Promise<boolean> {
    return this.storage.exists(blobPath(sha256));
  }

  /** Stores a file from disk; returns its sha256. A cancel (hooks.signal) throws `cancelled` and stores nothing. */
  async add(file: string, hooks: IntakeHooks = {}): Promise<StoredBlob> {
    let first: { sha256: string; size: number };
    try {
      if (!(await stat(file)).isFile()) throw new EngineError('ioError', { path: file });
      first = await hashFile(file, hooks);
    } catch (error) {
      throw fromFsError(error, file);
    }
    if (await this.has(first.sha256)) return { ...first, added: false };
    async function* unchanged() {
      const second = createHash('sha256');
      const source = createReadStream(file, { highWaterMark: streamChunk })[Symbol.asyncIterator]();
      try {
        for (;;) {
          let next: IteratorResult<Buffer>;
          try {
            next = await source.next();
          } catch (error) {
            // A failed read is the source file's failure (a stick pulled out), not the archive's.
            throw fromFsError(error, file);
          }
          if (next.done) break;
          stopIfCancelled(hooks.signal);
          second.update(next.value);
          hooks.onBytes?.(next.value.length);
          yield next.value;
        }
      } finally {
        // A cancel or a failed write stops early: the source file is closed all the same.
        await source.return?.(undefined);
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
