/**
 * What a file is, from its first bytes rather than its name: a photo or
 * video Dalel cleans (JPEG, PNG, WebP, HEIC/HEIF, MP4, MOV), another photo,
 * video or recording (which can carry a location Dalel cannot remove), or
 * something else. A file's name is whatever the person or a phone gave it:
 * "IMG.jfif", "clip" or "photo.pdf" must not carry a location out of a
 * public bundle, and ExifTool must only ever be given the formats it is
 * asked to clean (it reads many others, some of which have had flaws).
 */

/** How many first bytes the sniffer needs. */
export const sniffSpan = 256;

export type Sniffed =
  /** A format Dalel cleans, with the media type the cleaner is given. */
  | { kind: 'cleanable'; mediaType: string }
  /** Another photo, video or recording format. */
  | { kind: 'media' }
  /** None of these, as far as the first bytes tell. */
  | { kind: 'other' };

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));
const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((byte, index) => bytes[at + index] === byte);

/** ISO base media brands (the `ftyp` box) of the formats cleaned. */
const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const mp4Brands = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'M4VH', 'M4VP', 'MSNV', 'dash', 'mmp4', 'f4v ']);
/** Boxes an old QuickTime movie may begin with, before `ftyp` existed. */
const quickTimeFirstBoxes = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** Signatures of photo, video and audio formats Dalel does not clean. */
const otherMedia: readonly (readonly number[] | string)[] = [
  'GIF8',
  [0x49, 0x49, 0x2a, 0x00], // TIFF, and the raw formats built on it (DNG, CR2, NEF, ARW)
  [0x4d, 0x4d, 0x00, 0x2a],
  [0x1a, 0x45, 0xdf, 0xa3], // Matroska, WebM
  'OggS',
  'fLaC',
  'ID3',
  'FORM', // AIFF, IFF, and DjVu after "AT&T"
  'AT&TFORM',
  '8BPS', // Photoshop
  '#!AMR',
  'caff',
  [0x00, 0x00, 0x01, 0xba], // MPEG program stream
  [0x30, 0x26, 0xb2, 0x75], // ASF, WMV, WMA
  [0xff, 0x0a], // JPEG XL
  [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20], // JPEG XL in a box
  [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20], // JPEG 2000
];

function isOtherMedia(head: Uint8Array): boolean {
  if (otherMedia.some((signature) => (typeof signature === 'string' ? ascii(head, 0, signature.length) === signature : startsWith(head, signature)))) return true;
  // An MPEG audio frame (MP3 without ID3), an MPEG transport stream (sync bytes every 188).
  if (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0) return true;
  return head[0] === 0x47 && head[188] === 0x47;
}

export function sniff(head: Uint8Array): Sniffed {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'cleanable', mediaType: 'image/jpeg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'cleanable', mediaType: 'image/png' };
  if (ascii(head, 0, 4) === 'RIFF') return ascii(head, 8, 4) === 'WEBP' ? { kind: 'cleanable', mediaType: 'image/webp' } : { kind: 'media' };
  const box = ascii(head, 4, 4);
  if (box === 'ftyp') {
    const brand = ascii(head, 8, 4);
    if (heifBrands.has(brand)) return { kind: 'cleanable', mediaType: 'image/heic' };
    if (brand === 'qt  ') return { kind: 'cleanable', mediaType: 'video/quicktime' };
    if (mp4Brands.has(brand)) return { kind: 'cleanable', mediaType: 'video/mp4' };
    // AVIF, 3GP, M4A and every other brand: a photo, video or recording not cleaned here.
    return { kind: 'media' };
  }
  if (quickTimeFirstBoxes.has(box)) return { kind: 'cleanable', mediaType: 'video/quicktime' };
  return isOtherMedia(head) ? { kind: 'media' } : { kind: 'other' };
}
