import { describe, expect, it } from 'vitest';
import { Incident, Source, type IncidentInput } from '../model';
import { readCsv } from './parse';
import { incidentFromStopRow, stopColumns, stopRowsOf, withSourceIds, type StopImport, type StopIncident, type StopRow } from './stop';
import importSource from './stopImport.ts?raw';
import fixture from './testing/stop-fixture.csv?raw';
import en from '../i18n/locales/en/validation.json';
import kk from '../i18n/locales/kk/validation.json';
import ru from '../i18n/locales/ru/validation.json';

/** Columns no Dalel field holds (docs/spec/stop.md): they come back in `unmapped`, not in the row. */
const notCarried = ['actual_cause_details', 'hr_abuse_reported', 'users_targeted', 'users_target_detail', 'an_link', 'region'] as const;

const ok = (result: StopImport) => {
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  return result;
};
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const base = { start_date: '1/5/2022', country: 'Kazakhstan', area_name: 'Nationwide', shutdown_type: 'Shutdown', affected_network: 'Broadband, Mobile', shutdown_extent: 'Full network' };

/** Imports rows as the importer would: each source saved (here: given an id), then the incident. */
function importAll(rows: Record<string, string>[]) {
  const sources = new Map<string, { kind?: string; url?: string }>();
  const incidents: StopIncident[] = rows.map((row, index) => {
    const imported = ok(incidentFromStopRow(row));
    const ids = imported.sources.map((item, n) => {
      const id = uuid(index * 100 + n);
      sources.set(id, Source.parse(item.source));
      return id;
    });
    return { recordId: uuid(10_000 + index), incident: Incident.parse(withSourceIds(imported, ids)) };
  });
  return { incidents, sources };
}

describe('the STOP fixture', () => {
  const read = readCsv(fixture);
  if (!read.ok) throw new Error(read.error);

  it('has STOP header, exactly', () => {
    expect(read.header).toEqual([...stopColumns]);
    expect(read.rows.length).toBeGreaterThanOrEqual(4);
  });

  it('round-trips: imported, parsed as incidents and exported, every column Dalel holds comes back the same', () => {
    const { incidents, sources } = importAll(read.rows);
    const rows = stopRowsOf(incidents, { sources, effects: [] });
    expect(rows).toHaveLength(read.rows.length);
    rows.forEach((row, index) => {
      const original = read.rows[index]!;
      for (const column of stopColumns) {
        if ((notCarried as readonly string[]).includes(column)) continue;
        expect(`${column}: ${row[column]}`, `row ${index + 1}`).toBe(`${column}: ${original[column]}`);
      }
    });
  });

  it('hands back what it could not carry, by column, instead of dropping it silently', () => {
    const results = read.rows.map((row) => ok(incidentFromStopRow(row)));
    expect(results[1]!.unmapped).toEqual({ actual_cause_details: 'Protests against the doubling of the price of liquefied gas' });
    expect(results[2]!.unmapped).toEqual({ hr_abuse_reported: 'Yes' });
  });

  it('reads areas into the gazetteer and times as whole days in the place’s own offset', () => {
    const [, mangystau, nationwide, almaty] = read.rows.map((row) => ok(incidentFromStopRow(row)).incident);
    expect(mangystau).toMatchObject({ areas: [{ code: 'KZ-47' }], scope: 'regional', kinds: ['mobile_data'], startedAt: { at: '2022-01-02T00:00+05:00', precision: 'day' } });
    expect(nationwide).toMatchObject({ areas: [], scope: 'national', kinds: ['full_network'], acknowledged: 'yes', justification: { codes: ['counter_terrorism'] } });
    expect(nationwide!.context).toEqual(['protests', 'unrest']);
    expect(almaty).toMatchObject({ areas: [{ code: 'KZ-75' }], scope: 'local', pattern: { kind: 'recurring' }, startedAt: { at: '2022-01-10T00:00+06:00' } });
    expect(almaty!.justification).toEqual({ codes: ['other'], statement: 'Regime of the counter-terrorist operation' });
  });

  it('gives the same row the same external id on every import, and different rows different ids', () => {
    const first = read.rows.map((row) => ok(incidentFromStopRow(row)).externalId);
    const again = readCsv(fixture);
    if (!again.ok) throw new Error(again.error);
    expect(again.rows.map((row) => ok(incidentFromStopRow(row)).externalId)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first[2]).toMatch(/^stop:KZ:2022-01-05:[0-9a-f]{8}$/);
  });
});

describe('a STOP row that is wrong', () => {
  const problems = (row: Record<string, string>) => {
    const result = incidentFromStopRow(row);
    return 'problems' in result ? result.problems.map((problem) => `${problem.path} ${problem.key}`) : [];
  };

  it('names each column that is wrong, with a key of its own, and yields no incident', () => {
    expect(problems({ ...base, start_date: '13/1/2022' })).toEqual(['start_date stopCsv.invalidDate']);
    expect(problems({ ...base, start_date: '' })).toEqual(['start_date stopCsv.required']);
    expect(problems({ ...base, country: 'Atlantis' })).toEqual(['country stopCsv.unknownCountry']);
    expect(problems({ ...base, end_date: '1/4/2022' })).toEqual(['end_date stopCsv.endBeforeStart']);
    expect(problems({ ...base, shutdown_status: 'Ongoing', end_date: '1/9/2022' })).toEqual(['end_date stopCsv.endedWhileOngoing']);
    expect(problems({ ...base, shutdown_type: 'Blackout' })).toEqual(['shutdown_type stopCsv.unknownValue']);
    expect(problems({ ...base, gov_ack: 'Maybe' })).toEqual(['gov_ack stopCsv.unknownValue']);
    expect(problems({ ...base, geo_scope: 'Everywhere' })).toEqual(['geo_scope stopCsv.unknownValue']);
    expect(problems({ ...base, shutdown_type: '', affected_network: '', shutdown_extent: '' })).toEqual(['shutdown_type stopCsv.noKinds']);
  });

  it('accepts what a spreadsheet does to words: case, spaces, ISO dates, a country in its long UN form', () => {
    const imported = ok(incidentFromStopRow({ ...base, start_date: '2022-01-05', shutdown_type: ' shutdown ', gov_ack: 'YES', country: 'Iran (Islamic Republic of)' }));
    expect(imported.incident).toMatchObject({ country: 'IR', acknowledged: 'yes', startedAt: { at: '2022-01-05T00:00+00:00' } });
  });
});

describe('stopRowsOf', () => {
  const incident = (overrides: Partial<IncidentInput>) => Incident.parse({ title: 't', scope: 'national', kinds: ['full_network'], startedAt: { at: '2022-01-05T16:00+06:00', precision: 'hour' }, ...overrides });
  const none = { sources: new Map(), effects: [] };

  it('makes one row of incidents joined by links, spanning them all, led by the whole a part belongs to', () => {
    const [whole, part, later, apart] = [uuid(1), uuid(2), uuid(3), uuid(4)];
    const rows = stopRowsOf(
      [
        { recordId: part, incident: incident({ summary: 'part', scope: 'local', areas: [{ code: 'KZ-47' }], startedAt: { at: '2022-01-02T10:00+05:00', precision: 'hour' }, endedAt: { at: '2022-01-04T10:00+05:00', precision: 'hour' }, links: [{ kind: 'part_of', incident: whole }] }) },
        { recordId: whole, incident: incident({ summary: 'whole', endedAt: { at: '2022-01-10T10:00+06:00', precision: 'hour' }, links: [{ kind: 'continues_as', incident: later }] }) },
        { recordId: later, incident: incident({ summary: 'later', kinds: ['throttling'], startedAt: { at: '2022-01-10T10:00+06:00', precision: 'hour' }, endedAt: { at: '2022-01-12T10:00+06:00', precision: 'hour' } }) },
        { recordId: apart, incident: incident({ summary: 'apart', ongoing: true }) },
      ],
      none,
    );
    expect(rows.map((row) => row.event)).toEqual(['whole', 'apart']);
    expect(rows[0]).toMatchObject({ start_date: '1/2/2022', end_date: '1/12/2022', duration: '11', shutdown_type: 'Shutdown, Throttle', area_name: 'Nationwide', shutdown_status: 'Ended' });
    expect(rows[1]).toMatchObject({ shutdown_status: 'Ongoing', end_date: '', duration: '' });
  });

  it('writes "Curfew Style" for daily cut-offs at the same hours, from the intervals', () => {
    const day = (d: number, h: number) => ({ at: `2022-01-${String(d).padStart(2, '0')}T${h}:00+06:00`, precision: 'minute' as const });
    const intervals = [10, 11, 12].map((d) => ({ start: day(d, 13), end: day(d, 20) }));
    const [row] = stopRowsOf([{ recordId: uuid(1), incident: incident({ startedAt: day(10, 13), endedAt: day(12, 20), intervals }) }], none);
    expect(row!.duration).toBe('Curfew Style');
  });

  it('says who ordered it and names them, from the order; sources as links; harm to life as hr_abuse_reported', () => {
    const source = uuid(9);
    const [row] = stopRowsOf(
      [{ recordId: uuid(1), incident: incident({ sources: [source], order: { orderedBy: [{ code: 'government', name: 'Security Council' }] } }) }],
      { sources: new Map([[source, { kind: 'media_report', url: 'https://example.org/a' }]]), effects: [{ incident: uuid(1), category: 'safety_of_life' }] },
    );
    expect(row).toMatchObject({ ordered_by: 'Executive government', decision_maker: 'Security Council', info_source: 'News media article', info_source_link: 'https://example.org/a', hr_abuse_reported: 'Yes' });
    const back = ok(incidentFromStopRow(row as StopRow)).incident;
    expect(back.order).toEqual({ orderedBy: [{ code: 'government', name: 'Security Council' }] });
    // A body STOP has no word for is named in ordered_by, and comes back the same.
    const parliament = ok(incidentFromStopRow({ ...base, ordered_by: 'Parliament' })).incident;
    expect(parliament.order).toEqual({ orderedBy: [{ code: 'other', name: 'Parliament' }] });
    const [again] = stopRowsOf([{ recordId: uuid(2), incident: Incident.parse(parliament) }], none);
    expect(again).toMatchObject({ ordered_by: 'Parliament', decision_maker: '' });
  });

  it('names a place as it was called when the shutdown began, and reads that name back to the same place', () => {
    const [row] = stopRowsOf([{ recordId: uuid(1), incident: incident({ scope: 'local', areas: [{ code: 'KZ-71' }], startedAt: { at: '2021-01-05T10:00+06:00', precision: 'hour' } }) }], none);
    expect(row).toMatchObject({ area_name: 'Nur-Sultan', geo_scope: 'It only affected one city, county, or village' });
    expect(ok(incidentFromStopRow(row as StopRow)).incident.areas).toEqual([{ code: 'KZ-71' }]);
  });

  it('carries no link to a source it was not given (a withheld one)', () => {
    const [row] = stopRowsOf([{ recordId: uuid(1), incident: incident({ sources: [uuid(7)] }) }], none);
    expect(row).toMatchObject({ info_source: '', info_source_link: '' });
  });
});

describe('the problems of a STOP row', () => {
  it('each have a sentence in English, Russian and Kazakh', () => {
    const keys = ['required', 'invalidDate', 'unknownCountry', 'unknownValue', 'endBeforeStart', 'endedWhileOngoing', 'noKinds'];
    const source = importSource;
    const used = [...source.matchAll(/problem\('[a-z_]+', '([a-zA-Z]+)'/g)].map((match) => match[1]!);
    used.push(...[...source.matchAll(/problem\(column, '([a-zA-Z]+)'/g)].map((match) => match[1]!));
    expect(new Set(used)).toEqual(new Set(keys));
    for (const [language, messages] of Object.entries({ en, ru, kk })) {
      const stopCsv = (messages as { stopCsv?: Record<string, string> }).stopCsv ?? {};
      for (const key of keys) expect(stopCsv[key], `${language} ${key}`).toMatch(/\S/);
    }
  });
});
