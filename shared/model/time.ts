/**
 * Points in time as witnesses give them: an ISO 8601 local time with its UTC
 * offset kept as written (a shutdown in Almaty stays in Almaty time), and how
 * precisely it is known. Never converts between zones.
 */
import { z } from 'zod';
import { timePrecisions } from './taxonomy';

const isoWithOffset =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** True when `value` is a real calendar time with an explicit offset. */
export function isIsoWithOffset(value: string): boolean {
  const m = isoWithOffset.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, , oh, om] = m;
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s ?? 0) <= 59 &&
    Number(oh ?? 0) <= 14 &&
    Number(om ?? 0) <= 59
  );
}

export const TimePrecision = z.enum(timePrecisions);
export type TimePrecision = z.infer<typeof TimePrecision>;

export const Timestamp = z.strictObject({
  at: z.string().refine(isIsoWithOffset, { message: 'invalidDate' }),
  precision: TimePrecision.default('minute'),
});
export type Timestamp = z.infer<typeof Timestamp>;

/** Milliseconds since the epoch, for ordering only (never for display). */
export function instantOf(timestamp: Timestamp): number {
  return Date.parse(timestamp.at);
}
