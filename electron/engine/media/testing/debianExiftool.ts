/**
 * The independent reader the media tests check against: Debian's own
 * ExifTool (/usr/bin/exiftool, from libimage-exiftool-perl), not the copy
 * that Dalel runs; and the made-up identity make-fixtures.sh writes into the
 * fixtures, as text that may sit anywhere in a file's bytes.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const debianExiftool = '/usr/bin/exiftool';
export const haveReader = existsSync(debianExiftool);

/** The fixtures' made-up identity: owner, device, serial, software and position. */
export const identityStrings = ['DalelTest', 'Fixture Cam', 'DLT0001234', 'Test Witness', 'FixtureOS', 'Baghdad', '33.3152', '44.3661', '33,18.9'];

/** Tag names (after the group) that must not survive cleaning: GPS*, make, model, serials, owner, software. */
export const forbiddenTag = /GPS|Make$|Model$|Serial|^Artist$|Owner|Author|Copyright|^Creator$|Software|CreatorTool|HostComputer|^Lens/;

export type Tags = Record<string, unknown>;

/** Debian's ExifTool reading files from disk: one JSON object per file, keys "Group1:Tag". */
export async function readWithDebianExiftool(paths: string[]): Promise<Tags[]> {
  const { stdout } = await run(debianExiftool, ['-j', '-G1', '-a', '-u', '-n', '-ee', ...paths], { maxBuffer: 64 * 1024 * 1024 }).catch(
    // exiftool exits 1 when one of the files has an error, and still prints every file's JSON
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '[]' }),
  );
  return JSON.parse(stdout) as Tags[];
}

export function tagNames(tags: Tags): string[] {
  return Object.keys(tags).map((key) => key.slice(key.lastIndexOf(':') + 1));
}

export function has(tags: Tags, pattern: RegExp): boolean {
  return tagNames(tags).some((name) => pattern.test(name));
}

export function containsText(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');
}
