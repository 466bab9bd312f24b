/**
 * Adding evidence files as a long task: the progress counts the bytes of
 * both passes over every file, and a cancel at any point before the files
 * are listed leaves the archive exactly as it was, byte for byte: nothing
 * listed, no stored file, no custody line.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from './archive';
import { EngineError } from './errors';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

/** Every file of the archive folder with the sha256 of its bytes. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(root, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return files;
}

describe.each([
  ['an unencrypted', null],
  ['an encrypted', 'пароль для проверки'],
] as const)('adding files to %s archive', (_kind, passphrase) => {
  async function setup() {
    const dir = join(folder.path, 'archive');
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase, scryptCost: 2 ** 12 });
    const { recordId } = await archive.save({ type: 'incident', data: sampleIncident() });
    // Several read chunks each (1 MiB), so that progress and cancels land inside a file.
    const paths = [join(folder.path, 'видео 1.mp4'), join(folder.path, 'video 2.mp4')];
    for (const path of paths) await writeFile(path, randomBytes(3 * 2 ** 20 + 12_345));
    return { dir, archive, recordId, paths };
  }

  it('reports its progress in bytes, both passes over every file, up to the whole', async () => {
    const { archive, recordId, paths } = await setup();
    const reports: Array<[number, number]> = [];
    await archive.attach(recordId, paths.map((path) => ({ path })), { onProgress: (done, total) => reports.push([done, total]) });
    const total = 2 * 2 * (3 * 2 ** 20 + 12_345);
    expect(reports.every(([, whole]) => whole === total)).toBe(true);
    expect(reports.at(-1)).toEqual([total, total]);
    expect(reports.map(([done]) => done)).toEqual([...reports.map(([done]) => done)].sort((a, b) => a - b));
    expect(reports.length).toBeGreaterThan(8);
  });

  it.each([
    ['while the first file is hashed', 0.1],
    ['while the first file is stored', 0.4],
    ['while the second file is stored, the first already stored', 0.9],
  ])('cancelled %s, leaves the archive exactly as it was', async (_when, share) => {
    const { dir, archive, recordId, paths } = await setup();
    const before = await snapshot(dir);
    const stateBefore = await archive.stateHash();
    const controller = new AbortController();
    const attaching = archive.attach(recordId, paths.map((path) => ({ path })), {
      signal: controller.signal,
      onProgress: (done, total) => done > total * share && controller.abort(),
    });
    await expect(attaching).rejects.toEqual(new EngineError('cancelled'));
    expect(await archive.listAttachments(recordId)).toEqual([]);
    expect(await archive.stateHash()).toBe(stateBefore);
    expect(await snapshot(dir)).toEqual(before);
    // And the same files can still be added afterwards, whole.
    const added = await archive.attach(recordId, paths.map((path) => ({ path })));
    expect(added.map((entry) => entry.sha256)).toEqual(
      await Promise.all(paths.map(async (path) => createHash('sha256').update(await readFile(path)).digest('hex'))),
    );
  });

  it('keeps a file the archive already had when a later one is cancelled', async () => {
    const { archive, recordId, paths } = await setup();
    const [first] = await archive.attach(recordId, [{ path: paths[0]! }]);
    const controller = new AbortController();
    const attaching = archive.attach(recordId, paths.map((path) => ({ path })), {
      signal: controller.signal,
      onProgress: (done, total) => done > total * 0.8 && controller.abort(),
    });
    await expect(attaching).rejects.toEqual(new EngineError('cancelled'));
    expect((await archive.listAttachments(recordId)).map((entry) => entry.sha256)).toEqual([first!.sha256]);
    expect(await archive.evidence(recordId, first!.sha256)).not.toBeNull();
  });
});
