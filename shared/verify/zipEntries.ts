/**
 * The structural checks of an untrusted ZIP's entries, the same for the
 * engine (electron/engine/bundle/zipReader.ts, over yauzl) and the
 * standalone verifier page (verifier/, over its own reader): encryption,
 * links and other non-regular entries, sizes and compression ratios from the
 * declared sizes before a byte is inflated, and local headers that tile the
 * file without overlapping or hiding bytes. Each reader describes an entry
 * in these terms; every problem is a `VerifyFailure` naming it.
 */
import type { ZipLimits } from './limits';
import { VerifyFailure } from './verifyFailure';

/** What the name checks (zipPaths.ts) need of an entry. */
export interface ZipName {
  /** The name decoded as UTF-8, lossily: for messages until `checkPaths` has vetted it. */
  name: string;
  rawName: Uint8Array;
  /** General purpose bit 11: the name is UTF-8. */
  utf8: boolean;
  /** The Info-ZIP Unicode Path extra field (0x7075), which `unzip` prefers to the name. */
  unicodePath: Uint8Array | null;
  directory: boolean;
  /** Declared uncompressed size. */
  size: number;
}

/** An entry of the central directory as both readers see it. */
export interface ZipEntryFacts {
  encrypted: boolean;
  compressionMethod: number;
  externalFileAttributes: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Lengths of its name, extra field and comment together. */
  headerBytes: number;
}

export const utf8Bit = 0x800;
export const encryptedBit = 0x1;
/** General purpose bit 6: "strong encryption", which no bundle uses and some readers would misread. */
export const strongEncryptionBit = 0x40;
export const dataDescriptorBit = 0x8;
export const unicodePathId = 0x7075;
const fileTypeMask = 0o170000;
const regularFile = 0o100000;
const directoryType = 0o040000;
const dosDirectoryBit = 0x10;

/** A name, shortened for a report: a hostile one can be 64 KiB. */
export const shownName = (name: string) => (name.length > 200 ? `${name.slice(0, 200)}…` : name);

export const isBomb = (uncompressed: number, compressed: number, limits: ZipLimits) =>
  uncompressed > limits.ratioCheckAbove && uncompressed > limits.maxRatio * compressed;

export function checkEntryCount(count: number, limits: ZipLimits): void {
  if (count > limits.maxEntries) throw new VerifyFailure('tooLarge', undefined, { entries: count, limit: limits.maxEntries });
}

/** SECURITY: each entry's name, extra field and comment are held until the check ends. */
export function checkEntryHeader(name: string, facts: Pick<ZipEntryFacts, 'headerBytes'>, limits: ZipLimits): void {
  if (facts.headerBytes > limits.maxEntryHeaderBytes) {
    throw new VerifyFailure('tooLarge', shownName(name), { problem: 'entryHeader', declared: facts.headerBytes, limit: limits.maxEntryHeaderBytes });
  }
}

export function checkEntry(item: ZipName, entry: ZipEntryFacts, limits: ZipLimits): void {
  const { name } = item;
  if (entry.encrypted) throw new VerifyFailure('encryptedEntry', name);
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

/** The running totals of the directory: SECURITY: many entries each just under the ratio check are one bomb together. */
export class DirectoryTotals {
  private total = 0;
  private compressed = 0;
  constructor(private readonly limits: ZipLimits) {}

  add(name: string, entry: Pick<ZipEntryFacts, 'uncompressedSize' | 'compressedSize'>): void {
    this.total += entry.uncompressedSize;
    this.compressed += entry.compressedSize;
    if (this.total > this.limits.maxTotalBytes) throw new VerifyFailure('tooLarge', undefined, { declared: this.total, limit: this.limits.maxTotalBytes });
    if (isBomb(this.total, this.compressed, this.limits)) {
      throw new VerifyFailure('zipBomb', name, { declared: this.total, compressed: this.compressed, maxRatio: this.limits.maxRatio });
    }
  }
}

/** An entry's header fields, as the central directory or its local header gives them. */
export interface EntryHeader {
  rawName: Uint8Array;
  flags: number;
  compressionMethod: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
}

/**
 * The local header must name the same entry the same way as the directory:
 * name, method, encryption, and whether a data descriptor follows; and,
 * where none does, the same CRC-32 and sizes. SECURITY: `unzip` reads the
 * local header's sizes when bit 3 is clear, so a local header that claims
 * fewer bytes, or more, would have it extract other bytes than the ones
 * checked here.
 */
export function checkLocalHeader(name: string, central: EntryHeader, local: EntryHeader): void {
  const sameName = local.rawName.length === central.rawName.length && local.rawName.every((byte, index) => byte === central.rawName[index]);
  const flagsDiffer = ((local.flags ^ central.flags) & (encryptedBit | strongEncryptionBit | dataDescriptorBit)) !== 0;
  const sizesDiffer =
    (central.flags & dataDescriptorBit) === 0 &&
    (local.crc32 !== central.crc32 || local.compressedSize !== central.compressedSize || local.uncompressedSize !== central.uncompressedSize);
  if (!sameName || local.compressionMethod !== central.compressionMethod || flagsDiffer || sizesDiffer) {
    throw new VerifyFailure('zipDamaged', name, { problem: 'localHeaderMismatch' });
  }
}

/** Where an entry's local header says its bytes lie, and what its data descriptor, if it has one, must say. */
export interface EntrySpan {
  start: number;
  end: number;
  /** General purpose bit 3: a data descriptor follows the data. */
  descriptor: boolean;
  name: string;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
}

/** The lengths a data descriptor (general purpose bit 3) may have: with or without its signature, ZIP64 or not. */
const descriptorLengths = [12, 16, 20, 24];

const descriptorSignature = 0x08074b50;

/**
 * A data descriptor says the CRC-32 and sizes again, after the data: with
 * or without its signature, in 32 or 64 bits (its length tells which).
 * SECURITY: it must say what the directory says; unzip believes it.
 */
function checkDescriptor(bytes: Uint8Array, span: EntrySpan): void {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signed = bytes.length === 16 || bytes.length === 24;
  if (signed && data.getUint32(0, true) !== descriptorSignature) throw new VerifyFailure('zipDamaged', span.name, { problem: 'descriptorMismatch' });
  const at = signed ? 4 : 0;
  const wide = bytes.length - at === 20;
  const crc = data.getUint32(at, true);
  const compressed = wide ? Number(data.getBigUint64(at + 4, true)) : data.getUint32(at + 4, true);
  const uncompressed = wide ? Number(data.getBigUint64(at + 12, true)) : data.getUint32(at + 8, true);
  if (crc !== span.crc32 || compressed !== span.compressedSize || uncompressed !== span.uncompressedSize) {
    throw new VerifyFailure('zipDamaged', span.name, { problem: 'descriptorMismatch' });
  }
}

/**
 * The entries must tile the file from its first byte to the central
 * directory: no two share bytes (the overlapping-entries bomb), nothing
 * hides between them, and each entry that says a data descriptor follows it
 * has one, saying what the directory says. `read` gives the file's bytes.
 */
export async function checkTiling(entries: readonly EntrySpan[], directoryStart: number, read: (at: number, length: number) => Promise<Uint8Array>): Promise<void> {
  const spans = [...entries].sort((a, b) => a.start - b.start);
  // The central directory closes the tiling, as an entry of its own that starts there.
  spans.push({ start: directoryStart, end: directoryStart, descriptor: false, name: '', crc32: 0, compressedSize: 0, uncompressedSize: 0 });
  let previous: EntrySpan | undefined;
  for (const span of spans) {
    const gap = span.start - (previous ? previous.end : 0);
    const file = span.name || undefined;
    if (gap < 0) throw new VerifyFailure('zipDamaged', file, { problem: 'overlappingEntries' });
    if (previous?.descriptor) {
      if (!descriptorLengths.includes(gap)) throw new VerifyFailure('zipDamaged', previous.name, { problem: 'descriptorMissing' });
      checkDescriptor(await read(previous.end, gap), previous);
    } else if (gap > 0) throw new VerifyFailure('zipDamaged', file, { problem: 'hiddenBytes' });
    previous = span;
  }
}
