/**
 * The commands on spreadsheets (docs/spec/cli.md, docs/guides/spreadsheets.md):
 * `import-csv` reads STOP's export or the organization's own sheet through
 * a mapping, prints what it read and each row's problems in the person's
 * language, and adds every row or none; `export-csv` writes the incidents
 * that may leave the archive in Uwazi's CSV conventions.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TFunction } from 'i18next';
import type { ResponseOf } from '../../../shared/ipc';
import type { Incident } from '../../../shared/model';
import { uwaziCsvOf } from '../../../shared/csv/uwaziExport';
import { CommandFailure, InputFailure } from '../failures';
import { printable } from '../terminalText';
import { type Command, json, openArchive, readJsonInput, requireOption } from './context';

type CsvImport = ResponseOf<'csv:import'>;

/** One problem as a sentence: where (row, and column or field), then what. */
export function problemLine(t: TFunction, problem: CsvImport['problems'][number]): string {
  // SECURITY: a cell quoted back (`given`) is someone else's text: shown, never acted on by the terminal.
  const params = Object.fromEntries(Object.entries(problem.params).map(([name, value]) => [name, typeof value === 'string' ? printable(value) : value]));
  const message = t(problem.key, params);
  if (problem.column !== undefined) return t('csv:problemAt', { row: problem.row, column: printable(problem.column), message });
  if (problem.field !== undefined) return t('csv:problemAt', { row: problem.row, column: t(`csv:field.${problem.field}`), message });
  return t('csv:problemInRow', { row: problem.row, message });
}

function describeImport(t: TFunction, result: CsvImport, dryRun: boolean): string[] {
  const lines = [t(result.kind === 'stop' ? 'cli:csvReadStop' : 'cli:csvReadOwn', { rows: result.rows })];
  if (result.kind === 'own') {
    for (const column of result.columns) {
      const field = column.field ? t(`csv:field.${column.field}`) : t('csv:field.ignore');
      lines.push(`  ${printable(column.header)} → ${field}${column.language ? ` (${column.language})` : ''}`);
    }
  }
  for (const row of result.preview) {
    lines.push(t('cli:csvPreviewRow', { row: row.row, status: t(`cli:csvStatus.${row.status}`), id: printable(row.externalId), title: printable(row.title), startedAt: row.startedAt }));
  }
  const counts = { incidents: result.counts.incidentsAdded, sources: result.counts.sourcesAdded, revised: result.counts.revised, unchanged: result.counts.unchanged };
  if (result.imported) lines.push(t('cli:csvImported', counts));
  else if (dryRun && !result.problems.length) lines.push(t('cli:csvDryRun', counts));
  return lines;
}

export const spreadsheetCommands: Record<string, Command> = {
  'import-csv': {
    options: { mapping: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    positionals: ['DIR', 'FILE'],
    async run(context) {
      const { t } = context;
      const dryRun = context.values['dry-run'] === true;
      // Read before the archive is opened: a mapping that is not JSON leaves everything untouched.
      const mappingFile = context.values.mapping;
      const mapping = typeof mappingFile === 'string' ? await readJsonInput(context, mappingFile) : undefined;
      await openArchive(context);
      const result = await context.call('csv:import', {
        path: resolve(context.positionals[1]!),
        ...(mapping === undefined ? {} : { mapping: mapping as never }),
        dryRun,
        language: context.language,
      });
      if (context.values.json) json(context, result);
      else for (const line of describeImport(t, result, dryRun)) context.say(line);
      if (result.problems.length) {
        if (!context.values.json) for (const problem of result.problems) context.warn(problemLine(t, problem));
        context.warn(t('cli:csvRefused', { count: result.problems.length }));
        // Exit 1, as any refusal by the archive; the problems above say why.
        throw new CommandFailure({ code: 'invalidRecord' });
      }
    },
  },

  'export-csv': {
    options: { out: { type: 'string' } },
    positionals: ['DIR'],
    readOnly: true,
    async run(context) {
      const { t } = context;
      const out = resolve(requireOption(context, 'out'));
      await openArchive(context);
      const { records } = await context.call('records:list', { type: 'incident' });
      // SECURITY: a confidential incident never leaves in a spreadsheet, nor a retracted one; no source is written at all.
      const shown = records
        .filter((summary) => summary.data && !summary.retracted && !summary.conflict && (summary.data as Incident).confidential !== true)
        .map((summary) => ({ recordId: summary.recordId, incident: summary.data as Incident }));
      try {
        await writeFile(out, uwaziCsvOf(shown), { flag: 'wx', mode: 0o600 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new InputFailure(t('cli:csvOutExists', { path: out }));
        throw new InputFailure(t('cli:csvOutFailed', { path: out }));
      }
      context.say(t('cli:csvExported', { count: shown.length, path: out, left: records.length - shown.length }));
    },
  },
};
