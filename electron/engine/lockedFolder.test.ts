// What a locked folder shows, tried as a police examiner would with the folder
// and no passphrase: whether a known file is inside, how many records it
// holds, when it was used. Each attack is shown to work against the layout
// archives were sealed in before (layout 1), then to fail against layout 2.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from './archive';
import { padme, paddedLength } from './crypto/padding';
import { quietTime } from './atomicFile';
import { SigningKey } from './signingKey';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

const passphrase = 'Ақтау, қаңтар, түнгі ауысым';
const layout1Fixture = join(import.meta.dirname, 'testing', 'fixtures-layout1', 'archive');
const cost = 2 ** 10;
let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

/** Every file under `root` with its size: all an examiner without the passphrase can measure. */
async function sizes(root: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.push((await stat(join(entry.parentPath, entry.name))).size);
  }
  return found.sort((a, b) => a - b);
}

/** A known file: the same bytes the police hold (a copy of a protest video, say). */
async function knownFile(size: number): Promise<string> {
  const file = join(folder.path, `known-${size}.mp4`);
  await writeFile(file, randomBytes(size));
  return file;
}

describe('padding', () => {
  it('rounds a length up by at most 12 % beyond the smallest sizes, and puts 100,000 and 100,100 bytes in one size', () => {
    for (let length = 1000; length < 5e9; length = Math.ceil(length * 1.37)) {
      expect(padme(length)).toBeGreaterThanOrEqual(length);
      expect(padme(length) / length).toBeLessThan(1.12);
    }
    expect(paddedLength(100_000)).toBe(paddedLength(100_100));
  });
});

describe('a locked folder', () => {
  it('leaves no file whose size tells a known file of 100,000 bytes from one of 100,100', async () => {
    // The attack against layout 1 (the archive in testing/fixtures-layout1 was sealed by Dalel before
    // layout 2): a sealed file is the plain file, a fixed header and 16 bytes per 64 KiB chunk.
    const layout1Size = (length: number) => 4 + 16 + 2 + 'blobs/ab/'.length + 64 + 16 + Math.ceil(length / 65_536) * 16 + length;
    expect(await sizes(layout1Fixture), 'layout 1 shows the 70,000-byte file it holds').toContain(layout1Size(70_000));
    const small = await knownFile(100_000);
    const large = await knownFile(100_100);

    // Layout 2: two archives alike but for the file added; nothing an examiner measures differs.
    const withFile = async (file: string, name: string) => {
      const archive = await Archive.create(join(folder.path, name), { name: 'A', organization: '', passphrase, scryptCost: cost });
      const { recordId } = await archive.save({ type: 'incident', data: sampleIncident() });
      await archive.attach(recordId, [{ path: file }]);
      await archive.close();
      return sizes(join(folder.path, name));
    };
    const [withSmall, withLarge] = [await withFile(small, 'three'), await withFile(large, 'four')];
    expect(withSmall).toEqual(withLarge);
    expect(withSmall).not.toContain(layout1Size(100_000));
  });

  it('does not tell how many records and revisions it holds by the number or sizes of its files', async () => {
    const holding = async (name: string, records: number, edits: number) => {
      const archive = await Archive.create(join(folder.path, name), { name: 'A', organization: '', passphrase, scryptCost: cost });
      for (let index = 0; index < records; index += 1) {
        const { recordId } = await archive.save({ type: 'incident', data: sampleIncident({ title: `Оқиға ${index}` }) });
        for (let edit = 0; edit < edits; edit += 1) await archive.save({ type: 'incident', recordId, data: sampleIncident({ title: `Оқиға ${index}.${edit}` }) });
      }
      await archive.close();
      return sizes(join(folder.path, name));
    };
    // One record, against twelve records of three revisions each: 36 revisions, 37 custody events.
    const one = await holding('one', 1, 0);
    const many = await holding('many', 12, 2);
    expect(many.length).toBe(one.length);
    expect(many).toEqual(one);
  });

  it('gives every file and folder one modified time that says nothing of when it was used', async () => {
    const dir = join(folder.path, 'archive');
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase, scryptCost: cost });
    const { recordId } = await archive.save({ type: 'incident', data: sampleIncident() });
    await archive.attach(recordId, [{ path: await knownFile(70_000) }]);
    await archive.close();
    const entries = [dir, ...(await readdir(dir, { recursive: true })).map((name) => join(dir, name))];
    const times = await Promise.all(entries.map(async (path) => ({ path: relative(dir, path), mtime: (await stat(path)).mtime.getTime() })));
    expect(times.filter(({ mtime }) => mtime !== quietTime.getTime()).map(({ path }) => path)).toEqual([]);
  });

  it('holds no custody log a reader can split into events: no marker, no length in the clear', async () => {
    const dir = join(folder.path, 'archive');
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase, scryptCost: cost });
    for (let index = 0; index < 5; index += 1) await archive.save({ type: 'incident', data: sampleIncident() });
    await archive.close();
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const bytes = await readFile(join(entry.parentPath, entry.name));
      // Layout 1 began every frame with this marker and its length.
      expect(bytes.includes(Buffer.from('DLF1'))).toBe(false);
    }
  });
});

describe('the padded custody log', () => {
  const create = () => Archive.create(join(folder.path, 'archive'), { name: 'A', organization: '', passphrase, scryptCost: cost });
  /** The custody log's stored file and where its units end (the test holds the key; an examiner cannot find either). */
  function logOf(archive: Archive): { file: string; end: number } {
    const storage = archive['storage' as keyof Archive] as unknown as {
      locate(path: string): { file: string };
      logs: { ends: Map<string, { end: number }> };
    };
    return { file: storage.locate('custody.log').file, end: storage.logs.ends.get('custody.log')!.end };
  }
  const eventsOf = (archive: Archive) => (archive as unknown as { custody: { length: number } }).custody.length;

  it('refuses to open when damaged in the middle, and writes nothing over what may still be recovered', async () => {
    const archive = await create();
    for (let index = 0; index < 10; index += 1) await archive.save({ type: 'incident', data: sampleIncident({ title: `${index}` }) });
    const { file, end } = logOf(archive);
    await archive.close();
    const bytes = await readFile(file);
    bytes[Math.floor(end / 2)]! ^= 0x01;
    await writeFile(file, bytes);
    await expect(Archive.open(join(folder.path, 'archive'), passphrase)).rejects.toMatchObject({ code: 'custodyBroken' });
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });

  it('opens after an append torn by a power cut, and goes on from where the acknowledged events end', async () => {
    const archive = await create();
    await archive.save({ type: 'incident', data: sampleIncident() });
    const { file, end } = logOf(archive);
    const events = eventsOf(archive);
    await archive.close();
    // A torn append: the first bytes of a new frame written over the filler's header, the rest never.
    const bytes = await readFile(file);
    randomBytes(30).copy(bytes, end);
    await writeFile(file, bytes);
    const reopened = await Archive.open(join(folder.path, 'archive'), passphrase);
    expect(reopened.status()).toMatchObject({ problems: [], tampering: [] });
    expect(eventsOf(reopened)).toBe(events);
    await reopened.save({ type: 'incident', data: sampleIncident() });
    await reopened.close();
    const again = await Archive.open(join(folder.path, 'archive'), passphrase);
    expect(again.status()).toMatchObject({ problems: [], tampering: [] });
    expect(eventsOf(again)).toBe(events + 1);
  });

  it('refuses a save rather than write over what another program appended since (the app and the command at once)', async () => {
    const dir = join(folder.path, 'archive');
    await (await create()).close();
    const app = await Archive.open(dir, passphrase);
    const command = await Archive.open(dir, passphrase);
    await command.save({ type: 'incident', data: sampleIncident({ title: 'from the command' }) });
    await expect(app.save({ type: 'incident', data: sampleIncident({ title: 'from the app' }) })).rejects.toMatchObject({ code: 'archiveInUse' });
    await command.close();
    await app.close();
    const reopened = await Archive.open(dir, passphrase);
    expect(reopened.status()).toMatchObject({ problems: [], tampering: [] });
    expect(reopened.listRecords('incident').map((record) => (reopened.getRecord(record.recordId).summary.data as { title: string }).title)).toEqual(['from the command']);
  });
});

describe('what else a locked folder could count', () => {
  it('does not tell how many signers are trusted by the size of their list', async () => {
    const trusting = async (name: string, signers: number) => {
      const archive = await Archive.create(join(folder.path, name), { name: 'A', organization: '', passphrase, scryptCost: cost });
      for (let index = 0; index < signers; index += 1) await archive.trust(SigningKey.generate().publicLine, `Signer ${index}`);
      await archive.close();
      return sizes(join(folder.path, name));
    };
    expect(await trusting('one', 1)).toEqual(await trusting('ten', 10));
  });

  it.runIf(process.platform === 'linux')('leaves the accessed time of a file it reads as it was (Linux)', async () => {
    const dir = join(folder.path, 'archive');
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase, scryptCost: cost });
    const { recordId } = await archive.save({ type: 'incident', data: sampleIncident() });
    const [attached] = await archive.attach(recordId, [{ path: await knownFile(70_000) }]);
    await archive.close();
    const reopened = await Archive.open(dir, passphrase);
    for await (const _ of reopened.readBlob(attached!.sha256)) void _;
    await reopened.close();
    const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const accessed = await Promise.all(entries.map(async (entry) => (await stat(join(entry.parentPath, entry.name))).atime.getTime()));
    expect(accessed.filter((time) => time !== quietTime.getTime())).toEqual([]);
  });
});
