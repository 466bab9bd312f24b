import { describe, expect, it } from 'vitest';
import type { RecordSummary } from '../ipc';
import { aggregateOverview, bucketDays, mergeSpans } from './aggregate';

let next = 0;
function summary(type: 'incident' | 'effect', data: Record<string, unknown> | null, retracted = false): RecordSummary {
  next += 1;
  const id = `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`;
  return {
    recordId: id,
    type,
    headId: 'a'.repeat(64),
    createdAt: '2022-01-01T00:00:00Z',
    updatedAt: '2022-01-01T00:00:00Z',
    revisionCount: 1,
    retracted,
    data,
    conflict: false,
    heads: ['a'.repeat(64)],
  };
}

const at = (value: string) => ({ at: value, precision: 'day' });
const now = Date.parse('2022-02-01T00:00:00Z');

describe('incidents recorded apart and linked', () => {
  it('count once as one shutdown, overall and in each area, ongoing if any of them is', () => {
    const first = summary('incident', { areas: [{ code: 'KZ-47' }], scope: 'local', startedAt: at('2022-01-02T00:00+05:00'), endedAt: at('2022-01-10T00:00+05:00') });
    const twice = summary('incident', {
      areas: [{ code: 'KZ-47' }],
      scope: 'local',
      startedAt: at('2022-01-03T00:00+05:00'),
      ongoing: true,
      links: [{ kind: 'same_as', incident: first.recordId }],
    });
    const part = summary('incident', {
      areas: [{ code: 'KZ-75' }],
      scope: 'local',
      startedAt: at('2022-01-05T00:00+06:00'),
      endedAt: at('2022-01-09T00:00+06:00'),
      links: [{ kind: 'part_of', incident: twice.recordId }],
    });
    const apart = summary('incident', { areas: [{ code: 'KZ-47' }], scope: 'local', startedAt: at('2022-03-01T00:00+05:00'), endedAt: at('2022-03-02T00:00+05:00') });
    const overview = aggregateOverview([first, twice, part, apart], [], { now });
    expect(overview).toMatchObject({ incidents: 2, linkedRecords: 2, ongoing: 1 });
    const rows = Object.fromEntries(overview.timeline.rows.map((row) => [row.key, row]));
    expect(rows['KZ-47']).toMatchObject({ incidents: 2, ongoing: 1 });
    expect(rows['KZ-75']).toMatchObject({ incidents: 1, ongoing: 0 });
  });

  it('count apart again when the incident that links them is retracted', () => {
    const first = summary('incident', { areas: [], scope: 'national', startedAt: at('2022-01-05T00:00+06:00'), endedAt: at('2022-01-10T00:00+06:00') });
    const twice = summary('incident', { areas: [], scope: 'national', startedAt: at('2022-01-05T00:00+06:00'), endedAt: at('2022-01-10T00:00+06:00'), links: [{ kind: 'same_as', incident: first.recordId }] });
    expect(aggregateOverview([first, twice], [], { now })).toMatchObject({ incidents: 1, linkedRecords: 1 });
    expect(aggregateOverview([first, { ...twice, retracted: true, data: null }], [], { now })).toMatchObject({ incidents: 1, linkedRecords: 0 });
  });
});

describe('aggregateOverview', () => {
  const incidents = [
    summary('incident', { areas: [{ code: 'KZ-75' }], scope: 'local', startedAt: at('2022-01-08T00:00+06:00'), endedAt: at('2022-01-11T00:00+06:00') }),
    summary('incident', { areas: [], scope: 'national', startedAt: at('2022-01-05T00:00+06:00'), endedAt: at('2022-01-11T00:00+06:00') }),
    summary('incident', { areas: [{ code: 'KZ-75' }, { place: 'Zhanaozen' }], scope: 'regional', startedAt: at('2022-01-20T00:00+06:00'), ongoing: true }),
    summary('incident', null, true),
  ];
  const effects = [
    summary('effect', { category: 'medical_care', area: { code: 'KZ-75' }, occurredAt: at('2022-01-06T10:00+06:00'), peopleAffected: { count: 120, precision: 'estimate' } }),
    summary('effect', { category: 'medical_care', occurredAt: at('2022-01-07T10:00+06:00'), peopleAffected: { unknown: true } }),
    summary('effect', { category: 'banking_payments', area: { code: 'KZ-47' }, peopleAffected: { count: 30, precision: 'exact' } }),
    summary('effect', { category: 'banking_payments' }, true),
  ];
  const overview = aggregateOverview(incidents, effects, { now });

  it('counts what is not retracted, the ongoing incidents, and the people where a count is given', () => {
    expect(overview).toMatchObject({ incidents: 3, ongoing: 1, effects: 3, peopleAffected: 150, effectsWithCount: 2 });
  });

  it('orders categories and areas by how many effects they have', () => {
    expect(overview.byCategory).toEqual([
      { code: 'medical_care', count: 2 },
      { code: 'banking_payments', count: 1 },
    ]);
    expect(overview.byArea.map(({ code, count, kind }) => [code, count, kind])).toEqual([
      ['KZ-47', 1, 'code'],
      ['KZ-75', 1, 'code'],
      ['unspecified', 1, 'unspecified'],
    ]);
  });

  it('puts each incident on the row of every area it names, national ones on their own, an ongoing one up to now', () => {
    const rows = Object.fromEntries(overview.timeline.rows.map((row) => [row.key, row]));
    // "Zhanaozen" typed as text is a town of Mangystau Region: it counts under that region's row.
    expect(Object.keys(rows)).toEqual(['KZ-75', 'KZ-47', 'national']);
    expect(rows['KZ-75']).toMatchObject({ kind: 'code', incidents: 2, ongoing: 1, first: '2022-01-08', last: '' });
    expect(rows['KZ-75']!.spans.at(-1)).toEqual({ start: Date.parse('2022-01-20T00:00+06:00'), end: now, ongoing: true });
    expect(rows.national).toMatchObject({ kind: 'national', first: '2022-01-05', last: '2022-01-11' });
    expect(overview.timeline.end).toBe(now);
  });

  it('counts effects per week when they fall within three months, and those without a date apart', () => {
    expect(overview.overTime).toEqual({ unit: 'week', buckets: [{ from: '2022-01-03', to: '2022-01-09', count: 2 }], undated: 1, earlier: 0 });
  });

  it('sends only the areas and categories with the most effects, and counts the others', () => {
    const many = Array.from({ length: 30 }, (_, i) => summary('effect', { category: i < 20 ? 'medical_care' : `other_${i}`, area: { place: `Village ${i}` } }));
    const capped = aggregateOverview([], many, { now, areaRows: 15, categoryRows: 5 });
    expect(capped.byArea).toHaveLength(15);
    expect(capped.moreAreas).toBe(15);
    expect(capped.byCategory[0]).toEqual({ code: 'medical_care', count: 20 });
    expect(capped.byCategory).toHaveLength(5);
    expect(capped.moreCategories).toBe(6);
  });

  it('keeps the timeline small at 100k incidents: a few rows, each with at most about one bar per drawing step', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => {
      const day = new Date(Date.UTC(2018, 0, 1) + (i % 1500) * 86_400_000).toISOString().slice(0, 10);
      return summary('incident', { areas: [{ code: `KZ-${i % 20}` }], scope: 'local', startedAt: at(`${day}T08:00+06:00`), endedAt: at(`${day}T20:00+06:00`) });
    });
    // Its speed is measured by the bench (P8), never here: timings on a shared machine are noise.
    const big = aggregateOverview(many, [], { now, timelineRows: 12, timelineSteps: 600 });
    expect(big.incidents).toBe(100_000);
    expect(big.timeline.rows).toHaveLength(12);
    expect(big.timeline.moreRows).toBe(8);
    for (const row of big.timeline.rows) expect(row.spans.length).toBeLessThanOrEqual(601);
    // What is drawn apart is truly apart: consecutive bars of a row leave at least one drawing step between them.
    const range = big.timeline.end - big.timeline.start;
    expect(big.timeline.mergeStep).toBeCloseTo(range / 600);
    for (const row of big.timeline.rows) {
      for (let i = 1; i < row.spans.length; i += 1) expect(row.spans[i]!.start - row.spans[i - 1]!.end).toBeGreaterThan(big.timeline.mergeStep);
    }
  }, 60_000);
});

describe('mergeSpans', () => {
  it('merges periods that overlap or lie within one step, and keeps the others apart', () => {
    const spans = [
      { start: 10, end: 20, ongoing: false },
      { start: 0, end: 5, ongoing: false },
      { start: 22, end: 30, ongoing: true },
    ];
    expect(mergeSpans(spans, 1)).toEqual([
      { start: 0, end: 5, ongoing: false },
      { start: 10, end: 20, ongoing: false },
      { start: 22, end: 30, ongoing: true },
    ]);
    expect(mergeSpans(spans, 5)).toEqual([{ start: 0, end: 30, ongoing: true }]);
  });
});

describe('bucketDays', () => {
  it('counts per month over a longer range, the empty months included', () => {
    expect(bucketDays(['2022-01-05', '2022-01-30', '2022-05-02'])).toEqual({
      unit: 'month',
      buckets: [
        { from: '2022-01-01', to: '2022-01-31', count: 2 },
        { from: '2022-02-01', to: '2022-02-28', count: 0 },
        { from: '2022-03-01', to: '2022-03-31', count: 0 },
        { from: '2022-04-01', to: '2022-04-30', count: 0 },
        { from: '2022-05-01', to: '2022-05-31', count: 1 },
      ],
      earlier: 0,
    });
  });

  it('keeps the latest 240 periods of a range too long to draw, and counts the effects before them', () => {
    const days = ['1990-01-15', '1990-02-15', '2019-12-31', '2020-01-01'];
    const { unit, buckets, earlier } = bucketDays(days);
    expect(unit).toBe('month');
    expect(buckets).toHaveLength(240);
    expect(buckets.at(-1)).toEqual({ from: '2020-01-01', to: '2020-01-31', count: 1 });
    expect(earlier + buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(days.length);
    expect(earlier).toBe(2);
  });

  it('starts weeks on Monday', () => {
    expect(bucketDays(['2022-01-09', '2022-01-10']).buckets).toEqual([
      { from: '2022-01-03', to: '2022-01-09', count: 1 },
      { from: '2022-01-10', to: '2022-01-16', count: 1 },
    ]);
  });
});
