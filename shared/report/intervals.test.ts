import { describe, expect, it } from 'vitest';
import type { Bundle } from '../model';
import { almatyBundle, ids } from './fixture';
import { incidentsCsv } from './csv';
import { renderReport } from './index';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The fixture's incident with Almaty's nightly cut-offs as intervals. */
function withIntervals(intervals: unknown[]): Bundle {
  const bundle = almatyBundle();
  return {
    ...bundle,
    records: bundle.records.map((record) =>
      record.recordId === ids.incident && record.data ? { ...record, data: { ...record.data, intervals } } : record,
    ),
  } as Bundle;
}

const nightly = [
  { start: { at: '2022-01-06T19:00+06:00', precision: 'minute' }, end: { at: '2022-01-07T07:00+06:00', precision: 'minute' }, areas: [{ code: 'KZ-75' }], operators: ['Kcell'] },
  { start: { at: '2022-01-07T19:00+06:00', precision: 'minute' }, end: { at: '2022-01-08T07:00+06:00', precision: 'minute' }, areas: [], operators: [] },
  { start: { at: '2022-01-08T19:00+06:00', precision: 'minute' }, end: { at: '2022-01-09T07:30+06:00', precision: 'minute' }, areas: [], operators: [] },
];

describe('the report’s incident times', () => {
  it('prints each interval, the total hours and "curfew style"', () => {
    const report = plain(renderReport(withIntervals(nightly), 'en'));
    expect(report).toContain('Times it was off');
    expect(report).toContain('36.5 hours off in total; curfew style');
    expect(report).toMatch(/<li><bdi>[^<]*7:00[^<]*; in Almaty; by Kcell<\/bdi><\/li>/);
    expect(plain(renderReport(withIntervals(nightly), 'ru'))).toContain('всего без связи: 36,5 ч; режим «комендантского часа»');
    expect(plain(renderReport(withIntervals(nightly), 'kk'))).toContain('барлығы байланыссыз: 36,5 сағ');
  });

  it('gives the span’s hours when there are no intervals, and says when a duration is not known', () => {
    // The fixture runs from 5 January 16:00 to 10 January 09:00 (+06:00).
    expect(plain(renderReport(almatyBundle(), 'en'))).toContain('113 hours off in total');
    const open = [...nightly, { start: { at: '2022-01-09T19:00+06:00', precision: 'minute' }, areas: [], operators: [] }];
    const report = plain(renderReport(withIntervals(open), 'en'));
    expect(report).toContain('Not known: an interval has no recorded end; curfew style');
    expect(report).not.toContain('hours off in total');
  });

  it('gives incidents.csv the hours and the curfew pattern, in columns of their own', () => {
    // The columns follow `ongoing` and precede `scope` (the fixture's is "regional").
    expect(incidentsCsv(almatyBundle(), 'ru')).toContain(',ongoing,duration_hours,curfew_style,scope,');
    expect(incidentsCsv(withIntervals(nightly), 'ru')).toContain(',no,36.5,yes,regional,');
    expect(incidentsCsv(almatyBundle(), 'ru')).toContain(',no,113,no,regional,');
  });
});
