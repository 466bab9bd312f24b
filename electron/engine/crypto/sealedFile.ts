/**
 * The sealed-file format of encrypted archives: every file, small or
 * multi-gigabyte, is a header and 64 KiB chunks, each chunk AES-256-GCM under
 * a key of its own file (HKDF of the content key, a random salt and the
 * file's stored name), so a changed, swapped, truncated or extended file is
 * detected, and which one it was can still be told from its sealed name.
 *
 *   "DLE2" | salt (16) | name block length (u16) | sealed name block + tag | chunk…
 *   name block: the name, then NUL bytes to a multiple of 128
 *   plain bytes chunked: the file | zero bytes | its length (u64), padded (padding.ts)
 *   chunk i: ciphertext (64 KiB, the last one shorter) | tag (16)
 *   nonce of chunk i: i as 11 bytes big-endian | 1 on the last chunk, else 0
 *
 * Version 1 ("DLE1", written until 2026-12) had no padding and no name
 * block: a file's size told its length to the byte. It is still read.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { paddedLength } from './padding';

export const chunkSize = 64 * 1024;
const magic = { 1: Buffer.from('DLE1'), 2: Buffer.from('DLE2') } as const;
export const tagLength = 16;
const saltLength = 16;
const nameBlock = 128;
const trailerLength = 8;
const nameNonce = Buffer.alloc(12, 0xff);
const sealedChunk = chunkSize + tagLength;

/** A sealed file that fails authentication: damaged or altered. */
export class SealBroken extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'SealBroken';
  }
}

function fileKey(contentKey: Buffer, salt: Buffer, storedName: string, version: 1 | 2): Buffer {
  return Buffer.from(hkdfSync('sha256', contentKey, salt, `dalel file v${version} ${storedName}`, 32));
}

export function chunkNonce(index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(index, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

export function seal(key: Buffer, nonce: Buffer, plain: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

export function unseal(key: Buffer, nonce: Buffer, sealed: Buffer, what: string): Buffer {
  if (sealed.length < tagLength) throw new SealBroken(`${what} is truncated`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAuthTag(sealed.subarray(sealed.length - tagLength));
    const plain = decipher.update(sealed.subarray(0, sealed.length - tagLength));
    // final() checks the tag; GCM gives no bytes there, so the plain bytes are not copied again.
    const rest = decipher.final();
    return rest.length ? Buffer.concat([plain, rest]) : plain;
  } catch {
    throw new SealBroken(`${what} fails authentication`);
  }
}

interface Header {
  version: 1 | 2;
  key: Buffer;
  name: string;
  /** Bytes of the header, where chunk 0 starts. */
  length: number;
}

/** A sealed file's version: 2 everywhere but in archives still in layout 1 (encryptedStorage.ts), which keep writing 1. */
export type SealVersion = 1 | 2;

function makeHeader(contentKey: Buffer, storedName: string, name: string, version: SealVersion): { header: Buffer; key: Buffer } {
  const salt = randomBytes(saltLength);
  const key = fileKey(contentKey, salt, storedName, version);
  const bytes = Buffer.from(name);
  let block = bytes;
  if (version === 2) {
    block = Buffer.alloc(Math.ceil(Math.max(1, bytes.length) / nameBlock) * nameBlock);
    bytes.copy(block);
  }
  const sealedName = seal(key, nameNonce, block);
  const blockLength = Buffer.alloc(2);
  blockLength.writeUInt16BE(block.length);
  return { header: Buffer.concat([magic[version], salt, blockLength, sealedName]), key };
}

/** Reads a header from the start of `bytes`; null when more bytes are needed. */
function readHeader(contentKey: Buffer, storedName: string, bytes: Buffer): Header | null {
  if (bytes.length < 4 + saltLength + 2) return null;
  const start = bytes.subarray(0, 4);
  const version = start.equals(magic[2]) ? 2 : start.equals(magic[1]) ? 1 : null;
  if (!version) throw new SealBroken('not a sealed file');
  const salt = bytes.subarray(4, 4 + saltLength);
  const nameLength = bytes.readUInt16BE(4 + saltLength) + tagLength;
  const at = 4 + saltLength + 2;
  if (bytes.length < at + nameLength) return null;
  const key = fileKey(contentKey, salt, storedName, version);
  const block = unseal(key, nameNonce, bytes.subarray(at, at + nameLength), 'the name');
  const end = version === 2 ? block.indexOf(0) : -1;
  const name = (end < 0 ? block : block.subarray(0, end)).toString();
  return { version, key, name, length: at + nameLength };
}

/** How many bytes version 2 adds after a file of `length` bytes: zeros, then the length (u64). */
function paddingFor(length: number, minimum?: number): number {
  return paddedLength(length, minimum) - length;
}

/** The last `trailerLength` bytes of the padding: the file's length. */
function lengthBytes(length: number): Buffer {
  const bytes = Buffer.alloc(trailerLength);
  bytes.writeBigUInt64BE(BigInt(length));
  return bytes;
}

/** The file's length from the end of its padded plain bytes; SealBroken when it cannot be. */
function lengthFrom(padded: Buffer, paddedSize: number): number {
  if (padded.length < trailerLength) throw new SealBroken('the length is missing');
  const length = Number(padded.readBigUInt64BE(padded.length - trailerLength));
  // The bytes are authenticated: this only catches a mistake, never a forgery.
  if (!Number.isSafeInteger(length) || length + trailerLength > paddedSize) throw new SealBroken('the length does not fit');
  return length;
}

/** Seals a whole buffer (documents, keys, packs of records), padded to at least `minimum` plain bytes. */
export function sealBuffer(contentKey: Buffer, storedName: string, name: string, plain: Uint8Array, minimum?: number, version: SealVersion = 2): Buffer {
  const { header, key } = makeHeader(contentKey, storedName, name, version);
  const padding = version === 2 ? paddingFor(plain.length, minimum) : 0;
  const padded = version === 2 ? Buffer.concat([plain, Buffer.alloc(padding - trailerLength), lengthBytes(plain.length)]) : plain;
  const parts = [header];
  const count = Math.max(1, Math.ceil(padded.length / chunkSize));
  for (let index = 0; index < count; index += 1) {
    parts.push(seal(key, chunkNonce(index, index === count - 1), padded.subarray(index * chunkSize, (index + 1) * chunkSize)));
  }
  return Buffer.concat(parts);
}

/** Opens a whole sealed buffer; throws SealBroken on any damage. */
export function openBuffer(contentKey: Buffer, storedName: string, sealed: Buffer): { name: string; data: Buffer } {
  const header = readHeader(contentKey, storedName, sealed);
  if (!header) throw new SealBroken('the header is truncated');
  const parts: Buffer[] = [];
  let offset = header.length;
  let index = 0;
  do {
    const end = Math.min(offset + sealedChunk, sealed.length);
    parts.push(unseal(header.key, chunkNonce(index, end === sealed.length), sealed.subarray(offset, end), `chunk ${index}`));
    offset = end;
    index += 1;
  } while (offset < sealed.length);
  const plain = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  if (header.version === 1) return { name: header.name, data: plain };
  return { name: header.name, data: plain.subarray(0, lengthFrom(plain, plain.length)) };
}

/** Only the name a sealed file was written under (for listing without decrypting contents). */
export function openName(contentKey: Buffer, storedName: string, head: Buffer): string {
  const header = readHeader(contentKey, storedName, head);
  if (!header) throw new SealBroken('the header is truncated');
  return header.name;
}

/** Seals a stream in constant memory (multi-gigabyte files); the padding is known only at its end. */
export async function* sealStream(
  contentKey: Buffer,
  storedName: string,
  name: string,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  version: SealVersion = 2,
): AsyncGenerator<Buffer> {
  const { header, key } = makeHeader(contentKey, storedName, name, version);
  yield header;
  let pending = Buffer.alloc(0);
  let index = 0;
  let length = 0;
  const flush = function* (last: boolean): Generator<Buffer> {
    // Keep at least one byte back until the end: only the end tells which chunk is last.
    while (pending.length > chunkSize || (last && (pending.length > 0 || index === 0))) {
      const piece = pending.subarray(0, chunkSize);
      pending = pending.subarray(piece.length);
      yield seal(key, chunkNonce(index, last && pending.length === 0), piece);
      index += 1;
    }
  };
  for await (const piece of source) {
    length += piece.length;
    pending = pending.length ? Buffer.concat([pending, piece]) : Buffer.from(piece);
    yield* flush(false);
  }
  if (version === 2) {
    // The padding may be many chunks (a tenth of a large video): zeros made a chunk at a time, then the length.
    for (let left = paddingFor(length) - trailerLength; left > 0; ) {
      const zeros = Buffer.alloc(Math.min(left, chunkSize));
      left -= zeros.length;
      pending = Buffer.concat([pending, zeros]);
      yield* flush(false);
    }
    pending = Buffer.concat([pending, lengthBytes(length)]);
  }
  yield* flush(true);
}

/** Where the parts of a sealed file lie, for reading any byte range without reading what comes before. */
export interface SealedLayout {
  /** The name the file was sealed under (the caller compares it with the path it asked for). */
  name: string;
  /** Size of the plain bytes. */
  size: number;
  /** Sealed offset and length of the chunks holding plain bytes [start, end), and how to open each. */
  chunksOf(start: number, end: number): { offset: number; length: number; open(sealed: Buffer): Buffer; first: number };
}

/**
 * The layout of a sealed file of `sealedSize` bytes from its first bytes
 * (`head`, at least the header: 4 KiB is plenty) and, for version 2, its
 * last chunk, which `readAt` reads. Throws SealBroken when the header or the
 * last chunk fails authentication or the size cannot be a sealed file's.
 */
export async function sealedLayout(
  contentKey: Buffer,
  storedName: string,
  head: Buffer,
  sealedSize: number,
  readAt: (offset: number, length: number) => Promise<Buffer>,
): Promise<SealedLayout> {
  const header = readHeader(contentKey, storedName, head);
  if (!header) throw new SealBroken('the header is truncated');
  const body = sealedSize - header.length;
  const count = Math.max(1, Math.ceil(body / sealedChunk));
  const lastLength = body - (count - 1) * sealedChunk;
  if (lastLength < tagLength) throw new SealBroken('the last chunk is truncated');
  const plainSize = body - count * tagLength;
  const open = (sealed: Buffer, first: number, last: number) => {
    const parts: Buffer[] = [];
    for (let index = first, at = 0; index <= last; index += 1, at += sealedChunk) {
      const piece = sealed.subarray(at, Math.min(at + sealedChunk, sealed.length));
      parts.push(unseal(header.key, chunkNonce(index, index === count - 1), piece, `chunk ${index}`));
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  };
  let size = plainSize;
  if (header.version === 2) {
    const offset = header.length + (count - 1) * sealedChunk;
    size = lengthFrom(open(await readAt(offset, lastLength), count - 1, count - 1), plainSize);
  }
  return {
    name: header.name,
    size,
    chunksOf(start, end) {
      const first = Math.floor(start / chunkSize);
      const last = Math.min(count - 1, Math.max(first, Math.ceil(end / chunkSize) - 1));
      const offset = header.length + first * sealedChunk;
      const length = Math.min(sealedSize, header.length + (last + 1) * sealedChunk) - offset;
      return { offset, length, first, open: (sealed) => open(sealed, first, last) };
    },
  };
}
