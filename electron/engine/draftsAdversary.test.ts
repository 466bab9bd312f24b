/**
 * SECURITY (issue 21, adversarial): a form's sealed draft through the paths
 * that rewrite or inspect a whole archive — a passphrase change with a new
 * data key, a check, a repair — stays sealed (no byte of it readable in the
 * folder), stays the person's (still given back under the new passphrase),
 * and is never reported or set aside as damage.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from './index';
import { temporaryFolder } from './testing/fixtures';

const passphrase = 'Жаңаөзен, желтоқсан 2011';
const next = 'Қаңтар 2022, Алматы, жаңа';
const secret = 'Айгүл Сейітова, +7 701 555 12 34';

let folder: { path: string; remove: () => Promise<void> };
let engine: Engine;
let dir: string;

beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
  engine = createEngine({ defaultArchivePath: dir, configDir: join(folder.path, 'config'), osLocale: 'kk-KZ', version: '0.0.0-test', dialogs: { chooseFolder: async () => null }, scryptCost: 2 ** 12 });
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

async function anyFileHolds(root: string, text: string): Promise<boolean> {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(JSON.stringify(text).slice(1, -1), 'utf8')];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const bytes = await readFile(join(entry.parentPath, entry.name));
    if (needles.some((needle) => bytes.includes(needle))) return true;
  }
  return false;
}

describe('SECURITY: a sealed draft through a whole-archive rewrite', () => {
  it('stays sealed and the person\'s across a passphrase change with a new data key', async () => {
    await call('archive:create', { name: 'Дәлел', protection: { kind: 'passphrase', passphrase } });
    await call('drafts:put', { key: 'new', data: { title: secret } });
    await call('archive:changePassphrase', { current: passphrase, next, newKey: true });
    expect(await anyFileHolds(dir, 'Айгүл')).toBe(false);
    expect(await call('drafts:get', { key: 'new' })).toMatchObject({ draft: { data: { title: secret } } });
    await engine.close();
    expect(await engine.dispatch('archive:open', { passphrase })).toMatchObject({ ok: false });
    await call('archive:open', { passphrase: next });
    expect(await call('drafts:get', { key: 'new' })).toMatchObject({ draft: { data: { title: secret } } });
  });

  it('is neither damage to a check nor set aside by a repair, and stays sealed', async () => {
    await call('archive:create', { name: 'Дәлел', protection: { kind: 'passphrase', passphrase } });
    await call('drafts:put', { key: 'new', data: { title: secret } });
    await engine.close();
    const checked = await call('archive:check', { path: dir, passphrase });
    const repaired = await call('archive:repair', { path: dir, passphrase });
    expect(JSON.stringify(checked)).not.toMatch(/drafts/);
    expect(JSON.stringify(repaired)).not.toMatch(/drafts/);
    expect(await anyFileHolds(dir, 'Айгүл')).toBe(false);
    await call('archive:open', { passphrase });
    expect(await call('drafts:get', { key: 'new' })).toMatchObject({ draft: { data: { title: secret } } });
  });
});
