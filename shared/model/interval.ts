/**
 * The times a shutdown was on (docs/spec/data-model.md, "Intervals"): an
 * incident's start and end say its whole span; its intervals, when known,
 * say each time the network was off inside it ("6–10 January, 19:00 to
 * 07:00 each day"), by area and operator where known. Durations are computed
 * from them, never typed.
 */
import { z } from 'zod';
import { Area } from './area';
import { Timestamp, instantOf } from './time';

export const Interval = z
  .strictObject({
    start: Timestamp,
    /** Absent while it lasts or when its end is not recorded. */
    end: Timestamp.optional(),
    areas: z.array(Area).max(50).default([]),
    operators: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  })
  // On the interval itself, so that the form names it while the rest of the incident is still incomplete.
  .superRefine((interval, ctx) => {
    if (interval.end && instantOf(interval.end) < instantOf(interval.start)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'endBeforeStart' });
    }
  });
export type Interval = z.infer<typeof Interval>;
export type IntervalInput = z.input<typeof Interval>;

const hour = 3_600_000;

/** Hours between two times, to one decimal; null when the end is not known. */
export function hoursBetween(start: Timestamp, end: Timestamp | undefined): number | null {
  if (!end) return null;
  return Math.round(((instantOf(end) - instantOf(start)) / hour) * 10) / 10;
}

export interface Duration {
  /**
   * Hours the network was off: the time covered by at least one interval
   * (two areas cut at the same hours count those hours once), or the span
   * when there are none; null when an end is missing.
   */
  hours: number | null;
  /**
   * A time it is computed from is known only to the day (a day-precision
   * time is written as that day's midnight): the hours are then about right,
   * never to be quoted as exact.
   */
  approximate: boolean;
  /** Cut-offs repeated on at least two days at about the same hours ("Curfew Style" in STOP). */
  curfewStyle: boolean;
}

/** Milliseconds covered by at least one of the spans. */
function coveredMs(spans: readonly (readonly [number, number])[]): number {
  const sorted = [...spans].filter(([from, to]) => to > from).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = -Infinity;
  for (const [from, to] of sorted) {
    if (to <= reach) continue;
    total += to - Math.max(from, reach);
    reach = to;
  }
  return total;
}

/** An incident's duration from its intervals, or from its start and end when it has none. */
export function durationOf(incident: { startedAt: Timestamp; endedAt?: Timestamp | undefined; intervals?: readonly Interval[] | undefined }): Duration {
  const intervals = incident.intervals ?? [];
  const times = intervals.length === 0 ? [incident.startedAt, incident.endedAt] : intervals.flatMap((interval) => [interval.start, interval.end]);
  const approximate = times.some((time) => time?.precision === 'day');
  if (intervals.length === 0) return { hours: hoursBetween(incident.startedAt, incident.endedAt), approximate, curfewStyle: false };
  const curfewStyle = isCurfewStyle(intervals);
  if (intervals.some((interval) => !interval.end)) return { hours: null, approximate, curfewStyle };
  const spans = intervals.map((interval) => [instantOf(interval.start), instantOf(interval.end!)] as const);
  return { hours: Math.round((coveredMs(spans) / hour) * 10) / 10, approximate, curfewStyle };
}

/**
 * Curfew style: at least two intervals, each shorter than a day, starting on
 * different days within two hours of the same time of day (as written, in
 * the place's own offset).
 */
export function isCurfewStyle(intervals: readonly Interval[]): boolean {
  const daily = intervals.filter((interval) => {
    const hours = hoursBetween(interval.start, interval.end);
    return hours !== null && hours > 0 && hours < 24;
  });
  if (daily.length < 2) return false;
  const days = new Set(daily.map((interval) => interval.start.at.slice(0, 10)));
  if (days.size < 2) return false;
  const minutes = daily.map((interval) => Number(interval.start.at.slice(11, 13)) * 60 + Number(interval.start.at.slice(14, 16)));
  const first = minutes[0]!;
  return minutes.every((minute) => {
    const apart = Math.abs(minute - first);
    return Math.min(apart, 1440 - apart) <= 120;
  });
}
