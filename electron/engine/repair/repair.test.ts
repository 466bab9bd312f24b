/**
 * Check and repair where a sealed file no longer opens (an encrypted
 * archive's pack of records): the check reports it instead of stopping, the
 * repair keeps its bytes as stored (sealed again) and names it to be
 * restored from a backup, and the archive still opens with everything else.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Archive } from '../archive';
import { storageFor } from '../sealing';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';
import { checkArchive, repairArchiveAt } from '.';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

const passphrase = 'он бір он екі он үш';

it('a damaged pack of an encrypted archive is reported, kept as stored, and named to be restored', async () => {
  const dir = join(folder.path, 'archive');
  const archive = await Archive.create(dir, { name: 'Sealed', organization: '', passphrase, scryptCost: 2 ** 12 });
  const { recordId } = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Almaty' }) });
  const other = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Zhanaozen' }) });
  const pack = `packs/${recordId.slice(0, 2)}`;
  const storage = (archive as unknown as { storage: { locate(path: string): { file: string } } }).storage;
  const file = storage.locate(pack).file;
  await archive.close();
  const bytes = await readFile(file);
  bytes[bytes.length - 3]! ^= 1;
  await writeFile(file, bytes);

  const found = await checkArchive(dir, passphrase, 'command');
  expect(found.records).toContainEqual({ file: pack, reason: 'unreadable' });
  const { report } = await repairArchiveAt(dir, passphrase, 'command');
  expect(report?.notRepaired).toContain(pack);

  // The damaged pack's bytes, as they were on disk, are kept inside the archive.
  const reopened = await Archive.open(dir, passphrase);
  const kept = storageFor(dir, (reopened as unknown as { manifest: { encryption: never } }).manifest.encryption, (reopened as unknown as { keyring: never }).keyring);
  expect(Buffer.from((await kept.read(`${report!.setAside}/${pack}.stored`))!)).toEqual(bytes);
  expect(reopened.problems).toContainEqual({ file: pack, reason: 'unreadable' });
  if (other.recordId.slice(0, 2) !== recordId.slice(0, 2)) expect(reopened.getRecord(other.recordId).summary.data).toMatchObject({ title: 'Zhanaozen' });
  await reopened.close();
});

it('a damaged frame of an encrypted custody log: the log as stored is kept before it is written again', async () => {
  const dir = join(folder.path, 'archive');
  const archive = await Archive.create(dir, { name: 'Sealed', organization: '', passphrase, scryptCost: 2 ** 12 });
  for (const title of ['Almaty', 'Zhanaozen', 'Aktau']) await archive.save({ type: 'incident', data: sampleIncident({ title }) });
  const storage = (archive as unknown as { storage: { locate(path: string): { file: string } } }).storage;
  const file = storage.locate('custody.log').file;
  await archive.close();
  const bytes = await readFile(file);
  bytes[600]! ^= 1;
  await writeFile(file, bytes);

  await expect(Archive.open(dir, passphrase)).rejects.toMatchObject({ code: 'custodyBroken' });
  const found = await checkArchive(dir, passphrase, 'command');
  expect(found.custody).toMatchObject({ kind: 'unreadable' });
  const { report, after } = await repairArchiveAt(dir, passphrase, 'command');
  expect(after.custody).toBeNull();
  const reopened = await Archive.open(dir, passphrase);
  expect(reopened.tampering).toEqual([]);
  const kept = storageFor(dir, (reopened as unknown as { manifest: { encryption: never } }).manifest.encryption, (reopened as unknown as { keyring: never }).keyring);
  expect(Buffer.from((await kept.read(`${report!.setAside}/custody.log.stored`))!)).toEqual(bytes);
  await reopened.close();
});

it('through the contract: the open archive is closed for a repair, and a wrong passphrase leaves it locked, not open in name only', async () => {
  const { createEngine } = await import('../index');
  const engine = createEngine({
    defaultArchivePath: join(folder.path, 'default'),
    configDir: join(folder.path, 'config'),
    osLocale: 'en',
    version: 'test',
    dialogs: { chooseFolder: async () => null },
    scryptCost: 2 ** 12,
  });
  const path = join(folder.path, 'open');
  await engine.dispatch('archive:create', { name: 'Open', path, protection: { kind: 'passphrase', passphrase } });
  expect(await engine.dispatch('archive:check', { path, passphrase })).toMatchObject({ ok: true, value: { custody: null, records: [] } });
  expect(await engine.dispatch('archive:repair', { path, passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'wrongPassphrase' } });
  expect(await engine.dispatch('archive:status', {})).toMatchObject({ ok: true, value: { open: false, locked: { path } } });
  expect(await engine.dispatch('archive:open', { path, passphrase })).toMatchObject({ ok: true, value: { open: true } });
  await engine.dispatch('archive:lock', {});
});
