/**
 * The `app://` protocol: serves the built renderer (out/renderer) to the one
 * window, with a strict Content-Security-Policy on every response. It owns
 * the mapping from an app:// URL to a file inside the renderer folder; it must
 * never serve a file outside that folder, never answer another host, and never
 * fetch anything from the network.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { evidencePrefix, type EvidenceAnswer, type EvidenceRequest } from '../engine';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import { printPage, printPrefix, reportContentSecurityPolicy } from './printing';
import { APP_HOST, APP_SCHEME } from './urls';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

export function contentTypeOf(filePath: string): string {
  return contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** The scheme's privileges; must be registered before the app is ready. */
export function registerAppScheme(): void {
  // SECURITY: no corsEnabled and no bypassCSP: the UI's own (same-origin) module scripts load, and no
  // other origin can read app:// content.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Answers a request for an evidence file's bytes (the engine's `evidence`). */
export type EvidenceSource = (request: EvidenceRequest) => Promise<EvidenceAnswer>;

/** Serves `rendererDir` on app://dalel/, and evidence files on app://dalel/evidence/. Call once, after ready. */
export function registerAppProtocol(rendererDir: string, evidence: EvidenceSource): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request, evidence));
}

/** An evidence answer as a streamed Response: the bytes go from the blob store to the page, never through IPC. */
async function serveEvidence(evidence: EvidenceSource, url: URL, request: AppRequest): Promise<Response> {
  const answer = await evidence({ pathname: url.pathname, method: request.method, range: request.headers?.get('range') ?? null });
  const body = answer.body ? streamOf(answer.body) : null;
  return new Response(body as BodyInit | null, { status: answer.status, headers: answer.headers });
}

/** Pulls one piece at a time, so a slow reader never makes the engine read ahead; a cancel stops the read. */
function streamOf(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * The file inside `rootDir` that `url` names, or null when the URL is not on
 * app://dalel/ or its path leaves the folder (after percent-decoding).
 */
export function resolveAppPath(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = resolve(rootDir);
  const file = resolve(root, `.${pathname}`);
  // SECURITY: after decoding, "..", "%2e%2e", "..%2f" and "..\" must all stay inside the renderer folder.
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}

function respond(status: number, body: Uint8Array | string | null, contentType: string): Response {
  return new Response(body as BodyInit | null, {
    status,
    headers: {
      'Content-Type': contentType,
      // SECURITY: the CSP goes on every response, errors included, so no document escapes it.
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    },
  });
}

interface AppRequest {
  url: string;
  method: string;
  headers?: Headers;
}

export async function serveAppRequest(rootDir: string, request: AppRequest, evidence: EvidenceSource): Promise<Response> {
  const url = URL.canParse(request.url) ? new URL(request.url) : null;
  if (url?.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.pathname.startsWith(evidencePrefix)) {
    return serveEvidence(evidence, url, request);
  }
  if (url?.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.pathname.startsWith(printPrefix)) {
    const report = printPage(url.pathname);
    if (report === null) return respond(404, 'Not found', 'text/plain; charset=utf-8');
    return new Response(report, {
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': reportContentSecurityPolicy, 'Cache-Control': 'no-store' },
    });
  }
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
  const file = resolveAppPath(rootDir, request.url);
  if (file === null) return respond(404, 'Not found', 'text/plain; charset=utf-8');
  try {
    const bytes = await readFile(file);
    return respond(200, method === 'HEAD' ? null : bytes, contentTypeOf(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
      return respond(404, 'Not found', 'text/plain; charset=utf-8');
    }
    console.error('app:// could not read a renderer file', error);
    return respond(500, 'Internal error', 'text/plain; charset=utf-8');
  }
}
