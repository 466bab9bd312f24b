/**
 * Atomic stream writes: what arrives in pieces of every size, across many
 * flushes, is on disk byte for byte under its name; a source that fails
 * leaves neither the file nor a temporary one. Many files written together
 * replace old ones and create new ones, with no temporary file left.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeFilesAtomic, writeStreamAtomic } from './atomicFile';
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

it('makes no folder when told not to: a missing one fails the write and stays missing', async () => {
  const unmounted = join(folder.path, 'media', 'stick');
  await expect(writeStreamAtomic(join(unmounted, 'case.zip'), [Buffer.from('bundle')], { makeFolder: false })).rejects.toMatchObject({ code: 'ENOENT' });
  expect(await readdir(folder.path)).toEqual([]);
});

it('writes many files together, new ones and replacements, in many folders, leaving no temporary file', async () => {
  const files = Array.from({ length: 600 }, (_, index) => ({
    file: join(folder.path, (index % 40).toString(16).padStart(2, '0'), `record-${index}.json`),
    data: Buffer.from(`{"record":${index},"text":"Қаңтар ${'ж'.repeat(index)}"}\n`),
  }));
  // A third of them exist already and are replaced.
  for (const { file } of files.filter((_, index) => index % 3 === 0)) {
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, 'old');
  }
  await writeFilesAtomic(files);
  for (const { file, data } of files) expect(await readFile(file)).toEqual(data);
  const names = await readdir(folder.path, { recursive: true });
  expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  expect((await stat(files[1]!.file)).mode & 0o777).toBe(0o600);
});

it('leaves no temporary file when one of many cannot be put in place, and that one as it was', async () => {
  // A folder where a file should go: its rename fails, for root too.
  const blocked = join(folder.path, 'records', 'blocked.json');
  await mkdir(join(blocked, 'inside'), { recursive: true });
  const files = ['a.json', 'blocked.json', 'c.json'].map((name) => ({ file: join(folder.path, 'records', name), data: Buffer.from('new') }));
  await expect(writeFilesAtomic(files)).rejects.toThrow();
  expect((await stat(blocked)).isDirectory()).toBe(true);
  expect((await readdir(join(folder.path, 'records'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
});
