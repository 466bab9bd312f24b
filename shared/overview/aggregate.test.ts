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
    expect(Object.keys(rows)).toEqual(['KZ-75', 'KZ', 'KZ-47']);
    expect(rows['KZ-75']).toMatchObject({ kind: 'code', incidents: 2, ongoing: 1, endNotRecorded: 0, first: '2022-01-08', last: '2022-01-11' });
    expect(rows['KZ-75']!.spans.at(-1)).toEqual({ start: Date.parse('2022-01-20T00:00+06:00'), end: now, ongoing: true, endNotRecorded: false });
    // A nationwide row is named by its country's code, for the screen to name the country.
    expect(rows.KZ).toMatchObject({ kind: 'national', first: '2022-01-05', last: '2022-01-11' });
    // The axis follows the records: the ongoing incident's start, not today.
    expect(overview.timeline.end).toBe(Date.parse('2022-01-20T00:00+06:00'));
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

describe('an end not recorded', () => {
  const noEnd = summary('incident', { areas: [{ code: 'KZ-47' }], scope: 'regional', startedAt: at('2022-01-02T00:00+05:00') });
  const ended = summary('incident', { areas: [{ code: 'KZ-75' }], scope: 'local', startedAt: at('2022-01-05T16:00+06:00'), endedAt: at('2022-01-10T00:00+06:00') });
  const later = Date.parse('2026-12-08T00:00:00Z');
  const overview = aggregateOverview([noEnd, ended], [], { now: later });

  it('is counted apart from ongoing, overall and in its row', () => {
    expect(overview).toMatchObject({ incidents: 2, ongoing: 0, endNotRecorded: 1 });
    expect(overview.timeline.rows.find((row) => row.key === 'KZ-47')).toMatchObject({ ongoing: 0, endNotRecorded: 1, first: '2022-01-02', last: '' });
  });

  it('is drawn as what is known, its start, and never stretches the axis to today', () => {
    const row = overview.timeline.rows.find((each) => each.key === 'KZ-47')!;
    const start = Date.parse('2022-01-02T00:00+05:00');
    expect(row.spans).toEqual([{ start, end: start, ongoing: false, endNotRecorded: true }]);
    expect(overview.timeline.start).toBe(start);
    expect(overview.timeline.end).toBe(Date.parse('2022-01-10T00:00+06:00'));
  });

  it('is not counted ongoing even when an end that cannot be read is stored', () => {
    const unreadable = summary('incident', { areas: [], scope: 'national', startedAt: at('2022-01-02T00:00+05:00'), endedAt: { at: 'soon' } });
    expect(aggregateOverview([unreadable], [], { now: later })).toMatchObject({ ongoing: 0, endNotRecorded: 1 });
  });
});

describe('a range of days', () => {
  const incidents = [
    // Ongoing since December: it reaches into January.
    summary('incident', { areas: [{ code: 'KZ-75' }], scope: 'local', startedAt: at('2021-12-20T00:00+06:00'), ongoing: true }),
    // End not recorded, started in December: nothing says it lasted into January.
    summary('incident', { areas: [{ code: 'KZ-47' }], scope: 'local', startedAt: at('2021-12-01T00:00+05:00') }),
    summary('incident', { areas: [{ code: 'KZ-71' }], scope: 'local', startedAt: at('2022-01-05T00:00+06:00'), endedAt: at('2022-01-07T00:00+06:00') }),
    summary('incident', { areas: [{ code: 'KZ-79' }], scope: 'local', startedAt: at('2022-03-01T00:00+06:00'), endedAt: at('2022-03-02T00:00+06:00') }),
  ];
  const effect = (day: string | null, severity: string, count?: number) =>
    summary('effect', { category: 'medical_care', severity, area: { code: 'KZ-75' }, ...(day ? { occurredAt: at(`${day}T10:00+06:00`) } : {}), ...(count ? { peopleAffected: { count, precision: 'exact' } } : {}) });
  const effects = [effect('2022-01-06', 'critical', 40), effect('2022-01-08', 'high'), effect('2022-03-01', 'low', 1000), effect(null, 'medium')];
  const whole = aggregateOverview(incidents, effects, { now });
  const january = aggregateOverview(incidents, effects, { now, from: '2022-01-01', to: '2022-01-31' });

  it('gives the records\' own first and last day, and covers them when none is asked', () => {
    expect(whole.extent).toEqual({ from: '2021-12-01', to: '2022-03-02' });
    expect(whole.range).toEqual(whole.extent);
    expect(whole).toMatchObject({ incidents: 4, ongoing: 1, endNotRecorded: 1, effects: 4, peopleAffected: 1040 });
  });

  it('limits every number to the periods and effects that touch it', () => {
    expect(january.range).toEqual({ from: '2022-01-01', to: '2022-01-31' });
    expect(january.extent).toEqual(whole.extent);
    expect(january).toMatchObject({ incidents: 2, ongoing: 1, endNotRecorded: 0, effects: 2, peopleAffected: 40, effectsWithCount: 1 });
    expect(january.timeline.rows.map((row) => row.key).sort()).toEqual(['KZ-71', 'KZ-75']);
    expect(january.byArea).toEqual([{ code: 'KZ-75', count: 2, kind: 'code' }]);
    expect(january.overTime.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(2);
    // The undated effect lies in no range: counted apart, so the screen can say it is left out.
    expect(january.overTime.undated).toBe(1);
  });

  it('draws the axis within the range: an ongoing period runs to its end, never past it', () => {
    expect(january.timeline.start).toBeGreaterThanOrEqual(Date.parse('2022-01-01T00:00:00+14:00'));
    expect(january.timeline.end).toBeLessThanOrEqual(Date.parse('2022-01-31T23:59:59.999-12:00'));
    expect(january.timeline.end).toBeGreaterThan(Date.parse('2022-01-30T00:00:00Z'));
  });

  it('counts effects by severity, the gravest first, zeros included', () => {
    expect(whole.bySeverity).toEqual([
      { code: 'critical', count: 1 },
      { code: 'high', count: 1 },
      { code: 'medium', count: 1 },
      { code: 'low', count: 1 },
    ]);
    expect(january.bySeverity).toEqual([
      { code: 'critical', count: 1 },
      { code: 'high', count: 1 },
      { code: 'medium', count: 0 },
      { code: 'low', count: 0 },
    ]);
  });
});

describe('mergeSpans', () => {
  it('merges periods that overlap or lie within one step, and keeps the others apart', () => {
    const spans = [
      { start: 10, end: 20, ongoing: false, endNotRecorded: false },
      { start: 0, end: 5, ongoing: false, endNotRecorded: false },
      { start: 22, end: 30, ongoing: true, endNotRecorded: false },
    ];
    expect(mergeSpans(spans, 1)).toEqual([
      { start: 0, end: 5, ongoing: false, endNotRecorded: false },
      { start: 10, end: 20, ongoing: false, endNotRecorded: false },
      { start: 22, end: 30, ongoing: true, endNotRecorded: false },
    ]);
    expect(mergeSpans(spans, 5)).toEqual([{ start: 0, end: 30, ongoing: true, endNotRecorded: false }]);
  });

  it('leaves a merged bar open only when the period that reaches furthest has no recorded end', () => {
    const open = { start: 12, end: 12, ongoing: false, endNotRecorded: true };
    expect(mergeSpans([{ start: 0, end: 10, ongoing: false, endNotRecorded: false }, open], 5)).toEqual([{ start: 0, end: 12, ongoing: false, endNotRecorded: true }]);
    expect(mergeSpans([{ start: 0, end: 20, ongoing: false, endNotRecorded: false }, open], 5)).toEqual([{ start: 0, end: 20, ongoing: false, endNotRecorded: false }]);
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
