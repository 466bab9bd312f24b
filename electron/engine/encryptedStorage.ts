/**
 * Storage for encrypted archives: every file is sealed (crypto/sealedFile.ts)
 * under the archive's content key and stored under a keyed hash of its path,
 * in a keyed-hash folder of its parent: <data folder>/<hash of folder>/<hash of path>.
 * Without the data key the folder shows only random-looking names and bytes:
 * no name, no statement, no file's plain sha256. Append-only files are a
 * sequence of sealed frames (crypto/sealedFrames.ts). Callers see the same
 * paths and bytes as with PlainStorage.
 *
 * Layout 2 (docs/design.md, "What a locked folder shows") also pads every
 * file (crypto/padding.ts), keeps records and their attachment lists in 256
 * packs (sealedPacks.ts), hides where custody frames begin, and sets every
 * file's and folder's modified and accessed times to one date that says
 * nothing. Layout 1 (archives sealed before it) is read and written as it
 * was until the archive is sealed again (reseal.ts).
 */
import { access, readdir, stat, truncate, type FileHandle } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { appendDurable, openForReading, quieten, removeDurable, writeAtDurable, writeFileAtomic, writeFilesAtomic, writeStreamAtomic, type FileToWrite } from './atomicFile';
import type { Keyring } from './crypto/keyring';
import { FrameBroken, appendAt, fillerAt, frameHeader, openFrames, sealFrame } from './crypto/sealedFrames';
import { SealBroken, chunkSize, openBuffer, openName, sealBuffer, sealStream, sealedLayout, type SealedLayout } from './crypto/sealedFile';
import { custodyFile } from './custodyLog';
import { EngineError, fromFsError } from './errors';
import { decodePack, encodePack, packMinimum, packOf, packOfFolder, packPaths, type Pack } from './sealedPacks';
import { FileBroken, UnitBroken, streamChunk, type Storage } from './storage';

/** How an encrypted archive's files are laid out: the manifest's `encryption` says which. */
export interface SealedLayoutOptions {
  version: 1 | 2;
  /** The folder of sealed files, relative to the archive. */
  dataDir: string;
}

/** The data folder of layout 1; layout 2 names a fresh one at every sealing (reseal.ts). */
export const layout1DataDir = 'data';
/** Packs kept opened in memory: a save or a shard being listed reads one again and again. */
const packsKept = 8;
/** A pack as read, with the file it was read from (another program's write replaces the file). */
interface OpenedPack {
  entries: Pack;
  ino: number | null;
}

/** Plain bytes [at, next) of a file, still sealed: the chunks that hold them, as read. */
interface SealedPart {
  at: number;
  next: number;
  chunks: ReturnType<SealedLayout['chunksOf']>;
  sealed: Buffer;
}

/**
 * Files that grow with use (trusted signers, received bundles): padded like a
 * pack, so that their size does not count what they list.
 */
const growsWithUse = new Set(['trusted.json', 'received.json']);

export class EncryptedStorage implements Storage {
  readonly encrypted = true;
  private readonly packs = new Map<string, Promise<OpenedPack>>();
  /** Layout 2: where each append-only file's units end, how large it is, and whether reading stopped early (see Frames). */
  private readonly logs = new Map<string, { end: number; size: number; stoppedEarly: boolean }>();
  /** Writes of packs, one after the other: each reads its pack, changes it and writes it whole. */
  private packWrites: Promise<unknown> = Promise.resolve();

  constructor(
    readonly root: string,
    private readonly keyring: Keyring,
    readonly layout: SealedLayoutOptions,
  ) {}

  private get dataFolder(): string {
    return join(this.root, this.layout.dataDir);
  }

  private folderOf(dir: string): string {
    return join(this.dataFolder, this.keyring.hashName(`dir:${dir}`));
  }

  /** Where a logical path is stored, and the stored name its seal is bound to. */
  private locate(path: string): { file: string; storedName: string } {
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    const storedName = this.keyring.hashName(`file:${path}`);
    return { file: join(this.folderOf(dir), storedName), storedName };
  }

  private packed(path: string): string | null {
    return this.layout.version === 2 ? packOf(path) : null;
  }

  /** Sets the times of written files, their folders, the data folder and the archive's to `quietTime`. */
  private async quieten(files: readonly string[]): Promise<void> {
    if (this.layout.version !== 2) return;
    await quieten([...files, ...files.map((file) => dirname(file)), this.dataFolder, this.root]);
  }

  private async readRaw(path: string, file: string): Promise<Buffer | null> {
    return (await this.readRawWithId(path, file))?.bytes ?? null;
  }

  /** The file's bytes and its inode (which a rename by another program changes); null when it does not exist. */
  private async readRawWithId(path: string, file: string): Promise<{ bytes: Buffer; ino: number } | null> {
    let handle: FileHandle;
    try {
      handle = await openForReading(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw fromFsError(error, path);
    }
    try {
      const { ino } = await handle.stat();
      return { bytes: await handle.readFile(), ino };
    } catch (error) {
      throw fromFsError(error, path);
    } finally {
      await handle.close();
    }
  }

  /** A file stored on its own, opened and checked to be this path's. */
  private async readSealed(path: string): Promise<Buffer | null> {
    return (await this.readSealedWithId(path))?.data ?? null;
  }

  private async readSealedWithId(path: string): Promise<{ data: Buffer; ino: number } | null> {
    const { file, storedName } = this.locate(path);
    const raw = await this.readRawWithId(path, file);
    if (!raw) return null;
    try {
      const { name, data } = openBuffer(this.keyring.contentKey, storedName, raw.bytes);
      if (name !== path) throw new SealBroken('stored under another name');
      return { data, ino: raw.ino };
    } catch (error) {
      if (error instanceof SealBroken) throw new FileBroken(path);
      throw error;
    }
  }

  private seal(path: string, data: Uint8Array): FileToWrite {
    const { file, storedName } = this.locate(path);
    const minimum = packPaths.includes(path) || growsWithUse.has(path) ? packMinimum : undefined;
    return { file, data: sealBuffer(this.keyring.contentKey, storedName, path, data, minimum, this.layout.version) };
  }

  /** A pack's entries. FileBroken when it is damaged or missing: all 256 are written when the archive is made. */
  private async pack(pack: string): Promise<Pack> {
    return (await this.openPack(pack)).entries;
  }

  private openPack(pack: string): Promise<OpenedPack> {
    let opened = this.packs.get(pack);
    if (!opened) {
      opened = this.readSealedWithId(pack).then((read) => {
        try {
          if (!read) throw new SealBroken('missing');
          return { entries: decodePack(read.data), ino: read.ino };
        } catch {
          throw new FileBroken(pack);
        }
      });
      opened.catch(() => this.packs.delete(pack));
    } else {
      this.packs.delete(pack);
    }
    // Most recently used last; the oldest goes when there are too many.
    this.packs.set(pack, opened);
    if (this.packs.size > packsKept) this.packs.delete(this.packs.keys().next().value!);
    return opened;
  }

  /** The inode of a stored file now, or null when it is not there. */
  private async inodeOf(path: string): Promise<number | null> {
    try {
      return (await stat(this.locate(path).file)).ino;
    } catch {
      return null;
    }
  }

  /**
   * Writes files, those kept in packs by rewriting their packs: one file
   * atomically, or many durable together (writeFilesAtomic's rule).
   */
  private writeSealed(files: readonly { path: string; data: Uint8Array | null }[]): Promise<void> {
    const byPack = new Map<string, { path: string; data: Uint8Array | null }[]>();
    const alone: FileToWrite[] = [];
    for (const entry of files) {
      const pack = this.packed(entry.path);
      if (pack) byPack.set(pack, [...(byPack.get(pack) ?? []), entry]);
      else alone.push(this.seal(entry.path, entry.data!));
    }
    const write = async () => {
      const changed = new Map<string, Pack>();
      for (const [pack, entries] of byPack) {
        const opened = await this.openPack(pack);
        // SECURITY: a pack another program rewrote since it was read would lose its records here.
        if ((await this.inodeOf(pack)) !== opened.ino) throw new EngineError('archiveInUse');
        const next = new Map(opened.entries);
        for (const { path, data } of entries) {
          if (data) next.set(path, data);
          else next.delete(path);
        }
        changed.set(pack, next);
      }
      const sealed = [...alone, ...[...changed].map(([pack, entries]) => this.seal(pack, encodePack(entries)))];
      if (sealed.length === 1) await writeFileAtomic(sealed[0]!.file, sealed[0]!.data);
      else await writeFilesAtomic(sealed);
      for (const [pack, entries] of changed) this.packs.set(pack, Promise.resolve({ entries, ino: await this.inodeOf(pack) }));
      await this.quieten(sealed.map(({ file }) => file));
    };
    if (!byPack.size) return write();
    const done = this.packWrites.then(write);
    this.packWrites = done.catch(() => {});
    return done;
  }

  /** Layout 2 only: writes all 256 packs empty, so that their number says nothing from the first day. */
  async makePacks(): Promise<void> {
    const sealed = (await this.missingPacks()).map((pack) => this.seal(pack, encodePack(new Map())));
    await writeFilesAtomic(sealed);
    await this.quieten(sealed.map(({ file }) => file));
  }

  /** Layout 2: the packs that are not there (each a part of the records lost), for the archive's problems. */
  async missingPacks(): Promise<string[]> {
    if (this.layout.version !== 2) return [];
    const missing: string[] = [];
    for (const pack of packPaths) if (!(await this.exists(pack))) missing.push(pack);
    return missing;
  }

  async read(path: string): Promise<Uint8Array | null> {
    const pack = this.packed(path);
    if (pack) return (await this.pack(pack)).get(path) ?? null;
    return this.readSealed(path);
  }

  async write(path: string, data: Uint8Array): Promise<void> {
    try {
      await this.writeSealed([{ path, data }]);
    } catch (error) {
      if (error instanceof FileBroken) throw error;
      throw fromFsError(error, path);
    }
  }

  async writeMany(files: readonly { path: string; data: Uint8Array }[]): Promise<void> {
    try {
      await this.writeSealed(files);
    } catch (error) {
      if (error instanceof FileBroken) throw error;
      throw fromFsError(error, files[0]?.path ?? '');
    }
  }

  private frames(storedName: string, path: string, units: Uint8Array[]): Buffer {
    return Buffer.concat(units.map((unit) => sealFrame(this.layout.version, this.keyring.contentKey, storedName, path, unit)));
  }

  appendUnit(path: string, unit: Uint8Array): Promise<void> {
    return this.appendUnits(path, [unit]);
  }

  async appendUnits(path: string, units: Uint8Array[]): Promise<void> {
    const { file, storedName } = this.locate(path);
    try {
      const frames = this.frames(storedName, path, units);
      if (this.layout.version === 1) {
        await appendDurable(file, frames);
      } else {
        if (!this.logs.has(path)) await this.readUnits(path);
        const { end, size, stoppedEarly } = this.logs.get(path)!;
        // SECURITY: written in place, so never over what another program appended since this one read the log.
        if (size > 0 && !stoppedEarly && !(await this.fillerStillAt(file, storedName, end, size))) throw new EngineError('archiveInUse');
        const append = appendAt(this.keyring.contentKey, storedName, end, size, frames);
        await writeAtDurable(file, end, append.bytes);
        this.logs.set(path, { end: end + frames.length, size: append.size, stoppedEarly: false });
      }
      await this.quieten([file]);
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  /**
   * Layout 2: whether reading this append-only file stopped at a frame that
   * fails authentication (sealedFrames.ts, Frames.stoppedEarly).
   */
  stoppedEarly(path: string): boolean {
    return this.logs.get(path)?.stoppedEarly ?? false;
  }

  /**
   * Layout 2: refuses (archiveInUse) when another program appended to this
   * log since this storage last read or wrote it; called before every write.
   */
  async assertLogUnchanged(path: string): Promise<void> {
    const log = this.logs.get(path);
    if (this.layout.version !== 2 || !log || log.size === 0 || log.stoppedEarly) return;
    const { file, storedName } = this.locate(path);
    if (!(await this.fillerStillAt(file, storedName, log.end, log.size))) throw new EngineError('archiveInUse');
  }

  /** Whether the log still ends in the filler this storage last wrote or read there. */
  private async fillerStillAt(file: string, storedName: string, end: number, size: number): Promise<boolean> {
    const handle = await openForReading(file);
    try {
      if ((await handle.stat()).size !== size) return false;
      const head = Buffer.alloc(frameHeader);
      const { bytesRead } = await handle.read(head, 0, head.length, end);
      return fillerAt(this.keyring.contentKey, storedName, head.subarray(0, bytesRead), end, size);
    } finally {
      await handle.close();
    }
  }

  async remove(path: string): Promise<void> {
    try {
      this.logs.delete(path);
      if (this.packed(path)) await this.writeSealed([{ path, data: null }]);
      else {
        const { file } = this.locate(path);
        await removeDurable(file);
        await this.quieten([dirname(file)]);
      }
    } catch (error) {
      if (error instanceof FileBroken) throw error;
      throw fromFsError(error, path);
    }
  }

  async writeUnits(path: string, units: Uint8Array[]): Promise<void> {
    const { file, storedName } = this.locate(path);
    try {
      const frames = this.frames(storedName, path, units);
      if (this.layout.version === 1) {
        await writeFileAtomic(file, frames);
      } else {
        const whole = appendAt(this.keyring.contentKey, storedName, 0, 0, frames);
        await writeFileAtomic(file, whole.bytes);
        this.logs.set(path, { end: frames.length, size: whole.size, stoppedEarly: false });
      }
      await this.quieten([file]);
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async readUnits(path: string): Promise<Uint8Array[]> {
    const { file, storedName } = this.locate(path);
    const bytes = (await this.readRaw(path, file)) ?? Buffer.alloc(0);
    let frames;
    try {
      frames = openFrames(this.layout.version, this.keyring.contentKey, storedName, path, bytes);
    } catch (error) {
      if (error instanceof FrameBroken) throw new UnitBroken(error.index);
      throw error;
    }
    if (this.layout.version === 2) {
      // The next append writes where the units end (over a torn or damaged frame, if reading stopped at one).
      this.logs.set(path, { end: frames.end ?? bytes.length, size: bytes.length, stoppedEarly: frames.stoppedEarly });
    } else if (frames.end !== null) {
      // A frame that runs past the end is a torn append, never acknowledged: drop it.
      await truncate(file, frames.end).catch((error: unknown) => {
        throw fromFsError(error, path);
      });
    }
    return frames.units;
  }

  async exists(path: string): Promise<boolean> {
    const pack = this.packed(path);
    if (pack) return (await this.pack(pack)).has(path);
    return access(this.locate(path).file).then(
      () => true,
      () => false,
    );
  }

  async writeStream(path: string, source: AsyncIterable<Uint8Array>): Promise<void> {
    if (this.packed(path)) {
      const pieces: Uint8Array[] = [];
      for await (const piece of source) pieces.push(piece);
      return this.write(path, Buffer.concat(pieces));
    }
    const { file, storedName } = this.locate(path);
    try {
      await writeStreamAtomic(file, sealStream(this.keyring.contentKey, storedName, path, source, this.layout.version));
      await this.quieten([file]);
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  /** The whole file, read a few sealed chunks at a time at their own offsets: no copying to realign. */
  readStream(path: string): AsyncIterable<Uint8Array> {
    return this.readRange(path, 0, Number.MAX_SAFE_INTEGER);
  }

  async *readRange(path: string, start: number, end: number): AsyncIterable<Uint8Array> {
    if (this.packed(path)) {
      const bytes = await this.read(path);
      if (bytes === null) throw fromFsError(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }), path);
      yield bytes.subarray(start, Math.min(end, bytes.length));
      return;
    }
    const { file, storedName } = this.locate(path);
    let handle;
    try {
      handle = await openForReading(file);
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

  /** Reads a sealed file's header, size and (layout 2) length; FileBroken when it is not this path's sealed file. */
  private async layoutOf(path: string, storedName: string, handle: FileHandle): Promise<SealedLayout> {
    try {
      const { size } = await handle.stat();
      const head = Buffer.alloc(Math.min(4096, size));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const readAt = async (offset: number, length: number) => {
        const bytes = Buffer.alloc(length);
        const { bytesRead: read } = await handle.read(bytes, 0, length, offset);
        return bytes.subarray(0, read);
      };
      const layout = await sealedLayout(this.keyring.contentKey, storedName, head.subarray(0, bytesRead), size, readAt);
      if (layout.name !== path) throw new SealBroken('stored under another name');
      return layout;
    } catch (error) {
      if (error instanceof SealBroken) throw new FileBroken(path);
      throw fromFsError(error, path);
    }
  }

  async list(dir: string): Promise<string[]> {
    const pack = this.layout.version === 2 ? packOfFolder(dir) : null;
    if (pack) return [...(await this.pack(pack)).keys()].filter((path) => posix.dirname(path) === dir).map((path) => posix.basename(path));
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

  /**
   * The logical path of every file stored (sealing again, reseal.ts): each
   * read from its sealed name, the documents of a pack listed one by one.
   * FileBroken for a file whose name cannot be read: nothing is left behind unsaid.
   */
  async logicalFiles(): Promise<string[]> {
    const custody = this.locate(custodyFile).file;
    const paths: string[] = [];
    let entries;
    try {
      entries = await readdir(this.dataFolder, { recursive: true, withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw fromFsError(error, this.layout.dataDir);
    }
    for (const entry of entries) {
      const file = join(entry.parentPath, entry.name);
      if (!entry.isFile() || !/^[0-9a-f]{32}$/.test(entry.name)) continue;
      if (file === custody) {
        paths.push(custodyFile);
        continue;
      }
      const name = await this.readName(file, entry.name);
      if (name === null) throw new FileBroken(entry.name);
      if (this.layout.version === 2 && packPaths.includes(name)) paths.push(...(await this.pack(name)).keys());
      else paths.push(name);
    }
    return paths;
  }

  /** Reads just the sealed name at the start of a file (layout 2 frames have none: null). */
  private async readName(file: string, storedName: string): Promise<string | null> {
    const handle = await openForReading(file);
    try {
      const head = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const frame = head.subarray(0, 4).equals(Buffer.from('DLF1')) ? 8 : 0;
      return openName(this.keyring.contentKey, storedName, head.subarray(frame, bytesRead));
    } catch (error) {
      if (error instanceof SealBroken) return null;
      throw error;
    } finally {
      await handle.close();
    }
  }
}
