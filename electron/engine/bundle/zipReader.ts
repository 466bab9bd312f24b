/**
 * Reads an untrusted ZIP for the verifier with yauzl: the central directory
 * with every structural check a hostile archive calls for (encryption,
 * links and other non-regular entries, sizes and compression ratios, local
 * headers that disagree with the directory, entries that overlap; the checks
 * themselves in shared/verify/zipEntries.ts, shared with the verifier page), then each
 * entry's bytes as a stream, checked against its declared size and CRC-32
 * (yauzl checks neither CRC nor, alone, a stored entry's length). Never
 * writes anything; every problem is a `VerifyFailure` naming the entry.
 */
import { createInflateRaw, crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { bundleLimits, type ZipLimits } from '../../../shared/verify/limits';
import {
  checkEntry,
  checkEntryCount,
  checkEntryHeader,
  checkLocalHeader,
  checkTiling,
  dataDescriptorBit,
  DirectoryTotals,
  strongEncryptionBit,
  unicodePathId,
  utf8Bit,
  type EntrySpan,
  type ZipEntryFacts,
  type ZipName,
} from '../../../shared/verify/zipEntries';
import { readZipEnd, type ZipEnd } from '../../../shared/verify/zipEnd';
import { VerifyFailure } from '../../../shared/verify/verifyFailure';
import { zipSource, type ZipBytes } from './zipSource';

export type { ZipLimits } from '../../../shared/verify/limits';
export type { ZipBytes } from './zipSource';
export const defaultZipLimits: ZipLimits = bundleLimits;

/** One central directory entry, its name not yet judged (see shared/verify/zipPaths.ts). */
export interface ZipItem extends ZipName {
  rawName: Buffer;
  entry: Entry;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reads `length` bytes at `at` through yauzl's reader. */
function readAt(reader: yauzl.RandomAccessReader, at: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(length);
  // WindowedReader (zipSource.ts) gives the count read; yauzl's typings know only the error.
  const read = reader.read.bind(reader) as unknown as (buffer: Buffer, offset: number, length: number, position: number, done: (error: Error | null, count?: number) => void) => void;
  return new Promise((resolve, reject) =>
    read(buffer, 0, length, at, (error, count) => (error ? reject(error) : count !== length ? reject(new Error('unexpected end of file')) : resolve(buffer))),
  );
}

/** An open ZIP and its end, read as shared/verify/zipEnd.ts reads it, which yauzl must agree with. */
export interface OpenZip {
  zip: ZipFile;
  end: ZipEnd;
  /** The file's bytes at a place, for what yauzl does not read (data descriptors). */
  read(at: number, length: number): Promise<Uint8Array>;
}

export async function openZip(source: string | ZipBytes): Promise<OpenZip> {
  // SECURITY: decodeStrings off so that we judge the raw name bytes ourselves (yauzl would turn
  // backslashes into slashes without strictFileNames, and reports unsafe names only as plain errors).
  const options = { autoClose: false, lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: true };
  let opened: Awaited<ReturnType<typeof zipSource>> | undefined;
  try {
    opened = await zipSource(source);
    const { reader, size } = opened;
    const end = await readZipEnd(size, (at, length) => readAt(reader, at, length));
    const zip = await yauzl.fromRandomAccessReaderPromise(reader, size, options);
    // Failures reach us through the calls that read; a late 'error' (closing the file) must not crash the process.
    zip.on('error', () => {});
    // Before the first entry is read, yauzl's cursor is the central directory's offset (a number; the typings say boolean).
    // Refused here, the file is closed once, below (closing the ZipFile too would close its descriptor twice).
    if (zip.entryCount !== end.entryCount || Number(zip.readEntryCursor) !== end.directoryStart) throw new VerifyFailure('zipDamaged', undefined, { problem: 'zip64Disagrees' });
    return { zip, end, read: (at, length) => readAt(reader, at, length) };
  } catch (error) {
    opened?.reader.close(() => {});
    if (error instanceof VerifyFailure) throw error;
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

const facts = (entry: Entry): ZipEntryFacts => ({
  encrypted: entry.isEncrypted() || (entry.generalPurposeBitFlag & strongEncryptionBit) !== 0,
  compressionMethod: entry.compressionMethod,
  externalFileAttributes: entry.externalFileAttributes,
  compressedSize: entry.compressedSize,
  uncompressedSize: entry.uncompressedSize,
  headerBytes: entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength,
});

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

/** Reads and checks the central directory, which must end where the end records begin; nothing is decompressed. */
export async function readDirectory({ zip, end }: OpenZip, limits: ZipLimits): Promise<{ items: ZipItem[]; directoryStart: number }> {
  checkEntryCount(zip.entryCount, limits);
  const directoryStart = end.directoryStart;
  const items: ZipItem[] = [];
  const totals = new DirectoryTotals(limits);
  try {
    for await (const entry of zip.eachEntry()) {
      checkEntryHeader((entry.fileName as unknown as Buffer).toString('utf8'), facts(entry), limits);
      const item = describe(entry);
      checkEntry(item, facts(entry), limits);
      totals.add(item.name, entry);
      items.push(item);
    }
  } catch (error) {
    if (error instanceof VerifyFailure) throw error;
    throw directoryError(error, items.length + 1);
  }
  if (Number(zip.readEntryCursor) !== end.directoryEnd) throw new VerifyFailure('zipDamaged', undefined, { problem: 'hiddenBytes' });
  return { items, directoryStart };
}

/**
 * Reads every entry's local header: it must name the same bytes with the same method and
 * encryption as the directory (tools that read local headers would otherwise see another
 * archive). The entries must then tile the file from its first byte to the central directory:
 * no two share bytes (the overlapping-entries bomb) and nothing hides between them.
 */
export async function checkLocalHeaders({ zip, read }: OpenZip, items: readonly ZipItem[], directoryStart: number, signal?: AbortSignal): Promise<void> {
  const header = (entry: Entry | Awaited<ReturnType<ZipFile['readLocalFileHeaderPromise']>>, rawName: Uint8Array) => ({
    rawName,
    flags: entry.generalPurposeBitFlag,
    compressionMethod: entry.compressionMethod,
    crc32: entry.crc32,
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
  });
  const spans: EntrySpan[] = [];
  for (const item of items) {
    if (signal?.aborted) throw new VerifyFailure('cancelled');
    const { entry } = item;
    let local;
    try {
      local = await zip.readLocalFileHeaderPromise(entry);
    } catch (error) {
      throw new VerifyFailure('zipDamaged', item.name, { message: message(error) });
    }
    checkLocalHeader(item.name, header(entry, item.rawName), header(local, local.fileName));
    spans.push({
      start: entry.relativeOffsetOfLocalHeader,
      end: local.fileDataStart + entry.compressedSize,
      descriptor: (entry.generalPurposeBitFlag & dataDescriptorBit) !== 0,
      name: item.name,
      crc32: entry.crc32,
      compressedSize: entry.compressedSize,
      uncompressedSize: entry.uncompressedSize,
    });
  }
  await checkTiling(spans, directoryStart, read);
}

function streamError(error: unknown, name: string): VerifyFailure {
  if (error instanceof VerifyFailure) return error;
  const text = message(error);
  // SECURITY: yauzl's validateEntrySizes stops an entry that inflates past its declared size.
  if (/too many bytes/.test(text)) return new VerifyFailure('zipBomb', name, { message: text });
  return new VerifyFailure('zipDamaged', name, { message: text });
}

/**
 * An entry's bytes, in constant memory; throws when they are cut short, too
 * many, fail their CRC-32, or when a deflated entry's stream ends before its
 * stored bytes do. SECURITY: zlib stops at the end of a deflate stream and
 * ignores what follows, so bytes hidden after it inside the entry (another
 * archive's entries, say) would pass unseen; the browser's inflater refuses
 * them, and so must this one. So it inflates the stored bytes itself and
 * checks that it used them all.
 */
export async function* entryBytes(zip: ZipFile, item: ZipItem, signal?: AbortSignal): AsyncGenerator<Buffer> {
  const deflated = item.entry.compressionMethod === 8;
  let raw;
  try {
    raw = await zip.openReadStreamPromise(item.entry, { decompress: deflated ? false : null });
  } catch (error) {
    throw streamError(error, item.name);
  }
  const inflater = deflated ? createInflateRaw() : null;
  const stream = inflater ? raw.pipe(inflater) : raw;
  raw.on('error', (error) => inflater?.destroy(error));
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
    raw.destroy();
    stream.destroy();
  }
  if (inflater && inflater.bytesWritten !== item.entry.compressedSize) throw new VerifyFailure('zipDamaged', item.name, { problem: 'bytesAfterDeflate' });
  if (size !== item.size) throw new VerifyFailure('zipDamaged', item.name, { declared: item.size, actual: size });
  if (crc !== item.entry.crc32) throw new VerifyFailure('zipDamaged', item.name, { problem: 'crc32' });
}
