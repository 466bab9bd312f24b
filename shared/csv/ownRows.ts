/**
 * An organization's own spreadsheet, read through a column mapping
 * (docs/guides/spreadsheets.md): which column fills which field, Uwazi's
 * language columns (`title__ru`) included. Turns one row into the incident
 * and sources it carries, checked with the record schemas, or into the
 * row's problems as i18n keys naming the column. Pure: writes nothing, and
 * never decides what already is in an archive (the engine does).
 */
import { z } from 'zod';
import { Incident, type IncidentInput } from '../model/incident';
import { Source, type SourceInput } from '../model/source';
import { unknownAreaCodes } from '../model/knownAreas';
import { describeIssues } from '../model/validation';
import { convertCell, importFieldNames, importFields, type ImportField } from './importFields';

/** A mapping file: column (as in the header) → field, or "ignore"; and the UTC offset of times written without one. */
export const CsvMapping = z.strictObject({
  columns: z.record(z.string().min(1).max(200), z.enum(['ignore', ...importFieldNames] as [ImportField | 'ignore', ...(ImportField | 'ignore')[]])),
  offset: z
    .string()
    .regex(/^(Z|[+-](0\d|1[0-4]):[0-5]\d)$/)
    .default('+05:00'),
});
export type CsvMapping = z.infer<typeof CsvMapping>;
export type CsvMappingInput = z.input<typeof CsvMapping>;

/** What went wrong in one row: `key` is a full i18n key (`csv:row.badDate`, `validation:required`). */
export interface CsvProblem {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  column?: string;
  /** The field, when no column of the file fills it. */
  field?: ImportField;
  key: string;
  params: Record<string, string | number>;
}

/** One column of the file: what it fills, and in which language when it is a `__lang` column. */
export interface MappedColumn {
  index: number;
  header: string;
  field: ImportField | null;
  language: string | null;
}

/** A row read whole: the incident and its sources, each with its external id. */
export interface OwnRow {
  row: number;
  externalId: string;
  incident: IncidentInput;
  sources: (SourceInput & { externalId: string })[];
  /** The incident with its sources' record ids (and any claims they back); without it, `sources` is set to them. */
  link?(sourceIds: readonly string[]): IncidentInput;
}

const languageColumn = /^(.+)__([a-z]{2,3})$/;

/** Without a mapping, a column named as a field (Dalel's own Uwazi export) fills it. */
export function defaultMapping(header: readonly string[]): CsvMapping {
  const columns: CsvMapping['columns'] = {};
  for (const name of header) {
    const base = languageColumn.exec(name)?.[1] ?? name;
    if ((importFieldNames as string[]).includes(base)) columns[base] = base as ImportField;
  }
  return { columns, offset: '+05:00' };
}

export function mapColumns(header: readonly string[], mapping: CsvMapping): MappedColumn[] {
  return header.map((name, index) => {
    const direct = mapping.columns[name];
    // A `title__ru` column mapped by its own name is still Russian: preferred for a person reading Russian.
    if (direct) return { index, header: name, field: direct === 'ignore' ? null : direct, language: direct === 'ignore' ? null : (languageColumn.exec(name)?.[2] ?? null) };
    const [, base, language] = languageColumn.exec(name) ?? [];
    const field = base ? mapping.columns[base] : undefined;
    if (field && field !== 'ignore') return { index, header: name, field, language: language! };
    return { index, header: name, field: null, language: null };
  });
}

/** The cell a field is read from: a plain column first, then the preferred language's, then any other, first not empty. */
function cellFor(columns: readonly MappedColumn[], cells: readonly string[], field: ImportField, languages: readonly string[]) {
  const rank = (column: MappedColumn) => (column.language === null ? -1 : languages.indexOf(column.language) === -1 ? languages.length : languages.indexOf(column.language));
  const candidates = columns.filter((column) => column.field === field).sort((a, b) => rank(a) - rank(b));
  for (const column of candidates) {
    const cell = cells[column.index] ?? '';
    if (cell.trim()) return { column: column.header, cell };
  }
  return null;
}

const placeholderSource = '00000000-0000-4000-8000-000000000000';

/** Reads one row; `language` is the person's, preferred among language columns. */
export function ownRowOf(columns: readonly MappedColumn[], cells: readonly string[], row: number, mapping: CsvMapping, language = 'en'): OwnRow | { problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const values: Partial<Record<ImportField, unknown>> = {};
  const columnOf: Partial<Record<ImportField, string>> = {};
  const languages = [language, 'en', 'ru', 'kk'];
  for (const field of importFieldNames) {
    const found = cellFor(columns, cells, field, languages);
    if (!found) continue;
    columnOf[field] = found.column;
    const converted = convertCell(importFields[field], found.cell, mapping.offset);
    if (converted.ok) values[field] = converted.value;
    else problems.push({ row, column: found.column, key: `csv:${converted.key}`, params: converted.params });
  }
  // A field whose cells are all empty is named by its first column: where the person will look.
  for (const column of columns) if (column.field && !columnOf[column.field]) columnOf[column.field] = column.header;
  const externalId = typeof values.externalId === 'string' ? values.externalId : '';
  if (!externalId) problems.push({ row, ...(columnOf.externalId ? { column: columnOf.externalId } : {}), key: 'csv:row.externalIdMissing', params: {} });
  if (problems.length) return { problems };

  const { externalId: _id, sourceTitle, sourceUrl, sourceKind, justification, legalBasis, ...fields } = values;
  const incident = {
    ...fields,
    ...(justification ? { justification: { codes: justification, statement: '' } } : {}),
    ...(legalBasis ? { legalBasis: { codes: legalBasis, other: '' } } : {}),
    externalId,
  } as IncidentInput;
  const urls = (sourceUrl as string[] | undefined) ?? [];
  const sources = (urls.length ? urls : sourceTitle ? [''] : []).map((url, index) => ({
    kind: (sourceKind as SourceInput['kind'] | undefined) ?? 'media_report',
    title: ((sourceTitle as string | undefined) || url).slice(0, 300),
    url,
    // SECURITY: a source of a confidential incident is sensitive: it stays out of every export that leaves such things out.
    sensitive: incident.confidential === true,
    externalId: `${externalId}/source/${index + 1}`,
  }));

  const checked = Incident.safeParse({ ...incident, sources: sources.map(() => placeholderSource) });
  // An area code the gazetteer does not hold is refused as on every save (../model/knownAreas.ts).
  const found = checked.success ? unknownAreaCodes(checked.data) : describeIssues(checked.error, incident);
  for (const problem of found) {
    const field = problem.path.split('.')[0] as ImportField;
    const column = columnOf[field];
    // A field no column fills (a required one) is named instead, as the mapping table names it.
    const where = column ? { column } : (importFieldNames as string[]).includes(field) ? { field } : {};
    problems.push({ row, ...where, key: `validation:${problem.key}`, params: problem.params });
  }
  for (const source of sources) {
    const checkedSource = Source.safeParse(source);
    if (checkedSource.success) continue;
    for (const problem of describeIssues(checkedSource.error, source)) {
      const field = problem.path.startsWith('url') ? 'sourceUrl' : problem.path.startsWith('kind') ? 'sourceKind' : 'sourceTitle';
      const column = columnOf[field];
      problems.push({ row, ...(column ? { column } : {}), key: `validation:${problem.key}`, params: problem.params });
    }
  }
  return problems.length ? { problems } : { row, externalId, incident, sources };
}
