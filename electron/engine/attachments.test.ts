import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from './archive';
import { FileBroken } from './storage';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const piece of stream) parts.push(Buffer.from(piece));
  return Buffer.concat(parts);
}

async function fileCount(root: string): Promise<number> {
  return (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
}

describe.each([
  ['an unencrypted', null],
  ['an encrypted', 'пароль для проверки'],
] as const)('attachments in %s archive', (_kind, passphrase) => {
  async function setup() {
    const dir = join(folder.path, 'archive');
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase, scryptCost: 2 ** 12 });
    const { recordId } = await archive.save({ type: 'incident', data: sampleIncident() });
    return { dir, archive, recordId };
  }

  it('are stored byte for byte under the sha256 that sha256sum prints, with their names exactly', async () => {
    const { archive, recordId } = await setup();
    const names = ['Банк жабық — Алматы.jpg', 'شهادة صوتية.m4a', '📵 закрытая аптека.pdf'];
    const files = names.map((name) => join(folder.path, name));
    for (const file of files) await writeFile(file, randomBytes(200_000 + Math.floor(Math.random() * 70_000)));
    const entries = await archive.attach(recordId, files.map((path) => ({ path })));
    for (const [index, entry] of entries.entries()) {
      const printed = execFileSync('sha256sum', [files[index]!], { encoding: 'utf8' }).split(' ')[0];
      expect(entry).toMatchObject({ sha256: printed, originalName: names[index], recordId, size: (await readFile(files[index]!)).length });
      expect((await collect(archive.readBlob(entry.sha256))).equals(await readFile(files[index]!))).toBe(true);
    }
    expect(entries.map((entry) => entry.mediaType)).toEqual(['image/jpeg', 'audio/mp4', 'application/pdf']);
    const listed = await (await Archive.open(archive.path, passphrase ?? undefined)).listAttachments(recordId);
    expect(listed.map((entry) => entry.originalName)).toEqual(names);
  });

  it('are stored once however often the same bytes are added, and each addition is in the custody log', async () => {
    const { dir, archive, recordId } = await setup();
    const other = await archive.save({ type: 'incident', data: sampleIncident({ title: 'other' }) });
    const file = join(folder.path, 'video.mp4');
    await writeFile(file, randomBytes(300_000));
    const copy = join(folder.path, 'copy of video.mp4');
    await writeFile(copy, await readFile(file));
    const before = await fileCount(dir);
    await archive.attach(recordId, [{ path: file }]);
    const afterFirst = await fileCount(dir);
    await archive.attach(recordId, [{ path: copy }]);
    await archive.attach(other.recordId, [{ path: file }]);
    // One blob and one attachment list for the first record; then only the second record's list. An
    // encrypted archive keeps the lists in its packs, there from the start (sealedPacks.ts): only the blob.
    expect(afterFirst - before).toBe(passphrase ? 1 : 2);
    expect((await fileCount(dir)) - afterFirst).toBe(passphrase ? 0 : 1);
    expect(await archive.listAttachments(recordId)).toHaveLength(1);
    const stateHash = await archive.stateHash();
    await archive.attach(recordId, [{ path: copy }]);
    expect(await archive.stateHash()).toBe(stateHash);
  });

  it('refuses a missing file or record clearly, writing nothing', async () => {
    const { dir, archive, recordId } = await setup();
    const before = await fileCount(dir);
    await expect(archive.attach(recordId, [{ path: join(folder.path, 'nowhere.jpg') }])).rejects.toMatchObject({ code: 'ioError' });
    await expect(archive.attach('8f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b', [{ path: __filename }])).rejects.toMatchObject({ code: 'recordNotFound' });
    expect(await fileCount(dir)).toBe(before);
  });

  it('change the state hash when added', async () => {
    const { archive, recordId } = await setup();
    const before = await archive.stateHash();
    const file = join(folder.path, 'photo.png');
    await writeFile(file, 'not really a png');
    await archive.attach(recordId, [{ path: file }]);
    expect(await archive.stateHash()).not.toBe(before);
  });
});

describe('an encrypted blob with a flipped byte', () => {
  it('is reported as that damaged file when read', async () => {
    const dir = join(folder.path, 'archive');
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: 'long passphrase', scryptCost: 2 ** 12 });
    const { recordId } = await archive.save({ type: 'incident', data: sampleIncident() });
    const file = join(folder.path, 'big.mov');
    await writeFile(file, randomBytes(1_000_000));
    const before = new Set((await readdir(dir, { recursive: true })).map(String));
    const [entry] = await archive.attach(recordId, [{ path: file }]);
    const added = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .filter((name) => !before.has(name.slice(dir.length + 1)));
    const blobFile = (await Promise.all(added.map(async (name) => ({ name, size: (await readFile(name)).length })))).sort((a, b) => b.size - a.size)[0]!.name;
    const bytes = await readFile(blobFile);
    bytes[600_000]! ^= 0x80;
    await writeFile(blobFile, bytes);
    const error = await collect(archive.readBlob(entry!.sha256)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileBroken);
    expect((error as FileBroken).path).toBe(`blobs/${entry!.sha256.slice(0, 2)}/${entry!.sha256}`);
  });
});
