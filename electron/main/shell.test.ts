/**
 * The shell's wiring test. No Electron binary can run here, so it loads the
 * BUILT main bundle (out/main/index.js) with `electron` replaced by a
 * recording fake, and the built preload (out/preload/index.cjs) in a vm with
 * a fake `require`. It checks what a security review would: the window's
 * webPreferences, the app:// handler and its CSP, the request filter, the
 * permission and navigation denials, the IPC sender check in front of the
 * real engine, the menu, and the preload's window.dalel. It must never load
 * the real `electron` package (that would try to download the binary).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resources } from '../../shared/i18n';
import { channelNames, contract } from '../../shared/ipc';
import { sampleIncident } from '../engine/testing/fixtures';
import { contentSecurityPolicy, metaContentSecurityPolicy } from './contentSecurityPolicy';
import { reportContentSecurityPolicy } from './printing';
import { ensureBuilt, mainBundle, preloadBundle, rendererDir } from './testing/builtApp';
import { loadPreload } from './testing/preloadSandbox';
import * as fake from './testing/fakeElectron';
import { PDFDocument } from 'pdf-lib';

// Vitest transforms out/ like any source outside node_modules, so the bundle's `import … from "electron"` gets this.
vi.mock('electron', async () => {
  const { fakeElectron } = await import('./testing/fakeElectron');
  return { ...fakeElectron, default: fakeElectron };
});

const { app, BrowserWindow, ipcMain, Menu, dialog, protocol } = fake.fakeElectron;

type Handler = (event: unknown, request?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
const mainWindow = () => BrowserWindow.instances[0]!;
const handlerOf = (channel: string) =>
  ipcMain.handle.mock.calls.find(([name]) => name === channel)?.[1] as Handler;
const serve = (url: string, method = 'GET', headers: Record<string, string> = {}) =>
  (fake.protocolHandlers.get('app') as (request: Request) => Promise<Response>)(new Request(url, { method, headers }));
const trustedEvent = () => ({ sender: mainWindow().webContents, senderFrame: mainWindow().webContents.mainFrame });
const menuLabels = () => {
  const template = Menu.buildFromTemplate.mock.calls.at(-1)![0] as { label?: string }[];
  return template.map((item) => item.label);
};
let userData = '';

beforeAll(async () => {
  ensureBuilt();
  userData = mkdtempSync(join(tmpdir(), 'dalel-shell-'));
  fake.paths.userData = userData;
  await import(/* @vite-ignore */ mainBundle);
  await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1), { timeout: 10_000 });
  await vi.waitFor(() => expect(Menu.setApplicationMenu).toHaveBeenCalled());
}, 300_000);

afterAll(() => rmSync(userData, { recursive: true, force: true }));

describe('the built main bundle', () => {
  it('runs against the fake electron, never the real package (which would download a binary)', () => {
    const cache = Object.keys(createRequire(import.meta.url).cache);
    expect(cache.filter((path) => /node_modules[\\/]electron[\\/]index\.js$/.test(path))).toEqual([]);
    expect(app.whenReady).toHaveBeenCalled();
  });

  it('claims the single-instance lock and registers app:// as privileged before ready', () => {
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const log = fake.callOrder;
    expect(log.indexOf('registerSchemesAsPrivileged')).toBeLessThan(log.indexOf('whenReady'));
    expect(log.indexOf('enableSandbox')).toBeLessThan(log.indexOf('whenReady'));
    expect(log.indexOf('protocol.handle app')).toBeLessThan(log.indexOf('new BrowserWindow'));
  });

  it('a second launch focuses the existing window', () => {
    const before = mainWindow().focused;
    app.emit('second-instance', {}, [], '');
    expect(mainWindow().focused).toBe(before + 1);
  });
});

describe('the one window', () => {
  it('has exactly the locked-down webPreferences and a preload that exists', () => {
    const { preload, ...preferences } = mainWindow().options.webPreferences;
    expect(preferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(preload).toBe(preloadBundle);
    expect(existsSync(preload as string)).toBe(true);
    expect(mainWindow().options).toMatchObject({ minWidth: 1024, minHeight: 640 });
  });

  it('loads the UI from app://dalel/', () => {
    expect(mainWindow().loaded).toEqual(['app://dalel/index.html']);
  });

  it('denies new windows and <webview>', () => {
    expect(mainWindow().webContents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    const event = { preventDefault: vi.fn() };
    mainWindow().webContents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s is prevented unless the target is on app://dalel/', (name) => {
    const attempt = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      mainWindow().webContents.emit(name, event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(attempt('https://example.org/')).toBe(true);
    expect(attempt('http://127.0.0.1:8080/')).toBe(true);
    expect(attempt('file:///etc/passwd')).toBe(true);
    expect(attempt('app://evil/index.html')).toBe(true);
    expect(attempt('app://dalel/')).toBe(false);
    expect(attempt('app://dalel/index.html')).toBe(false);
  });

  it('guards every webContents created later, too', () => {
    const contents = new fake.FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    const event = { url: 'https://example.org/', preventDefault: vi.fn() };
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('the app:// protocol', () => {
  it('serves the built index.html with the strict CSP', async () => {
    const response = await serve('app://dalel/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe(readFileSync(join(rendererDir, 'index.html'), 'utf8'));
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(contentSecurityPolicy);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-|https?:|\*/);
    expect((await serve('app://dalel/')).status).toBe(200);
  });

  it('repeats the same policy in index.html, where the browser reads it before any script', () => {
    const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(metaContentSecurityPolicy);
    expect(contentSecurityPolicy.startsWith(metaContentSecurityPolicy)).toBe(true);
  });

  it('serves the built scripts as JavaScript', async () => {
    const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
    const script = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
    expect(script, 'the built index.html loads a script').toBeTruthy();
    const response = await serve(`app://dalel/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each([
    'app://dalel/../../package.json',
    'app://dalel/%2e%2e/%2e%2e/package.json',
    'app://dalel/..%2f..%2fpackage.json',
    'app://dalel/..%2fmain%2findex.js',
    'app://dalel/%2E%2E%2Fpreload%2Findex.cjs',
    'app://dalel/..%5c..%5cpackage.json',
    'app://dalel/%00index.html',
    'app://dalel/no-such-file.js',
    'app://evil/index.html',
    'app://dalel:8080/index.html',
  ])('refuses %s with a 404 that still carries the CSP', async (url) => {
    const response = await serve(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serve('app://dalel/index.html', 'POST')).status).toBe(405);
  });
});

describe('the session lockdown', () => {
  const session = fake.fakeElectron.session.defaultSession;
  const cancelled = (url: string) => {
    let response: { cancel?: boolean } | undefined;
    session.beforeRequest!({ url, method: 'GET', resourceType: 'xhr' }, (r: { cancel?: boolean }) => (response = r));
    return response?.cancel;
  };

  it('cancels every network request and lets the app load its own files', () => {
    for (const url of [
      'http://example.org/',
      'https://example.org/a.js',
      'ws://127.0.0.1:9000/',
      'wss://example.org/socket',
      'ftp://example.org/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'not a url',
    ]) {
      expect(cancelled(url), url).toBe(true);
    }
    expect(cancelled('app://dalel/index.html')).toBe(false);
    expect(cancelled('app://dalel/assets/index.js')).toBe(false);
  });

  it('denies every permission request and check', () => {
    const [requestHandler] = session.setPermissionRequestHandler.mock.calls[0]! as [(...args: unknown[]) => void];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler(mainWindow().webContents, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    const [checkHandler] = session.setPermissionCheckHandler.mock.calls[0]! as [(...args: unknown[]) => boolean];
    expect(checkHandler(mainWindow().webContents, 'media', 'app://dalel', {})).toBe(false);
    const [deviceHandler] = session.setDevicePermissionHandler.mock.calls[0]! as [(details: unknown) => boolean];
    expect(deviceHandler({ deviceType: 'usb' })).toBe(false);
  });

  it('turns the spellchecker off and away from the network', () => {
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    const [url] = session.setSpellCheckerDictionaryDownloadURL.mock.calls[0]! as [string];
    expect(url).not.toMatch(/^https?:/);
  });

  it('locks down any other session the app creates', () => {
    const other = fake.makeSession();
    app.emit('session-created', other);
    expect(other.setPermissionCheckHandler).toHaveBeenCalled();
    let response: { cancel?: boolean } | undefined;
    other.beforeRequest!({ url: 'https://example.org/' }, (r: { cancel?: boolean }) => (response = r));
    expect(response).toEqual({ cancel: true });
  });
});

describe('IPC', () => {
  it('registers every contract channel exactly once, and nothing else', () => {
    const registered = ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect([...registered].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual([...channelNames].sort());
  });

  it('lets the app\'s own main frame reach the real engine', async () => {
    const info = await handlerOf('app:info')(trustedEvent(), {});
    expect(info).toEqual({ ok: true, value: { version: '9.8.7-test', osLocale: 'en-US', networkAllowed: false } });
    const status = await handlerOf('archive:status')(trustedEvent(), {});
    expect(status).toEqual({ ok: true, value: { open: false, defaultPath: join(userData, 'archive'), locked: null } });
  });

  /** A main frame showing `url`: only the URL check can refuse it. */
  const mainFrameAt = (url: string) => () => {
    const frame = { url };
    return { sender: { mainFrame: frame }, senderFrame: frame };
  };
  const untrusted: [string, () => unknown][] = [
    ['a page on https', mainFrameAt('https://evil.example/')],
    ['another app:// host', mainFrameAt('app://evil/index.html')],
    ['a file:// page', mainFrameAt(`file://${join(rendererDir, 'index.html')}`)],
    ['app://dalel on another port', mainFrameAt('app://dalel:1/index.html')],
    ['a subframe on app://dalel', () => ({ sender: mainWindow().webContents, senderFrame: { url: 'app://dalel/index.html' } })],
    ['a destroyed frame', () => ({ sender: mainWindow().webContents, senderFrame: null })],
  ];

  it.each(untrusted)('refuses %s without reaching the engine', async (_name, event) => {
    expect(await handlerOf('app:info')(event(), {})).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    // A refused archive:create must leave no archive behind; a refused settings:set must change nothing.
    expect(await handlerOf('archive:create')(event(), { name: 'Seized' })).toMatchObject({ ok: false });
    expect(existsSync(join(userData, 'archive'))).toBe(false);
    const builds = Menu.buildFromTemplate.mock.calls.length;
    expect(await handlerOf('settings:set')(event(), { language: 'kk' })).toMatchObject({ ok: false });
    expect(await handlerOf('settings:get')(trustedEvent(), {})).toEqual({ ok: true, value: { language: null, lockAfterMinutes: 10, neutralLock: false } });
    expect(Menu.buildFromTemplate.mock.calls.length).toBe(builds);
  });

  it('answers the engine\'s folder dialog with a native directory picker', async () => {
    const result = await handlerOf('archive:choose')(trustedEvent(), { purpose: 'open' });
    expect(result).toEqual({ ok: true, value: { path: '/chosen/folder' } });
    const options = dialog.showOpenDialog.mock.calls.at(-1)!.at(-1) as { properties: string[] };
    expect(options.properties).toEqual(expect.arrayContaining(['openDirectory', 'createDirectory']));
  });
});

describe('what the page cannot do alone', () => {
  it('writes a bundle only where the person chose in the native save dialog, once per choice', async () => {
    const named = join(userData, 'sync-folder', 'everything.zip');
    expect(await handlerOf('bundle:export')(trustedEvent(), { out: named, profile: 'internal', language: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'exportPathNotChosen' },
    });
    fake.savedPath.value = join(userData, 'chosen.zip');
    expect(await handlerOf('bundle:chooseOut')(trustedEvent(), { suggested: named })).toEqual({ ok: true, value: { path: fake.savedPath.value } });
    const options = dialog.showSaveDialog.mock.calls.at(-1)!.at(-1) as { properties: string[] };
    expect(options.properties).toContain('dontAddToRecent');
    // The chosen path reaches the engine (no archive is open here, so it answers so); a second export must choose again.
    fake.messageBoxAnswer.value = 1;
    const first = await handlerOf('bundle:export')(trustedEvent(), { out: fake.savedPath.value, profile: 'legal', language: 'en' });
    expect(first).toMatchObject({ ok: false });
    expect((first.error as { code: string }).code).not.toBe('exportPathNotChosen');
    expect(await handlerOf('bundle:export')(trustedEvent(), { out: fake.savedPath.value, profile: 'legal', language: 'en' })).toMatchObject({
      error: { code: 'exportPathNotChosen' },
    });
    expect(existsSync(named)).toBe(false);
  });

  it('writes a time-stamp request only where the person chose, offering .tsq in the native save dialog', async () => {
    const named = join(userData, 'sync-folder', 'case.tsq');
    expect(await handlerOf('bundle:timeStampRequest')(trustedEvent(), { path: '/x.zip', out: named })).toMatchObject({
      ok: false,
      error: { code: 'exportPathNotChosen' },
    });
    fake.savedPath.value = join(userData, 'chosen.tsq');
    await handlerOf('bundle:chooseOut')(trustedEvent(), { suggested: named });
    const options = dialog.showSaveDialog.mock.calls.at(-1)!.at(-1) as { filters: { extensions: string[] }[] };
    expect(options.filters).toEqual([{ name: 'RFC 3161', extensions: ['tsq'] }]);
    // The chosen path reaches the engine, which finds no bundle at /x.zip; a second request must choose again.
    const first = await handlerOf('bundle:timeStampRequest')(trustedEvent(), { path: '/x.zip', out: fake.savedPath.value });
    expect((first.error as { code: string }).code).not.toBe('exportPathNotChosen');
    expect(await handlerOf('bundle:timeStampRequest')(trustedEvent(), { path: '/x.zip', out: fake.savedPath.value })).toMatchObject({
      error: { code: 'exportPathNotChosen' },
    });
    expect(existsSync(named)).toBe(false);
  });

  it('writes the tag manifest to sign elsewhere only where the person chose, offering .txt in the native save dialog', async () => {
    const named = join(userData, 'sync-folder', 'tagmanifest-sha256.txt');
    expect(await handlerOf('bundle:extractTagManifest')(trustedEvent(), { path: '/x.zip', out: named })).toMatchObject({
      ok: false,
      error: { code: 'exportPathNotChosen' },
    });
    fake.savedPath.value = join(userData, 'chosen.txt');
    await handlerOf('bundle:chooseOut')(trustedEvent(), { suggested: 'tagmanifest-sha256.txt' });
    const options = dialog.showSaveDialog.mock.calls.at(-1)!.at(-1) as { filters: { extensions: string[] }[] };
    expect(options.filters).toEqual([{ name: 'BagIt', extensions: ['txt'] }]);
    const first = await handlerOf('bundle:extractTagManifest')(trustedEvent(), { path: '/x.zip', out: fake.savedPath.value });
    expect((first.error as { code: string }).code).not.toBe('exportPathNotChosen');
    expect(await handlerOf('bundle:extractTagManifest')(trustedEvent(), { path: '/x.zip', out: fake.savedPath.value })).toMatchObject({
      error: { code: 'exportPathNotChosen' },
    });
    expect(existsSync(named)).toBe(false);
  });

  it('asks natively before an internal bundle, a destruction or a change of safety settings, and does nothing on Cancel', async () => {
    fake.messageBoxAnswer.value = 0;
    await handlerOf('bundle:chooseOut')(trustedEvent(), { suggested: '/x.zip' });
    const asked = dialog.showMessageBox.mock.calls.length;
    expect(await handlerOf('bundle:export')(trustedEvent(), { out: fake.savedPath.value, profile: 'internal', language: 'en' })).toMatchObject({
      error: { code: 'cancelled' },
    });
    const archive = join(userData, 'guarded');
    expect(await handlerOf('archive:create')(trustedEvent(), { name: 'Guarded', path: archive, protection: { kind: 'none' } })).toMatchObject({ ok: true });
    expect(await handlerOf('archive:setSafety')(trustedEvent(), { quickDelete: true, unlockAttemptLimit: null })).toMatchObject({ error: { code: 'cancelled' } });
    expect(await handlerOf('archive:destroy')(trustedEvent(), { confirm: true })).toMatchObject({ error: { code: 'cancelled' } });
    expect(existsSync(join(archive, 'dalel-archive.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(archive, 'dalel-archive.json'), 'utf8')).safety.quickDelete).toBe(false);
    expect(dialog.showMessageBox.mock.calls.length - asked).toBe(3);
    const box = dialog.showMessageBox.mock.calls.at(-1)!.at(-1) as { buttons: string[]; defaultId: number; cancelId: number };
    expect(box).toMatchObject({ defaultId: 0, cancelId: 0 });
    expect(box.buttons).toHaveLength(2);
    // Confirmed, the change goes through.
    fake.messageBoxAnswer.value = 1;
    expect(await handlerOf('archive:setSafety')(trustedEvent(), { quickDelete: true, unlockAttemptLimit: null })).toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(join(archive, 'dalel-archive.json'), 'utf8')).safety.quickDelete).toBe(true);
    expect(await handlerOf('archive:destroy')(trustedEvent(), { confirm: true })).toMatchObject({ ok: true });
    expect(existsSync(archive)).toBe(false);
  });
});

describe('the menu', () => {
  const common = resources as unknown as Record<string, { common: { menu?: Record<string, string> } }>;
  const label = (language: string, key: string) => common[language]!.common.menu?.[key] ?? common.en!.common.menu![key];

  it('is built from the English texts with roles for editing', () => {
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(Menu.buildFromTemplate.mock.results.at(-1)!.value);
    expect(menuLabels()).toContain(label('en', 'edit'));
    const template = Menu.buildFromTemplate.mock.calls.at(-1)![0] as { submenu?: { role?: string }[] }[];
    const roles = template.flatMap((item) => item.submenu ?? []).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']));
  });

  it('is rebuilt in the new language after a successful settings:set', async () => {
    const builds = Menu.buildFromTemplate.mock.calls.length;
    const result = await handlerOf('settings:set')(trustedEvent(), { language: 'ru' });
    expect(result).toEqual({ ok: true, value: { language: 'ru', lockAfterMinutes: 10, neutralLock: false } });
    await vi.waitFor(() => expect(Menu.buildFromTemplate.mock.calls.length).toBe(builds + 1));
    expect(menuLabels()).toContain(label('ru', 'edit'));
    expect(menuLabels()).toContain(label('ru', 'view'));
  });
});

// The preload runs as in the sandbox: its `require` knows only 'electron' (testing/preloadSandbox.ts).
describe('the preload (out/preload/index.cjs)', () => {
  it('exposes only window.dalel, with one namespaced function per channel', () => {
    const { exposed, required, code } = loadPreload();
    expect([...exposed.keys()]).toEqual(['dalel']);
    expect(required).toEqual(['electron']);
    expect(code, 'no zod in the preload').not.toMatch(/ZodType|ZodError|safeParse/);
    const dalel = exposed.get('dalel') as Record<string, Record<string, unknown>>;
    const methods = Object.entries(dalel).flatMap(([domain, verbs]) =>
      Object.entries(verbs).map(([verb, fn]) => {
        expect(typeof fn).toBe('function');
        return `${domain}:${verb}`;
      }),
    );
    expect(methods.sort()).toEqual([...channelNames].sort());
  });

  it('calls ipcRenderer.invoke with the channel and the request', async () => {
    const { exposed, invoke } = loadPreload();
    const dalel = exposed.get('dalel') as { records: { list(request: unknown): Promise<unknown> } };
    const result = await dalel.records.list({ type: 'incident' });
    expect(invoke).toHaveBeenCalledWith('records:list', { type: 'incident' });
    expect(result).toEqual({ ok: true, value: { records: [] } });
  });

  it('turns only files the person picked or dropped into paths for attachments:add', async () => {
    const { exposed, invoke, filesOnDisk } = loadPreload();
    const dalel = exposed.get('dalel') as { attachments: { add(request: unknown): Promise<unknown> } };
    const picked = new File(['bytes'], 'Жаңаөзен.jpg');
    filesOnDisk.set(picked, '/home/defender/Жаңаөзен.jpg');
    const recordId = crypto.randomUUID();
    await dalel.attachments.add({ recordId, files: [picked] });
    expect(invoke).toHaveBeenCalledWith('attachments:add', { recordId, paths: ['/home/defender/Жаңаөзен.jpg'] });
    invoke.mockClear();
    const refused = await dalel.attachments.add({ recordId, files: [new File(['x'], 'from a web page.png')] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'fileNotOnDisk', params: { name: 'from a web page.png' } } });
    expect(await dalel.attachments.add({ recordId, paths: ['/etc/passwd'], files: [] })).toEqual({ ok: true, value: { records: [] } });
    expect(invoke).toHaveBeenCalledWith('attachments:add', { recordId, paths: [] });
  });
});

// After the IPC tests, which expect no archive to be open.
describe('evidence files', () => {
  it('streams an evidence file of the open archive from app://dalel/evidence/, ranges included', async () => {
    const invoke = (channel: string, request: unknown) => handlerOf(channel)(trustedEvent(), request);
    const archive = join(userData, 'evidence-archive');
    expect(await invoke('archive:create', { path: archive, name: 'E', protection: { kind: 'none' } })).toMatchObject({ ok: true });
    const saved = (await invoke('records:save', { type: 'incident', data: sampleIncident() })) as { value: { recordId: string } };
    const file = join(userData, 'queue at the bank.mp4');
    const bytes = randomBytes(200_000);
    writeFileSync(file, bytes);
    const added = (await invoke('attachments:add', { recordId: saved.value.recordId, paths: [file] })) as {
      value: { attachments: { sha256: string }[] };
    };
    const url = `app://dalel/evidence/${saved.value.recordId}/${added.value.attachments[0]!.sha256}`;
    const whole = await serve(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    const part = await serve(url, 'GET', { Range: 'bytes=100000-100009' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100000-100009/200000');
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100_000, 100_010))).toBe(true);
    expect((await serve(`app://dalel/evidence/${saved.value.recordId}/${'a'.repeat(64)}`)).status).toBe(404);
    await invoke('archive:lock', {});
    expect((await serve(url)).status).toBe(404);
  });
});

describe('printing the report of a bundle', () => {
  it('prints in a hidden script-less window from a one-time app:// page, and the PDF goes into the bundle', async () => {
    const invoke = (channel: string, request: unknown) => handlerOf(channel)(trustedEvent(), request);
    expect(await invoke('archive:create', { path: join(userData, 'print-archive'), name: 'P', protection: { kind: 'none' } })).toMatchObject({ ok: true });
    await invoke('records:save', { type: 'incident', data: sampleIncident() });
    const out = join(userData, 'дәлел.zip');
    // The person chooses where in the native save dialog.
    fake.savedPath.value = out;
    await invoke('bundle:chooseOut', { suggested: out });
    const exported = (await invoke('bundle:export', { out, profile: 'legal', language: 'kk' })) as { ok: boolean; value: { pdf: boolean } };
    expect(exported).toMatchObject({ ok: true, value: { pdf: true } });

    const printer = BrowserWindow.instances.at(-1)!;
    expect(printer).not.toBe(mainWindow());
    expect(printer.options).toMatchObject({ show: false });
    expect(printer.options.webPreferences).toEqual({
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(printer.isDestroyed()).toBe(true);
    const [printed] = fake.printedPages;
    expect(printed!.url).toMatch(/^app:\/\/dalel\/print\/[0-9a-f]{32}$/);
    expect(printed!.status).toBe(200);
    expect(printed!.csp).toBe(reportContentSecurityPolicy);
    expect(printed!.html).toContain('<html lang="kk"');
    // Printed and forgotten: the address answers nothing any more.
    expect((await serve(printed!.url)).status).toBe(404);
    // The PDF printed, named by Dalel (reportPdf.ts), not by the browser.
    const pdf = await PDFDocument.load(execFileSync('unzip', ['-p', out, '*/data/report.pdf']));
    expect(pdf.getTitle()).toBe(`fake print of ${printed!.url}`);
    expect(pdf.getCreator()).toMatch(/^Dalel /);
  });
});

describe('quitting', () => {
  it('quits when the last window closes (except on macOS)', () => {
    app.quit.mockClear();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('closes the engine before the process exits', async () => {
    app.quit.mockClear();
    const event = { preventDefault: vi.fn() };
    app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    const again = { preventDefault: vi.fn() };
    app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
