/**
 * The ExifTool command lines that read and clean media, and the formats
 * they are for. Every choice about what a cleaned derivative keeps is made
 * here, so an auditor reads it in one place (README.md has the measured
 * effect per container).
 *
 * Cleaning is ExifTool's own "-all=" (delete every metadata group it can
 * write), with:
 * - ICC colour profiles kept ("--ICC_Profile:all"): they say how to show the
 *   pixel values (a phone's Display P3 photo looks washed out without one),
 *   they are standard profiles shared by millions of devices, and HEIC keeps
 *   its profile through "-all=" anyway;
 * - a JPEG, PNG or WebP's EXIF Orientation copied back (and a PNG's gAMA),
 *   so the picture is not shown on its side; HEIC and video keep their
 *   rotation in the image or track structure ("irot", the track matrix),
 *   which "-all=" never touches;
 * - for MP4 and MOV, the movie, track and media header times (mvhd, tkhd,
 *   mdhd), which cannot be removed, set to zero;
 * - "-m", so a minor fault in the old metadata (a broken maker note) does
 *   not stop its deletion: the derivative is read again and checked anyway.
 * No pixel or frame is decoded or re-encoded.
 */

/** The formats cleanMedia accepts, by ExifTool's FileTypeExtension (its FileType may say "Extended WEBP"). */
const containers: Record<string, 'jpeg' | 'png' | 'webp' | 'heif' | 'quicktime'> = {
  JPG: 'jpeg',
  PNG: 'png',
  WEBP: 'webp',
  HEIC: 'heif',
  HEIF: 'heif',
  MP4: 'quicktime',
  M4V: 'quicktime',
  MOV: 'quicktime',
};

export function isCleanableFileType(fileType: string | null): fileType is string {
  return fileType !== null && Object.hasOwn(containers, fileType);
}

/**
 * Reading: JSON with each tag's family 0 and 1 groups, duplicates and
 * unknown tags included, values unconverted; "-ee" also reads metadata
 * embedded in the frames' stream (a drone's or action camera's timed GPS
 * track, the images a JPEG carries after its end), which "-all=" cannot
 * remove and the check after cleaning must see.
 */
export const readArgs: readonly string[] = ['-j', '-G0:1', '-a', '-u', '-n', '-ee', '-'];

/** The arguments that write a cleaned copy of a file of this type (a FileTypeExtension) to stdout. */
export function cleanArgs(fileType: string): string[] {
  const container = containers[fileType];
  const args = ['-m', '-all=', '--ICC_Profile:all'];
  if (container === 'quicktime') args.push('-QuickTime:Time:All=');
  if (container === 'jpeg' || container === 'webp') args.push('-tagsFromFile', '@', '-EXIF:Orientation');
  if (container === 'png') args.push('-tagsFromFile', '@', '-EXIF:Orientation', '-PNG:Gamma');
  args.push('-o', '-', '-');
  return args;
}
