/**
 * Reading a spreadsheet saved as CSV (docs/guides/spreadsheets.md), streamed
 * through csv-parse: UTF-8 with or without its BOM, CRLF or LF, quoted
 * fields across lines. A file too large, with too many rows, a field too
 * long, or not UTF-8 is refused whole, before anything is built from it. A
 * row with another number of cells than the header is that row's problem.
 * Cells are text, always: nothing here evaluates a cell (`=SUM(…)` stays text).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { CsvProblem } from '../../../shared/csv/ownRows';
import { withoutFormulaGuard } from '../../../shared/report/csv';
import { EngineError, fromFsError } from '../errors';

export const csvLimits = {
  /** 20 MiB: many thousand rows of a shutdown register, far below what would hold the app up. */
  bytes: 20 * 1024 * 1024,
  rows: 10_000,
  /** As long as the longest text a record holds (an incident's summary). */
  fieldChars: 20_000,
};
export type CsvLimits = typeof csvLimits;

export interface CsvTable {
  header: string[];
  /** Data rows whose cell count matches the header, numbered as a spreadsheet numbers them (header = 1). */
  rows: { row: number; cells: string[] }[];
  problems: CsvProblem[];
}

/** Decodes UTF-8 strictly, so that a file in another encoding is refused, never read as mojibake. */
function strictUtf8(path: string): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(new EngineError('csvNotUtf8', { path }));
      }
    },
    flush(done) {
      try {
        const rest = decoder.decode();
        done(null, rest || undefined);
      } catch {
        done(new EngineError('csvNotUtf8', { path }));
      }
    },
  });
}

export async function readCsv(path: string, limits: CsvLimits = csvLimits): Promise<CsvTable> {
  const size = await stat(path).then(
    (found) => (found.isFile() ? found.size : Promise.reject(new EngineError('csvUnreadable', { path }))),
    (error: unknown) => Promise.reject(fromFsError(error, path)),
  );
  if (size > limits.bytes) throw new EngineError('csvTooLarge', { path, megabytes: Math.round(limits.bytes / 1024 / 1024) });
  let header: string[] | null = null;
  const rows: CsvTable['rows'] = [];
  const problems: CsvProblem[] = [];
  let index = 0;
  let read = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      // The file may grow after stat: the limit holds for what is read.
      read += chunk.length;
      done(read > limits.bytes ? new EngineError('csvTooLarge', { path, megabytes: Math.round(limits.bytes / 1024 / 1024) }) : null, chunk);
    },
  });
  // A quote inside an unquoted cell (`5" screen`) is kept as a character, as spreadsheets show it.
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: limits.fieldChars * 4 });
  const collect = new Transform({
    objectMode: true,
    transform(record: string[], _encoding, done) {
      index += 1;
      if (record.some((cell) => cell.length > limits.fieldChars)) return done(new EngineError('csvFieldTooLong', { path, row: index, max: limits.fieldChars }));
      if (!header) {
        header = record.map((name) => name.trim());
        return done();
      }
      if (index - 1 > limits.rows) return done(new EngineError('csvTooManyRows', { path, max: limits.rows }));
      // A blank row (`,,,` or an empty line, as spreadsheets leave them) is no record, but still counts in the numbering.
      if (record.every((cell) => !cell.trim())) return done();
      if (record.length !== header.length) problems.push({ row: index, key: 'csv:row.cellCount', params: { found: record.length, expected: header.length } });
      // A cell Dalel (or a careful spreadsheet) guarded against formulas reads back as it was written.
      else rows.push({ row: index, cells: record.map(withoutFormulaGuard) });
      done();
    },
  });
  try {
    await pipeline(createReadStream(path), counted, strictUtf8(path), parser, collect);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'CSV_MAX_RECORD_SIZE') throw new EngineError('csvFieldTooLong', { path, row: index + 1, max: limits.fieldChars });
    if (code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE') throw new EngineError('csvMalformed', { path, row: index + 1 });
    throw fromFsError(error, path);
  }
  if (!header || !(header as string[]).some(Boolean)) throw new EngineError('csvEmpty', { path });
  return { header, rows, problems };
}
