/**
 * Writes camera metadata (EXIF) into JPEG bytes for tests, the way a phone
 * does: an APP1 segment right after the start-of-image marker holding a
 * little-endian TIFF structure with Make and Model in the first directory
 * and DateTimeOriginal and OffsetTimeOriginal in the Exif directory.
 */

export interface CameraFields {
  make?: string;
  model?: string;
  /** As cameras write it: "2022:01:05 14:03:22". */
  dateTimeOriginal?: string;
  /** "+06:00"; most cameras leave it out. */
  offsetTimeOriginal?: string;
}

const ascii = 2;
const long = 4;

interface Entry {
  tag: number;
  type: typeof ascii | typeof long;
  value: string | number;
}

/** One TIFF directory at `start` (offset from the TIFF header); values that do not fit in 4 bytes follow it. */
function directory(entries: Entry[], start: number): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const tableLength = 2 + sorted.length * 12 + 4;
  const table = Buffer.alloc(tableLength);
  const extra: Buffer[] = [];
  let extraOffset = start + tableLength;
  table.writeUInt16LE(sorted.length, 0);
  sorted.forEach((entry, index) => {
    const at = 2 + index * 12;
    table.writeUInt16LE(entry.tag, at);
    table.writeUInt16LE(entry.type, at + 2);
    if (entry.type === long) {
      table.writeUInt32LE(1, at + 4);
      table.writeUInt32LE(entry.value as number, at + 8);
      return;
    }
    const bytes = Buffer.from(`${entry.value as string}\0`, 'latin1');
    table.writeUInt32LE(bytes.length, at + 4);
    if (bytes.length <= 4) {
      bytes.copy(table, at + 8);
      return;
    }
    table.writeUInt32LE(extraOffset, at + 8);
    const padded = Buffer.concat([bytes, Buffer.alloc(bytes.length % 2)]);
    extra.push(padded);
    extraOffset += padded.length;
  });
  return Buffer.concat([table, ...extra]);
}

function tiff(fields: CameraFields): Buffer {
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]);
  const exifEntries: Entry[] = [];
  if (fields.dateTimeOriginal) exifEntries.push({ tag: 0x9003, type: ascii, value: fields.dateTimeOriginal });
  if (fields.offsetTimeOriginal) exifEntries.push({ tag: 0x9011, type: ascii, value: fields.offsetTimeOriginal });
  const firstEntries: Entry[] = [];
  if (fields.make) firstEntries.push({ tag: 0x010f, type: ascii, value: fields.make });
  if (fields.model) firstEntries.push({ tag: 0x0110, type: ascii, value: fields.model });
  // The first directory's size does not depend on the pointer's value: lay it out once to learn it.
  const withPointer = (pointer: number) => [...firstEntries, { tag: 0x8769, type: long, value: pointer } as Entry];
  const firstLength = exifEntries.length ? directory(withPointer(0), 8).length : directory(firstEntries, 8).length;
  const first = exifEntries.length ? directory(withPointer(8 + firstLength), 8) : directory(firstEntries, 8);
  const exif = exifEntries.length ? directory(exifEntries, 8 + firstLength) : Buffer.alloc(0);
  return Buffer.concat([header, first, exif]);
}

/** `jpeg` with an APP1 EXIF segment inserted after its start-of-image marker (FF D8). */
export function withCameraMetadata(jpeg: Uint8Array, fields: CameraFields): Buffer {
  const bytes = Buffer.from(jpeg);
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG: no start-of-image marker');
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff(fields)]);
  const marker = Buffer.from([0xff, 0xe1, 0, 0]);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([bytes.subarray(0, 2), marker, payload, bytes.subarray(2)]);
}

/** The smallest JPEG-shaped bytes (start and end of image) for metadata tests that never decode pixels. */
export const bareJpeg = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
