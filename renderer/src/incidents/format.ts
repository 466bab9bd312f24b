/**
 * How incident values read on screen, in the UI language: times in the
 * record's own UTC offset (never converted to the viewer's zone), periods,
 * area and country names. Pure functions over Intl; nothing here changes a
 * stored value.
 */
import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../../shared/ipc';
import { areaNameOn, serviceCodes, type Area, type Incident, type Timestamp } from '../../../shared/model';

export interface WallClock {
  date: string;
  time: string;
  /** "+06:00"; "Z" reads as "+00:00". */
  offset: string;
}

const isoParts = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})$/;

/** The local date, time and offset exactly as written in the record. */
export function wallClockOf(at: string): WallClock | null {
  const m = isoParts.exec(at);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { date: m[1], time: m[2], offset: m[3] === 'Z' ? '+00:00' : m[3] };
}

/**
 * The recorded wall-clock time as a Date that Intl prints in UTC: Intl then
 * shows exactly the local time that was written, whatever the viewer's zone.
 */
function wallClockDate(timestamp: Timestamp): Date | null {
  const wall = wallClockOf(timestamp.at);
  return wall ? new Date(`${wall.date}T${wall.time}Z`) : null;
}

const monthNamesKnown = new Map<Language, boolean>();

/**
 * Whether this runtime's Intl has month names for the language. Chromium's
 * trimmed ICU data (and so Electron's) has none for Kazakh and would print
 * "2022 M01 5"; such a language gets all-numeric dates ("2022-01-05").
 */
export function knowsMonthNames(lng: Language): boolean {
  let known = monthNamesKnown.get(lng);
  if (known === undefined) {
    const january = new Intl.DateTimeFormat(lng, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2022, 0, 15)));
    known = !/^M\d+$/.test(january);
    monthNamesKnown.set(lng, known);
  }
  return known;
}

function dateTimeOptions(lng: Language, withTime: boolean): Intl.DateTimeFormatOptions {
  if (knowsMonthNames(lng)) return withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
  const date = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
  return withTime ? { ...date, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : date;
}

/** Made once per language and form: a list draws hundreds of times, and making a formatter costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(precision: Timestamp['precision'], lng: Language): Intl.DateTimeFormat {
  const withTime = precision !== 'day';
  const key = `${lng} ${withTime}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lng, { ...dateTimeOptions(lng, withTime), timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The time as the witness gave it, in its own offset, as precisely as it is known. */
export function formatTimestamp(timestamp: Timestamp, lng: Language): string {
  const date = wallClockDate(timestamp);
  return date ? formatterFor(timestamp.precision, lng).format(date) : timestamp.at;
}

/** Start and end in one offset and precision, the way the language shortens a range ("Jan 4, 2022, 12:00 – 6:00 PM"). */
function formatRange(start: Timestamp, end: Timestamp, lng: Language): string {
  const from = wallClockDate(start);
  const to = wallClockDate(end);
  if (!from || !to || start.precision !== end.precision || to < from) {
    return `${formatTimestamp(start, lng)} – ${formatTimestamp(end, lng)}`;
  }
  return formatterFor(start.precision, lng).formatRange(from, to);
}

export function offsetLabel(at: string, t: TFunction): string {
  return t('incidents:format.utcOffset', { offset: wallClockOf(at)?.offset ?? '' });
}

/** "Jan 5, 2022, 4:00 PM (UTC+06:00), to the minute": one time with its offset and how precisely it is known. */
export function formatTimestampInFull(timestamp: Timestamp, lng: Language, t: TFunction): string {
  return t('incidents:page.timestamp', {
    time: formatTimestamp(timestamp, lng),
    offset: offsetLabel(timestamp.at, t),
    precision: t(`taxonomy:precision.${timestamp.precision}`),
  });
}

/** "Jan 5, 2022, 4:00 PM – Jan 10, 2022, 9:00 AM (UTC+06:00)", or ongoing, or end unknown. */
export function formatPeriod(incident: Pick<Incident, 'startedAt' | 'endedAt' | 'ongoing'>, lng: Language, t: TFunction): string {
  const start = formatTimestamp(incident.startedAt, lng);
  const startOffset = offsetLabel(incident.startedAt.at, t);
  if (incident.ongoing) return t('incidents:format.periodOngoing', { start, offset: startOffset });
  if (!incident.endedAt) return t('incidents:format.periodNoEnd', { start, offset: startOffset });
  const endOffset = offsetLabel(incident.endedAt.at, t);
  return endOffset === startOffset
    ? t('incidents:format.period', { range: formatRange(incident.startedAt, incident.endedAt, lng), offset: startOffset })
    : t('incidents:format.periodTwoOffsets', { start, end: formatTimestamp(incident.endedAt, lng), startOffset, endOffset });
}

/** A gazetteer area in the UI language as named on the record's date (today's name without one), or a free-text place as written. */
export function areaName(area: Area, lng: Language, date?: string): string {
  if ('place' in area) return area.place;
  return areaNameOn(area.code, date, lng);
}

/**
 * A country's name in the UI language: the app's own string
 * (`incidents:countries`) for the countries Dalel ships a gazetteer for,
 * as the report names them; otherwise Intl's name, unless Intl has no names
 * for the language (it then answers in English, or with the bare code, as
 * Chromium does for Kazakh), when the code shows.
 */
export function countryName(code: string, lng: Language): string {
  const key = `incidents:countries.${code}`;
  if (i18next.exists(key, { lng })) return i18next.t(key, { lng });
  const named = (language: Language) => {
    try {
      return new Intl.DisplayNames([language], { type: 'region' }).of(code);
    } catch {
      return undefined;
    }
  };
  const name = named(lng);
  return name && name !== code && (lng === 'en' || name !== named('en')) ? name : code;
}

/** A service code's name ("WhatsApp"), or a service the user typed in, as written. */
export function serviceName(service: string, t: TFunction): string {
  return (serviceCodes as readonly string[]).includes(service) ? t(`taxonomy:service.${service}`) : service;
}

/** A moment stamped in UTC by the app (revision times), shown in the viewer's own zone. */
export function formatInstant(iso: string, lng: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lng, dateTimeOptions(lng, true)).format(date);
}

/**
 * Joins labels with the language's list separator. Not Intl.ListFormat: its
 * "unit" lists are space-separated in Russian, and "and" between labels that
 * themselves contain "and" misleads.
 */
export function formatList(items: readonly string[], t: TFunction): string {
  return items.join(t('incidents:format.listSeparator'));
}
