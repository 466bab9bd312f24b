/**
 * SECURITY: the last check on a cleaned copy, by its container's structure
 * rather than by the tags ExifTool knows. ExifTool removes what it can
 * write and reports what it recognises; a vendor's private PNG chunk, an
 * unknown RIFF chunk or an MP4 `uuid` box (Sony keeps its GPS in one) is
 * neither, and would pass through. So a copy may hold only the parts a
 * picture or a movie needs, listed here; anything else, or a padding box
 * that is not all zeros, and the copy is refused. Read only: nothing here
 * writes a byte.
 */

/** PNG chunks a picture needs: image data, palette, transparency, colour, animation. */
const pngChunks = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP', 'mDCV', 'cLLI', 'bKGD', 'hIST', 'acTL', 'fcTL', 'fdAT', 'eXIf']);
/** WebP chunks: the image, its alpha, animation, colour profile, and the EXIF that holds the orientation alone. */
const webpChunks = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP', 'EXIF']);
/** ISO base media boxes a movie or a HEIF image needs, by the box that holds them ('' for the file itself). */
const isoBoxes: Record<string, Set<string>> = {
  '': new Set(['ftyp', 'moov', 'mdat', 'meta', 'free', 'skip', 'wide']),
  moov: new Set(['mvhd', 'trak', 'iods', 'mvex', 'free', 'skip']),
  trak: new Set(['tkhd', 'mdia', 'edts', 'tref', 'free', 'skip']),
};
const paddingBoxes = new Set(['free', 'skip', 'wide']);

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function pngProblem(bytes: Uint8Array): string | null {
  const data = view(bytes);
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = data.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    if (!pngChunks.has(type)) return `png chunk ${type}`;
    if (type === 'IEND') return at + 12 === bytes.length ? null : 'data after IEND';
    at += 12 + length;
  }
  return 'no IEND';
}

function webpProblem(bytes: Uint8Array): string | null {
  const data = view(bytes);
  const end = Math.min(bytes.length, 8 + data.getUint32(4, true));
  if (end !== bytes.length) return 'data after RIFF';
  for (let at = 12; at + 8 <= end; ) {
    const type = ascii(bytes, at, 4);
    if (!webpChunks.has(type)) return `webp chunk ${type}`;
    const length = data.getUint32(at + 4, true);
    at += 8 + length + (length % 2);
  }
  return null;
}

/** The boxes in bytes [start, end) of an ISO base media file, checked against what `parent` may hold. */
function isoProblem(bytes: Uint8Array, start: number, end: number, parent: string): string | null {
  const data = view(bytes);
  for (let at = start; at < end; ) {
    if (at + 8 > end) return 'truncated box';
    let size = data.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    let header = 8;
    if (size === 1) {
      size = Number(data.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header || at + size > end) return `box ${type} out of bounds`;
    if (!isoBoxes[parent]!.has(type)) return `box ${type} in ${parent || 'file'}`;
    if (paddingBoxes.has(type) && bytes.subarray(at + header, at + size).some((byte) => byte !== 0)) return `box ${type} holds data`;
    if (isoBoxes[type]) {
      const problem = isoProblem(bytes, at + header, at + size, type);
      if (problem) return problem;
    }
    at += size;
  }
  return null;
}

/**
 * Why a cleaned copy's structure holds more than its picture or movie, or
 * null when it holds nothing else. JPEG is left to ExifTool's own reading
 * (it removes every APPn but the colour ones and every trailer, and reads
 * trailers back with -ee).
 */
export function structureProblem(bytes: Uint8Array, mediaType: string): string | null {
  if (mediaType === 'image/png') return pngProblem(bytes);
  if (mediaType === 'image/webp') return webpProblem(bytes);
  if (mediaType === 'video/mp4' || mediaType === 'video/quicktime' || mediaType === 'image/heic' || mediaType === 'image/heif') return isoProblem(bytes, 0, bytes.length, '');
  return null;
}
