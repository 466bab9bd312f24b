/**
 * Byte helpers the verifier's checks share between Node and the browser
 * (no Buffer in shared/): comparing, hex, and strict base64.
 */

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const [a, b, c] = [bytes[index]!, bytes[index + 1], bytes[index + 2]];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    text += alphabet[(triple >> 18) & 63]! + alphabet[(triple >> 12) & 63]!;
    text += b === undefined ? '=' : alphabet[(triple >> 6) & 63]!;
    text += c === undefined ? '=' : alphabet[triple & 63]!;
  }
  return text;
}

/**
 * Strict base64: padded, the standard alphabet only, and canonical (the
 * unused bits zero), so that one text means one byte string; null otherwise.
 */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length === 0 || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let index = 0; index < text.length; index += 4) {
    const values = [0, 1, 2, 3].map((offset) => alphabet.indexOf(text[index + offset] ?? '='));
    const triple = (values[0]! << 18) | (values[1]! << 12) | (Math.max(values[2]!, 0) << 6) | Math.max(values[3]!, 0);
    for (const [shift, offset] of [[16, 0], [8, 1], [0, 2]] as const) if (at < bytes.length && offset < 3) bytes[at++] = (triple >> shift) & 255;
  }
  return toBase64(bytes) === text ? bytes : null;
}
