/**
 * For tests: the bytes of a media file that encode its pictures or frames,
 * with every metadata container left out, so a test can show that cleaning
 * changed no pixel without decoding anything:
 * - JPEG: every segment but APPn and COM, from SOI to the first EOI (the
 *   tables, the frame header and the entropy-coded scans; no trailer);
 * - PNG: IHDR, PLTE and the IDAT data;
 * - WebP: the VP8, VP8L and ALPH chunks (not VP8X, whose flags say which
 *   metadata chunks follow);
 * - HEIC: the bytes of every coded image item (hvc1, the tiles of a grid),
 *   found through the meta box's item list and locations, in item order;
 *   the Exif and XMP items beside them are metadata;
 * - MP4, MOV: the payload of the top-level mdat boxes.
 */
export type CodedFormat = 'jpeg' | 'png' | 'webp' | 'heif' | 'iso';

function readUint32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at);
}

function jpegImage(bytes: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let at = 2; // after SOI
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`not a JPEG marker at ${at}`);
    const marker = bytes[at + 1] ?? 0;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const isMetadata = (marker >= 0xe0 && marker <= 0xef) || marker === 0xfe;
    if (marker === 0xda) {
      // SOS: the scans run to the end of image (a stuffed 0xff00 or a restart marker is never 0xffd9).
      let end = at + 2 + length;
      while (end + 1 < bytes.length && !(bytes[end] === 0xff && bytes[end + 1] === 0xd9)) end += 1;
      parts.push(bytes.subarray(at, end + 2));
      return parts;
    }
    if (!isMetadata) parts.push(bytes.subarray(at, at + 2 + length));
    at += 2 + length;
  }
  throw new Error('no JPEG scan');
}

function pngImage(bytes: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = readUint32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'IHDR' || type === 'PLTE' || type === 'IDAT') parts.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return parts;
}

function webpImage(bytes: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 12; at + 8 <= bytes.length; ) {
    const type = String.fromCharCode(...bytes.subarray(at, at + 4));
    const length = view.getUint32(at + 4, true);
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ALPH') parts.push(bytes.subarray(at + 8, at + 8 + length));
    at += 8 + length + (length % 2);
  }
  return parts;
}

function isoImage(bytes: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let at = 0; at + 8 <= bytes.length; ) {
    let size = readUint32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    let header = 8;
    if (size === 1) {
      size = readUint32(bytes, at + 8) * 2 ** 32 + readUint32(bytes, at + 12);
      header = 16;
    } else if (size === 0) size = bytes.length - at;
    if (type === 'mdat') parts.push(bytes.subarray(at + header, at + size));
    at += size;
  }
  return parts;
}

type Box = { type: string; start: number; end: number; body: number };

/** The boxes between `start` and `end`; a full box's body starts 4 bytes later (version and flags). */
function boxesIn(bytes: Uint8Array, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  for (let at = start; at + 8 <= end; ) {
    const size = readUint32(bytes, at);
    if (size < 8) break;
    boxes.push({ type: String.fromCharCode(...bytes.subarray(at + 4, at + 8)), start: at, end: at + size, body: at + 8 });
    at += size;
  }
  return boxes;
}

function readSized(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i += 1) value = value * 256 + (bytes[at + i] ?? 0);
  return value;
}

function heifImage(bytes: Uint8Array): Uint8Array[] {
  const meta = boxesIn(bytes, 0, bytes.length).find((box) => box.type === 'meta');
  if (!meta) return [];
  const children = boxesIn(bytes, meta.body + 4, meta.end);
  // iinf: which items are coded images
  const types = new Map<number, string>();
  const iinf = children.find((box) => box.type === 'iinf');
  if (iinf) {
    const countSize = bytes[iinf.body] === 0 ? 2 : 4;
    for (const infe of boxesIn(bytes, iinf.body + 4 + countSize, iinf.end)) {
      const version = bytes[infe.body] ?? 0;
      const idSize = version >= 3 ? 4 : 2;
      const id = readSized(bytes, infe.body + 4, idSize);
      types.set(id, String.fromCharCode(...bytes.subarray(infe.body + 4 + idSize + 2, infe.body + 4 + idSize + 6)));
    }
  }
  // iloc: where each item's extents are (construction method 0: offsets in the file)
  const iloc = children.find((box) => box.type === 'iloc');
  if (!iloc) return [];
  const version = bytes[iloc.body] ?? 0;
  let at = iloc.body + 4;
  const offsetSize = (bytes[at] ?? 0) >> 4;
  const lengthSize = (bytes[at] ?? 0) & 15;
  const baseOffsetSize = (bytes[at + 1] ?? 0) >> 4;
  const indexSize = version >= 1 ? (bytes[at + 1] ?? 0) & 15 : 0;
  at += 2;
  const itemCount = readSized(bytes, at, version < 2 ? 2 : 4);
  at += version < 2 ? 2 : 4;
  const items: Array<{ id: number; data: Uint8Array[] }> = [];
  for (let item = 0; item < itemCount; item += 1) {
    const id = readSized(bytes, at, version < 2 ? 2 : 4);
    at += version < 2 ? 2 : 4;
    if (version >= 1) at += 2; // construction method
    at += 2; // data reference index
    const baseOffset = readSized(bytes, at, baseOffsetSize);
    at += baseOffsetSize;
    const extentCount = readSized(bytes, at, 2);
    at += 2;
    const data: Uint8Array[] = [];
    for (let extent = 0; extent < extentCount; extent += 1) {
      at += indexSize;
      const offset = readSized(bytes, at, offsetSize);
      at += offsetSize;
      const length = readSized(bytes, at, lengthSize);
      at += lengthSize;
      data.push(bytes.subarray(baseOffset + offset, baseOffset + offset + length));
    }
    items.push({ id, data });
  }
  const coded = new Set(['hvc1', 'av01', 'jpeg', 'grid', 'iden', 'iovl']);
  return items
    .filter(({ id }) => coded.has(types.get(id) ?? ''))
    .sort((a, b) => a.id - b.id)
    .flatMap(({ data }) => data);
}

/** The picture-coding bytes of `bytes`, one Uint8Array, for comparing an original with its derivative. */
export function codedImage(bytes: Uint8Array, format: CodedFormat): Buffer {
  const parts = { jpeg: jpegImage, png: pngImage, webp: webpImage, heif: heifImage, iso: isoImage }[format](bytes);
  if (parts.length === 0) throw new Error(`no image data found in the ${format} file`);
  return Buffer.concat(parts);
}
