/** The incident list finds what a defender types, in any of the three languages, and hides retracted records until asked. */
import { describe, expect, it } from 'vitest';
import type { RecordSummary } from '../ipc';
import { Incident, type IncidentInput } from '../model';
import { applyQuery, areaKeys, formatListQuery, initialQuery, parseListQuery, type IncidentRow } from './incidentQuery';

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

  it('finds a town typed as text, and a city or district code, under its region as of the incident’s start', () => {
    // "Жаңаөзен" typed as text lies in Mangystau Region.
    expect(titles(applyQuery(rows, { ...initialQuery, area: 'code:KZ-47' }, 'en'))).toEqual(['Жаңаөзен: ұялы интернет өшірілді']);
    const semey = (at: string) => areaKeys(row({ title: 'Semey and Zhanaozen', startedAt: { at }, areas: [{ code: 'KZ-10-SEMEY' }, { place: 'Жанаозен' }, { place: 'Село Жана' }, { code: 'KZ-47' }] }));
    expect(semey('2022-01-05T10:00+06:00')).toEqual(['code:KZ-10-SEMEY', 'code:KZ-63', 'place:Жанаозен', 'code:KZ-47', 'place:Село Жана']);
    expect(semey('2023-01-05T10:00+05:00')).toEqual(['code:KZ-10-SEMEY', 'code:KZ-10', 'place:Жанаозен', 'code:KZ-47', 'place:Село Жана']);
  });

  it('hides retracted records unless asked, and sorts by start, title or last update', () => {
    expect(titles(applyQuery(rows, initialQuery, 'en'))).not.toContain('Withdrawn record');
    expect(titles(applyQuery(rows, { ...initialQuery, showRetracted: true }, 'en'))).toContain('Withdrawn record');
    expect(titles(applyQuery(rows, initialQuery, 'en'))[0]).toBe('Almaty messengers');
    expect(titles(applyQuery(rows, { ...initialQuery, sort: 'title' }, 'en'))[0]).toBe('Almaty messengers');
    expect(titles(applyQuery(rows, { ...initialQuery, sort: 'updated' }, 'en'))[0]).toBe('Almaty messengers');
    expect(titles(applyQuery(rows, { ...initialQuery, sort: 'title', order: 'desc' }, 'en'))[0]).toBe('Отключение в Алматы');
    expect(titles(applyQuery(rows, { ...initialQuery, order: 'asc' }, 'en')).at(-1)).toBe('Almaty messengers');
  });

  it('keeps incidents whose period meets the time range, days as written in their own offset', () => {
    const range = (from: string, to: string) => titles(applyQuery(rows, { ...initialQuery, from, to, sort: 'title' }, 'en'));
    // Started on the 5th at 10:00 +06:00 (04:00 UTC): the 5th, not the 4th, whatever the reader's zone.
    expect(range('2022-01-05', '2022-01-05')).toEqual(['Жаңаөзен: ұялы интернет өшірілді', 'Отключение в Алматы']);
    expect(range('2022-01-04', '2022-01-04')).toEqual([]);
    expect(range('2022-01-11', '')).toEqual(['Almaty messengers', 'Жаңаөзен: ұялы интернет өшірілді', 'Отключение в Алматы']);
    // An incident with an end is gone after its last day; one without an end is still going on.
    const ended = row({ title: 'Ended', startedAt: { at: '2022-01-05T10:00+06:00' }, endedAt: { at: '2022-01-07T10:00+06:00' } });
    expect(titles(applyQuery([ended], { ...initialQuery, from: '2022-01-07' }, 'en'))).toEqual(['Ended']);
    expect(titles(applyQuery([ended], { ...initialQuery, from: '2022-01-08' }, 'en'))).toEqual([]);
    expect(titles(applyQuery([ended], { ...initialQuery, to: '2022-01-04' }, 'en'))).toEqual([]);
  });
});

describe('the incident list address', () => {
  it('reads the filters of a link exactly as the overview writes them', () => {
    expect(parseListQuery('q=Kcell%20алматы&kind=full_network&area=KZ-75&from=2022-01-01&to=2022-01-31&sort=title')).toEqual({
      ...initialQuery,
      search: 'Kcell алматы',
      kind: 'full_network',
      area: 'code:KZ-75',
      from: '2022-01-01',
      to: '2022-01-31',
      sort: 'title',
    });
    expect(parseListQuery('area=Жаңаөзен').area).toBe('place:Жаңаөзен');
    expect(parseListQuery('area=place:KZ-75').area).toBe('place:KZ-75');
  });

  it('reads what it does not know as "any", so an old or edited link still opens the list', () => {
    expect(parseListQuery('kind=unknown&from=2022-02-30&to=tomorrow&sort=colour&order=up&retracted=yes')).toEqual(initialQuery);
  });

  it('writes only what differs from the whole list, and reads back what it wrote', () => {
    expect(formatListQuery(initialQuery)).toBe('');
    const query = { ...initialQuery, search: 'мобильный интернет', area: 'code:KZ-47', from: '2022-01-02', sort: 'updated' as const, order: 'asc' as const, showRetracted: true };
    const search = new URLSearchParams({ q: 'мобильный интернет' }).toString();
    expect(formatListQuery(query)).toBe(`${search}&area=KZ-47&from=2022-01-02&sort=updated&order=asc&retracted=1`);
    expect(parseListQuery(formatListQuery(query))).toEqual(query);
    const place = { ...initialQuery, area: 'place:Жаңаөзен' };
    expect(parseListQuery(formatListQuery(place))).toEqual(place);
    // The natural direction of a column is not written.
    expect(formatListQuery({ ...initialQuery, sort: 'title', order: 'asc' })).toBe('sort=title');
  });
});
