/**
 * How values read in the report, in its language: times exactly as recorded
 * (local wall-clock time with its own UTC offset and precision, never
 * converted), UTC instants stamped by the app, numbers, sizes, money, areas,
 * countries and languages. Pure functions; nothing here reads the clock.
 *
 * Dates are spelled with month names from the `report` namespace rather than
 * Intl.DateTimeFormat: Chromium's (and so Electron's) trimmed ICU has no
 * Kazakh month names, and a court document must read the same whichever
 * program printed it.
 */
import i18next, { type TFunction } from 'i18next';
import { i18nOptions } from '../i18n';
import { areaNameOn, serviceCodes, type Area, type Timestamp } from '../model';
import type { SignedHeads } from './signedHead';

export type ReportLanguage = 'en' | 'ru' | 'kk';

export interface Formatter {
  language: ReportLanguage;
  t: TFunction;
  /** Format 2 `legal` only: how authors' signed heads read (./signedHead.ts). */
  signedHeads?: SignedHeads | undefined;
}

const translators = new Map<ReportLanguage, TFunction>();

/** A translator over the same resources as the app and the command, made once per language. */
export function formatterFor(language: ReportLanguage): Formatter {
  let t = translators.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    // Resources are bundled, so initialisation is synchronous.
    void instance.init({ ...i18nOptions(language), initAsync: false });
    t = instance.getFixedT(language);
    translators.set(language, t);
  }
  return { language, t };
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: string;
  minute: string;
  second?: string;
  /** "+06:00"; "Z" reads as "+00:00". */
  offset: string;
  /** Minutes east of UTC. */
  offsetMinutes: number;
}

const isoParts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** The date, time and offset exactly as written in an ISO 8601 value. */
export function wallClockOf(at: string): WallClock | null {
  const m = isoParts.exec(at);
  if (!m) return null;
  const [, year, month, day, hour, minute, second, zone, sign, oh, om] = m;
  const offsetMinutes = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: hour!,
    minute: minute!,
    second: second && second !== '00' ? second : undefined,
    offset: zone === 'Z' ? '+00:00' : zone!,
    offsetMinutes,
  };
}

function dateText(f: Formatter, wall: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return f.t('report:time.date', { day: wall.day, month: f.t(`report:time.months.${wall.month}`), year: wall.year });
}

function clockText(wall: WallClock): string {
  return `${wall.hour}:${wall.minute}${wall.second ? `:${wall.second}` : ''}`;
}

/** "5 January 2022, 16:00 (UTC+06:00), to the minute": as the witness gave it. */
export function formatTimestamp(f: Formatter, timestamp: Timestamp): string {
  const wall = wallClockOf(timestamp.at);
  if (!wall) return timestamp.at;
  const date = dateText(f, wall);
  const time = timestamp.precision === 'day' ? date : f.t('report:time.dateTime', { date, time: clockText(wall) });
  return f.t('report:time.timestamp', {
    time,
    offset: f.t('report:time.offset', { offset: wall.offset }),
    precision: f.t(`taxonomy:precision.${timestamp.precision}`),
  });
}

/** A start and an end, an ongoing period, or a start with no recorded end. */
export function formatPeriod(f: Formatter, start: Timestamp | undefined, end: Timestamp | undefined, ongoing: boolean): string {
  if (!start) return end ? f.t('report:time.period', { start: f.t('report:notRecorded'), end: formatTimestamp(f, end) }) : f.t('report:notRecorded');
  const from = formatTimestamp(f, start);
  if (end) return f.t('report:time.period', { start: from, end: formatTimestamp(f, end) });
  return ongoing ? f.t('report:time.ongoing', { start: from }) : f.t('report:time.noEnd', { start: from });
}

/** A moment the app stamped in UTC (export, custody events), shown in UTC: "25 November 2026, 10:03:12 UTC". */
export function formatUtc(f: Formatter, iso: string): string {
  const wall = wallClockOf(iso);
  if (!wall || wall.offsetMinutes !== 0) return iso;
  return f.t('report:time.utc', { time: f.t('report:time.dateTime', { date: dateText(f, wall), time: clockText(wall) }) });
}

/** "5 Jan", for the ticks of a time axis. */
export function formatDayMonth(f: Formatter, wall: Pick<WallClock, 'month' | 'day'>): string {
  return f.t('report:time.dayMonth', { day: wall.day, month: f.t(`report:time.monthsShort.${wall.month}`) });
}

export function formatDate(f: Formatter, wall: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return dateText(f, wall);
}

/**
 * A calendar date ("2022-01-05") written out with its weekday, "Wednesday,
 * 5 January 2022", by the same rules as every other date here (so Kazakh
 * reads the same without Intl's Kazakh data). Null for a date that is not real.
 */
export function formatDateInWords(f: Formatter, isoDate: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const wall = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  if (date.getUTCMonth() !== wall.month - 1 || date.getUTCDate() !== wall.day) return null;
  // ISO weekday: 1 Monday … 7 Sunday.
  const weekday = date.getUTCDay() || 7;
  return f.t('report:time.dateWithWeekday', { date: dateText(f, wall), weekday: f.t(`report:time.weekdays.${weekday}`) });
}

/**
 * A number as the language writes it. Kazakh groups thousands with a
 * no-break space and marks decimals with a comma ("1 293,5", as CLDR has
 * it); written here by that rule, since Chromium's (and so Electron's) ICU
 * has no Kazakh data and would print "1,293.5".
 */
export function formatNumber(f: Pick<Formatter, 'language'>, value: number): string {
  if (f.language !== 'kk') return new Intl.NumberFormat(f.language).format(value);
  return new Intl.NumberFormat('en')
    .formatToParts(value)
    .map((part) => (part.type === 'group' ? '\u00a0' : part.type === 'decimal' ? ',' : part.value))
    .join('');
}

/** An amount with its ISO 4217 currency, the way the language writes money. */
export function formatMoney(f: Formatter, amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(f.language, { style: 'currency', currency }).format(amount);
  } catch {
    return `${formatNumber(f, amount)} ${currency}`;
  }
}

const sizeUnits = [
  ['gigabyte', 1e9],
  ['megabyte', 1e6],
  ['kilobyte', 1e3],
] as const;

/** "2.4 MB (2,456,789 bytes)": readable, with the exact count a court can compare. */
export function formatSize(f: Formatter, bytes: number): string {
  const exact = f.t('report:counts.bytes', { count: bytes, number: formatNumber(f, bytes) });
  const unit = sizeUnits.find(([, factor]) => bytes >= factor);
  if (!unit) return exact;
  const readable = new Intl.NumberFormat(f.language, { style: 'unit', unit: unit[0], maximumFractionDigits: 1 }).format(bytes / unit[1]);
  return `${readable} (${exact})`;
}

/** A gazetteer area in the report's language as named on the record's date (today's name without one), or a free-text place as written. */
export function areaName(f: Formatter, area: Area, date?: string): string {
  if ('place' in area) return area.place;
  return areaNameOn(area.code, date, f.language);
}

function displayName(language: string, type: 'region' | 'language', code: string): string | undefined {
  try {
    return new Intl.DisplayNames([language], { type, fallback: 'none' }).of(code);
  } catch {
    return undefined;
  }
}

/**
 * A country's name in the report's language. Where Intl has no names for the
 * language (it then answers in English), the countries Dalel ships a
 * gazetteer for are named from `incidents:countries`; others show their code.
 */
export function countryName(f: Formatter, code: string): string {
  const key = `incidents:countries.${code}`;
  const shipped = f.t(key);
  if (f.language !== 'en' && shipped !== key) return shipped;
  return displayName(f.language, 'region', code) ?? code;
}

/** "Russian (ru)": the language a source is written in, with its code. */
export function languageName(f: Formatter, code: string): string {
  const name = displayName(f.language, 'language', code);
  return name && name !== code ? `${name} (${code})` : code;
}

/** A service code's name ("WhatsApp"), or a service typed in, as written. */
export function serviceName(f: Formatter, service: string): string {
  return (serviceCodes as readonly string[]).includes(service) ? f.t(`taxonomy:service.${service}`) : service;
}

/** A stored code's label from the `taxonomy` namespace; an unknown code shows as itself. */
export function label(f: Formatter, group: string, code: string): string {
  const key = `taxonomy:${group}.${code}`;
  const text = f.t(key);
  return text === key ? code : text;
}

export function list(f: Formatter, items: readonly string[]): string {
  return items.join(f.t('report:listSeparator'));
}
