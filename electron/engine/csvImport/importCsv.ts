/**
 * `dalel import-csv` and the app's import screen (docs/guides/spreadsheets.md):
 * reads the file, tells STOP's export from an organization's own sheet,
 * reads every row through its mapping, and says what each would add. Unless
 * it is a dry run and only then when no row has a problem, it commits every
 * row at once (commitRows.ts). A file with any problem writes nothing.
 */
import { CsvMapping, defaultMapping, mapColumns, ownRowOf, type CsvMappingInput, type CsvProblem, type MappedColumn, type OwnRow } from '../../../shared/csv/ownRows';
import { EngineError } from '../errors';
import type { MergeTarget } from '../merge/importBundle';
import { commitRows, planRows, type CsvImportCounts, type RowStatus } from './commitRows';
import { readCsv, csvLimits, type CsvLimits } from './readCsv';
import { isStopHeader, stopRowOf } from './stopRows';

export interface CsvImportRequest {
  path: string;
  /** How the columns of an own sheet fill the fields; without it, columns named as fields fill them. Ignored for STOP's export. */
  mapping?: CsvMappingInput | unknown;
  dryRun: boolean;
  /** The person's language: preferred among `__lang` columns. */
  language: string;
  limits?: CsvLimits;
}

export interface CsvPreviewRow {
  row: number;
  externalId: string;
  title: string;
  startedAt: string;
  sources: number;
  status: RowStatus;
}

export interface CsvImportResult {
  kind: 'stop' | 'own';
  columns: Pick<MappedColumn, 'header' | 'field' | 'language'>[];
  rows: number;
  /** The first rows as the records they make. */
  preview: CsvPreviewRow[];
  problems: CsvProblem[];
  counts: CsvImportCounts;
  /** Whether anything was written: never on a dry run, nor when a row has a problem. */
  imported: boolean;
}

export const previewRows = 20;

const noCounts = (): CsvImportCounts => ({ incidentsAdded: 0, sourcesAdded: 0, revised: 0, unchanged: 0 });

export async function importCsv(target: MergeTarget, request: CsvImportRequest): Promise<CsvImportResult> {
  const parsedMapping = request.mapping === undefined ? null : CsvMapping.safeParse(request.mapping);
  if (parsedMapping && !parsedMapping.success) throw new EngineError('csvMappingInvalid');
  const table = await readCsv(request.path, request.limits ?? csvLimits);
  const stop = isStopHeader(table.header);
  const mapping = parsedMapping?.data ?? defaultMapping(table.header);
  const columns = stop ? table.header.map((header, index) => ({ index, header, field: null, language: null })) : mapColumns(table.header, mapping);
  const counted = table.rows.length + table.problems.length;
  if (!stop && !columns.some((column) => column.field)) {
    // Read to be mapped: the columns are what the person needs to see; no row can be read yet.
    if (!request.dryRun) throw new EngineError('csvNoColumnMapped', { path: request.path });
    return { kind: 'own', columns: columns.map(({ header, field, language }) => ({ header, field, language })), rows: counted, preview: [], problems: [], counts: noCounts(), imported: false };
  }

  const problems = [...table.problems];
  const rows: OwnRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const read = stop ? stopRowOf(table.header, cells, row) : ownRowOf(columns, cells, row, mapping, request.language);
    if ('problems' in read) {
      problems.push(...read.problems);
      continue;
    }
    const first = firstRowOf.get(read.externalId);
    if (first !== undefined) {
      problems.push({ row, key: 'csv:row.duplicateId', params: { id: read.externalId, first } });
      continue;
    }
    firstRowOf.set(read.externalId, row);
    rows.push(read);
  }
  const plan = planRows(target, rows, !request.dryRun && !problems.length);
  problems.push(...plan.problems);
  problems.sort((a, b) => a.row - b.row);
  const imported = !request.dryRun && !problems.length;
  if (imported) await commitRows(target, plan.revisions);
  return {
    kind: stop ? 'stop' : 'own',
    columns: columns.map(({ header, field, language }) => ({ header, field, language })),
    rows: counted,
    preview: rows.slice(0, previewRows).map((row) => ({
      row: row.row,
      externalId: row.externalId,
      title: String(row.incident.title ?? ''),
      startedAt: row.incident.startedAt?.at ?? '',
      sources: row.sources.length,
      status: plan.statuses.get(row.row) ?? 'new',
    })),
    problems,
    counts: imported || request.dryRun ? plan.counts : noCounts(),
    imported,
  };
}
