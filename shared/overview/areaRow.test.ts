import { describe, expect, it } from 'vitest';
import type { RecordSummary } from '../ipc';
import { aggregateOverview } from './aggregate';
import { areaRowOf } from './areaRow';

let next = 0;
function summary(type: 'incident' | 'effect', data: Record<string, unknown>): RecordSummary {
  next += 1;
  const id = `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`;
  return { recordId: id, type, headId: 'a'.repeat(64), createdAt: '2022-01-01T00:00:00Z', updatedAt: '2022-01-01T00:00:00Z', revisionCount: 1, retracted: false, data, conflict: false, heads: ['a'.repeat(64)] };
}
const at = (value: string) => ({ at: value, precision: 'day' });
const now = Date.parse('2025-02-01T00:00:00Z');

describe('the overview counts places under their region', () => {
  it('puts one town typed three ways by two defenders, and its code, on one region row', () => {
    const effects = ['Zhanaozen', 'Жаңаөзен', 'Жанаозен'].map((place) => summary('effect', { category: 'medical_care', area: { place }, occurredAt: at('2022-01-05T10:00+05:00') }));
    effects.push(summary('effect', { category: 'medical_care', area: { code: 'KZ-47-ZHANAOZEN' }, occurredAt: at('2022-01-06T10:00+05:00') }));
    effects.push(summary('effect', { category: 'medical_care', area: { place: 'Село Неизвестное' } }));
    const { byArea } = aggregateOverview([], effects, { now });
    expect(byArea).toEqual([
      { code: 'KZ-47', count: 4, kind: 'code' },
      { code: 'Село Неизвестное', count: 1, kind: 'place' },
    ]);
  });

  it('counts Semey under East Kazakhstan in January 2022 and under Abai Region after the reform', () => {
    const incidents = [
      summary('incident', { areas: [{ code: 'KZ-10-SEMEY' }], scope: 'local', startedAt: at('2022-01-05T00:00+06:00'), endedAt: at('2022-01-06T00:00+06:00') }),
      summary('incident', { areas: [{ place: 'Семей' }], scope: 'local', startedAt: at('2023-03-01T00:00+05:00'), endedAt: at('2023-03-02T00:00+05:00') }),
    ];
    const rows = aggregateOverview(incidents, [], { now }).timeline.rows.map((row) => [row.key, row.incidents]);
    expect(rows).toEqual([
      ['KZ-10', 1],
      ['KZ-63', 1],
    ]);
  });

  it('counts an incident once on its region row when it names the region and a town in it', () => {
    const incidents = [summary('incident', { areas: [{ code: 'KZ-47' }, { code: 'KZ-47-AKTAU' }, { place: 'Жанаозен' }], scope: 'regional', startedAt: at('2022-01-05T00:00+05:00'), endedAt: at('2022-01-06T00:00+05:00') })];
    expect(aggregateOverview(incidents, [], { now }).timeline.rows.map((row) => [row.key, row.incidents])).toEqual([['KZ-47', 1]]);
  });

  it('leaves a code it does not know, and a place of a country without a gazetteer, as they are', () => {
    expect(areaRowOf({ code: 'KZ-99-NOWHERE' }, '2022-01-05')).toEqual({ key: 'KZ-99-NOWHERE', kind: 'code' });
    expect(areaRowOf({ place: 'Zhanaozen' }, '2022-01-05', 'UZ')).toEqual({ key: 'Zhanaozen', kind: 'place' });
    expect(areaRowOf({ place: '   ' }, '2022-01-05')).toBeNull();
  });
});
