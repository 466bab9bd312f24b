/**
 * Judges the names in an untrusted ZIP (and the paths its manifests list):
 * each must be a plain relative path that every operating system extracts to
 * the same place inside the bag, no two may land on the same file (exactly,
 * or once Unicode-normalized and case-folded as macOS and Windows do), and
 * all must sit under one top-level folder, the bag. Pure checks; a problem is
 * a `VerifyFailure` naming the entry.
 */
import { strictUtf8 } from './text';
import { VerifyFailure } from './verifyFailure';
import { sameBytes } from './bytes';
import type { ZipName } from './zipEntries';

const utf8 = strictUtf8;

/**
 * A bundle's deepest name has four segments (its folder, data, attachments,
 * the file). Filing 100,000 names of 500 segments took minutes.
 */
const maxSegments = 16;

/** Why a relative path is unsafe, or null when it is a plain one. */
export function pathProblem(path: string): string | null {
  if (/\p{Cc}/u.test(path)) return 'controlCharacter';
  if (path.includes('\\')) return 'backslash';
  if (path.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(path)) return 'driveLetter';
  // Also Windows alternate data streams ("report.html:hidden").
  if (path.includes(':')) return 'colon';
  const segments = path.split('/');
  if (segments.length > maxSegments) return 'tooDeep';
  for (const segment of segments) {
    if (segment === '') return 'emptySegment';
    if (segment === '.' || segment === '..') return 'dotSegment';
    // Windows drops a trailing dot or space, so "a." and "a" would be one file there.
    if (/[. ]$/.test(segment)) return 'trailingDotOrSpace';
    if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i.test(segment)) return 'reservedName';
  }
  return null;
}

/** The name an entry extracts to, once its bytes are known to be unambiguous UTF-8. */
function decodedName(item: ZipName): string {
  let name: string;
  try {
    name = utf8.decode(item.rawName);
  } catch {
    throw new VerifyFailure('unsafePath', item.name, { problem: 'notUtf8' });
  }
  // SECURITY: without the UTF-8 flag, unzip reads non-ASCII bytes as CP437 or the locale's code page.
  if (!item.utf8 && item.rawName.some((byte) => byte >= 0x80)) throw new VerifyFailure('unsafePath', item.name, { problem: 'notFlaggedUtf8' });
  // SECURITY: unzip extracts under the Unicode Path extra field's name when it is there; it must say the same.
  if (item.unicodePath && item.unicodePath.length >= 5 && item.unicodePath[0] === 1) {
    if (!sameBytes(item.unicodePath.subarray(5), item.rawName)) throw new VerifyFailure('unsafePath', item.name, { problem: 'unicodePathField' });
  }
  return name;
}

/** Folded as a case-insensitive, normalizing file system would see it. */
const fold = (path: string) => path.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');

/**
 * Checks every name and returns the bag's folder and its files by path
 * relative to it ("data/bundle.json"), in ZIP order. Directory entries are
 * allowed (`zip -r` writes them) but hold nothing.
 */
export function checkPaths<Item extends ZipName>(items: readonly Item[]): { top: string; files: Map<string, Item> } {
  const names = items.map((item) => {
    const name = decodedName(item);
    const problem = pathProblem(item.directory ? name.slice(0, -1) : name);
    if (problem) throw new VerifyFailure('unsafePath', item.name, { problem });
    return name;
  });

  const exact = new Map<string, string>();
  const folded = new Map<string, string>();
  // Each folder by its parent's number and its own folded name, with the first entry inside it: a
  // name then costs its length to file, however deep it is (by whole paths, a 1 KiB name 500 folders
  // deep cost a quarter of a million characters).
  const folders = new Map<string, { id: number; name: string }>();
  const fileKeys: string[] = [];
  items.forEach((item, index) => {
    const name = names[index]!;
    const path = item.directory ? name.slice(0, -1) : name;
    const seen = exact.get(path) ?? folded.get(fold(path));
    if (seen !== undefined) throw new VerifyFailure('duplicateName', name, { other: seen });
    exact.set(path, name);
    folded.set(fold(path), name);
    const segments = path.split('/');
    let parent = 0;
    for (const segment of item.directory ? segments : segments.slice(0, -1)) {
      const key = `${parent}/${fold(segment)}`;
      let folder = folders.get(key);
      if (!folder) folders.set(key, (folder = { id: folders.size + 1, name }));
      parent = folder.id;
    }
    fileKeys[index] = item.directory ? '' : `${parent}/${fold(segments.at(-1)!)}`;
  });
  // A file named like a folder that holds other entries: one of the two cannot be extracted.
  items.forEach((item, index) => {
    const folder = folders.get(fileKeys[index]!);
    if (!item.directory && folder) throw new VerifyFailure('duplicateName', names[index]!, { other: folder.name });
  });

  if (items.length === 0) throw new VerifyFailure('notADalelBundle', undefined, { problem: 'emptyZip' });
  const top = names[0]!.split('/')[0]!;
  for (const name of names) {
    if (!name.includes('/') || name.split('/')[0] !== top) throw new VerifyFailure('multipleTopFolders', name, { folder: top });
  }
  if (!/^dalel-\d{8}-[0-9a-f]{8}$/.test(top)) throw new VerifyFailure('notADalelBundle', `${top}/`, { problem: 'folderName' });

  const files = new Map<string, Item>();
  items.forEach((item, index) => {
    if (!item.directory) files.set(names[index]!.slice(top.length + 1), item);
  });
  return { top, files };
}
