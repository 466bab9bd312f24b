/**
 * Where the ExifTool that ships with Dalel is, and how to start it. Always
 * the copy that npm installed with the `exiftool-vendored` dependency, never
 * one found on the machine: an ExifTool the user (or someone else) put on
 * the PATH may be old, patched or missing, and the app must work offline.
 *
 * - Linux and macOS: `exiftool-vendored.pl`, the Perl script with its
 *   Image::ExifTool library, run by the system's perl (/usr/bin/perl, which
 *   Debian, Ubuntu, Fedora desktops and macOS have; else the first perl on
 *   the PATH).
 * - Windows: `exiftool-vendored.exe`, a native launcher with its own Perl in
 *   exiftool_files/ beside it.
 *
 * Both packages export their script's path as their main module; npm installs
 * only the one for the running platform (their package.json `os` fields).
 * In the packaged app the path points inside app.asar, which perl cannot
 * read: electron-builder must unpack these packages (asarUnpack, see
 * README.md) and the path is moved to app.asar.unpacked.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join, sep } from 'node:path';

export type ExiftoolCommand = {
  /** The program to start: perl, or exiftool.exe on Windows. */
  file: string;
  /** What comes before ExifTool's own arguments: the script's path for perl, nothing for the .exe. */
  prefix: string[];
};

/** Why ExifTool cannot be started: its package is not installed, or (Linux, macOS) there is no perl. */
export type ExiftoolMissing = { missing: 'exiftoolPackage' | 'perl' };

const isWindows = process.platform === 'win32';

/** The path of a file inside app.asar, moved to app.asar.unpacked where electron-builder put it. */
export function unpacked(path: string, separator: string = sep): string {
  return path
    .split(separator)
    .map((part) => (part === 'app.asar' ? 'app.asar.unpacked' : part))
    .join(separator);
}

/** The vendored script (or .exe) path exported by the platform's package, resolved from exiftool-vendored's own folder. */
function vendoredPath(): string | null {
  const packageName = isWindows ? 'exiftool-vendored.exe' : 'exiftool-vendored.pl';
  try {
    const here = createRequire(import.meta.url);
    // Resolved from exiftool-vendored's folder, where npm put its optional dependency even when it is not hoisted.
    const fromParent = createRequire(here.resolve('exiftool-vendored/package.json'));
    const exported: unknown = fromParent(packageName);
    if (typeof exported !== 'string') return null;
    // SECURITY: the unpacked copy first: Electron's fs reports files inside app.asar as existing, but perl cannot read them.
    for (const candidate of [unpacked(exported), exported]) {
      if (existsSync(candidate)) return candidate;
    }
  } catch {
    // not installed (npm skipped an optional dependency, or the package was pruned)
  }
  return null;
}

/** The system's perl: /usr/bin/perl first (owned by the system), then the PATH (Homebrew, Nix). */
function findPerl(): string | null {
  if (existsSync('/usr/bin/perl')) return '/usr/bin/perl';
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    // SECURITY: only absolute PATH entries: a relative one would run a perl from the current folder.
    if (!dir.startsWith('/')) continue;
    const candidate = join(dir, 'perl');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

let cached: ExiftoolCommand | null = null;

/** How to start the bundled ExifTool on this machine, or what is missing. */
export function exiftoolCommand(): ExiftoolCommand | ExiftoolMissing {
  if (cached) return cached;
  const script = vendoredPath();
  if (!script) return { missing: 'exiftoolPackage' };
  if (isWindows) {
    cached = { file: script, prefix: [] };
    return cached;
  }
  const perl = findPerl();
  if (!perl) return { missing: 'perl' };
  // The script is passed to perl rather than run through its "#!/usr/bin/env perl" line: no exec bit
  // needed (asar unpacking and some archive tools drop it), and no PATH lookup of "env perl".
  cached = { file: perl, prefix: [script] };
  return cached;
}
