/**
 * Test helper: a bundle file as the standard tools read it — the sha256 of
 * the whole file (as `sha256sum` gives it), and each entry's bytes hashed as
 * `unzip -p` gives them — so that a test can say "nothing but this changed".
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const fileSha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every entry of a ZIP with the sha256 of its bytes, as `unzip` reads them. */
export function entryHashes(zip: string): Map<string, string> {
  const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
  return new Map(names.map((name) => [name, createHash('sha256').update(execFileSync('unzip', ['-p', zip, name], { maxBuffer: 1 << 30 })).digest('hex')]));
}
