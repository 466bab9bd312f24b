/** The incident list finds what a defender types, in any of the three languages, and hides retracted records until asked. */
import { describe, expect, it } from 'vitest';
import type { RecordSummary } from '../../../shared/ipc';
import { Incident, type IncidentInput } from '../../../shared/model';
import type { IncidentRow } from './incidentRecords';
import { applyQuery, initialQuery } from './listQuery';

let n = 0;
function row(input: Partial<IncidentInput>, summary: Partial<RecordSummary> = {}): IncidentRow {
  n += 1;
  const incident = Incident.parse({ scope: 'local', kinds: ['throttling'], startedAt: { at: '2022-01-05T10:00+06:00' }, ...input });
  return {
    incident,
    summary: {
      recordId: `00000000-0000-4000-8000-00000000000${n}`,
      type: 'incident',
      headId: 'a'.repeat(64),
      createdAt: '2022-02-01T00:00:00.000Z',
      updatedAt: '2022-02-01T00:00:00.000Z',
      revisionCount: 1,
      retracted: false,
      data: incident,
      conflict: false,
      heads: ['a'.repeat(64)],
      ...summary,
    },
  };
}

const rows = [
  row({ title: 'Жаңаөзен: ұялы интернет өшірілді', tags: ['Қаңтар'], areas: [{ place: 'Жаңаөзен' }] }),
  row({ title: 'Отключение в Алматы', summary: 'Всё ещё без связи', operators: ['Kcell'], areas: [{ code: 'KZ-75' }], kinds: ['full_network'] }),
  row({ title: 'Almaty messengers', startedAt: { at: '2022-01-11T18:00+06:00' } }, { updatedAt: '2022-03-01T00:00:00.000Z' }),
  row({ title: 'Withdrawn record' }, { retracted: true }),
];
const titles = (found: IncidentRow[]) => found.map((r) => r.incident?.title);

describe('the incident list query', () => {
  it('searches title, summary, operators and tags, ignoring case in Kazakh and Russian', () => {
    expect(titles(applyQuery(rows, { ...initialQuery, search: 'ЖАҢАӨЗЕН' }, 'kk'))).toEqual(['Жаңаөзен: ұялы интернет өшірілді']);
    expect(titles(applyQuery(rows, { ...initialQuery, search: 'қаңтар' }, 'kk'))).toHaveLength(1);
    expect(titles(applyQuery(rows, { ...initialQuery, search: 'еще без' }, 'ru'))).toEqual(['Отключение в Алматы']);
    expect(titles(applyQuery(rows, { ...initialQuery, search: 'kcell алматы' }, 'ru'))).toEqual(['Отключение в Алматы']);
  });

  it('filters by kind and by area, gazetteer code or free-text place', () => {
    expect(titles(applyQuery(rows, { ...initialQuery, kind: 'full_network' }, 'en'))).toEqual(['Отключение в Алматы']);
    expect(titles(applyQuery(rows, { ...initialQuery, area: 'code:KZ-75' }, 'en'))).toEqual(['Отключение в Алматы']);
    expect(titles(applyQuery(rows, { ...initialQuery, area: 'place:Жаңаөзен' }, 'en'))).toHaveLength(1);
  });

  it('hides retracted records unless asked, and sorts by start, title or last update', () => {
    expect(titles(applyQuery(rows, initialQuery, 'en'))).not.toContain('Withdrawn record');
    expect(titles(applyQuery(rows, { ...initialQuery, showRetracted: true }, 'en'))).toContain('Withdrawn record');
    expect(titles(applyQuery(rows, initialQuery, 'en'))[0]).toBe('Almaty messengers');
    expect(titles(applyQuery(rows, { ...initialQuery, sort: 'title' }, 'en'))[0]).toBe('Almaty messengers');
    expect(titles(applyQuery(rows, { ...initialQuery, sort: 'updated' }, 'en'))[0]).toBe('Almaty messengers');
  });
});
