/**
 * Reads an untrusted ZIP from a File in the browser, for the verifier page:
 * its end as the engine reads it (shared/verify/zipEnd.ts), the central
 * directory (ZIP64 too), each entry judged by the same checks
 * as `dalel verify` (shared/verify/zipEntries.ts) before anything is
 * inflated, the local headers against the directory and their tiling, then
 * each entry's bytes as a stream (DecompressionStream), held to its declared
 * size and CRC-32. Reads slices of the file, never the whole of it; every
 * problem is a `VerifyFailure` naming the entry, as the engine's reader
 * (electron/engine/bundle/zipReader.ts) names it.
 */
import type { StopSignal } from '../../shared/verify/bagVerification';
import type { ZipLimits } from '../../shared/verify/limits';
import { VerifyFailure } from '../../shared/verify/verifyFailure';
import { readZipEnd } from '../../shared/verify/zipEnd';
import {
  checkEntry,
  checkEntryCount,
  checkEntryHeader,
  checkLocalHeader,
  checkTiling,
  dataDescriptorBit,
  DirectoryTotals,
  encryptedBit,
  strongEncryptionBit,
  unicodePathId,
  utf8Bit,
  type EntrySpan,
  type ZipEntryFacts,
  type ZipName,
} from '../../shared/verify/zipEntries';
import { crc32 } from './crc32';

export interface ZipItem extends ZipName {
  facts: ZipEntryFacts;
  flags: number;
  crc32: number;
  localHeaderOffset: number;
}

const signatures = { central: 0x02014b50, local: 0x04034b50 };
const lossy = new TextDecoder('utf-8');
const damaged = (detail: Record<string, string | number>, file?: string) => new VerifyFailure('zipDamaged', file, detail);

/** Slices of the file, read through a window so that 100,000 small reads are not 100,000 file reads. */
class FileWindow {
  private start = 0;
  private bytes = new Uint8Array(0);
  constructor(readonly file: Blob) {}

  async read(at: number, length: number): Promise<Uint8Array> {
    if (at < 0 || at + length > this.file.size) throw damaged({ problem: 'truncated' });
    if (at < this.start || at + length > this.start + this.bytes.length) {
      this.start = at;
      this.bytes = new Uint8Array(await this.file.slice(at, Math.min(this.file.size, at + Math.max(length, 1 << 20))).arrayBuffer());
    }
    return this.bytes.subarray(at - this.start, at - this.start + length);
  }
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const u64 = (data: DataView, at: number) => {
  const value = data.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged({ problem: 'zip64Size' });
  return Number(value);
};

export class ZipFile {
  private readonly window: FileWindow;
  directoryStart = 0;
  private directoryEnd = 0;
  private entryCount = 0;

  private constructor(readonly file: Blob) {
    this.window = new FileWindow(file);
  }

  static async open(file: Blob): Promise<ZipFile> {
    const zip = new ZipFile(file);
    const end = await readZipEnd(file.size, (at, length) => zip.window.read(at, length).then((bytes) => bytes.slice()));
    Object.assign(zip, end);
    return zip;
  }

  /** Reads and checks the central directory; nothing is decompressed. */
  async readDirectory(limits: ZipLimits): Promise<ZipItem[]> {
    checkEntryCount(this.entryCount, limits);
    const items: ZipItem[] = [];
    const totals = new DirectoryTotals(limits);
    let at = this.directoryStart;
    for (let index = 0; index < this.entryCount; index++) {
      const fixed = view(await this.window.read(at, 46));
      if (fixed.getUint32(0, true) !== signatures.central) throw damaged({ problem: 'centralDirectory' });
      const [nameLength, extraLength, commentLength] = [fixed.getUint16(28, true), fixed.getUint16(30, true), fixed.getUint16(32, true)];
      const headerBytes = nameLength + extraLength + commentLength;
      const rawName = (await this.window.read(at + 46, nameLength)).slice();
      checkEntryHeader(lossy.decode(rawName), { headerBytes }, limits);
      const extra = (await this.window.read(at + 46 + nameLength, extraLength)).slice();
      const item = this.describe(fixed, rawName, extra, index + 1);
      checkEntry(item, item.facts, limits);
      totals.add(item.name, item.facts);
      items.push(item);
      at += 46 + headerBytes;
    }
    // SECURITY: the directory ends where the end records begin: nothing hides between them.
    if (at !== this.directoryEnd) throw damaged({ problem: 'hiddenBytes' });
    return items;
  }

  private describe(fixed: DataView, rawName: Uint8Array, extra: Uint8Array, position: number): ZipItem {
    const flags = fixed.getUint16(8, true);
    let compressedSize = fixed.getUint32(20, true);
    let uncompressedSize = fixed.getUint32(24, true);
    let localHeaderOffset = fixed.getUint32(42, true);
    let unicodePath: Uint8Array | null = null;
    let zip64Read = false;
    const fields = view(extra);
    for (let at = 0; at + 4 <= extra.length; ) {
      const [id, length] = [fields.getUint16(at, true), fields.getUint16(at + 2, true)];
      const body = at + 4;
      if (body + length > extra.length) throw damaged({ problem: 'extraField' }, `#${position}`);
      if (id === unicodePathId && unicodePath === null) unicodePath = extra.slice(body, body + length);
      // The first of each, as yauzl and unzip read them.
      if (id === 0x0001 && !zip64Read) {
        zip64Read = true;
        // ZIP64: the 64-bit values of the fields that read 0xffffffff, in this order.
        let next = body;
        const take = () => {
          if (next + 8 > body + length) throw damaged({ problem: 'zip64Extra' }, `#${position}`);
          const value = u64(fields, next);
          next += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      at = body + length;
    }
    const name = lossy.decode(rawName);
    const compressionMethod = fixed.getUint16(10, true);
    // As yauzl refuses it: a stored entry whose two sizes differ.
    if (compressionMethod === 0 && compressedSize !== uncompressedSize && !(flags & encryptedBit)) {
      throw new VerifyFailure(compressedSize > uncompressedSize ? 'zipBomb' : 'zipDamaged', `#${position}`, { problem: 'storedSizeMismatch' });
    }
    return {
      name,
      rawName,
      utf8: (flags & utf8Bit) !== 0,
      unicodePath,
      directory: name.endsWith('/'),
      size: uncompressedSize,
      flags,
      crc32: fixed.getUint32(16, true),
      localHeaderOffset,
      facts: {
        encrypted: (flags & (encryptedBit | strongEncryptionBit)) !== 0,
        compressionMethod,
        externalFileAttributes: fixed.getUint32(38, true),
        compressedSize,
        uncompressedSize,
        headerBytes: rawName.length + extra.length,
      },
    };
  }

  private async dataStart(item: ZipItem): Promise<number> {
    const header = view(await this.window.read(item.localHeaderOffset, 30).catch(() => Promise.reject(damaged({ problem: 'localHeader' }, item.name))));
    if (header.getUint32(0, true) !== signatures.local) throw damaged({ problem: 'localHeader' }, item.name);
    const [nameLength, extraLength] = [header.getUint16(26, true), header.getUint16(28, true)];
    const rawName = (await this.window.read(item.localHeaderOffset + 30, nameLength)).slice();
    const central = { rawName: item.rawName, flags: item.flags, compressionMethod: item.facts.compressionMethod, crc32: item.crc32, compressedSize: item.facts.compressedSize, uncompressedSize: item.size };
    const local = {
      rawName,
      flags: header.getUint16(6, true),
      compressionMethod: header.getUint16(8, true),
      crc32: header.getUint32(14, true),
      compressedSize: header.getUint32(18, true),
      uncompressedSize: header.getUint32(22, true),
    };
    checkLocalHeader(item.name, central, local);
    return item.localHeaderOffset + 30 + nameLength + extraLength;
  }

  /** Every local header names the same entry as the directory, and the entries tile the file. */
  async checkLocalHeaders(items: readonly ZipItem[], signal?: StopSignal): Promise<void> {
    const spans: EntrySpan[] = [];
    for (const item of items) {
      if (signal?.aborted) throw new VerifyFailure('cancelled');
      const start = await this.dataStart(item);
      spans.push({
        start: item.localHeaderOffset,
        end: start + item.facts.compressedSize,
        descriptor: (item.flags & dataDescriptorBit) !== 0,
        name: item.name,
        crc32: item.crc32,
        compressedSize: item.facts.compressedSize,
        uncompressedSize: item.size,
      });
    }
    await checkTiling(spans, this.directoryStart, (at, length) => this.window.read(at, length).then((bytes) => bytes.slice()));
  }

  /** An entry's bytes, inflated as they are read; throws when they are cut short, too many, or fail their CRC-32. */
  async *entryBytes(item: ZipItem, signal?: StopSignal): AsyncGenerator<Uint8Array> {
    const start = await this.dataStart(item);
    if (start + item.facts.compressedSize > this.file.size) throw damaged({ problem: 'truncated' }, item.name);
    let stream = this.file.slice(start, start + item.facts.compressedSize).stream() as ReadableStream<Uint8Array>;
    if (item.facts.compressionMethod === 8) stream = stream.pipeThrough(new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>);
    const reader = stream.getReader();
    let size = 0;
    let crc = 0;
    try {
      for (;;) {
        if (signal?.aborted) throw new VerifyFailure('cancelled');
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          throw damaged({ message: error instanceof Error ? error.message : String(error) }, item.name);
        }
        if (chunk.done) break;
        size += chunk.value.length;
        if (size > item.size) throw new VerifyFailure('zipBomb', item.name, { declared: item.size });
        crc = crc32(chunk.value, crc);
        yield chunk.value;
      }
    } finally {
      reader.cancel().catch(() => {});
    }
    if (size !== item.size) throw damaged({ declared: item.size, actual: size }, item.name);
    if (crc !== item.crc32) throw damaged({ problem: 'crc32' }, item.name);
  }
}
