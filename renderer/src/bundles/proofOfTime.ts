/**
 * What the check screen needs for a bundle's proof of time (RFC 3161): the
 * size limits the contract sets on what the page reads itself, the base64
 * those files cross in, and how the authority's time and the command to
 * send a request are written. It reads only files the person picked and
 * never sends anything anywhere.
 */

/** An authority's response is a few kilobytes; the contract takes at most 200,000 base64 characters. */
export const maxResponseBytes = 150_000;
/** A file of trust anchors: the contract takes at most 1,400,000 base64 characters. */
export const maxAnchorsBytes = 1_000_000;

/** Base64 of the bytes, as the contract's z.base64() reads it. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** A picked file's bytes as base64. */
export async function readAsBase64(file: File): Promise<string> {
  return toBase64(new Uint8Array(await file.arrayBuffer()));
}

/** "2025-01-12 08:03:05 UTC" from the engine's ISO time, keeping any fraction of a second the authority gave. */
export function utcText(iso: string): string {
  return `${iso.replace('T', ' ').replace(/\.0+Z$/, 'Z').replace(/Z$/, '')} UTC`;
}

/**
 * The authority's stated accuracy, in seconds, as the language writes a
 * number: "1", "0.250005" or "0,250005". To the microsecond, the finest
 * RFC 3161 states, and never rounded to fewer digits.
 */
export function accuracyText(seconds: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 6, useGrouping: false }).format(seconds);
}

/** The response's file name beside the request's: "x.tsq" → "x.tsr". */
export function responseNameFor(requestName: string): string {
  return `${requestName.replace(/\.[^./\\]*$/, '')}.tsr`;
}

/**
 * The curl command that sends a request file to an authority and saves its
 * response (RFC 3161 over HTTP, §3.4). The header's name is in lower case, as
 * HTTP/2 sends it (names are case-insensitive): no English word shows in a
 * screen in another language.
 */
export function sendCommand(requestName: string): string {
  return `curl -H "content-type: application/timestamp-query" --data-binary "@${requestName}" AUTHORITY_URL -o "${responseNameFor(requestName)}"`;
}
