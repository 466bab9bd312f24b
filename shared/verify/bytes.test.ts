/** The verifier's own base64 (shared/, so no Buffer): RFC 4648's test vectors, and strictness where a signature depends on it. */
import { describe, expect, it } from 'vitest';
import { fromBase64, sameBytes, toBase64, toHex } from './bytes';

const ascii = (text: string) => Uint8Array.from(text, (character) => character.charCodeAt(0));

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes %j as RFC 4648 does', (plain, encoded) => {
    expect(toBase64(ascii(plain))).toBe(encoded);
    if (encoded) expect(sameBytes(fromBase64(encoded)!, ascii(plain))).toBe(true);
  });

  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(sameBytes(fromBase64(toBase64(all))!, all)).toBe(true);
  });

  it('refuses what is not one canonical text: unpadded, other alphabets, whitespace, unused bits set', () => {
    for (const text of ['', 'Zg', 'Zg=', 'Z===', 'Zm9v\n', 'Zm-v', 'Zm_v', 'Zh==', 'Zm9=']) expect(fromBase64(text), text).toBeNull();
  });

  it('writes hex in lower case', () => {
    expect(toHex(Uint8Array.from([0, 15, 16, 255]))).toBe('000f10ff');
  });
});
