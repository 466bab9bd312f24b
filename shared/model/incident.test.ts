import { describe, expect, it } from 'vitest';
import { Incident, describeIssues, isIsoWithOffset, type IncidentInput } from './index';

const minimal: IncidentInput = {
  title: 'Mobile data cut in Жаңаөзен',
  scope: 'local',
  kinds: ['mobile_data'],
  startedAt: { at: '2022-01-04T18:30+06:00', precision: 'minute' },
};

function problems(input: unknown) {
  const result = Incident.safeParse(input);
  return result.success ? [] : describeIssues(result.error, input);
}

describe('an incident', () => {
  it('needs only a title, scope, kind and start, and fills in the rest', () => {
    const incident = Incident.parse(minimal);
    expect(incident).toMatchObject({ country: 'KZ', ongoing: false, areas: [], acknowledged: 'unknown', confidential: false });
    expect(incident.justification).toEqual({ codes: [], statement: '' });
  });

  it('keeps times exactly as written, offset included', () => {
    expect(Incident.parse(minimal).startedAt.at).toBe('2022-01-04T18:30+06:00');
  });

  it('names each missing or wrong field with a translatable key', () => {
    expect(problems({ ...minimal, title: '  ', scope: undefined, kinds: [] })).toEqual(
      expect.arrayContaining([
        { path: 'title', key: 'required', params: {} },
        { path: 'scope', key: 'required', params: { choices: 'national, regional, local' } },
        { path: 'kinds', key: 'required', params: {} },
      ]),
    );
    expect(problems({ ...minimal, scope: 'planetary' })).toEqual([
      { path: 'scope', key: 'invalidChoice', params: { choices: 'national, regional, local', given: '"planetary"' } },
    ]);
    // A wrong kind of value is said once, with the kind expected, not measured as well.
    expect(problems({ ...minimal, kinds: 'mobile_data' })).toEqual([{ path: 'kinds', key: 'invalidType', params: { expected: 'list', given: '"mobile_data"' } }]);
    expect(problems({ ...minimal, title: 'x'.repeat(301) })).toEqual([{ path: 'title', key: 'tooLong', params: { max: 300 } }]);
    expect(problems({ ...minimal, surprise: 1 })).toEqual([{ path: '', key: 'unknownField', params: { fields: 'surprise' } }]);
  });

  it('refuses an end before the start, comparing instants across offsets, and an end while ongoing', () => {
    const before = { ...minimal, endedAt: { at: '2022-01-04T12:29+00:00', precision: 'minute' } };
    const after = { ...minimal, endedAt: { at: '2022-01-04T12:31+00:00', precision: 'minute' } };
    expect(problems(before)).toEqual([{ path: 'endedAt', key: 'endBeforeStart', params: {} }]);
    expect(problems(after)).toEqual([]);
    expect(problems({ ...after, ongoing: true })).toEqual([{ path: 'endedAt', key: 'endedWhileOngoing', params: {} }]);
  });

  it('takes area codes and free-text places, and refuses malformed codes', () => {
    expect(problems({ ...minimal, areas: [{ code: 'KZ-75' }, { place: 'Ақтау' }] })).toEqual([]);
    expect(problems({ ...minimal, areas: [{ code: 'Almaty' }] })).toEqual([{ path: 'areas.0.code', key: 'invalidAreaCode', params: { given: '"Almaty"' } }]);
  });
});

describe('timestamps', () => {
  it('must be real calendar times with an explicit offset', () => {
    expect(isIsoWithOffset('2022-01-05T16:00+06:00')).toBe(true);
    expect(isIsoWithOffset('2022-01-05T16:00:30.5Z')).toBe(true);
    expect(isIsoWithOffset('2022-01-05T16:00')).toBe(false);
    expect(isIsoWithOffset('2022-02-30T10:00+06:00')).toBe(false);
    expect(isIsoWithOffset('2022-01-05T24:00+06:00')).toBe(false);
    expect(problems({ ...minimal, startedAt: { at: '5 January', precision: 'day' } })).toEqual([
      { path: 'startedAt.at', key: 'invalidDate', params: { given: '"5 January"' } },
    ]);
    // What was given is shown to find it, never at length: a statement pasted in the wrong field stays out of the message.
    const pasted = `${'Терминал не работал три дня. '.repeat(20)}`;
    const [problem] = problems({ ...minimal, startedAt: { at: pasted, precision: 'day' } });
    expect(problem?.params.given).toHaveLength(40);
    expect(String(problem?.params.given).endsWith('…')).toBe(true);
  });
});
