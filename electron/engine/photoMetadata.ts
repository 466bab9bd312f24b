/**
 * Photo metadata (docs/spec/data-model.md, "Attachment"): the capture time and
 * camera a photo's EXIF records, read with exifr from the first bytes of the
 * stored file, to be shown beside it. Read only; the stored bytes are never
 * touched. Anything missing, malformed or not a photo gives nothing, never an error.
 */
import exifr from 'exifr';
import type { Attachment } from '../../shared/model';

/** EXIF sits near the start of a photo (a JPEG's APP1 segment is at most 64 KiB). */
export const photoMetadataSpan = 256 * 1024;

const exifDate = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const exifOffset = /^[+-]\d{2}:\d{2}$/;

/** Printable text of an EXIF string field: no NULs or control characters, at most 100 characters. */
function text(value: unknown): string {
  if (typeof value !== 'string') return '';
  return [...value].filter((char) => char >= ' ' && char !== '\u007f').join('').trim().slice(0, 100);
}

/**
 * "2022:01:05 14:03:22" as "2022-01-05T14:03:22", with the camera's offset
 * when it recorded one. The camera's clock as it was: never moved to a zone.
 */
function takenAt(date: unknown, offset: unknown): string | undefined {
  const match = exifDate.exec(text(date));
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const zone = exifOffset.test(text(offset)) ? text(offset) : '';
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`;
}

/** "Canon EOS 5D" from make "Canon" and model "Canon EOS 5D"; "Apple iPhone 12" from "Apple" and "iPhone 12". */
function camera(make: unknown, model: unknown): string | undefined {
  const maker = text(make);
  const name = text(model);
  const both = name.toLowerCase().startsWith(maker.toLowerCase()) ? name : `${maker} ${name}`.trim();
  return both || undefined;
}

export async function photoMetadataOf(head: Uint8Array): Promise<Attachment['photo']> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(Buffer.from(head), {
      pick: ['Make', 'Model', 'DateTimeOriginal', 'OffsetTimeOriginal'],
      reviveValues: false,
    });
  } catch {
    return undefined; // not a format exifr knows, or damaged metadata: nothing to show
  }
  if (!tags) return undefined;
  const photo = { takenAt: takenAt(tags.DateTimeOriginal, tags.OffsetTimeOriginal), camera: camera(tags.Make, tags.Model) };
  const found = Object.fromEntries(Object.entries(photo).filter(([, value]) => value !== undefined));
  return Object.keys(found).length ? found : undefined;
}
