/**
 * A key fingerprint (`SHA256:` and 43 unpadded base64 characters, as
 * `ssh-keygen -lf` prints it) in the forms two people compare by voice or
 * side by side: the base64 in groups of four, and 30 digits in six groups of
 * five, derived from the fingerprint's own bytes as one side of a Signal
 * safety number is (each five bytes read as a big-endian number, modulo
 * 100000). Digits read aloud the same in every language. Pure: it only
 * reads the string; a malformed one gives null, never a guess. Thirty
 * digits carry about 100 bits of the digest: making another key whose
 * digits match takes about 2^100 tries.
 */
import { fromBase64 } from './bytes';

const prefix = 'SHA256:';

export interface FingerprintForms {
  /** The form ssh-keygen prints, unchanged: `SHA256:…`. */
  openssh: string;
  /** The 43 base64 characters in groups of four (the last group has three). */
  groups: string[];
  /** Six groups of five digits. */
  numbers: string[];
}

/** The 32 bytes of a SHA-256 fingerprint, or null when the text is not one (strict: canonical base64 only). */
export function fingerprintBytes(fingerprint: string): Uint8Array | null {
  if (!fingerprint.startsWith(prefix)) return null;
  const body = fingerprint.slice(prefix.length);
  if (body.length !== 43) return null;
  return fromBase64(`${body}=`);
}

function inGroups(text: string, size: number): string[] {
  const groups: string[] = [];
  for (let at = 0; at < text.length; at += size) groups.push(text.slice(at, at + size));
  return groups;
}

/** Six groups of five digits from the first 30 bytes: each five bytes as one number (below 2^40, exact in a double), modulo 100000. */
export function fingerprintNumbers(bytes: Uint8Array): string[] {
  const numbers: string[] = [];
  for (let group = 0; group < 6; group++) {
    let value = 0;
    for (let at = group * 5; at < group * 5 + 5; at++) value = value * 256 + bytes[at]!;
    numbers.push(String(value % 100000).padStart(5, '0'));
  }
  return numbers;
}

export function fingerprintForms(fingerprint: string): FingerprintForms | null {
  const bytes = fingerprintBytes(fingerprint);
  if (!bytes) return null;
  return { openssh: fingerprint, groups: inGroups(fingerprint.slice(prefix.length), 4), numbers: fingerprintNumbers(bytes) };
}
