/**
 * How an evidence file's facts read on screen, in the UI language: its size
 * in localised units (with the exact byte count beside it), the capture time
 * a photo's camera recorded (as the camera wrote it, never moved to another
 * zone), and which preview, if any, its media type allows. Pure functions;
 * nothing here changes a stored value.
 */
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/ipc';
import { formatTimestamp } from '../incidents/format';

const units = ['kilobytes', 'megabytes', 'gigabytes', 'terabytes'] as const;

let kazakhNumbersKnown: boolean | undefined;

/**
 * The locale whose number conventions to use. Chromium's trimmed ICU data
 * (and so Electron's) has none for Kazakh and would print English "1,337.5";
 * Kazakh writes numbers as Russian does ("1 337,5"), so it borrows those.
 */
function numberLocale(lng: Language): string {
  if (lng !== 'kk') return lng;
  kazakhNumbersKnown ??= new Intl.NumberFormat('kk').format(1234.5) !== new Intl.NumberFormat('en').format(1234.5);
  return kazakhNumbersKnown ? 'kk' : 'ru';
}

/** "1.2 MB (1,234,567 bytes)", "512 bytes": binary multiples, named as people know them (KB, MB, GB). */
export function formatFileSize(bytes: number, lng: Language, t: TFunction): string {
  const locale = numberLocale(lng);
  const exact = t('evidence:files.size.bytes', { count: bytes, bytes: new Intl.NumberFormat(locale).format(bytes) });
  if (bytes < 1024) return exact;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  return t('evidence:files.size.withBytes', { size: t(`evidence:files.size.${units[unit]}`, { value: rounded }), bytes: exact });
}

const cameraClock = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})?$/;

/**
 * "Jan 5, 2022, 14:03:22 (UTC+06:00)": the date in the UI language and the
 * time exactly as the camera's clock gave it. Without an offset the zone is
 * not known, and the text says so instead of guessing one.
 */
export function formatCameraTime(takenAt: string, lng: Language, t: TFunction): string {
  const match = cameraClock.exec(takenAt);
  if (!match?.[1] || !match[2]) return takenAt;
  const date = formatTimestamp({ at: `${match[1]}T00:00Z`, precision: 'day' }, lng);
  const offset = match[3] === 'Z' ? '+00:00' : match[3];
  return offset
    ? t('evidence:files.takenAt.withOffset', { date, time: match[2], offset: t('incidents:format.utcOffset', { offset }) })
    : t('evidence:files.takenAt.noOffset', { date, time: match[2] });
}

export type PreviewKind = 'image' | 'audio' | 'video' | 'pdf';

const imageTypes = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
const videoTypes = new Set(['video/mp4', 'video/webm']);

/**
 * The preview a media type allows: the types the app serves with their own
 * Content-Type (electron/engine/evidence.ts). Anything else is served as
 * application/octet-stream and gets no preview.
 */
export function previewKindOf(mediaType: string): PreviewKind | null {
  const type = mediaType.toLowerCase();
  if (imageTypes.has(type)) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  if (videoTypes.has(type)) return 'video';
  if (type === 'application/pdf') return 'pdf';
  return null;
}

/**
 * What a finished add reports: how many files are new on the record, and how
 * many it already listed (or that were chosen twice). `returned` are the
 * hashes attachments:add answered with, `known` those the record listed
 * before; counting by hash holds whether the engine answers with every file
 * given or only with those it added.
 */
export function addOutcome(chosen: number, returned: readonly string[], known: ReadonlySet<string>): { added: number; alreadyThere: number } {
  const added = new Set(returned.filter((sha256) => !known.has(sha256))).size;
  return { added, alreadyThere: Math.max(0, chosen - added) };
}
