// Sealing an archive again under a new data key (reseal.ts): what an old
// manifest and an old passphrase can still open, interruptions, and archives
// sealed by an earlier version.
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from './archive';
import { Keyring, deriveKek, unwrapDataKey } from './crypto/keyring';
import { openFrames } from './crypto/sealedFrames';
import { openBuffer, openName } from './crypto/sealedFile';
import { readManifest } from './manifest';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

const cost = 2 ** 10;
const layout1Fixture = join(import.meta.dirname, 'testing', 'fixtures-layout1', 'archive');
let folder: { path: string; remove: () => Promise<void> };
let dir: string;
let manifestPath: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
  manifestPath = join(dir, 'dalel-archive.json');
});
afterEach(() => folder.remove());

/** Every custody event of the archive, oldest first. */
function custodyOf(archive: Archive): unknown[] {
  return [...(archive as unknown as { custody: { all(): unknown[] } }).custody.all()];
}

async function titles(archive: Archive): Promise<string[]> {
  return archive
    .listRecords('incident')
    .map((summary) => (archive.getRecord(summary.recordId).summary.data as { title: string }).title)
    .sort();
}

/** The data key an old manifest and its passphrase unwrap: what someone holding both has. */
async function keyFrom(manifestText: string, passphrase: string): Promise<Keyring> {
  const manifest = JSON.parse(manifestText);
  const kek = await deriveKek(passphrase, manifest.encryption.kdf);
  return new Keyring(unwrapDataKey(kek, manifest.encryption.wrappedKey, manifest.archiveId)!);
}

describe('sealing an archive again under a new key', () => {
  it('leaves an old copy of the manifest and the old passphrase unable to open anything written afterwards', async () => {
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: 'the old passphrase', scryptCost: cost });
    await archive.save({ type: 'incident', data: sampleIncident({ title: 'before' }) });
    const oldManifest = await readFile(manifestPath, 'utf8');

    // The attack against a passphrase change alone: the data key stays, so the old manifest still opens it.
    await archive.changePassphrase('the old passphrase', 'the second passphrase', cost);
    await archive.save({ type: 'incident', data: sampleIncident({ title: 'after the change' }) });
    await archive.close();
    const changedManifest = await readFile(manifestPath, 'utf8');
    await writeFile(manifestPath, oldManifest);
    expect(await titles(await Archive.open(dir, 'the old passphrase'))).toEqual(['after the change', 'before']);
    await writeFile(manifestPath, changedManifest);

    const second = await Archive.open(dir, 'the second passphrase');
    await expect(second.reseal('not it', 'the third passphrase', cost)).rejects.toMatchObject({ code: 'wrongPassphrase' });
    await second.reseal('the second passphrase', 'the third passphrase', cost);
    const third = await Archive.open(dir, 'the third passphrase');
    expect(await titles(third)).toEqual(['after the change', 'before']);
    await third.save({ type: 'incident', data: sampleIncident({ title: 'after sealing again' }) });
    await third.close();

    // Someone holding either old manifest and its passphrase: the archive does not open, and no
    // file in the folder opens under the key they unwrap.
    for (const [manifest, passphrase] of [
      [oldManifest, 'the old passphrase'],
      [changedManifest, 'the second passphrase'],
    ] as const) {
      const newManifest = await readFile(manifestPath, 'utf8');
      await writeFile(manifestPath, manifest);
      await expect(Archive.open(dir, passphrase)).rejects.toMatchObject({ code: 'archiveDamaged' });
      await writeFile(manifestPath, newManifest);
      const oldKey = await keyFrom(manifest, passphrase);
      const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && entry.name !== 'dalel-archive.json');
      expect(files.length).toBeGreaterThan(256);
      for (const entry of files) {
        const bytes = await readFile(join(entry.parentPath, entry.name));
        expect(() => openName(oldKey.contentKey, entry.name, bytes)).toThrow();
        expect(() => openBuffer(oldKey.contentKey, entry.name, bytes)).toThrow();
        expect(openFrames(2, oldKey.contentKey, entry.name, '', bytes).units).toEqual([]);
      }
    }
    expect(await titles(await Archive.open(dir, 'the third passphrase'))).toEqual(['after sealing again', 'after the change', 'before']);
  });

  it('is whole wherever it stops: the old archive before its new manifest, the new one after', async () => {
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: 'the old passphrase', scryptCost: cost });
    await archive.save({ type: 'incident', data: sampleIncident({ title: 'kept' }) });
    const stateHash = await archive.stateHash();
    await archive.close();
    const oldDataDir = (await readManifest(dir))!.encryption!.scheme === 'dalel-aes-256-gcm-2' ? JSON.parse(await readFile(manifestPath, 'utf8')).encryption.dataDir : '';

    // Stopped before the new manifest: a half-written data folder of its own, which goes.
    await mkdir(join(dir, 'data-00112233445566ff', 'ab'), { recursive: true });
    await writeFile(join(dir, 'data-00112233445566ff', 'ab', '0123456789abcdef0123456789abcdef'), 'half');
    const reopened = await Archive.open(dir, 'the old passphrase');
    expect(await reopened.stateHash()).toBe(stateHash);
    expect(existsSync(join(dir, 'data-00112233445566ff'))).toBe(false);

    // Stopped after it: the old folder is still there, and goes.
    await cp(join(dir, oldDataDir), join(folder.path, 'old copy'), { recursive: true });
    await reopened.reseal('the old passphrase', 'the new passphrase', cost);
    await cp(join(folder.path, 'old copy'), join(dir, oldDataDir), { recursive: true });
    const resealed = await Archive.open(dir, 'the new passphrase');
    expect(await resealed.stateHash()).toBe(stateHash);
    expect(existsSync(join(dir, oldDataDir))).toBe(false);
    await resealed.close();
  });

  it('brings an archive sealed by an earlier version to the padded layout, keeping every record, revision, file and custody event', async () => {
    await cp(layout1Fixture, dir, { recursive: true });
    const old = await Archive.open(dir, 'layout one passphrase');
    expect(old.status()).toMatchObject({ encrypted: true, resealAdvised: true, problems: [], tampering: [] });
    const stateHash = await old.stateHash();
    expect(stateHash).toBe('ad990e66932c6bfc642442d897027236374377a98bd0d11158f0d0a7bc9a158e');
    const custody = custodyOf(old);
    await old.reseal('layout one passphrase', 'a new passphrase for it', cost);

    const resealed = await Archive.open(dir, 'a new passphrase for it');
    expect(resealed.status()).toMatchObject({ resealAdvised: false, problems: [], tampering: [] });
    expect(await resealed.stateHash()).toBe(stateHash);
    expect(custodyOf(resealed)).toEqual(custody);
    const recordId = '6d593416-4f68-4374-8f31-5ba6d127625a';
    expect(resealed.getRecord(recordId).history).toHaveLength(2);
    const [attachment] = await resealed.listAttachments(recordId);
    const bytes: Buffer[] = [];
    for await (const piece of resealed.readBlob(attachment!.sha256)) bytes.push(Buffer.from(piece));
    const expected = Buffer.alloc(70_000);
    for (let index = 0; index < expected.length; index += 1) expected[index] = (index * 7) % 251;
    expect(Buffer.concat(bytes).equals(expected)).toBe(true);
    expect(existsSync(join(dir, 'data'))).toBe(false);
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const head = (await readFile(join(entry.parentPath, entry.name))).subarray(0, 4).toString();
      expect(['DLE1', 'DLF1']).not.toContain(head);
    }
  });
});
