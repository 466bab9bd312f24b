/**
 * Packs: in an encrypted archive sealed with padding, the small documents
 * kept one per record (records/<2 hex>/<id>.json, attachments/<2 hex>/<id>.json)
 * are stored together, one sealed and padded pack per shard
 * (packs/<2 hex>), all 256 of them written when the archive is made. The
 * number of files in a locked folder then no longer counts the records,
 * and a pack's size tells its records' revisions only as a whole. Saving a
 * record rewrites its pack: 1/256 of the records' bytes, about 0.5 MB at
 * 100,000 records.
 *
 * A pack's plain bytes: per entry, path length (u16) | path | data length
 * (u32) | data; entries sorted by path.
 */
import { SealBroken } from './crypto/sealedFile';

/** Every shard a record id can fall in (its first two hex digits); listed by name, since encrypted storage hides folder names. */
export const shards = Array.from({ length: 256 }, (_, index) => index.toString(16).padStart(2, '0'));
export const packPaths = shards.map((shard) => `packs/${shard}`);

/**
 * Every pack holds at least this many padded bytes (4 MiB for all 256): a
 * pack grows past it only beyond about ten records, so that for the first
 * thousand or so records the packs' sizes do not tell which are empty.
 */
export const packMinimum = 16 * 1024;

const packedFile = /^(?:records|attachments)\/([0-9a-f]{2})\/[^/]+$/;
const packedFolder = /^(?:records|attachments)\/([0-9a-f]{2})$/;

/** The pack that holds this file, or null when it is stored on its own. */
export function packOf(path: string): string | null {
  const match = packedFile.exec(path);
  return match ? `packs/${match[1]}` : null;
}

/** The pack that holds this folder's files, or null. */
export function packOfFolder(dir: string): string | null {
  const match = packedFolder.exec(dir);
  return match ? `packs/${match[1]}` : null;
}

export type Pack = ReadonlyMap<string, Uint8Array>;

export function encodePack(pack: Pack): Buffer {
  const parts: Buffer[] = [];
  for (const path of [...pack.keys()].sort()) {
    const name = Buffer.from(path);
    const data = pack.get(path)!;
    const head = Buffer.alloc(2 + name.length + 4);
    head.writeUInt16BE(name.length);
    name.copy(head, 2);
    head.writeUInt32BE(data.length, 2 + name.length);
    parts.push(head, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }
  return Buffer.concat(parts);
}

/** The entries of a pack's plain bytes; SealBroken when they do not parse (they were authenticated: a bug). */
export function decodePack(bytes: Buffer): Map<string, Uint8Array> {
  const pack = new Map<string, Uint8Array>();
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 2 > bytes.length) throw new SealBroken('a pack entry is cut');
    const nameEnd = offset + 2 + bytes.readUInt16BE(offset);
    if (nameEnd + 4 > bytes.length) throw new SealBroken('a pack entry is cut');
    const end = nameEnd + 4 + bytes.readUInt32BE(nameEnd);
    if (end > bytes.length) throw new SealBroken('a pack entry is cut');
    pack.set(bytes.subarray(offset + 2, nameEnd).toString(), bytes.subarray(nameEnd + 4, end));
    offset = end;
  }
  return pack;
}
