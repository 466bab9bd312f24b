/**
 * Which UTC offset a time in Kazakhstan had on a given day: the IANA zone of
 * each first-level area, and that zone's offset on a local date as the tz
 * database history says (Almaty was UTC+6 until 1 March 2024, then UTC+5;
 * Mangystau was UTC+5 throughout). Used only to propose a default offset in
 * the forms; it never changes a stored time and holds no tz data of its own:
 * the history comes from the runtime's Intl (Node and Chromium ship it).
 */
import type { Area } from './area';

/** The zone the tz database assigns to each ISO 3166-2:KZ area (zone.tab's "most of Kazakhstan" is Asia/Almaty). */
const kazakhstanZones: Readonly<Record<string, string>> = {
  'KZ-10': 'Asia/Almaty', // Abai
  'KZ-11': 'Asia/Almaty', // Akmola
  'KZ-15': 'Asia/Aqtobe', // Aktobe
  'KZ-19': 'Asia/Almaty', // Almaty Region
  'KZ-23': 'Asia/Atyrau', // Atyrau
  'KZ-27': 'Asia/Oral', // West Kazakhstan
  'KZ-31': 'Asia/Almaty', // Jambyl
  'KZ-33': 'Asia/Almaty', // Jetisu
  'KZ-35': 'Asia/Almaty', // Karaganda
  'KZ-39': 'Asia/Qostanay', // Kostanay
  'KZ-43': 'Asia/Qyzylorda', // Kyzylorda
  'KZ-47': 'Asia/Aqtau', // Mangystau
  'KZ-55': 'Asia/Almaty', // Pavlodar
  'KZ-59': 'Asia/Almaty', // North Kazakhstan
  'KZ-61': 'Asia/Almaty', // Turkistan
  'KZ-62': 'Asia/Almaty', // Ulytau (part of Karaganda until 2022)
  'KZ-63': 'Asia/Almaty', // East Kazakhstan
  'KZ-71': 'Asia/Almaty', // Astana
  'KZ-75': 'Asia/Almaty', // Almaty
  'KZ-79': 'Asia/Almaty', // Shymkent
};

/** When no area has a known zone: Asia/Almaty, the zone most people in Kazakhstan live in. */
export const fallbackZone = 'Asia/Almaty';

/** The IANA zone of an area code; a second-level code ("KZ-47-ZHANAOZEN") takes its first level's. */
export function zoneOf(code: string): string | undefined {
  const firstLevel = code.split('-').slice(0, 2).join('-');
  return kazakhstanZones[firstLevel];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a zone, read back as if it were UTC. */
function wallClockIn(zone: string, instant: number): number {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(formatter.formatToParts(instant).find((p) => p.type === type)?.value);
  const date = new Date(0);
  date.setUTCFullYear(part('year'), part('month') - 1, part('day'));
  date.setUTCHours(part('hour'), part('minute'), part('second'));
  return date.getTime();
}

/** Minutes east of UTC in a zone at an instant. */
function offsetMinutesAt(zone: string, instant: number): number {
  return Math.round((wallClockIn(zone, instant) - instant) / 60_000);
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const day = 86_400_000;

/**
 * The zone's offset ("+05:00") at a local date and time; without a time, at
 * noon (a day-precision time then takes the offset most of that day had).
 * A wall time that happened twice (Almaty's 2024-02-29 23:00–23:59) takes the
 * earlier, the offset before the change; one that never happened takes the
 * offset before the change too. Null for a date, time or zone that is not real.
 */
export function offsetOn(zone: string, localDate: string, localTime?: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  const t = /^(\d{2}):(\d{2})/.exec(localTime || '12:00');
  if (!d || !t) return null;
  const wall = new Date(0);
  wall.setUTCFullYear(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
  wall.setUTCHours(Number(t[1]), Number(t[2]));
  const wallMs = wall.getTime();
  if (Number.isNaN(wallMs) || wall.getUTCDate() !== Number(d[3]) || wall.getUTCHours() !== Number(t[1])) return null;
  try {
    // The offsets in force a day either side cover any single change on this date.
    const before = offsetMinutesAt(zone, wallMs - day);
    const after = offsetMinutesAt(zone, wallMs + day);
    // Earlier instant first: a larger offset east means an earlier moment for the same wall time.
    const candidates = [...new Set([before, after])].sort((a, b) => b - a);
    const fits = candidates.find((minutes) => offsetMinutesAt(zone, wallMs - minutes * 60_000) === minutes);
    return formatOffset(fits ?? before);
  } catch {
    // Intl refuses a zone it does not know.
    return null;
  }
}

/**
 * The offset a new time should default to: that of the first area with a
 * known zone on that date (areas in different offsets: the first one's), or
 * Asia/Almaty's when none has one (free-text places, other countries, no area).
 */
export function defaultOffset(areas: readonly Area[], localDate: string, localTime?: string): string | null {
  const zone = areas.map((area) => ('code' in area ? zoneOf(area.code) : undefined)).find((known) => known !== undefined);
  return offsetOn(zone ?? fallbackZone, localDate, localTime);
}
