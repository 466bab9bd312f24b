/**
 * Evidence files for previews: answers GET /evidence/<recordId>/<sha256>
 * with the stored bytes, streamed from the blob store, never through IPC.
 * The app's protocol (electron/main/protocol.ts) and the browser test
 * harness both turn this answer into their own response. Range requests
 * are answered with only the bytes asked for, so a video can seek in a
 * multi-gigabyte file. Nothing is served unless the open archive lists that
 * file on that record.
 */
import { RecordId, Sha256Hex } from '../../shared/model';
import type { Archive } from './archive';

export const evidencePrefix = '/evidence/';

export interface EvidenceRequest {
  /** The URL's path, still percent-encoded. */
  pathname: string;
  method: string;
  /** The Range header, if any. */
  range: string | null;
}

export interface EvidenceAnswer {
  status: number;
  headers: Record<string, string>;
  /** Null for HEAD, for errors and for an empty range. */
  body: AsyncIterable<Uint8Array> | null;
}

// SECURITY: evidence is anyone's bytes. Only these types are served as themselves, for <img>,
// <audio>, <video> and the PDF preview; anything else (HTML and SVG above all) goes out as opaque
// bytes, and the policy below sandboxes whatever is opened as a document.
const previewTypes = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/ogg',
  'audio/opus',
  'audio/wav',
  'audio/webm',
  'video/mp4',
  'video/webm',
  'application/pdf',
]);

export const evidencePolicy = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";

const commonHeaders = {
  'Content-Security-Policy': evidencePolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** A short plain-text answer (errors), with the same protective headers. */
export function plainAnswer(status: number, text: string, extra: Record<string, string> = {}): EvidenceAnswer {
  return {
    status,
    headers: { ...commonHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
    body: text ? (async function* () { yield new TextEncoder().encode(text); })() : null,
  };
}

/**
 * The byte range [start, end) a Range header asks of a file of `size` bytes:
 * null to send the whole file (no header, or one this server does not
 * honour, such as several ranges), 'unsatisfiable' when it lies past the end.
 */
export function rangeOf(header: string | null, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  if (header === null) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '') {
    // The last N bytes.
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size };
  }
  const start = Number(first);
  const end = last === '' ? size : Math.min(size, Number(last) + 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** Parses /evidence/<recordId>/<sha256>; null for anything else. */
function evidenceIds(pathname: string): { recordId: string; sha256: string } | null {
  if (!pathname.startsWith(evidencePrefix)) return null;
  const parts = pathname.slice(evidencePrefix.length).split('/');
  if (parts.length !== 2) return null;
  const [recordId, sha256] = parts as [string, string];
  // SECURITY: both ids are checked against their exact shapes before they name anything on disk.
  if (!RecordId.safeParse(recordId).success || !Sha256Hex.safeParse(sha256).success) return null;
  return { recordId, sha256 };
}

export async function answerEvidence(archive: Archive | undefined, request: EvidenceRequest): Promise<EvidenceAnswer> {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return plainAnswer(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  const ids = evidenceIds(request.pathname);
  if (!ids) return plainAnswer(404, 'Not found');
  // A locked or closed archive shows nothing, and says no more than "not found".
  const evidence = archive ? await archive.evidence(ids.recordId, ids.sha256) : null;
  if (!evidence) return plainAnswer(404, 'Not found');
  const { size, mediaType } = evidence.attachment;
  const headers = {
    ...commonHeaders,
    'Content-Type': previewTypes.has(mediaType) ? mediaType : 'application/octet-stream',
    'Accept-Ranges': 'bytes',
  };
  const range = rangeOf(request.range, size);
  if (range === 'unsatisfiable') return plainAnswer(416, '', { 'Content-Range': `bytes */${size}` });
  const { start, end } = range ?? { start: 0, end: size };
  const partial: Record<string, string> = range === null ? {} : { 'Content-Range': `bytes ${start}-${end - 1}/${size}` };
  return {
    status: range === null ? 200 : 206,
    headers: { ...headers, ...partial, 'Content-Length': String(end - start) },
    body: method === 'HEAD' || end === start ? null : evidence.read(start, end),
  };
}
