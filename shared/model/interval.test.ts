import { describe, expect, it } from 'vitest';
import { Incident } from './incident';
import { durationOf, hoursBetween, isCurfewStyle, type Interval } from './interval';
import type { Timestamp } from './time';

const at = (value: string): Timestamp => ({ at: value, precision: 'minute' });
const interval = (start: string, end?: string): Interval => ({
  start: at(start),
  ...(end ? { end: at(end) } : {}),
  areas: [],
  operators: [],
});
/** Nur-Sultan's cut-offs of January 2022: each evening 19:00 to 07:00 the next morning. */
const nightly = [
  interval('2022-01-06T19:00+06:00', '2022-01-07T07:00+06:00'),
  interval('2022-01-07T19:00+06:00', '2022-01-08T07:00+06:00'),
  interval('2022-01-08T19:30+06:00', '2022-01-09T07:00+06:00'),
];

describe('an incident\u2019s duration', () => {
  it('is the span when there are no intervals, and unknown without an end', () => {
    expect(durationOf({ startedAt: at('2022-01-05T10:00+06:00'), endedAt: at('2022-01-10T16:30+06:00') })).toEqual({ hours: 126.5, approximate: false, curfewStyle: false });
    expect(durationOf({ startedAt: at('2022-01-05T10:00+06:00') })).toEqual({ hours: null, approximate: false, curfewStyle: false });
  });

  it('is only about right, and says so, when a time it is computed from is known only to the day', () => {
    const dayOnly: Timestamp = { at: '2022-01-10T00:00+06:00', precision: 'day' };
    expect(durationOf({ startedAt: { at: '2022-01-05T16:30+06:00', precision: 'hour' }, endedAt: dayOnly })).toEqual({ hours: 103.5, approximate: true, curfewStyle: false });
    expect(durationOf({ startedAt: at('2022-01-05T10:00+06:00'), intervals: [{ start: dayOnly, end: at('2022-01-10T07:00+06:00'), areas: [], operators: [] }] }).approximate).toBe(true);
  });

  it('sums the intervals, not the span, and sees the daily pattern', () => {
    const duration = durationOf({ startedAt: at('2022-01-06T19:00+06:00'), endedAt: at('2022-01-09T07:00+06:00'), intervals: nightly });
    expect(duration).toEqual({ hours: 35.5, approximate: false, curfewStyle: true });
  });

  it('counts hours when two areas were off at once only once', () => {
    const together = [interval('2022-01-06T19:00+06:00', '2022-01-07T07:00+06:00'), interval('2022-01-06T18:00+05:00', '2022-01-07T06:00+05:00')];
    expect(durationOf({ startedAt: at('2022-01-06T19:00+06:00'), intervals: together }).hours).toBe(12);
    const overlapping = [interval('2022-01-06T10:00+06:00', '2022-01-06T14:00+06:00'), interval('2022-01-06T12:00+06:00', '2022-01-06T16:00+06:00')];
    expect(durationOf({ startedAt: at('2022-01-06T10:00+06:00'), intervals: overlapping }).hours).toBe(6);
  });

  it('is unknown while an interval has no end, but the pattern still shows', () => {
    const open = [...nightly, interval('2022-01-09T19:00+06:00')];
    expect(durationOf({ startedAt: at('2022-01-06T19:00+06:00'), intervals: open })).toEqual({ hours: null, approximate: false, curfewStyle: true });
  });

  it('compares instants, so offsets are honoured', () => {
    expect(hoursBetween(at('2024-02-29T23:30+06:00'), at('2024-02-29T23:30+05:00'))).toBe(1);
  });
});

describe('curfew style', () => {
  it('needs at least two days at about the same hour', () => {
    expect(isCurfewStyle(nightly)).toBe(true);
    expect(isCurfewStyle(nightly.slice(0, 1))).toBe(false);
    // Two cuts on the same day are not a daily pattern.
    expect(isCurfewStyle([interval('2022-01-06T10:00+06:00', '2022-01-06T11:00+06:00'), interval('2022-01-06T10:30+06:00', '2022-01-06T12:00+06:00')])).toBe(false);
  });

  it('is not a curfew when the hours differ or the cuts last days', () => {
    expect(isCurfewStyle([interval('2022-01-06T08:00+06:00', '2022-01-06T10:00+06:00'), interval('2022-01-07T19:00+06:00', '2022-01-07T21:00+06:00')])).toBe(false);
    expect(isCurfewStyle([interval('2022-01-06T08:00+06:00', '2022-01-08T08:00+06:00'), interval('2022-01-09T08:00+06:00', '2022-01-11T08:00+06:00')])).toBe(false);
  });

  it('sees a pattern across midnight (23:30 and 00:30 are an hour apart)', () => {
    expect(isCurfewStyle([interval('2022-01-06T23:30+06:00', '2022-01-07T05:00+06:00'), interval('2022-01-08T00:30+06:00', '2022-01-08T05:00+06:00')])).toBe(true);
  });
});

describe('an interval in an incident', () => {
  const base = { title: 'Cut-offs', scope: 'regional', kinds: ['full_network'], startedAt: at('2022-01-06T19:00+06:00') };

  it('is refused when it ends before it starts', () => {
    const parsed = Incident.safeParse({ ...base, intervals: [interval('2022-01-07T07:00+06:00', '2022-01-06T19:00+06:00')] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toContainEqual(['intervals.0.end', 'endBeforeStart']);
  });

  it('keeps its areas and operators', () => {
    const parsed = Incident.parse({ ...base, intervals: [{ ...nightly[0], areas: [{ code: 'KZ-71' }], operators: ['Kazakhtelecom'] }] });
    expect(parsed.intervals?.[0]).toMatchObject({ areas: [{ code: 'KZ-71' }], operators: ['Kazakhtelecom'] });
  });
});
