/**
 * The answer of `csv:import` (shared/ipc/contract.ts): what kind of sheet it
 * was, what each column fills, the first rows as records, every row's
 * problems as i18n keys, and what was (or, on a dry run, would be) added.
 */
import { z } from 'zod';
import { importFieldNames, type ImportField } from './importFields';

export { CsvMapping } from './ownRows';

const Param = z.union([z.string(), z.number()]);

export const CsvProblem = z.strictObject({
  row: z.number().int().positive(),
  column: z.string().optional(),
  field: z.enum(importFieldNames as [ImportField, ...ImportField[]]).optional(),
  key: z.string(),
  params: z.record(z.string(), Param),
});

export const CsvImportResponse = z.strictObject({
  kind: z.enum(['stop', 'own']),
  columns: z.array(
    z.strictObject({
      header: z.string(),
      field: z.enum(importFieldNames as [ImportField, ...ImportField[]]).nullable(),
      language: z.string().nullable(),
    }),
  ),
  rows: z.number().int().nonnegative(),
  preview: z.array(
    z.strictObject({
      row: z.number().int().positive(),
      externalId: z.string(),
      title: z.string(),
      startedAt: z.string(),
      sources: z.number().int().nonnegative(),
      status: z.enum(['new', 'changed', 'unchanged']),
    }),
  ),
  problems: z.array(CsvProblem),
  counts: z.strictObject({
    incidentsAdded: z.number().int().nonnegative(),
    sourcesAdded: z.number().int().nonnegative(),
    revised: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
  }),
  imported: z.boolean(),
});
export type CsvImportResponse = z.infer<typeof CsvImportResponse>;
