import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from './archive';
import { CustodyLog } from './custodyLog';
import { PlainStorage } from './storage';
import { createEngine } from './index';
import { snapshotFile } from './recordSnapshot';
import { createBulkArchive } from './testing/bulkArchive';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
const passphrase = 'тау бұлағы 2022';
const cost = 2 ** 10;

beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
});
afterEach(() => folder.remove());

/** Opens, reads the state hash, closes (which lets a snapshot being written finish). */
async function openAndHash(passphrase?: string): Promise<{ from: string; stateHash: string; problems: unknown[] }> {
  const archive = await Archive.open(dir, passphrase);
  const result = { from: archive.recordsReadFrom, stateHash: await archive.stateHash(), problems: archive.problems };
  await archive.close();
  return result;
}

/** An archive big enough for a snapshot (more record files than the refresh threshold), opened once so that it has one. */
async function bulkWithSnapshot(): Promise<string> {
  const bulk = await createBulkArchive(dir, { incidents: 520 });
  const first = await openAndHash();
  expect(first.from).toBe('files');
  return bulk.incidentIds[0]!;
}

describe('the record snapshot', () => {
  it('opens from one file and holds exactly what the record files hold', async () => {
    await bulkWithSnapshot();
    const fromSnapshot = await openAndHash();
    expect(fromSnapshot.from).toBe('snapshot');
    await rm(join(dir, snapshotFile));
    const fromFiles = await openAndHash();
    expect(fromFiles).toEqual({ ...fromSnapshot, from: 'files' });
  });

  it('reads the records saved since it was written from their files', async () => {
    const oldId = await bulkWithSnapshot();
    const archive = await Archive.open(dir);
    const added = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Saved after the snapshot' }) });
    const head = archive.getRecord(oldId)!.summary.headId;
    await archive.save({ type: 'incident', recordId: oldId, parent: head, data: sampleIncident({ title: 'Edited after the snapshot' }) });
    const stateHash = await archive.stateHash();
    await archive.close();

    const reopened = await Archive.open(dir);
    expect(reopened.recordsReadFrom).toBe('snapshot');
    expect(await reopened.stateHash()).toBe(stateHash);
    expect((reopened.getRecord(added.recordId)!.summary.data as { title: string }).title).toBe('Saved after the snapshot');
    expect((reopened.getRecord(oldId)!.summary.data as { title: string }).title).toBe('Edited after the snapshot');
    await reopened.close();
  });

  it('is ignored when altered, and the archive is read from its files', async () => {
    await bulkWithSnapshot();
    const { stateHash } = await openAndHash();
    const path = join(dir, snapshotFile);
    const bytes = await readFile(path);
    // Rename one record in the middle of the snapshot: its MAC no longer matches.
    const at = bytes.indexOf('Mobile data cut', bytes.length / 2);
    bytes.write('Mobile DATA cut', at);
    await writeFile(path, bytes);
    expect(await openAndHash()).toMatchObject({ from: 'files', stateHash, problems: [] });
  });

  it('is ignored when the custody log no longer begins with the lines it vouches for', async () => {
    await bulkWithSnapshot();
    const { stateHash } = await openAndHash();
    // Another whole log, its chain intact, put in place of this one (a log restored from elsewhere).
    const other = await Archive.create(join(folder.path, 'other'), { name: 'Other', organization: '', passphrase: null });
    await other.close();
    await writeFile(join(dir, 'custody.log'), await readFile(join(folder.path, 'other', 'custody.log')));
    expect(await openAndHash()).toMatchObject({ from: 'files', stateHash, problems: [] });
  });

  it('does not hide a record file altered after it was written, once the log names that record again', async () => {
    const oldId = await bulkWithSnapshot();
    const archive = await Archive.open(dir);
    const head = archive.getRecord(oldId)!.summary.headId;
    await archive.save({ type: 'incident', recordId: oldId, parent: head, data: sampleIncident({ title: 'Edited' }) });
    await archive.close();
    const file = join(dir, 'records', oldId.slice(0, 2), `${oldId}.json`);
    await writeFile(file, (await readFile(file, 'utf8')).replace('Edited', 'Forged'));

    const reopened = await Archive.open(dir);
    expect(reopened.recordsReadFrom).toBe('snapshot');
    expect(reopened.problems).toEqual([{ file: `records/${oldId.slice(0, 2)}/${oldId}.json`, reason: 'tampered' }]);
    // Said to be damaged, naming its file: not "not in this archive".
    expect(() => reopened.getRecord(oldId)).toThrow(/recordDamaged/);
    await reopened.close();
  });

  it('is sealed in an encrypted archive, and still opens it from one file', async () => {
    await bulkWithSnapshot();
    const plain = await Archive.open(dir);
    const stateHash = await plain.stateHash();
    await plain.encryptInPlace(passphrase, cost);
    await plain.close();
    // Sealed with everything else on the way.
    expect(await openAndHash(passphrase)).toEqual({ from: 'snapshot', stateHash, problems: [] });

    const names = await readdir(dir, { recursive: true });
    expect(names.filter((name) => !name.startsWith('data') && name !== 'dalel-archive.json')).toEqual([]);
    for (const name of names.filter((name) => name.startsWith('data/') && name.split('/').length === 3)) {
      const bytes = await readFile(join(dir, name));
      expect(bytes.includes('Mobile data cut')).toBe(false);
    }
  }, 120_000);

  it('is never written into the other archive of a merge, which stays byte for byte as it was', async () => {
    const other = join(folder.path, 'other');
    await createBulkArchive(other, { incidents: 520 });
    const fingerprint = async () => {
      const hash = createHash('sha256');
      for (const name of (await readdir(other, { recursive: true })).sort()) {
        hash.update(name);
        hash.update(await readFile(join(other, name)).catch(() => Buffer.alloc(0)));
      }
      return hash.digest('hex');
    };
    const before = await fingerprint();
    const engine = createEngine({ defaultArchivePath: dir, configDir: join(folder.path, 'config'), osLocale: 'en', version: 'test', dialogs: { chooseFolder: async () => null } });
    expect(await engine.dispatch('archive:create', { path: dir, name: 'Organization', protection: { kind: 'none' } })).toMatchObject({ ok: true });
    const merged = await engine.dispatch('archive:merge', { path: other });
    expect(merged).toMatchObject({ ok: true, value: { revisionsAdded: 520 } });
    await engine.close();
    expect(await fingerprint()).toBe(before);
    // The organization's own archive, which read 520 new record files, has its snapshot.
    expect(await openAndHash()).toMatchObject({ from: 'snapshot' });
  });

  it('leaves the custody lines it vouches for unchecked, yet gives every one of them when asked, even 150k', async () => {
    const storage = new PlainStorage(folder.path);
    const log = await CustodyLog.open(storage);
    const actor = 'SHA256:' + 'A'.repeat(43);
    const recordId = '5b42d655-b743-4e12-93fc-15e7cb1e72fe';
    await log.appendPrepared(log.prepare(actor, Array.from({ length: 150_000 }, (_, index) => ({ action: 'record_saved' as const, recordId, note: String(index) }))));
    const reopened = await CustodyLog.open(storage, log.prefix());
    expect(reopened.prefixMatched).toBe(true);
    const events = reopened.eventsFor(recordId);
    expect(events).toHaveLength(150_000);
    expect(events.at(-1)).toMatchObject({ seq: 149_999, note: '149999' });
    await reopened.append(actor, 'record_saved', { recordId });
    expect(reopened.eventsFor(recordId)).toHaveLength(150_001);
  }, 120_000);
});
