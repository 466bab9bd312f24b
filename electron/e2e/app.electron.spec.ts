/**
 * The main flows in the real Electron app (out/main/index.js, launched by
 * Playwright's `_electron`): the start screen, creating an archive in a
 * temporary user-data folder, an incident saved through window.dalel (the
 * preload, the IPC sender check and the engine in one go) and then listed by
 * the UI, and the lockdown as the real Chromium enforces it. The incident form
 * itself is driven by the renderer specs (*.renderer.spec.ts); these prove
 * the shell around it. They skip, with a message, where no Electron binary is
 * installed: the binary is looked up from node_modules/electron/path.txt and
 * never by requiring 'electron' (which would try to download it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { DalelApi } from '../../shared/ipc';
import { channelNames } from '../../shared/ipc/names';
import { sampleIncident } from '../engine/testing/fixtures';

const root = fileURLToPath(new URL('../../', import.meta.url));
const mainBundle = join(root, 'out/main/index.js');

/** The installed Electron binary, found the way the electron package finds it, or null. */
function electronBinary(): string | null {
  const packageDir = join(root, 'node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(distDir, readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const skipReason =
  'Electron binary not installed (node_modules/electron/path.txt missing or pointing to no file): ' +
  'Electron specs skipped; they run where the binary is installed';

if (binary === null) console.warn(skipReason);
test.skip(binary === null, skipReason);

/** The environment without anything that would turn Electron into plain Node, in English. */
function launchEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'NODE_OPTIONS') env[key] = value;
  }
  return { ...env, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US', LC_ALL: 'en_US.UTF-8' };
}

/** The page's window with the preload's bridge (the callbacks below run in the page, so they cast inline). */
type WithDalel = { dalel: DalelApi };

let userData = '';
let app: ElectronApplication;
let page: Page;

test.beforeEach(async () => {
  expect(existsSync(mainBundle), 'out/main/index.js is missing: run `npx electron-vite build` first').toBe(true);
  userData = mkdtempSync(join(tmpdir(), 'dalel-electron-'));
  app = await electron.launch({
    executablePath: binary!,
    // The project folder, so Electron reads package.json (name, version, main).
    args: [root, `--user-data-dir=${userData}`, '--lang=en-US'],
    cwd: root,
    env: launchEnv(),
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterEach(async () => {
  await app?.close();
  rmSync(userData, { recursive: true, force: true });
});

test('the app starts on the start screen, with its data in the given user-data folder', async () => {
  expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(userData);
  expect(page.url()).toMatch(/^app:\/\/dalel\/index\.html/);
  await expect(page.locator('#create-archive-title')).toBeVisible();
  await expect(page.locator('#archive-create-folder')).toHaveValue(join(userData, 'archive'));
});

test('create an encrypted archive, save an incident, see it listed', async () => {
  await page.locator('#archive-name').fill('Almaty defenders');
  await page.locator('#archive-passphrase').fill('violet tractor lantern 1986');
  await page.locator('#archive-passphrase-confirm').fill('violet tractor lantern 1986');
  await page.locator('form[aria-labelledby="create-archive-title"] button[type="submit"]').click();
  await expect(page.locator('#create-archive-title')).toBeHidden();
  expect(existsSync(join(userData, 'archive'))).toBe(true);

  const incident = sampleIncident({ title: 'Mobile data cut in Almaty' });
  const saved = await page.evaluate((data) => (window as unknown as WithDalel).dalel.records.save({ type: 'incident', data }), incident);
  expect(saved).toMatchObject({ ok: true });

  await page.reload();
  await expect(page.getByText('Mobile data cut in Almaty', { exact: true }).first()).toBeVisible();
  const listed = await page.evaluate(() => (window as unknown as WithDalel).dalel.records.list({ type: 'incident' }));
  expect(listed.ok && listed.value.records).toHaveLength(1);
});

// The webPreferences literals are asserted by electron/main/shell.test.ts; here, what they mean in a real page.
test('the page has no Node, no ipcRenderer, no network, no popups and no eval', async () => {
  const seen = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown> & { dalel: Record<string, unknown> };
    const fetched = await fetch('https://example.org/').then(
      () => 'reached',
      () => 'blocked',
    );
    let evaluated = 'blocked';
    try {
      new Function('return 1')();
      evaluated = 'ran';
    } catch {
      // The CSP (script-src 'self', no 'unsafe-eval') forbids building code from strings.
    }
    return {
      require: typeof w.require,
      process: typeof w.process,
      domains: Object.keys(w.dalel).sort(),
      ipcRenderer: 'ipcRenderer' in w || 'ipcRenderer' in w.dalel,
      popup: window.open('https://example.org/') === null ? 'denied' : 'opened',
      fetched,
      evaluated,
    };
  });
  expect(seen).toEqual({
    require: 'undefined',
    process: 'undefined',
    domains: [...new Set(channelNames.map((channel) => channel.split(':')[0]))].sort(),
    ipcRenderer: false,
    popup: 'denied',
    fetched: 'blocked',
    evaluated: 'blocked',
  });
  expect(app.windows()).toHaveLength(1);
});
