/**
 * The browser test harness (DESIGN.md, "One contract, three callers"): the
 * built renderer (out/renderer) in Chromium, its `window.dalel` bound to the
 * real engine running in this test process on a temporary archive. App files
 * are served from disk under a fake origin with the app's CSP; every other
 * request is recorded and aborted, so a spec can prove the UI never touches
 * the network. Nothing listens on a port. Specs use `test` from here and get
 * a `dalel` session; `osLocale` (and Playwright's own `timezoneId`) can be set
 * per test with `test.use`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type BrowserContext, type Page, type Route } from '@playwright/test';
import { channelNames, fileRequests } from '../../shared/ipc/names';
import type { Engine } from '../engine';
import { contentSecurityPolicy } from '../main/contentSecurityPolicy';

const rendererDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

/** The fake origin the UI is served from; Chromium never resolves it (every request is routed). */
export const appOrigin = 'http://dalel.localhost';
export const appUrl = `${appOrigin}/`;


/** Prefix of the renderer's console warning for an i18n key that exists in no locale (renderer/src/i18n.ts). */
const missingKeyWarning = '[i18n] missing key';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface DalelSession {
  page: Page;
  context: BrowserContext;
  engine: Engine;
  /**
   * The temporary folder: archive/ (default archive), config/, chosen/ (what
   * the folder dialog answers), "saved bundle.zip" (what the save dialog answers).
   */
  dir: string;
  /** Every URL the page tried to reach outside the app's own files. Must stay empty. */
  externalRequests: string[];
  /** i18n keys the UI asked for that exist in no locale. Must stay empty. */
  missingKeys: string[];
  /** Uncaught page errors and console errors (a CSP violation logs one). */
  pageErrors: string[];
  /** Loads the app and waits until it has rendered its first screen. */
  open(): Promise<void>;
  /**
   * Files the person has at hand: a File named like one of these (its
   * basename) that the page hands to attachments.add or bundle.verify is read from this path.
   */
  offerFiles(paths: readonly string[]): void;
  /**
   * Makes an archive at `path` with a separate engine (as another run of the app would), for "open" flows:
   * encrypted with `passphrase` (by default `testPassphrase`), or unencrypted when it is null.
   */
  createArchiveAt(path: string, name: string, passphrase?: string | null): Promise<void>;
}

/** The passphrase the specs give their archives unless a test says otherwise. */
export const testPassphrase = 'violet tractor lantern 1986';

/** A small scrypt cost, so that creating and unlocking archives keeps the specs fast (the app uses the engine's default). */
const scryptCost = 2 ** 12;

interface HarnessOptions {
  osLocale: string;
}

/** Where the tests' "user" lives unless a test says otherwise: new times default to this zone's offset. */
const defaultTimezone = 'Asia/Almaty';

/**
 * The engine reaches JSON (the gazetteer, the locales) through imports
 * without `with { type: 'json' }`, as Vite and TypeScript's "bundler"
 * resolution allow; Node's ESM loader, which Playwright uses here, refuses
 * them. This resolve hook adds the attribute, and the engine is imported only
 * after it is in place (a static import would be resolved before it).
 */
const jsonImportHook = `export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.endsWith('.json') && !context.importAttributes?.type) return { ...result, importAttributes: { type: 'json' } };
  return result;
}`;
let engineModule: Promise<typeof import('../engine/index')> | undefined;
function loadEngine() {
  if (!engineModule) {
    register(`data:text/javascript,${encodeURIComponent(jsonImportHook)}`);
    engineModule = import('../engine/index');
  }
  return engineModule;
}

/** Maps a URL path to a file inside out/renderer, or null. */
function appFile(pathname: string): string | null {
  const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  const file = normalize(join(rendererDir, relative));
  // SECURITY: serve only files inside the built renderer, never a path that climbs out of it.
  return file.startsWith(rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep) ? file : null;
}

/** Evidence previews: the engine's answer for /evidence/…, as the app's protocol gives it (electron/main/protocol.ts). */
async function serveEvidence(engine: Engine, route: Route, url: URL): Promise<void> {
  const request = route.request();
  const answer = await engine.evidence({
    pathname: url.pathname,
    method: request.method(),
    range: (await request.headerValue('range')) ?? null,
  });
  const pieces: Uint8Array[] = [];
  if (answer.body) for await (const piece of answer.body) pieces.push(piece);
  await route.fulfill({ status: answer.status, headers: answer.headers, body: Buffer.concat(pieces) });
}

async function serveApp(context: BrowserContext, engine: Engine, evidencePrefix: string, externalRequests: string[]): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== appOrigin) {
      externalRequests.push(url.href);
      return route.abort('blockedbyclient');
    }
    if (url.pathname.startsWith(evidencePrefix)) return serveEvidence(engine, route, url);
    const file = appFile(url.pathname);
    if (!file || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      status: 200,
      body: await readFile(file),
      headers: {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': contentSecurityPolicy,
      },
    });
  });
  await context.routeWebSocket(/.*/, (socket) => {
    externalRequests.push(socket.url());
    void socket.close();
  });
}

/** What the page passes for a File in place of its path; the test process maps it to an offered file. */
const offeredFile = 'offered-file:';

type FileRequests = Record<string, { from: string; to: string; many: boolean }>;

/**
 * Builds `window.dalel` in the page over the binding, the same shape as
 * buildApi in shared/ipc/names.ts. Files handed to the methods of
 * fileRequests cross as their names; only files the test offered
 * (offerFiles) have a path on the other side, as only picked or dropped
 * files have one in the app.
 */
function installApi([names, files, filePrefix]: [readonly string[], FileRequests, string]): void {
  type Invoke = (channel: string, request: unknown) => Promise<unknown>;
  // Looked up at call time: the binding may be installed after this script ran.
  const invoke: Invoke = (channel, request) => (window as unknown as { __dalelInvoke: Invoke }).__dalelInvoke(channel, request);
  const api: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const channel of names) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (request = {}) => invoke(channel, request);
  }
  for (const [channel, { from, to, many }] of Object.entries(files)) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain]![verb] = async (request = {}) => {
      const { [from]: given, [to]: _ignored, ...rest } = (request ?? {}) as Record<string, unknown>;
      const list = many ? (Array.isArray(given) ? given : []) : [given];
      const notFile = list.find((file) => !(file instanceof File));
      if (notFile !== undefined) return { ok: false, error: { code: 'fileNotOnDisk', params: { name: String((notFile as File)?.name ?? '') } } };
      const paths = (list as File[]).map((file) => filePrefix + file.name);
      return invoke(channel, { ...rest, [to]: many ? paths : paths[0] });
    };
  }
  Object.defineProperty(window, 'dalel', { value: Object.freeze(api), enumerable: true });
}

/**
 * The engine call for a page's request: a channel of fileRequests gets the
 * offered files' paths for the names the page sent (the stand-in for
 * Electron's webUtils.getPathForFile); a name nobody offered is not a file on disk.
 */
async function invokeEngine(engine: Engine, offered: Map<string, string>, channel: string, request: unknown) {
  const fields = (fileRequests as FileRequests)[channel];
  if (!fields || !request || typeof request !== 'object') return engine.dispatch(channel, request);
  const { [fields.to]: given, ...rest } = request as Record<string, unknown>;
  const names = (fields.many ? (Array.isArray(given) ? given : []) : [given]).map((path) => String(path).slice(offeredFile.length));
  const missing = names.find((name) => !offered.has(name));
  if (missing !== undefined) return { ok: false, error: { code: 'fileNotOnDisk', params: { name: missing } } };
  const paths = names.map((name) => offered.get(name));
  return engine.dispatch(channel, { ...rest, [fields.to]: fields.many ? paths : paths[0] });
}

export const test = base.extend<HarnessOptions & { dalel: DalelSession }>({
  osLocale: ['en-US', { option: true }],
  dalel: async ({ browser, osLocale, timezoneId }, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error('out/renderer/index.html is missing: run `npx electron-vite build` first');
    }
    const { createEngine, evidencePrefix } = await loadEngine();
    const dir = await mkdtemp(join(tmpdir(), 'dalel-renderer-'));
    const engine = createEngine({
      defaultArchivePath: join(dir, 'archive'),
      configDir: join(dir, 'config'),
      osLocale,
      version: 'test',
      scryptCost,
      dialogs: { chooseFolder: async () => join(dir, 'chosen'), chooseSaveFile: async () => join(dir, 'saved bundle.zip') },
      // As the app prints with Electron's Chromium: this Chromium, in a page of its own with no script.
      printPdf: async (html) => {
        const printing = await browser.newContext({ javaScriptEnabled: false, offline: true });
        try {
          const page = await printing.newPage();
          await page.setContent(html);
          return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        } finally {
          await printing.close();
        }
      },
      onInternalError: (error, channel) => console.error(`engine error on ${channel}:`, error),
    });
    const externalRequests: string[] = [];
    const missingKeys: string[] = [];
    const pageErrors: string[] = [];
    // The smallest window the app supports; the OS locale and zone the engine is told about.
    const context = await browser.newContext({
      viewport: { width: 1024, height: 640 },
      timezoneId: timezoneId ?? defaultTimezone,
      locale: osLocale,
    });
    await serveApp(context, engine, evidencePrefix, externalRequests);
    const page = await context.newPage();
    const offered = new Map<string, string>();
    await page.exposeBinding('__dalelInvoke', (_source, channel: string, request: unknown) =>
      invokeEngine(engine, offered, channel, request),
    );
    await page.addInitScript(installApi, [[...channelNames], fileRequests, offeredFile] as [string[], FileRequests, string]);
    page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith(missingKeyWarning)) missingKeys.push(text.slice(missingKeyWarning.length).trim());
      else if (message.type() === 'error') pageErrors.push(text);
    });
    page.on('pageerror', (error) => pageErrors.push(String(error)));

    await use({
      page,
      context,
      engine,
      dir,
      externalRequests,
      missingKeys,
      pageErrors,
      async open() {
        await page.goto(appUrl);
        await page.locator('h1').first().waitFor();
      },
      offerFiles(paths) {
        for (const path of paths) offered.set(basename(path), path);
      },
      async createArchiveAt(path, name, passphrase = testPassphrase) {
        const other = createEngine({
          defaultArchivePath: path,
          configDir: join(dir, 'other-config'),
          osLocale,
          version: 'test',
          scryptCost,
          dialogs: { chooseFolder: async () => null },
        });
        const protection = passphrase === null ? { kind: 'none' } : { kind: 'passphrase', passphrase };
        const created = await other.dispatch('archive:create', { path, name, protection });
        await other.close();
        if (!created.ok) throw new Error(`could not create an archive at ${path}: ${created.error.code}`);
      },
    });

    await context.close();
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
