/**
 * Unsaved drafts (drafts.ts) as the app uses them through the engine: kept
 * and given back by form, told when the record changed meanwhile, refused
 * once locked, never readable in an encrypted folder (nor after a
 * passphrase change, a check or a repair), and never carried by a bundle, a
 * merge or the record history.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from './archive';
import { exportBundle } from './bundle/export';
import { createEngine, type Engine } from './index';
import { maxDrafts } from './drafts';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

const passphrase = 'Жаңаөзен, желтоқсан 2011';
/** What a person typed and did not save: it must appear nowhere it should not. */
const secret = 'Айгүл Сейітова, +7 701 555 12 34, Мұнайшы көшесі 7';

let folder: { path: string; remove: () => Promise<void> };
let engine: Engine;
let dir: string;

beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
  engine = createEngine({
    defaultArchivePath: dir,
    configDir: join(folder.path, 'config'),
    osLocale: 'kk-KZ',
    version: '0.0.0-test',
    dialogs: { chooseFolder: async () => null },
    scryptCost: 2 ** 12,
  });
});
afterEach(async () => {
  await engine.close();
  await folder.remove();
});

async function call(channel: string, request: unknown) {
  const result = await engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as Record<string, unknown>;
}

const createEncrypted = () => call('archive:create', { name: 'Дәлел', protection: { kind: 'passphrase', passphrase } });

/** Every file under `root` (any depth) whose bytes hold `text` as UTF-8 or UTF-16LE. */
async function filesHolding(root: string, text: string): Promise<string[]> {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), Buffer.from(JSON.stringify(text).slice(1, -1), 'utf8')];
  const found: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const bytes = await readFile(join(entry.parentPath, entry.name));
    if (needles.some((needle) => bytes.includes(needle))) found.push(join(entry.parentPath, entry.name));
  }
  return found;
}

describe('a form draft', () => {
  it('is kept by form, replaced, given back, and gone once deleted', async () => {
    await createEncrypted();
    expect(await call('drafts:get', { key: 'new' })).toEqual({ draft: null });
    await call('drafts:put', { key: 'new', data: { title: 'бірінші' } });
    const { savedAt } = await call('drafts:put', { key: 'new', data: { title: secret, areas: [{ place: 'Жаңаөзен' }] } });
    await call('drafts:put', { key: 'newSource:8f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b', data: { content: 'басқа' } });
    expect(await call('drafts:get', { key: 'new' })).toEqual({ draft: { data: { title: secret, areas: [{ place: 'Жаңаөзен' }] }, savedAt, recordChanged: false } });
    expect(await call('drafts:delete', { key: 'new' })).toEqual({ deleted: true });
    expect(await call('drafts:delete', { key: 'new' })).toEqual({ deleted: false });
    expect(await call('drafts:get', { key: 'new' })).toEqual({ draft: null });
    expect(await call('drafts:get', { key: 'newSource:8f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b' })).toMatchObject({ draft: { data: { content: 'басқа' } } });
  });

  it('survives a lock and a restart, and is refused while locked', async () => {
    await createEncrypted();
    await call('drafts:put', { key: 'new', data: { title: secret } });
    await call('archive:lock', {});
    expect(await engine.dispatch('drafts:get', { key: 'new' })).toEqual({ ok: false, error: { code: 'noArchive' } });
    expect(await engine.dispatch('drafts:put', { key: 'new', data: { title: 'x' } })).toEqual({ ok: false, error: { code: 'noArchive' } });
    await engine.close();
    await call('archive:open', { passphrase });
    expect(await call('drafts:get', { key: 'new' })).toMatchObject({ draft: { data: { title: secret } } });
  });

  it('says when the record it edits was changed since the draft was saved', async () => {
    await createEncrypted();
    const saved = await call('records:save', { type: 'incident', data: sampleIncident() });
    const recordId = saved.recordId as string;
    const key = `edit:${recordId}`;
    await call('drafts:put', { key, data: { title: secret }, recordId });
    expect(await call('drafts:get', { key, recordId })).toMatchObject({ draft: { recordChanged: false } });
    await call('records:save', { type: 'incident', recordId, parent: saved.revisionId, data: sampleIncident({ title: 'changed elsewhere' }) });
    expect(await call('drafts:get', { key, recordId })).toMatchObject({ draft: { data: { title: secret }, recordChanged: true } });
  });

  it('refuses keys that are not a form, and drafts too large, before anything is written', async () => {
    await createEncrypted();
    for (const key of ['../settings.json', '__proto__', 'new:not-an-id', '']) {
      expect(await engine.dispatch('drafts:put', { key, data: {} })).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    }
    expect(await engine.dispatch('drafts:put', { key: 'new', data: { content: 'ы'.repeat(1024 * 1024) } })).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    expect(await call('drafts:get', { key: 'new' })).toEqual({ draft: null });
  });

  it('read damaged, is reported as damage; the next draft starts the file afresh', async () => {
    await call('archive:create', { name: 'Дәлел', protection: { kind: 'none' } });
    await call('drafts:put', { key: 'new', data: { title: 'бірінші' } });
    await writeFile(join(dir, 'drafts.json'), '{"drafts": [');
    expect(await engine.dispatch('drafts:get', { key: 'new' })).toMatchObject({ ok: false, error: { code: 'archiveDamaged', params: { file: 'drafts.json' } } });
    await call('drafts:put', { key: 'new', data: { title: 'екінші' } });
    expect(await call('drafts:get', { key: 'new' })).toMatchObject({ draft: { data: { title: 'екінші' } } });
  });

  it(`keeps at most ${maxDrafts}, dropping the one saved longest ago`, async () => {
    await createEncrypted();
    const id = (index: number) => `8f1c2a4e-5b6d-4e7f-8a9b-${String(index).padStart(12, '0')}`;
    for (let index = 0; index <= maxDrafts; index += 1) await call('drafts:put', { key: `newEffect:${id(index)}`, data: { index } });
    expect(await call('drafts:get', { key: `newEffect:${id(0)}` })).toEqual({ draft: null });
    expect(await call('drafts:get', { key: `newEffect:${id(maxDrafts)}` })).toMatchObject({ draft: { data: { index: maxDrafts } } });
  });
});

describe('SECURITY: a draft in an encrypted archive', () => {
  it('is in no byte of the folder, open or locked', async () => {
    await createEncrypted();
    await call('records:save', { type: 'incident', data: sampleIncident() });
    await call('drafts:put', { key: 'new', data: { title: secret, summary: secret } });
    expect(await filesHolding(dir, secret)).toEqual([]);
    expect(await filesHolding(dir, 'Айгүл')).toEqual([]);
    await call('archive:lock', {});
    expect(await filesHolding(dir, 'Айгүл')).toEqual([]);
  });

  it('made in a plain archive, is sealed with everything else when that archive is encrypted', async () => {
    await call('archive:create', { name: 'Дәлел', protection: { kind: 'none' } });
    await call('drafts:put', { key: 'new', data: { title: secret } });
    // A plain archive is plain: the draft is readable there, as its records are.
    expect(await filesHolding(dir, secret)).toEqual([join(dir, 'drafts.json')]);
    await call('archive:encrypt', { passphrase });
    expect(existsSync(join(dir, 'drafts.json'))).toBe(false);
    expect(await filesHolding(dir, 'Айгүл')).toEqual([]);
    expect(await call('drafts:get', { key: 'new' })).toMatchObject({ draft: { data: { title: secret } } });
  });

  it('goes with the archive on quick delete', async () => {
    await createEncrypted();
    await call('archive:setSafety', { quickDelete: true, unlockAttemptLimit: null });
    await call('drafts:put', { key: 'new', data: { title: secret } });
    await call('archive:destroy', { confirm: true });
    expect(existsSync(dir)).toBe(false);
  });
});

/** SECURITY: the paths that rewrite or inspect a whole archive — a passphrase change with a new data key, a check, a repair. */
describe('SECURITY: a sealed draft through a whole-archive rewrite', () => {
  it("stays sealed and the person's across a passphrase change with a new data key", async () => {
    const next = 'Қаңтар 2022, Алматы, жаңа';
    await createEncrypted();
    await call('drafts:put', { key: 'new', data: { title: secret } });
    await call('archive:changePassphrase', { current: passphrase, next, newKey: true });
    expect(await filesHolding(dir, 'Айгүл')).toEqual([]);
    expect(await call('drafts:get', { key: 'new' })).toMatchObject({ draft: { data: { title: secret } } });
    await engine.close();
    expect(await engine.dispatch('archive:open', { passphrase })).toMatchObject({ ok: false });
    await call('archive:open', { passphrase: next });
    expect(await call('drafts:get', { key: 'new' })).toMatchObject({ draft: { data: { title: secret } } });
  });

  it('is neither damage to a check nor set aside by a repair, and stays sealed', async () => {
    await createEncrypted();
    await call('drafts:put', { key: 'new', data: { title: secret } });
    await engine.close();
    const checked = await call('archive:check', { path: dir, passphrase });
    const repaired = await call('archive:repair', { path: dir, passphrase });
    expect(JSON.stringify(checked)).not.toMatch(/drafts/);
    expect(JSON.stringify(repaired)).not.toMatch(/drafts/);
    expect(await filesHolding(dir, 'Айгүл')).toEqual([]);
    await call('archive:open', { passphrase });
    expect(await call('drafts:get', { key: 'new' })).toMatchObject({ draft: { data: { title: secret } } });
  });
});

describe('a draft is never a record', () => {
  it('changes neither the state hash nor the custody log, and no bundle of any profile carries it', async () => {
    await call('archive:create', { name: 'Дәлел', protection: { kind: 'none' } });
    await call('records:save', { type: 'incident', data: sampleIncident() });
    const { stateHash } = await call('archive:stateHash', {});
    const { events } = await call('custody:list', {});
    await call('drafts:put', { key: 'new', data: { title: secret } });
    expect(await call('archive:stateHash', {})).toEqual({ stateHash });
    expect(await call('custody:list', {})).toEqual({ events });
    await engine.close();

    const archive = await Archive.open(dir);
    try {
      for (const profile of ['internal', 'legal', 'public'] as const) {
        const out = join(folder.path, `${profile}.zip`);
        await exportBundle(archive, { out, profile, language: 'kk', softwareVersion: 'test' });
        const bag = join(folder.path, `${profile}-bag`);
        execFileSync('unzip', ['-q', out, '-d', bag]);
        expect(await filesHolding(bag, 'Айгүл')).toEqual([]);
      }
    } finally {
      await archive.close();
    }
  });

  it('is not carried by a merge into another archive', async () => {
    await call('archive:create', { name: 'Дәлел', protection: { kind: 'none' } });
    await call('records:save', { type: 'incident', data: sampleIncident() });
    await call('drafts:put', { key: 'new', data: { title: secret } });
    await engine.close();
    const target = await Archive.create(join(folder.path, 'organization'), { name: 'Ұйым', organization: '', passphrase: null });
    try {
      const other = await Archive.open(dir, undefined, { readOnly: true });
      await target.mergeFrom(other);
      await other.close();
      expect(target.listRecords('incident')).toHaveLength(1);
      expect(await target.draft('new')).toBeNull();
      expect(await filesHolding(target.path, 'Айгүл')).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
