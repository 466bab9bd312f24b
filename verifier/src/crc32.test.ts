/** The verifier page's CRC-32 against Node's, whole and in chunks (the page checks every entry with it). */
import { randomBytes } from 'node:crypto';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { expect, it } from 'vitest';
import { crc32 } from './crc32';

it('equals zlib crc32 on the check value and on random data read in uneven chunks', () => {
  expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  const data = randomBytes(100_000);
  let crc = 0;
  for (let at = 0; at < data.length; at += 7919) crc = crc32(data.subarray(at, at + 7919), crc);
  expect(crc).toBe(nodeCrc32(data));
  expect(crc32(new Uint8Array(0))).toBe(0);
});
