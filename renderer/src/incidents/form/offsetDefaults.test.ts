/** A time's offset follows the record's areas and the date typed until the person picks one; a loaded offset is never moved. */
import { describe, expect, it } from 'vitest';
import { Incident } from '../../../../shared/model';
import { draftOf, emptyDraft, incidentInputOf, type IncidentDraft, type TimeDraft } from './draft';
import { emptyInterval } from './intervalDraft';
import { followIncidentOffsets, followOffset, kazakhstanOffsetToday } from './offsetDefaults';

const day = (date: string, time = ''): Partial<TimeDraft> => ({ date, time });
const withStart = (draft: IncidentDraft, change: Partial<TimeDraft>) => followIncidentOffsets({ ...draft, startedAt: { ...draft.startedAt, ...change } });

describe('the default offset of a time in the incident form', () => {
  it('is Almaty’s on the date typed: +06:00 in 2022, +05:00 in 2025', () => {
    const draft = { ...emptyDraft(), areaCodes: ['KZ-75'] };
    expect(withStart(draft, day('2022-01-05', '16:00')).startedAt.offset).toBe('+06:00');
    expect(withStart(draft, day('2025-01-05', '16:00')).startedAt.offset).toBe('+05:00');
  });

  it('moves when the area changes: Mangystau was +05:00 in 2022', () => {
    const almaty = withStart({ ...emptyDraft(), areaCodes: ['KZ-75'] }, day('2022-01-05', '16:00'));
    expect(followIncidentOffsets({ ...almaty, areaCodes: ['KZ-47'] }).startedAt.offset).toBe('+05:00');
    expect(followIncidentOffsets({ ...almaty, areaCodes: ['KZ-47-ZHANAOZEN'] }).startedAt.offset).toBe('+05:00');
  });

  it('stays as the person chose it, whatever the date and areas', () => {
    const chosen = withStart(emptyDraft(), { ...day('2022-01-05', '16:00'), offset: '+03:00', offsetChosen: true });
    expect(chosen.startedAt.offset).toBe('+03:00');
    expect(followIncidentOffsets({ ...chosen, areaCodes: ['KZ-47'] }).startedAt.offset).toBe('+03:00');
  });

  it('never moves an offset loaded from a record, even a wrong one', () => {
    const saved = Incident.parse({
      title: 'Cut',
      areas: [{ code: 'KZ-75' }],
      scope: 'local',
      kinds: ['full_network'],
      startedAt: { at: '2022-01-05T16:00+05:00', precision: 'minute' },
    });
    const draft = followIncidentOffsets({ ...draftOf(saved), areaCodes: ['KZ-75', 'KZ-47'] });
    expect(incidentInputOf(draft).startedAt).toEqual({ at: '2022-01-05T16:00+05:00', precision: 'minute' });
  });

  it('gives an end not yet dated its start’s offset, then its own date’s', () => {
    const draft = withStart({ ...emptyDraft(), areaCodes: ['KZ-75'] }, day('2024-02-28', '10:00'));
    expect(draft.endedAt.offset).toBe('+06:00');
    const ended = followIncidentOffsets({ ...draft, endedAt: { ...draft.endedAt, ...day('2024-03-02', '10:00') } });
    expect(ended.endedAt.offset).toBe('+05:00');
    expect(ended.startedAt.offset).toBe('+06:00');
  });

  it('uses the hour on the change night, and noon for a day-precision time', () => {
    const almaty = [{ code: 'KZ-75' }];
    const time: TimeDraft = { date: '2024-02-29', time: '23:30', offset: '+00:00', precision: 'minute' };
    expect(followOffset(time, almaty).offset).toBe('+06:00');
    expect(followOffset({ ...time, date: '2024-03-01', time: '00:30' }, almaty).offset).toBe('+05:00');
    expect(followOffset({ ...time, date: '2024-03-01', precision: 'day' }, almaty).offset).toBe('+05:00');
  });

  it('gives an interval its own areas’ offset, or the incident’s when it names none', () => {
    const interval = { ...emptyInterval('+00:00'), start: { ...emptyInterval('+00:00').start, ...day('2022-01-06', '19:00') } };
    const draft = followIncidentOffsets({ ...emptyDraft(), areaCodes: ['KZ-75', 'KZ-47'], intervals: [interval, { ...interval, areaCodes: ['KZ-47'] }] });
    expect(draft.intervals.map((each) => each.start.offset)).toEqual(['+06:00', '+05:00']);
    // The end, not yet dated, follows its start.
    expect(draft.intervals.map((each) => each.end.offset)).toEqual(['+06:00', '+05:00']);
  });

  it('is the same draft when nothing moved, and Almaty’s today on a new form', () => {
    const draft = emptyDraft();
    expect(draft.startedAt.offset).toBe(kazakhstanOffsetToday());
    expect(followIncidentOffsets(draft)).toBe(draft);
  });
});
