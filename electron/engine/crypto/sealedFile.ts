/**
 * The sealed-file format of encrypted archives: every file, small or
 * multi-gigabyte, is a header and 64 KiB chunks, each chunk AES-256-GCM under
 * a key of its own file (HKDF of the content key, a random salt and the
 * file's stored name), so a changed, swapped, truncated or extended file is
 * detected, and which one it was can still be told from its sealed name.
 *
 *   "DLE1" | salt (16) | name length (u16) | sealed name + tag | chunk… 
 *   chunk i: ciphertext (64 KiB, the last one shorter) | tag (16)
 *   nonce of chunk i: i as 11 bytes big-endian | 1 on the last chunk, else 0
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export const chunkSize = 64 * 1024;
const magic = Buffer.from('DLE1');
const tagLength = 16;
const saltLength = 16;
const nameNonce = Buffer.alloc(12, 0xff);

/** A sealed file that fails authentication: damaged or altered. */
export class SealBroken extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'SealBroken';
  }
}

function fileKey(contentKey: Buffer, salt: Buffer, storedName: string): Buffer {
  return Buffer.from(hkdfSync('sha256', contentKey, salt, `dalel file v1 ${storedName}`, 32));
}

function chunkNonce(index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(index, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function seal(key: Buffer, nonce: Buffer, plain: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function unseal(key: Buffer, nonce: Buffer, sealed: Buffer, what: string): Buffer {
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
  key: Buffer;
  name: string;
  /** Bytes of the header, where chunk 0 starts. */
  length: number;
}

function makeHeader(contentKey: Buffer, storedName: string, name: string): { header: Buffer; key: Buffer } {
  const salt = randomBytes(saltLength);
  const key = fileKey(contentKey, salt, storedName);
  const sealedName = seal(key, nameNonce, Buffer.from(name));
  const nameLength = Buffer.alloc(2);
  nameLength.writeUInt16BE(sealedName.length - tagLength);
  return { header: Buffer.concat([magic, salt, nameLength, sealedName]), key };
}

/** Reads a header from the start of `bytes`; null when more bytes are needed. */
function readHeader(contentKey: Buffer, storedName: string, bytes: Buffer): Header | null {
  if (bytes.length < 4 + saltLength + 2) return null;
  if (!bytes.subarray(0, 4).equals(magic)) throw new SealBroken('not a sealed file');
  const salt = bytes.subarray(4, 4 + saltLength);
  const nameLength = bytes.readUInt16BE(4 + saltLength) + tagLength;
  const start = 4 + saltLength + 2;
  if (bytes.length < start + nameLength) return null;
  const key = fileKey(contentKey, salt, storedName);
  const name = unseal(key, nameNonce, bytes.subarray(start, start + nameLength), 'the name').toString();
  return { key, name, length: start + nameLength };
}

/** Seals a whole buffer (documents, keys, log lines). */
export function sealBuffer(contentKey: Buffer, storedName: string, name: string, plain: Uint8Array): Buffer {
  const { header, key } = makeHeader(contentKey, storedName, name);
  const parts = [header];
  const count = Math.max(1, Math.ceil(plain.length / chunkSize));
  for (let index = 0; index < count; index += 1) {
    const chunk = plain.subarray(index * chunkSize, (index + 1) * chunkSize);
    parts.push(seal(key, chunkNonce(index, index === count - 1), chunk));
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
    const end = Math.min(offset + chunkSize + tagLength, sealed.length);
    parts.push(unseal(header.key, chunkNonce(index, end === sealed.length), sealed.subarray(offset, end), `chunk ${index}`));
    offset = end;
    index += 1;
  } while (offset < sealed.length);
  return { name: header.name, data: Buffer.concat(parts) };
}

/** Only the name a sealed file was written under (for listing without decrypting contents). */
export function openName(contentKey: Buffer, storedName: string, head: Buffer): string {
  const header = readHeader(contentKey, storedName, head);
  if (!header) throw new SealBroken('the header is truncated');
  return header.name;
}

/** Seals a stream in constant memory (multi-gigabyte files). */
export async function* sealStream(
  contentKey: Buffer,
  storedName: string,
  name: string,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<Buffer> {
  const { header, key } = makeHeader(contentKey, storedName, name);
  yield header;
  let pending = Buffer.alloc(0);
  let index = 0;
  for await (const piece of source) {
    pending = pending.length ? Buffer.concat([pending, piece]) : Buffer.from(piece);
    // Keep at least one byte back: only the end of the source tells which chunk is last.
    while (pending.length > chunkSize) {
      yield seal(key, chunkNonce(index, false), pending.subarray(0, chunkSize));
      pending = pending.subarray(chunkSize);
      index += 1;
    }
  }
  yield seal(key, chunkNonce(index, true), pending);
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
 * (`head`, at least the header: 4 KiB is plenty). Throws SealBroken when the
 * header fails authentication or the size cannot be a sealed file's.
 */
export function sealedLayout(contentKey: Buffer, storedName: string, head: Buffer, sealedSize: number): SealedLayout {
  const header = readHeader(contentKey, storedName, head);
  if (!header) throw new SealBroken('the header is truncated');
  const sealedChunk = chunkSize + tagLength;
  const body = sealedSize - header.length;
  const count = Math.max(1, Math.ceil(body / sealedChunk));
  const lastLength = body - (count - 1) * sealedChunk;
  if (lastLength < tagLength) throw new SealBroken('the last chunk is truncated');
  const size = body - count * tagLength;
  return {
    name: header.name,
    size,
    chunksOf(start, end) {
      const first = Math.floor(start / chunkSize);
      const last = Math.min(count - 1, Math.max(first, Math.ceil(end / chunkSize) - 1));
      const offset = header.length + first * sealedChunk;
      const length = Math.min(sealedSize, header.length + (last + 1) * sealedChunk) - offset;
      return {
        offset,
        length,
        first,
        open(sealed) {
          const parts: Buffer[] = [];
          for (let index = first, at = 0; index <= last; index += 1, at += sealedChunk) {
            const piece = sealed.subarray(at, Math.min(at + sealedChunk, sealed.length));
            parts.push(unseal(header.key, chunkNonce(index, index === count - 1), piece, `chunk ${index}`));
          }
          return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
        },
      };
    },
  };
}
