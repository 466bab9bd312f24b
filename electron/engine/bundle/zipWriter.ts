/**
 * The ZIP writer of bundles: entries in, the bytes of the ZIP file out, in
 * order and in constant memory, each entry read once. It lays a ZIP out
 * exactly as archiver 8 (zip-stream, compress-commons) lays out streamed
 * entries, byte for byte (zipWriter.test.ts compares the two), so bundles
 * keep their format. It exists because archiver checksums with a pure
 * JavaScript CRC-32 (about 0.6 s of the main thread per GiB exported here)
 * while Node's zlib.crc32 is native, and because an export that pulls its
 * entries one by one needs no races between streams to notice a failure.
 * It never touches the disk, and never changes a byte of an entry.
 *
 * Layout of each entry (APPNOTE 4.3): local header with the data-descriptor
 * flag and zero CRC and sizes, the data (stored, or raw deflate), then a data
 * descriptor with the CRC and sizes (8-byte sizes when either passes 4 GiB).
 * Then the central directory (a ZIP64 extra field for an entry that needs
 * one), a ZIP64 end record and locator when the archive needs them, and the
 * end record.
 */
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw, crc32 } from 'node:zlib';

export interface ZipEntry {
  /** The entry's full path inside the ZIP, with forward slashes. */
  name: string;
  /** Stored as is (already compressed media) rather than deflated. */
  store: boolean;
  date: Date;
  /** The entry's bytes; they are read once, in order, and never changed. */
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/** zlib level of deflated entries, as the exporter has always used. */
const deflateLevel = 6;

const signature = { localHeader: 0x04034b50, dataDescriptor: 0x08074b50, centralHeader: 0x02014b50, end: 0x06054b50, zip64End: 0x06064b50, zip64Locator: 0x07064b50 };
const method = { stored: 0, deflated: 8 };
const flags = { dataDescriptor: 1 << 3, utf8Names: 1 << 11 };
const version = { dataDescriptor: 20, zip64: 45, madeBy: 45 };
const unixPlatform = 3;
/** A regular file, rw-r--r--, in the high half; the DOS archive bit in the low half. */
const externalAttributes = ((0o100644 << 16) | 0x20) >>> 0;
const max32 = 0xffffffff;
const max16 = 0xffff;

interface Written {
  name: Buffer;
  flags: number;
  method: number;
  time: number;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
}

/**
 * The bytes of a ZIP file holding `entries`, in order. An entry's source is
 * read only when the entry before it is written whole, so a source may
 * depend on what came before (a manifest of the hashes of earlier entries).
 */
export async function* zipBytes(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const written: Written[] = [];
  let offset = 0;
  const emit = (bytes: Uint8Array) => {
    offset += bytes.length;
    return bytes;
  };

  for await (const entry of entries) {
    const name = Buffer.from(entry.name);
    const start: Written = {
      name,
      // A name that is not plain ASCII is marked as UTF-8.
      flags: flags.dataDescriptor | (name.length !== entry.name.length ? flags.utf8Names : 0),
      method: entry.store ? method.stored : method.deflated,
      time: dosTime(entry.date),
      crc: 0,
      size: 0,
      compressedSize: 0,
      offset,
    };
    yield emit(localHeader(start));
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    async function* counted() {
      for await (const piece of entry.source) {
        crc = crc32(piece, crc);
        size += piece.length;
        yield piece;
      }
    }
    for await (const piece of entry.store ? counted() : deflated(counted())) {
      compressedSize += piece.length;
      yield emit(piece);
    }
    const done = { ...start, crc, size, compressedSize };
    written.push(done);
    yield emit(dataDescriptor(done));
  }

  const centralOffset = offset;
  for (const entry of written) yield emit(centralHeader(entry));
  const centralLength = offset - centralOffset;
  const zip64 = written.length > max16 || centralLength > max32 || centralOffset > max32;
  if (zip64) yield emit(zip64End(written.length, centralLength, centralOffset));
  yield emit(endOfCentralDirectory(zip64 ? max16 : written.length, zip64 ? max32 : centralLength, zip64 ? max32 : centralOffset));
}

/** Raw deflate of a stream of pieces, as zlib's stream gives it. */
async function* deflated(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const deflate = createDeflateRaw({ level: deflateLevel });
  const feeding = pipeline(source, deflate);
  // A failed source destroys the stream, so the loop below throws that failure.
  feeding.catch(() => {});
  yield* deflate;
  await feeding;
}

const isZip64Entry = (entry: Written) => entry.size > max32 || entry.compressedSize > max32;

function localHeader(entry: Written): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(signature.localHeader, 0);
  header.writeUInt16LE(version.dataDescriptor, 4);
  header.writeUInt16LE(entry.flags, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt32LE(entry.time, 10);
  // CRC and sizes (14–25) are zero: they follow the data, in its descriptor.
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, entry.name]);
}

function dataDescriptor(entry: Written): Buffer {
  if (isZip64Entry(entry)) {
    const descriptor = Buffer.alloc(24);
    descriptor.writeUInt32LE(signature.dataDescriptor, 0);
    descriptor.writeUInt32LE(entry.crc, 4);
    descriptor.writeBigUInt64LE(BigInt(entry.compressedSize), 8);
    descriptor.writeBigUInt64LE(BigInt(entry.size), 16);
    return descriptor;
  }
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(signature.dataDescriptor, 0);
  descriptor.writeUInt32LE(entry.crc, 4);
  descriptor.writeUInt32LE(entry.compressedSize, 8);
  descriptor.writeUInt32LE(entry.size, 12);
  return descriptor;
}

function centralHeader(entry: Written): Buffer {
  const zip64 = isZip64Entry(entry) || entry.offset > max32;
  let extra = Buffer.alloc(0);
  if (zip64) {
    extra = Buffer.alloc(28);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(entry.size), 4);
    extra.writeBigUInt64LE(BigInt(entry.compressedSize), 12);
    extra.writeBigUInt64LE(BigInt(entry.offset), 20);
  }
  const header = Buffer.alloc(46);
  header.writeUInt32LE(signature.centralHeader, 0);
  header.writeUInt16LE((unixPlatform << 8) | version.madeBy, 4);
  header.writeUInt16LE(zip64 ? version.zip64 : version.dataDescriptor, 6);
  header.writeUInt16LE(entry.flags, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt32LE(entry.time, 12);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(zip64 ? max32 : entry.compressedSize, 20);
  header.writeUInt32LE(zip64 ? max32 : entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt16LE(extra.length, 30);
  // Comment length, disk number and internal attributes (32–37) are zero.
  header.writeUInt32LE(externalAttributes, 38);
  header.writeUInt32LE(zip64 ? max32 : entry.offset, 42);
  return Buffer.concat([header, entry.name, extra]);
}

/** The ZIP64 end of central directory record and its locator. */
function zip64End(entries: number, centralLength: number, centralOffset: number): Buffer {
  const record = Buffer.alloc(56 + 20);
  record.writeUInt32LE(signature.zip64End, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(version.zip64, 12);
  record.writeUInt16LE(version.zip64, 14);
  // Disk numbers (16–23) are zero.
  record.writeBigUInt64LE(BigInt(entries), 24);
  record.writeBigUInt64LE(BigInt(entries), 32);
  record.writeBigUInt64LE(BigInt(centralLength), 40);
  record.writeBigUInt64LE(BigInt(centralOffset), 48);
  record.writeUInt32LE(signature.zip64Locator, 56);
  record.writeBigUInt64LE(BigInt(centralOffset + centralLength), 64);
  record.writeUInt32LE(1, 72);
  return record;
}

function endOfCentralDirectory(entries: number, centralLength: number, centralOffset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(signature.end, 0);
  record.writeUInt16LE(entries, 8);
  record.writeUInt16LE(entries, 10);
  record.writeUInt32LE(centralLength, 12);
  record.writeUInt32LE(centralOffset, 16);
  return record;
}

/** MS-DOS date and time, in UTC, clamped to the years DOS can hold. */
function dosTime(date: Date): number {
  const year = date.getUTCFullYear();
  if (year < 1980) return 0x00210000; // 1980-01-01 00:00:00
  if (year >= 2044) return 0x7f9fbf7d; // 2043-12-31 23:59:58
  return (
    (((year - 1980) << 25) |
      ((date.getUTCMonth() + 1) << 21) |
      (date.getUTCDate() << 16) |
      (date.getUTCHours() << 11) |
      (date.getUTCMinutes() << 5) |
      (date.getUTCSeconds() >> 1)) >>>
    0
  );
}
