import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from './index';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
let engine: Engine;
let internalErrors: unknown[];

function makeEngine(chooseFolder: () => Promise<string | null> = async () => null): Engine {
  return createEngine({
    defaultArchivePath: join(folder.path, 'default archive'),
    configDir: join(folder.path, 'config'),
    osLocale: 'kk-KZ',
    version: '0.0.0-test',
    dialogs: { chooseFolder },
    scryptCost: 2 ** 12,
    onInternalError: (error) => internalErrors.push(error),
  });
}

beforeEach(async () => {
  folder = await temporaryFolder();
  internalErrors = [];
  engine = makeEngine();
});
afterEach(async () => {
  await engine.close();
  await folder.remove();
});

describe('dispatch', () => {
  it('refuses unknown channels and malformed requests before any handler runs', async () => {
    expect(await engine.dispatch('fs:readFile', {})).toEqual({ ok: false, error: { code: 'unknownChannel', params: { channel: 'fs:readFile' } } });
    expect(await engine.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknownChannel' } });
    const bad = await engine.dispatch('archive:create', { name: 'x', path: '/tmp/x', shell: 'rm -rf /' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    expect(await engine.dispatch('archive:status', {})).toMatchObject({ ok: true, value: { open: false } });
  });

  it('says no archive is open instead of failing obscurely', async () => {
    expect(await engine.dispatch('records:list', { type: 'incident' })).toEqual({ ok: false, error: { code: 'noArchive' } });
  });

  it('creates the archive in the default folder and serves records', async () => {
    const created = await engine.dispatch('archive:create', { name: 'Дәлел', protection: { kind: 'none' } });
    expect(created).toMatchObject({ ok: true, value: { open: true, path: join(folder.path, 'default archive'), problems: [] } });
    const saved = await engine.dispatch('records:save', { type: 'incident', data: sampleIncident() });
    expect(saved.ok).toBe(true);
    const list = await engine.dispatch('records:list', { type: 'incident' });
    expect(list.ok && (list.value as { records: unknown[] }).records).toHaveLength(1);
    const invalid = await engine.dispatch('records:save', { type: 'incident', data: { title: '' } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalidRecord', problems: expect.arrayContaining([{ path: 'title', key: 'required', params: {} }]) } });
  });

  it('keeps the chosen language across restarts and reports the OS locale', async () => {
    expect(await engine.dispatch('settings:get', {})).toEqual({ ok: true, value: { language: null, lockAfterMinutes: 10, neutralLock: false } });
    expect(await engine.dispatch('app:info', {})).toMatchObject({ ok: true, value: { osLocale: 'kk-KZ', networkAllowed: false } });
    await engine.dispatch('settings:set', { language: 'ru' });
    await engine.dispatch('settings:set', { lockAfterMinutes: 0 });
    expect(await makeEngine().dispatch('settings:get', {})).toEqual({ ok: true, value: { language: 'ru', lockAfterMinutes: 0, neutralLock: false } });
    // The neutral lock screen is read before any archive is unlocked, so it lives here, outside every archive.
    await engine.dispatch('settings:set', { neutralLock: true });
    expect(await makeEngine().dispatch('settings:get', {})).toMatchObject({ ok: true, value: { neutralLock: true } });
    expect(await engine.dispatch('settings:set', { neutralLock: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    expect(await engine.dispatch('settings:set', { language: 'de' })).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
  });

  it('turns an unexpected exception into an internal error, never a throw', async () => {
    const broken = makeEngine(async () => {
      throw new Error('dialog crashed');
    });
    expect(await broken.dispatch('archive:choose', { purpose: 'open' })).toEqual({ ok: false, error: { code: 'internal' } });
    expect(internalErrors).toHaveLength(1);
  });
});
