/**
 * STOP's export (Access Now's #KeepItOn dataset) as the importer reads it:
 * told apart by its header, each row read by the STOP mapping
 * (shared/csv/stop.ts, docs/spec/stop.md) into the same shape as an own
 * sheet's row, so that one path checks, plans and commits both.
 */
import { incidentFromStopRow, stopColumns, withSourceIds, type StopRow } from '../../../shared/csv/stop';
import type { CsvProblem, OwnRow } from '../../../shared/csv/ownRows';

/** STOP's header: its date and country columns, and most of the others by their exact names. */
export function isStopHeader(header: readonly string[]): boolean {
  const names = new Set(header);
  const known = stopColumns.filter((column) => names.has(column)).length;
  return names.has('start_date') && names.has('country') && known >= Math.min(10, stopColumns.length);
}

export function stopRowOf(header: readonly string[], cells: readonly string[], row: number): OwnRow | { problems: CsvProblem[] } {
  const record = Object.fromEntries(stopColumns.map((column) => [column, ''])) as StopRow;
  header.forEach((name, index) => {
    if ((stopColumns as readonly string[]).includes(name)) record[name as keyof StopRow] = cells[index] ?? '';
  });
  const read = incidentFromStopRow(record);
  if ('problems' in read) {
    // The mapping's keys are in the `validation` namespace, each naming its column.
    return { problems: read.problems.map((problem) => ({ row, column: problem.path, key: `validation:${problem.key}`, params: problem.params })) };
  }
  return {
    row,
    externalId: read.externalId,
    incident: { ...read.incident, externalId: read.externalId },
    // Each link's source is found again by the row's key and its place in the row.
    sources: read.sources.map((item, index) => ({ ...item.source, externalId: `${read.externalId}/source/${index + 1}` })),
    link: (sourceIds) => withSourceIds(read, sourceIds),
  };
}
