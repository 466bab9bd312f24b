/**
 * Atomic stream writes: what arrives in pieces of every size, across many
 * flushes, is on disk byte for byte under its name; a source that fails
 * leaves neither the file nor a temporary one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeStreamAtomic } from './atomicFile';
import { temporaryFolder } from './testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

const sha256Of = async (file: string) => {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(file)) hash.update(piece as Buffer);
  return hash.digest('hex');
};

it('writes a stream of small and large pieces, past several flushes, byte for byte', async () => {
  const block = randomBytes(3 * 1024 * 1024 + 7);
  const expected = createHash('sha256');
  let size = 0;
  async function* pieces() {
    // 80 MiB in pieces from 1 byte to 3 MiB, some of them empty.
    for (let index = 0; size < 80 * 1024 * 1024; index += 1) {
      const length = [0, 1, 17, 65_536 + 16, 1024 * 1024, block.length][index % 6]!;
      const piece = block.subarray(0, length);
      expected.update(piece);
      size += length;
      yield piece;
    }
  }
  const file = join(folder.path, 'evidence.mp4');
  await writeStreamAtomic(file, pieces());
  expect((await stat(file)).size).toBe(size);
  expect(await sha256Of(file)).toBe(expected.digest('hex'));
  expect(await readdir(folder.path)).toEqual(['evidence.mp4']);
});

it('leaves nothing behind when the source fails half way', async () => {
  const block = randomBytes(1024 * 1024);
  async function* failing() {
    // Past the first flush, so that one is under way or done when the source fails.
    for (let index = 0; index < 40; index += 1) yield block;
    throw new Error('the stick was pulled out');
  }
  await expect(writeStreamAtomic(join(folder.path, 'bundle.zip'), failing())).rejects.toThrow('the stick was pulled out');
  expect(await readdir(folder.path)).toEqual([]);
});
