import { sha256 } from '@noble/hashes/sha2';
import { describe, expect, it } from 'vitest';
import { toBase64, toHex } from './bytes';
import { fingerprintBytes, fingerprintForms } from './fingerprintGroups';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const fingerprintOf = (digest: Uint8Array) => `SHA256:${toBase64(digest).replace(/=+$/, '')}`;
const digestOf = (seed: number) => sha256(new TextEncoder().encode(`key ${seed}`));

/** The digits computed another way: BigInt over the digest's hex, five bytes at a time. */
function digitsOf(digest: Uint8Array): string[] {
  return [0, 1, 2, 3, 4, 5].map((group) => (BigInt(`0x${toHex(digest.subarray(group * 5, group * 5 + 5))}`) % 100000n).toString().padStart(5, '0'));
}

describe('fingerprintForms', () => {
  it('reads a fingerprint ssh-keygen printed, and gives the digits computed from its digest elsewhere', () => {
    // `ssh-keygen -lf` of an Ed25519 key, its SHA-256 digest in hex, and the six groups computed with Python's int.from_bytes.
    const forms = fingerprintForms('SHA256:4hKXZCnaJfT5KulgnSd/mgytWumUCfTqMVIcliDi8tE')!;
    expect(toHex(fingerprintBytes(forms.openssh)!)).toBe('e212976429da25f4f92ae9609d277f9a0cad5ae99409f4ea31521c9620e2f2d1');
    expect(forms.groups).toEqual(['4hKX', 'ZCna', 'JfT5', 'Kulg', 'nSd/', 'mgyt', 'WumU', 'CfTq', 'MVIc', 'liDi', '8tE']);
    expect(forms.numbers).toEqual(['20361', '82090', '91967', '51177', '05489', '19138']);
  });

  it('reads back the 32 bytes of many digests, in groups of four and six groups of five digits', () => {
    for (let seed = 0; seed < 200; seed++) {
      const digest = digestOf(seed);
      const fingerprint = fingerprintOf(digest);
      expect(fingerprintBytes(fingerprint)).toEqual(digest);
      const forms = fingerprintForms(fingerprint)!;
      expect(forms.openssh).toBe(fingerprint);
      expect(forms.groups.join('')).toBe(fingerprint.slice('SHA256:'.length));
      expect(forms.groups.slice(0, -1).every((group) => group.length === 4)).toBe(true);
      expect(forms.numbers).toEqual(digitsOf(digest));
    }
  });

  it('keeps leading zeros', () => {
    const digest = new Uint8Array(32);
    digest[4] = 7; // the first five bytes are the number 7
    expect(fingerprintForms(fingerprintOf(digest))!.numbers).toEqual(['00007', '00000', '00000', '00000', '00000', '00000']);
  });

  it('a fingerprint one character away reads differently in both forms', () => {
    const fingerprint = fingerprintOf(digestOf(1));
    const forged = fingerprint.slice(0, 10) + (fingerprint[10] === 'A' ? 'B' : 'A') + fingerprint.slice(11);
    const real = fingerprintForms(fingerprint)!;
    const other = fingerprintForms(forged)!;
    expect(other.groups.join(' ')).not.toBe(real.groups.join(' '));
    expect(other.numbers.join(' ')).not.toBe(real.numbers.join(' '));
  });

  it('refuses what is not a SHA-256 fingerprint rather than guess', () => {
    const good = fingerprintOf(digestOf(2));
    for (const bad of [
      '',
      good.slice('SHA256:'.length),
      good.replace('SHA256:', 'sha256:'),
      `${good}=`,
      `${good}A`,
      good.slice(0, -1),
      `${good.slice(0, -1)}!`,
      'MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48',
      // The last character's two spare bits set: not the encoding of any 32 bytes.
      `${good.slice(0, -1)}${alphabet[alphabet.indexOf(good.at(-1)!) + 1]}`,
    ]) {
      expect(fingerprintForms(bad), bad).toBeNull();
    }
  });
});
