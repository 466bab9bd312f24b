/**
 * The browser test harness (docs/design.md, "One contract, three callers"): the
 * built renderer (out/renderer) in Chromium, its `window.dalel` bound to the
 * real engine running in this test process on a temporary archive. App files
 * are served from disk under a fake origin with the app's CSP; every other
 * request is recorded and aborted, so a spec can prove the UI never touches
 * the network. Nothing listens on a port. Specs use `test` from here and get
 * a `dalel` session; `osLocale` (and Playwright's own `timezoneId`) can be set
 * per test with `test.use`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import type { Engine } from '../engine';
import { appUrl, bindEngine, serveApp } from './rendererHost';

const rendererDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

export { appOrigin, appUrl } from './rendererHost';


/** Prefix of the renderer's console warning for an i18n key that exists in no locale (renderer/src/i18n.ts). */
const missingKeyWarning = '[i18n] missing key';

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
let jsonHooked = false;
/** Imports engine code, which reads JSON modules (the gazetteer, the locales), once the hook that allows them is registered. */
export function withJsonModules<T>(load: () => Promise<T>): Promise<T> {
  if (!jsonHooked) register(`data:text/javascript,${encodeURIComponent(jsonImportHook)}`);
  jsonHooked = true;
  return load();
}
let engineModule: Promise<typeof import('../engine/index')> | undefined;
function loadEngine() {
  engineModule ??= withJsonModules(() => import('../engine/index'));
  return engineModule;
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
      // As the app reads it: a spec's own NCALayer on this computer (electron/engine/countersign/testing/fakeNcaLayer.ts).
      ...(process.env.DALEL_NCALAYER ? { ncaLayerAddress: process.env.DALEL_NCALAYER } : {}),
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
    await serveApp(context, engine, { rendererDir, evidencePrefix, externalRequests });
    const page = await context.newPage();
    const offered = new Map<string, string>();
    await bindEngine(page, engine, offered);
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
