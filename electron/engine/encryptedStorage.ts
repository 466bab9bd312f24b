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
import { access, readdir, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { openForReading, quieten, removeDurable, writeFileAtomic, writeFilesAtomic, writeStreamAtomic, type FileToWrite } from './atomicFile';
import type { Keyring } from './crypto/keyring';
import { SealBroken, openBuffer, openName, sealBuffer, sealStream } from './crypto/sealedFile';
import { custodyFile } from './custodyLog';
import { EngineError, fromFsError } from './errors';
import { decodePack, encodePack, packMinimum, packOf, packOfFolder, packPaths, type Pack } from './sealedPacks';
import { SealedLogs } from './sealedLogs';
import { readSealedRange } from './sealedRange';
import { FileBroken, UnitBroken, type Storage } from './storage';

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

/**
 * Files that grow with use (trusted signers, received bundles, proofs of time, unsaved drafts): padded like a
 * pack, so that their size does not count what they list.
 */
const growsWithUse = new Set(['trusted.json', 'received.json', 'anchors.json', 'drafts.json']);

export class EncryptedStorage implements Storage {
  readonly encrypted = true;
  private readonly packs = new Map<string, Promise<OpenedPack>>();
  private readonly logs: SealedLogs;
  /** Writes of packs, one after the other: each reads its pack, changes it and writes it whole. */
  private packWrites: Promise<unknown> = Promise.resolve();

  constructor(
    readonly root: string,
    private readonly keyring: Keyring,
    readonly layout: SealedLayoutOptions,
  ) {
    this.logs = new SealedLogs(keyring.contentKey, layout.version);
  }

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

  appendUnit(path: string, unit: Uint8Array): Promise<void> {
    return this.appendUnits(path, [unit]);
  }

  async appendUnits(path: string, units: Uint8Array[]): Promise<void> {
    const log = { path, ...this.locate(path) };
    try {
      await this.logs.append(log, units, async () => (await this.readRaw(path, log.file)) ?? Buffer.alloc(0));
      await this.quieten([log.file]);
    } catch (error) {
      if (error instanceof EngineError) throw error;
      throw fromFsError(error, path);
    }
  }

  /** Layout 2: whether reading this append-only file stopped at a frame that fails authentication (sealedFrames.ts). */
  stoppedEarly(path: string): boolean {
    return this.logs.stoppedEarly(path);
  }

  /** Layout 2: refuses (archiveInUse) when another program appended to this log since; called before every write. */
  assertLogUnchanged(path: string): Promise<void> {
    return this.logs.assertUnchanged({ path, ...this.locate(path) });
  }

  async remove(path: string): Promise<void> {
    try {
      this.logs.forget(path);
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
    const log = { path, ...this.locate(path) };
    try {
      await this.logs.write(log, units);
      await this.quieten([log.file]);
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async readUnits(path: string, options: { leaveTorn?: boolean } = {}): Promise<Uint8Array[]> {
    const log = { path, ...this.locate(path) };
    const bytes = (await this.readRaw(path, log.file)) ?? Buffer.alloc(0);
    try {
      return await this.logs.open(log, bytes, options.leaveTorn ?? false);
    } catch (error) {
      if (error instanceof UnitBroken) throw error;
      throw fromFsError(error, path);
    }
  }

  readStored(path: string): Promise<Uint8Array | null> {
    return this.readRaw(path, this.locate(path).file);
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
    try {
      yield* readSealedRange(handle, this.keyring.contentKey, storedName, path, start, end);
    } catch (error) {
      if (error instanceof FileBroken) throw error;
      if (error instanceof SealBroken) throw new FileBroken(path);
      throw fromFsError(error, path);
    } finally {
      await handle.close();
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
