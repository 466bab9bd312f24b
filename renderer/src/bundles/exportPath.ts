/**
 * The bundle file the export screen proposes, and starts its save dialog
 * at: `dalel-<yyyy-mm-dd>.zip` in the folder that holds the archive's
 * folder. Pure string work on the archive's path as the engine gave it, in
 * the platform's own separators (Windows `C:\…` or POSIX `/…`).
 */

/** The file's own name, whichever separators its path uses (the toast names the bundle by it). */
export function fileNameOf(path: string): string {
  return path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? path;
}

/** The local calendar date, yyyy-mm-dd. */
export function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function defaultBundlePath(archivePath: string, date: Date): string {
  const separator = archivePath.includes('\\') && !archivePath.includes('/') ? '\\' : '/';
  const trimmed = archivePath.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  const name = `dalel-${localDate(date)}.zip`;
  if (cut < 0) return name;
  // The archive sits at a root ("/archive", "C:\archive"): keep the root.
  const parent = cut === 0 || /^[A-Za-z]:$/.test(trimmed.slice(0, cut)) ? trimmed.slice(0, cut + 1) : trimmed.slice(0, cut);
  return parent.endsWith(separator) ? `${parent}${name}` : `${parent}${separator}${name}`;
}
