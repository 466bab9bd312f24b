/** The intervals of an incident go through the form unchanged; an interval ending before it starts is named under it. */
import { describe, expect, it } from 'vitest';
import { Incident } from '../../../../shared/model';
import { draftOf, emptyDraft, incidentInputOf } from './draft';
import { emptyInterval, intervalProblems } from './intervalDraft';
import { checkDraft } from './validation';

const withIntervals = Incident.parse({
  title: 'Nightly cut-offs',
  areas: [{ code: 'KZ-71' }, { place: 'Left bank' }],
  scope: 'local',
  kinds: ['full_network'],
  operators: ['Kazakhtelecom', 'Kcell'],
  startedAt: { at: '2022-01-06T19:00+06:00', precision: 'minute' },
  intervals: [
    { start: { at: '2022-01-06T19:00+06:00', precision: 'minute' }, end: { at: '2022-01-07T07:00+06:00', precision: 'minute' }, areas: [{ code: 'KZ-71' }, { place: 'Left bank' }], operators: ['Kcell'] },
    { start: { at: '2022-01-07T19:00+06:00', precision: 'hour' } },
  ],
});

describe('intervals in the incident draft', () => {
  it('round-trip with their areas, operators and precision', () => {
    expect(Incident.parse(incidentInputOf(draftOf(withIntervals)))).toEqual(withIntervals);
  });

  it('leave a record without intervals without the field', () => {
    const { intervals: _, ...without } = withIntervals;
    expect('intervals' in incidentInputOf(draftOf(Incident.parse(without)))).toBe(false);
    expect('intervals' in incidentInputOf({ ...draftOf(withIntervals), intervals: [] })).toBe(false);
  });

  it('name an interval that ends before it starts under that interval, with the translated key', () => {
    const draft = draftOf(withIntervals);
    const backwards = { ...draft.intervals[1]!, end: { date: '2022-01-07', time: '18:00', offset: '+06:00', precision: 'minute' as const } };
    const broken = { ...draft, intervals: [draft.intervals[0]!, backwards] };
    expect(checkDraft(broken).ok).toBe(false);
    const problems = intervalProblems(broken);
    expect([...problems.keys()]).toEqual([1]);
    expect(problems.get(1)?.map((problem) => [problem.path, problem.key])).toEqual([['intervals.1.end', 'endBeforeStart']]);
  });

  it('name an interval that ends before it starts while the rest of the incident is still empty', () => {
    const draft = draftOf(withIntervals);
    const backwards = { ...draft.intervals[0]!, end: { ...draft.intervals[0]!.start, time: '18:00' } };
    const problems = intervalProblems({ ...emptyDraft(), intervals: [backwards] });
    expect(problems.get(0)?.map((problem) => [problem.path, problem.key])).toEqual([['intervals.0.end', 'endBeforeStart']]);
  });

  it('ask for the start of a new interval', () => {
    const draft = { ...draftOf(withIntervals), intervals: [emptyInterval('+06:00')] };
    expect(intervalProblems(draft).get(0)?.map((problem) => problem.key)).toEqual(['required']);
    const checked = checkDraft(draft);
    expect(checked.ok ? [] : [...checked.problems.keys()]).toEqual(['intervals']);
  });
});
