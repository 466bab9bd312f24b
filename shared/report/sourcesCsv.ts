/**
 * `data/sources.csv`: one row per source the bundle carries — its kind,
 * title, link, language, date and grade — for spreadsheets beside
 * incidents.csv and stop.csv. Drawn from bundle.json alone, after the
 * profile has redacted it, so it can hold nothing the records withhold: a
 * withheld source is not in the bundle and has no row. SECURITY: a `public`
 * bundle's file has no person column filled, not even a pseudonym or a
 * role; other profiles show the person only as bundle.json does (a name
 * only with the person's consent, else a pseudonym). Same format as
 * incidents.csv.
 */
import type { Bundle } from '../model';
import { toCsv } from './csv';
import { formatterFor, label, type ReportLanguage } from './format';
import { readSource } from './records';

export const sourceColumns = [
  'record_id',
  'retracted',
  'kind',
  'kind_label',
  'title',
  'url',
  'language',
  'collected_at',
  'collected_precision',
  'reliability',
  'credibility',
  'access',
  'access_label',
  'person_role',
  'person',
  'updated_at',
] as const;

export function sourcesCsv(bundle: Bundle, language: ReportLanguage): string {
  const f = formatterFor(language);
  const withPeople = bundle.profile !== 'public';
  const rows = bundle.records
    .filter((record) => record.type === 'source')
    .map((record) => {
      const row: Record<string, string> = { record_id: record.recordId, retracted: record.data === null ? 'yes' : 'no', updated_at: record.updatedAt };
      if (record.data === null) return row;
      const source = readSource(record.data);
      const grade = source.grade;
      const person = withPeople ? source.person : undefined;
      return {
        ...row,
        kind: source.kind ?? '',
        kind_label: source.kind ? label(f, 'sourceKind', source.kind) : '',
        title: source.title ?? '',
        url: source.url ?? '',
        language: source.language ?? '',
        collected_at: source.collectedAt?.at ?? '',
        collected_precision: source.collectedAt?.precision ?? '',
        reliability: grade?.reliability ?? '',
        credibility: grade?.credibility ?? '',
        access: grade?.access ?? '',
        access_label: grade?.access ? label(f, 'access', grade.access) : '',
        person_role: person?.role ?? '',
        person: person?.name || person?.pseudonym || '',
      };
    });
  return toCsv(sourceColumns, rows);
}
