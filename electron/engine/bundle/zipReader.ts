/**
 * Reads an untrusted ZIP for the verifier with yauzl: the central directory
 * with every structural check a hostile archive calls for (encryption,
 * links and other non-regular entries, sizes and compression ratios, local
 * headers that disagree with the directory, entries that overlap), then each
 * entry's bytes as a stream, checked against its declared size and CRC-32
 * (yauzl checks neither CRC nor, alone, a stored entry's length). Never
 * writes anything; every problem is a `VerifyFailure` naming the entry.
 */
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { bundleLimits, type ZipLimits } from './limits';
import { VerifyFailure } from './verifyFailure';
import { zipSource, type ZipBytes } from './zipSource';

export type { ZipLimits } from './limits';
export type { ZipBytes } from './zipSource';
export const defaultZipLimits: ZipLimits = bundleLimits;

/** One central directory entry, its name not yet judged (see zipPaths.ts). */
export interface ZipItem {
  /** The name decoded as UTF-8, lossily: for messages until `checkPaths` has vetted it. */
  name: string;
  rawName: Buffer;
  /** General purpose bit 11: the name is UTF-8. */
  utf8: boolean;
  /** The Info-ZIP Unicode Path extra field (0x7075), which `unzip` prefers to the name. */
  unicodePath: Buffer | null;
  directory: boolean;
  /** Declared uncompressed size. */
  size: number;
  entry: Entry;
}

const fileTypeMask = 0o170000;
const regularFile = 0o100000;
const directoryType = 0o040000;
const dosDirectoryBit = 0x10;
const encryptedBit = 0x1;
const utf8Bit = 0x800;
const unicodePathId = 0x7075;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function openZip(source: string | ZipBytes): Promise<ZipFile> {
  // SECURITY: decodeStrings off so that we judge the raw name bytes ourselves (yauzl would turn
  // backslashes into slashes without strictFileNames, and reports unsafe names only as plain errors).
  const options = { autoClose: false, lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: true };
  let opened: Awaited<ReturnType<typeof zipSource>> | undefined;
  try {
    opened = await zipSource(source);
    const zip = await yauzl.fromRandomAccessReaderPromise(opened.reader, opened.size, options);
    // Failures reach us through the calls that read; a late 'error' (closing the file) must not crash the process.
    zip.on('error', () => {});
    return zip;
  } catch (error) {
    opened?.reader.close(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    if (code && ['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EMFILE'].includes(code)) {
      throw new VerifyFailure('fileUnreadable', undefined, { code });
    }
    throw new VerifyFailure('zipDamaged', undefined, { message: message(error) });
  }
}

function describe(entry: Entry): ZipItem {
  const rawName = entry.fileName as unknown as Buffer;
  const unicodePath = entry.extraFields.find((field) => field.id === unicodePathId)?.data ?? null;
  const name = rawName.toString('utf8');
  return {
    name,
    rawName,
    utf8: (entry.generalPurposeBitFlag & utf8Bit) !== 0,
    unicodePath,
    directory: name.endsWith('/'),
    size: entry.uncompressedSize,
    entry,
  };
}

function checkEntry(item: ZipItem, limits: ZipLimits): void {
  const { entry, name } = item;
  if (entry.isEncrypted()) throw new VerifyFailure('encryptedEntry', name);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new VerifyFailure('unsupportedCompression', name, { method: entry.compressionMethod });
  }
  // SECURITY: a symlink, device or FIFO is never evidence; Unix tools would create it on extraction.
  const type = (entry.externalFileAttributes >>> 16) & fileTypeMask;
  if (type !== 0 && type !== regularFile && type !== directoryType) throw new VerifyFailure('notRegularFile', name, { mode: type.toString(8) });
  const marksDirectory = type === directoryType || (entry.externalFileAttributes & dosDirectoryBit) !== 0;
  // A folder holds nothing; some writers deflate its emptiness into 2 bytes, which is all it may take.
  const holdsData = entry.uncompressedSize > 0 || entry.compressedSize > 2;
  if (item.directory ? type === regularFile || holdsData : marksDirectory) {
    throw new VerifyFailure('notRegularFile', name, { mode: type.toString(8) });
  }
  // SECURITY: a ZIP bomb is refused from its declared sizes, before a byte is inflated.
  if (entry.uncompressedSize > limits.maxTotalBytes) throw new VerifyFailure('tooLarge', name, { declared: entry.uncompressedSize, limit: limits.maxTotalBytes });
  if (isBomb(entry.uncompressedSize, entry.compressedSize, limits)) {
    throw new VerifyFailure('zipBomb', name, { declared: entry.uncompressedSize, compressed: entry.compressedSize, maxRatio: limits.maxRatio });
  }
}

const isBomb = (uncompressed: number, compressed: number, limits: ZipLimits) =>
  uncompressed > limits.ratioCheckAbove && uncompressed > limits.maxRatio * compressed;

/** A name, shortened for a report: a hostile one can be 64 KiB. */
const shown = (name: string) => (name.length > 200 ? `${name.slice(0, 200)}…` : name);

/** yauzl's own directory errors, by their text (it has no codes); the entry is known only by its position. */
function directoryError(error: unknown, position: number): VerifyFailure {
  const text = message(error);
  const file = `#${position}`;
  if (/strong encryption/.test(text)) return new VerifyFailure('encryptedEntry', file, { message: text });
  const stored = /size mismatch for stored file: (\d+) != (\d+)/.exec(text);
  // A stored entry whose data is longer than its declared size: more bytes than it admits to.
  if (stored && Number(stored[1]) > Number(stored[2])) return new VerifyFailure('zipBomb', file, { message: text });
  return new VerifyFailure('zipDamaged', stored ? file : undefined, { message: text });
}

/** Reads and checks the central directory, and tells where it starts; nothing is decompressed. */
export async function readDirectory(zip: ZipFile, limits: ZipLimits): Promise<{ items: ZipItem[]; directoryStart: number }> {
  if (zip.entryCount > limits.maxEntries) throw new VerifyFailure('tooLarge', undefined, { entries: zip.entryCount, limit: limits.maxEntries });
  // Before the first entry is read, yauzl's cursor is the central directory's offset (a number; the typings say boolean).
  const directoryStart = Number(zip.readEntryCursor);
  const items: ZipItem[] = [];
  let total = 0;
  let compressed = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      // SECURITY: each entry's name, extra field and comment are held until the check ends.
      const header = entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength;
      if (header > limits.maxEntryHeaderBytes) {
        const name = shown((entry.fileName as unknown as Buffer).toString('utf8'));
        throw new VerifyFailure('tooLarge', name, { problem: 'entryHeader', declared: header, limit: limits.maxEntryHeaderBytes });
      }
      const item = describe(entry);
      checkEntry(item, limits);
      total += item.size;
      compressed += entry.compressedSize;
      if (total > limits.maxTotalBytes) throw new VerifyFailure('tooLarge', undefined, { declared: total, limit: limits.maxTotalBytes });
      // SECURITY: many entries each just under the ratio check are one bomb together.
      if (isBomb(total, compressed, limits)) throw new VerifyFailure('zipBomb', item.name, { declared: total, compressed, maxRatio: limits.maxRatio });
      items.push(item);
    }
  } catch (error) {
    if (error instanceof VerifyFailure) throw error;
    throw directoryError(error, items.length + 1);
  }
  return { items, directoryStart };
}

/** The lengths a data descriptor (general purpose bit 3) may have: with or without its signature, ZIP64 or not. */
const descriptorLengths = [12, 16, 20, 24];
const dataDescriptorBit = 0x8;

/**
 * Reads every entry's local header: it must name the same bytes with the same method and
 * encryption as the directory (tools that read local headers would otherwise see another
 * archive). The entries must then tile the file from its first byte to the central directory:
 * no two share bytes (the overlapping-entries bomb) and nothing hides between them.
 */
export async function checkLocalHeaders(zip: ZipFile, items: readonly ZipItem[], directoryStart: number, signal?: AbortSignal): Promise<void> {
  const spans: { start: number; end: number; descriptor: boolean; name: string }[] = [];
  for (const item of items) {
    if (signal?.aborted) throw new VerifyFailure('cancelled');
    const { entry } = item;
    let header;
    try {
      header = await zip.readLocalFileHeaderPromise(entry);
    } catch (error) {
      throw new VerifyFailure('zipDamaged', item.name, { message: message(error) });
    }
    if (
      !header.fileName.equals(item.rawName) ||
      header.compressionMethod !== entry.compressionMethod ||
      (header.generalPurposeBitFlag & encryptedBit) !== (entry.generalPurposeBitFlag & encryptedBit)
    ) {
      throw new VerifyFailure('zipDamaged', item.name, { problem: 'localHeaderMismatch' });
    }
    spans.push({
      start: entry.relativeOffsetOfLocalHeader,
      end: header.fileDataStart + entry.compressedSize,
      descriptor: (entry.generalPurposeBitFlag & dataDescriptorBit) !== 0,
      name: item.name,
    });
  }
  spans.sort((a, b) => a.start - b.start);
  // The central directory closes the tiling, as an entry of its own that starts there.
  spans.push({ start: directoryStart, end: directoryStart, descriptor: false, name: '' });
  let previous: (typeof spans)[number] | undefined;
  for (const span of spans) {
    const gap = span.start - (previous ? previous.end : 0);
    const file = span.name || undefined;
    if (gap < 0) throw new VerifyFailure('zipDamaged', file, { problem: 'overlappingEntries' });
    if (gap > 0 && !(previous?.descriptor && descriptorLengths.includes(gap))) throw new VerifyFailure('zipDamaged', file, { problem: 'hiddenBytes' });
    previous = span;
  }
}

function streamError(error: unknown, name: string): VerifyFailure {
  if (error instanceof VerifyFailure) return error;
  const text = message(error);
  // SECURITY: yauzl's validateEntrySizes stops an entry that inflates past its declared size.
  if (/too many bytes/.test(text)) return new VerifyFailure('zipBomb', name, { message: text });
  return new VerifyFailure('zipDamaged', name, { message: text });
}

/** An entry's bytes, in constant memory; throws when they are cut short, too many, or fail their CRC-32. */
export async function* entryBytes(zip: ZipFile, item: ZipItem, signal?: AbortSignal): AsyncGenerator<Buffer> {
  let stream;
  try {
    stream = await zip.openReadStreamPromise(item.entry);
  } catch (error) {
    throw streamError(error, item.name);
  }
  let size = 0;
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw new VerifyFailure('cancelled');
      size += chunk.length;
      if (size > item.size) throw new VerifyFailure('zipBomb', item.name, { declared: item.size });
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    throw streamError(error, item.name);
  } finally {
    stream.destroy();
  }
  if (size !== item.size) throw new VerifyFailure('zipDamaged', item.name, { declared: item.size, actual: size });
  if (crc !== item.entry.crc32) throw new VerifyFailure('zipDamaged', item.name, { problem: 'crc32' });
}
