/**
 * Reads which kinds of metadata a file in memory carries, and which format
 * ExifTool takes it for, with one run of the bundled ExifTool through pipes.
 * The tag names and values stay in this module: what leaves is the file type
 * and the kinds, or why the file could not be read.
 */
import { z } from 'zod';
import { readArgs } from './exiftoolArgs';
import { runExiftool, type ExiftoolFailure } from './runExiftool';
import { kindsOfTags, type MetadataKind } from './tagKinds';

export type MetadataRead =
  | { ok: true; fileType: string | null; kinds: MetadataKind[] }
  | { ok: false; unreadable: 'unknownFormat' | 'damaged' | 'unparsableOutput' | ExiftoolFailure };

/** JSON from a tag-rich video can be long (one entry per timed GPS sample with "-ee"), never this long. */
const maxJsonBytes = 64 * 1024 * 1024;

const exiftoolJson = z.array(z.record(z.string(), z.unknown())).length(1);

/** Time allowed for one ExifTool run on `bytes`: a generous start plus a slow disk-less pace (1 s per MiB). */
export function timeoutFor(bytes: number): number {
  return 60_000 + Math.ceil(bytes / (1024 * 1024)) * 1000;
}

export async function readMetadata(bytes: Uint8Array, signal?: AbortSignal): Promise<MetadataRead> {
  const outcome = await runExiftool({ args: [...readArgs], input: bytes, maxOutputBytes: maxJsonBytes, timeoutMs: timeoutFor(bytes.byteLength), signal });
  // ExifTool exits 1 when it cannot read the file but still prints its JSON, with an Error in it.
  if (!outcome.ok && outcome.failure !== 'exitCode') return { ok: false, unreadable: outcome.failure };
  let tags: Record<string, unknown>;
  try {
    const parsed = exiftoolJson.safeParse(JSON.parse(outcome.stdout.toString('utf8')));
    if (!parsed.success || !parsed.data[0]) return { ok: false, unreadable: 'unparsableOutput' };
    tags = parsed.data[0];
  } catch {
    return { ok: false, unreadable: outcome.ok ? 'unparsableOutput' : 'exitCode' };
  }
  // FileTypeExtension ("JPG", "WEBP", "MOV") names the format; FileType may be "Extended WEBP".
  const fileType = typeof tags['File:FileTypeExtension'] === 'string' ? tags['File:FileTypeExtension'].toUpperCase() : null;
  // An Error is ExifTool giving up on the file: a format it does not know, or one too damaged to read.
  if (tags['ExifTool:Error'] !== undefined) return { ok: false, unreadable: fileType ? 'damaged' : 'unknownFormat' };
  return { ok: true, fileType, kinds: kindsOfTags(tags) };
}
