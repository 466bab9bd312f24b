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
import { APP_HOST, APP_SCHEME } from './urls';

// SECURITY: the UI may load only its own files; no inline script, no network (connect-src 'none').
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

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

/** Serves `rendererDir` on app://dalel/. Call once, after ready. */
export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
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
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    },
  });
}

export async function serveAppRequest(rootDir: string, request: { url: string; method: string }): Promise<Response> {
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
