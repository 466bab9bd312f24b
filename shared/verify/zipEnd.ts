/**
 * The end of an untrusted ZIP, read the same way by `dalel verify` and the
 * verifier page (before either reader walks the directory): the last end
 * record, whose comment runs exactly to the end of the file; the ZIP64
 * record whenever its locator stands before it (as yauzl and unzip follow
 * it), agreeing with every 32-bit field that is not escaped; one disk; and
 * the central directory ending exactly where the end records begin. So one
 * file cannot hold two directories that two readers would each take for
 * the whole (a polyglot: one bag to the page, another to the command).
 */
import { VerifyFailure } from './verifyFailure';

export interface ZipEnd {
  entryCount: number;
  /** Where the central directory starts, and where it must end: the first byte of the end records. */
  directoryStart: number;
  directoryEnd: number;
}

export type ReadAt = (at: number, length: number) => Promise<Uint8Array>;

const signatures = { end: 0x06054b50, zip64Locator: 0x07064b50, zip64End: 0x06064b50 };
const endLength = 22;
const locatorLength = 20;
const damaged = (problem: string) => new VerifyFailure('zipDamaged', undefined, { problem });
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const u64 = (data: DataView, at: number) => {
  const value = data.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('zip64Size');
  return Number(value);
};

export async function readZipEnd(size: number, read: ReadAt): Promise<ZipEnd> {
  if (size < endLength) throw damaged('notAZip');
  const tail = Math.min(size, locatorLength + endLength + 0xffff);
  const bytes = await read(size - tail, tail);
  const data = view(bytes);
  let at = -1;
  for (let index = bytes.length - endLength; index >= 0; index--) {
    if (data.getUint32(index, true) === signatures.end) {
      at = index;
      break;
    }
  }
  if (at < 0) throw damaged('notAZip');
  if (data.getUint16(at + 20, true) !== bytes.length - at - endLength) throw damaged('commentLength');
  const endStart = size - tail + at;
  const count = data.getUint16(at + 10, true);
  const directorySize = data.getUint32(at + 12, true);
  const directoryStart = data.getUint32(at + 16, true);
  if (at >= locatorLength && data.getUint32(at - locatorLength, true) === signatures.zip64Locator) {
    const locatorStart = endStart - locatorLength;
    const recordStart = u64(data, at - locatorLength + 8);
    if (recordStart + 56 > locatorStart) throw damaged('zip64End');
    const record = view(await read(recordStart, 56));
    if (record.getUint32(0, true) !== signatures.zip64End) throw damaged('zip64End');
    // The record, with any extensible data it declares, ends where the locator begins.
    if (recordStart + 12 + u64(record, 4) !== locatorStart) throw damaged('hiddenBytes');
    if (record.getUint32(16, true) !== 0 || record.getUint32(20, true) !== 0) throw damaged('multiDisk');
    const entryCount = u64(record, 32);
    const size64 = u64(record, 40);
    const start64 = u64(record, 48);
    // SECURITY: a 32-bit field that is not escaped must say what the ZIP64 record says, or two readers read two archives.
    if ((count !== 0xffff && count !== entryCount) || (directorySize !== 0xffffffff && directorySize !== size64) || (directoryStart !== 0xffffffff && directoryStart !== start64)) {
      throw damaged('zip64Disagrees');
    }
    if (start64 + size64 !== recordStart) throw damaged('hiddenBytes');
    return { entryCount, directoryStart: start64, directoryEnd: recordStart };
  }
  if (data.getUint16(at + 4, true) !== 0 || data.getUint16(at + 6, true) !== 0) throw damaged('multiDisk');
  if (count === 0xffff || directoryStart === 0xffffffff || directorySize === 0xffffffff) throw damaged('zip64Missing');
  if (directoryStart + directorySize !== endStart) throw damaged('hiddenBytes');
  return { entryCount: count, directoryStart, directoryEnd: endStart };
}
