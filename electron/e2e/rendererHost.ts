/**
 * The host side of the browser test harness, shared by the Playwright
 * fixture (harness.ts) and the bench (bench/targets/p8List.ts): serves the
 * built renderer under a fake origin with the app's CSP, answers evidence
 * previews from the engine, records and aborts every other request, and
 * binds the page's `window.dalel` to an engine's dispatch. It neither
 * creates nor opens archives, and imports the engine for its types only.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { BrowserContext, Page, Route } from '@playwright/test';
import { channelNames, fileRequests } from '../../shared/ipc/names';
import type { Engine } from '../engine';
import { contentSecurityPolicy } from '../main/contentSecurityPolicy';

/** The fake origin the UI is served from; Chromium never resolves it (every request is routed). */
export const appOrigin = 'http://dalel.localhost';
export const appUrl = `${appOrigin}/`;

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


/** Maps a URL path to a file inside out/renderer, or null. */
function appFile(rendererDir: string, pathname: string): string | null {
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

/**
 * Serves the built renderer at `rendererDir` under appOrigin with the app's
 * CSP, evidence previews from the engine, and records then aborts every
 * other request (and every WebSocket).
 */
export async function serveApp(
  context: BrowserContext,
  engine: Engine,
  { rendererDir, evidencePrefix, externalRequests }: { rendererDir: string; evidencePrefix: string; externalRequests: string[] },
): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== appOrigin) {
      externalRequests.push(url.href);
      return route.abort('blockedbyclient');
    }
    if (url.pathname.startsWith(evidencePrefix)) return serveEvidence(engine, route, url);
    const file = appFile(rendererDir, url.pathname);
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
export const offeredFile = 'offered-file:';

type FileRequests = Record<string, { from: string; to: string; many: boolean }>;

/**
 * Builds `window.dalel` in the page over the binding, the same shape as
 * buildApi in shared/ipc/names.ts. Files handed to the methods of
 * fileRequests cross as their names; only files the test offered
 * (offerFiles) have a path on the other side, as only picked or dropped
 * files have one in the app. Answers cross as JSON text: every value the
 * contract allows is plain JSON, and Playwright carries one string much
 * faster than the same answer as an object (a list window of 60 rows: 20–35
 * ms from request to answer instead of 60–95 on the development machine),
 * which keeps the harness's own cost out of docs/spec/performance.md P8's keystroke.
 */
function installApi([names, files, filePrefix]: [readonly string[], FileRequests, string]): void {
  type Invoke = (channel: string, request: unknown) => Promise<unknown>;
  type Binding = (channel: string, request: unknown) => Promise<string>;
  // Looked up at call time: the binding may be installed after this script ran.
  const invoke: Invoke = async (channel, request) =>
    JSON.parse(await (window as unknown as { __dalelInvoke: Binding }).__dalelInvoke(channel, request)) as unknown;
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
export async function invokeEngine(engine: Engine, offered: Map<string, string>, channel: string, request: unknown) {
  const fields = (fileRequests as FileRequests)[channel];
  if (!fields || !request || typeof request !== 'object') return engine.dispatch(channel, request);
  const { [fields.to]: given, ...rest } = request as Record<string, unknown>;
  const names = (fields.many ? (Array.isArray(given) ? given : []) : [given]).map((path) => String(path).slice(offeredFile.length));
  const missing = names.find((name) => !offered.has(name));
  if (missing !== undefined) return { ok: false, error: { code: 'fileNotOnDisk', params: { name: missing } } };
  const paths = names.map((name) => offered.get(name));
  return engine.dispatch(channel, { ...rest, [fields.to]: fields.many ? paths : paths[0] });
}

/** Binds the page's `window.dalel` to `engine`, with `offered` as the files the person has at hand (by name). */
export async function bindEngine(page: Page, engine: Engine, offered: Map<string, string> = new Map()): Promise<void> {
  await page.exposeBinding('__dalelInvoke', async (_source, channel: string, request: unknown) =>
    JSON.stringify(await invokeEngine(engine, offered, channel, request)),
  );
  await page.addInitScript(installApi, [[...channelNames], fileRequests, offeredFile] as [string[], FileRequests, string]);
}
