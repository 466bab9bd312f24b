/**
 * Canonical JSON (RFC 8785, via the `canonicalize` library) and the sha256
 * that names revisions and chains custody lines. Two equal values always give
 * the same bytes, whatever their key order.
 */
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return text;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The id of a JSON value: sha256 of its canonical form. */
export function contentId(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
