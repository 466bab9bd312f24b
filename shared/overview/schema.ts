/**
 * The shape of the overview's answer (`records:overview`): exactly the
 * numbers the screen draws, each list capped so that the answer stays a few
 * hundred kilobytes at most whatever the archive's size. Schemas only; the
 * numbers are computed in aggregate.ts, never here.
 */
import { z } from 'zod';

export const CountByCode = z.strictObject({ code: z.string(), count: z.number().int().nonnegative() });
export type CountByCode = z.infer<typeof CountByCode>;

/**
 * A period drawn on the timeline, in ms since the epoch. An `ongoing` one
 * (the record says so) ends at the time the answer was made; one whose end
 * was not recorded (`endNotRecorded`) ends where it started, since nothing
 * more is known, and is drawn as an open stub, never stretched to today.
 */
export const TimelineSpan = z.strictObject({ start: z.number(), end: z.number(), ongoing: z.boolean(), endNotRecorded: z.boolean() });
export type TimelineSpan = z.infer<typeof TimelineSpan>;

/** One row of the timeline: where, how many incidents, and their periods merged where they touch. */
export const TimelineRow = z.strictObject({
  /** An area code (`KZ-75`), a named place as written, the country's code for a nationwide row, or `unspecified`. */
  key: z.string(),
  kind: z.enum(['code', 'place', 'national', 'unspecified']),
  incidents: z.number().int().nonnegative(),
  ongoing: z.number().int().nonnegative(),
  /** Incidents neither ended nor marked ongoing: their end was not recorded. */
  endNotRecorded: z.number().int().nonnegative(),
  /** First start and last recorded end (YYYY-MM-DD as written); `last` is '' when no end is recorded. */
  first: z.string(),
  last: z.string(),
  /** Sorted; periods closer than `timeline.mergeStep` merged, so never more than about one per drawing step. */
  spans: z.array(TimelineSpan),
});
export type TimelineRow = z.infer<typeof TimelineRow>;

export const TimeBucket = z.strictObject({
  /** First and last day (YYYY-MM-DD) of the month or week. */
  from: z.string(),
  to: z.string(),
  count: z.number().int().nonnegative(),
});
export type TimeBucket = z.infer<typeof TimeBucket>;

export const Overview = z.strictObject({
  /** Shutdowns: incidents linked as the same, a part or a continuation count once. */
  incidents: z.number().int().nonnegative(),
  /** Incident records counted within another's shutdown (recorded twice, or a part). */
  linkedRecords: z.number().int().nonnegative(),
  /** Shutdowns a record marks as ongoing (`ongoing: true`), never those whose end is merely missing. */
  ongoing: z.number().int().nonnegative(),
  /** Shutdowns neither ended nor marked ongoing: their end was not recorded. */
  endNotRecorded: z.number().int().nonnegative(),
  /** The days the answer covers (the request's, else the records'), and the records' own first and last day; null without dated records. */
  range: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
  extent: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
  effects: z.number().int().nonnegative(),
  /** The sum of counted people, over the effects that give a count. */
  peopleAffected: z.number().nonnegative(),
  effectsWithCount: z.number().int().nonnegative(),
  /** Effects per severity, every severity in order from the gravest, zeros included. */
  bySeverity: z.array(CountByCode),
  /** The categories with the most effects; `moreCategories` not sent. */
  byCategory: z.array(CountByCode),
  moreCategories: z.number().int().nonnegative(),
  /** The areas with the most effects; `moreAreas` not sent. */
  byArea: z.array(CountByCode.extend({ kind: z.enum(['code', 'place', 'unspecified']) })),
  moreAreas: z.number().int().nonnegative(),
  timeline: z.strictObject({
    rows: z.array(TimelineRow),
    /** Areas with fewer incidents, not drawn. */
    moreRows: z.number().int().nonnegative(),
    /** The axis: from the first start to the last recorded end (or start) in range; an ongoing period never stretches it to today. */
    start: z.number(),
    end: z.number(),
    /** Periods of one row less than this many ms apart are drawn as one. */
    mergeStep: z.number().nonnegative(),
  }),
  overTime: z.strictObject({
    unit: z.enum(['month', 'week']),
    buckets: z.array(TimeBucket),
    undated: z.number().int().nonnegative(),
    /** Effects in periods before the first bucket drawn (a range too long to draw keeps its latest buckets). */
    earlier: z.number().int().nonnegative(),
  }),
});
export type Overview = z.infer<typeof Overview>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What `records:overview` is asked: optionally, the days (inclusive, as written in the records) every number is limited to. */
export const OverviewRequest = z.strictObject({ from: Day.optional(), to: Day.optional() });
export type OverviewRequest = z.infer<typeof OverviewRequest>;
