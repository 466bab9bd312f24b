/**
 * Storage for encrypted archives: every file is sealed (crypto/sealedFile.ts)
 * under the archive's content key and stored under a keyed hash of its path,
 * in a keyed-hash folder of its parent: data/<hash of folder>/<hash of path>.
 * Without the data key the folder shows only random-looking names and bytes:
 * no name, no statement, no file's plain sha256. Append-only files are a
 * sequence of frames, each a sealed unit. Callers see the same paths and
 * bytes as with PlainStorage.
 */
import { access, open as openFile, readdir, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { appendDurable, removeDurable, writeFileAtomic, writeFilesAtomic, writeStreamAtomic } from './atomicFile';
import type { Keyring } from './crypto/keyring';
import {
  SealBroken,
  chunkSize,
  openBuffer,
  openName,
  sealBuffer,
  sealStream,
  sealedLayout,
  type SealedLayout,
} from './crypto/sealedFile';
import { fromFsError } from './errors';
import { FileBroken, UnitBroken, streamChunk, type Storage } from './storage';

export const encryptedDataDir = 'data';
const frameMagic = Buffer.from('DLF1');
const frameHeader = 8;

/** Plain bytes [at, next) of a file, still sealed: the chunks that hold them, as read. */
interface SealedPart {
  at: number;
  next: number;
  chunks: ReturnType<SealedLayout['chunksOf']>;
  sealed: Buffer;
}

export class EncryptedStorage implements Storage {
  readonly encrypted = true;

  constructor(
    readonly root: string,
    private readonly keyring: Keyring,
  ) {}

  private folderOf(dir: string): string {
    return join(this.root, encryptedDataDir, this.keyring.hashName(`dir:${dir}`));
  }

  /** Where a logical path is stored, and the stored name its seal is bound to. */
  private locate(path: string): { file: string; storedName: string } {
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    const storedName = this.keyring.hashName(`file:${path}`);
    return { file: join(this.folderOf(dir), storedName), storedName };
  }

  private async readRaw(path: string, file: string): Promise<Buffer | null> {
    try {
      return await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw fromFsError(error, path);
    }
  }

  async read(path: string): Promise<Uint8Array | null> {
    const { file, storedName } = this.locate(path);
    const sealed = await this.readRaw(path, file);
    if (!sealed) return null;
    try {
      const { name, data } = openBuffer(this.keyring.contentKey, storedName, sealed);
      if (name !== path) throw new SealBroken('stored under another name');
      return data;
    } catch (error) {
      if (error instanceof SealBroken) throw new FileBroken(path);
      throw error;
    }
  }

  async write(path: string, data: Uint8Array): Promise<void> {
    const { file, storedName } = this.locate(path);
    try {
      await writeFileAtomic(file, sealBuffer(this.keyring.contentKey, storedName, path, data));
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async writeMany(files: readonly { path: string; data: Uint8Array }[]): Promise<void> {
    const sealed = files.map(({ path, data }) => {
      const { file, storedName } = this.locate(path);
      return { file, data: sealBuffer(this.keyring.contentKey, storedName, path, data) };
    });
    try {
      await writeFilesAtomic(sealed);
    } catch (error) {
      throw fromFsError(error, files[0]?.path ?? '');
    }
  }

  private frame(storedName: string, path: string, unit: Uint8Array): Buffer {
    const sealed = sealBuffer(this.keyring.contentKey, storedName, path, unit);
    const header = Buffer.alloc(frameHeader);
    frameMagic.copy(header);
    header.writeUInt32BE(sealed.length, 4);
    return Buffer.concat([header, sealed]);
  }

  appendUnit(path: string, unit: Uint8Array): Promise<void> {
    return this.appendUnits(path, [unit]);
  }

  async appendUnits(path: string, units: Uint8Array[]): Promise<void> {
    const { file, storedName } = this.locate(path);
    try {
      await appendDurable(file, Buffer.concat(units.map((unit) => this.frame(storedName, path, unit))));
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async remove(path: string): Promise<void> {
    try {
      await removeDurable(this.locate(path).file);
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async writeUnits(path: string, units: Uint8Array[]): Promise<void> {
    const { file, storedName } = this.locate(path);
    try {
      await writeFileAtomic(file, Buffer.concat(units.map((unit) => this.frame(storedName, path, unit))));
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async readUnits(path: string): Promise<Uint8Array[]> {
    const { file, storedName } = this.locate(path);
    const bytes = (await this.readRaw(path, file)) ?? Buffer.alloc(0);
    const units: Uint8Array[] = [];
    let offset = 0;
    while (offset < bytes.length) {
      if (bytes.length - offset < frameHeader || offset + frameHeader + bytes.readUInt32BE(offset + 4) > bytes.length) {
        // A frame that runs past the end is a torn append, never acknowledged: drop it.
        if (bytes.length - offset >= 4 && !bytes.subarray(offset, offset + 4).equals(frameMagic)) throw new UnitBroken(units.length);
        await truncate(file, offset).catch((error: unknown) => {
          throw fromFsError(error, path);
        });
        break;
      }
      if (!bytes.subarray(offset, offset + 4).equals(frameMagic)) throw new UnitBroken(units.length);
      const end = offset + frameHeader + bytes.readUInt32BE(offset + 4);
      try {
        const { name, data } = openBuffer(this.keyring.contentKey, storedName, bytes.subarray(offset + frameHeader, end));
        if (name !== path) throw new SealBroken('stored under another name');
        units.push(data);
      } catch (error) {
        if (error instanceof SealBroken) throw new UnitBroken(units.length);
        throw error;
      }
      offset = end;
    }
    return units;
  }

  async exists(path: string): Promise<boolean> {
    return access(this.locate(path).file).then(
      () => true,
      () => false,
    );
  }

  async writeStream(path: string, source: AsyncIterable<Uint8Array>): Promise<void> {
    const { file, storedName } = this.locate(path);
    try {
      await writeStreamAtomic(file, sealStream(this.keyring.contentKey, storedName, path, source));
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  /** The whole file, read a few sealed chunks at a time at their own offsets: no copying to realign. */
  readStream(path: string): AsyncIterable<Uint8Array> {
    return this.readRange(path, 0, Number.MAX_SAFE_INTEGER);
  }

  async *readRange(path: string, start: number, end: number): AsyncIterable<Uint8Array> {
    const { file, storedName } = this.locate(path);
    let handle;
    try {
      handle = await openFile(file, 'r');
    } catch (error) {
      throw fromFsError(error, path);
    }
    let reading: Promise<SealedPart> | null = null;
    try {
      const layout = await this.layoutOf(path, storedName, handle);
      const stop = Math.min(end, layout.size);
      // About streamChunk plain bytes per read: a few sealed chunks at a time.
      // Two buffers in turn: one is read into while the other is opened (opening copies the plain bytes out).
      const buffers: Buffer[] = [];
      let turn = 0;
      const readPart = async (at: number): Promise<SealedPart> => {
        const next = Math.min(stop, (Math.floor(at / streamChunk) + 1) * streamChunk);
        const chunks = layout.chunksOf(at, next);
        turn ^= 1;
        // Not zeroed first: only the bytes the read fills are used.
        if ((buffers[turn]?.length ?? 0) < chunks.length) buffers[turn] = Buffer.allocUnsafe(chunks.length);
        const sealed = buffers[turn]!;
        const { bytesRead } = await handle.read(sealed, 0, chunks.length, chunks.offset);
        return { at, next, chunks, sealed: sealed.subarray(0, bytesRead) };
      };
      reading = start < stop ? readPart(start) : null;
      while (reading) {
        const part = await reading;
        // The next read is under way while this part is opened and used.
        reading = part.next < stop ? readPart(part.next) : null;
        reading?.catch(() => {}); // awaited on the next turn, or below when the reader stops early
        const plain = part.chunks.open(part.sealed);
        const skip = part.at - part.chunks.first * chunkSize;
        yield plain.subarray(skip, skip + (part.next - part.at));
      }
    } catch (error) {
      if (error instanceof FileBroken) throw error;
      if (error instanceof SealBroken) throw new FileBroken(path);
      throw fromFsError(error, path);
    } finally {
      await reading?.catch(() => {});
      await handle.close();
    }
  }

  /** Reads a sealed file's header and size; FileBroken when it is not this path's sealed file. */
  private async layoutOf(path: string, storedName: string, handle: FileHandle): Promise<SealedLayout> {
    try {
      const { size } = await handle.stat();
      const head = Buffer.alloc(Math.min(4096, size));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const layout = sealedLayout(this.keyring.contentKey, storedName, head.subarray(0, bytesRead), size);
      if (layout.name !== path) throw new SealBroken('stored under another name');
      return layout;
    } catch (error) {
      if (error instanceof SealBroken) throw new FileBroken(path);
      throw fromFsError(error, path);
    }
  }

  async list(dir: string): Promise<string[]> {
    const folder = this.folderOf(dir);
    let stored: string[];
    try {
      stored = (await readdir(folder)).filter((name) => /^[0-9a-f]{32}$/.test(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw fromFsError(error, dir);
    }
    const names: string[] = [];
    for (const storedName of stored) {
      const name = await this.readName(join(folder, storedName), storedName);
      // A file whose name cannot be read is listed by its stored name, so that it is reported, not lost.
      names.push(name === null ? storedName : posix.basename(name));
    }
    return names;
  }

  /** Reads just the sealed name at the start of a file. */
  private async readName(file: string, storedName: string): Promise<string | null> {
    const handle = await openFile(file, 'r');
    try {
      const head = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const frame = head.subarray(0, 4).equals(frameMagic) ? frameHeader : 0;
      return openName(this.keyring.contentKey, storedName, head.subarray(frame, bytesRead));
    } catch (error) {
      if (error instanceof SealBroken) return null;
      throw error;
    } finally {
      await handle.close();
    }
  }
}
