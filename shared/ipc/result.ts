/**
 * The result every call returns: `{ ok: true, value }` or `{ ok: false, error }`.
 * Nothing throws across a process boundary (docs/design.md, "One contract").
 */
import { z } from 'zod';
import { errorCodes } from './errors';

export const FieldProblem = z.strictObject({
  path: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const DalelError = z.strictObject({
  code: z.enum(errorCodes),
  /** Values for the message's placeholders, e.g. { path } or { version }. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** For invalidRecord and invalidRequest: which fields, and why. */
  problems: z.array(FieldProblem).optional(),
});
export type DalelError = z.infer<typeof DalelError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: DalelError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  code: DalelError['code'],
  params?: DalelError['params'],
  problems?: DalelError['problems'],
): { ok: false; error: DalelError } => ({
  ok: false,
  error: { code, ...(params ? { params } : {}), ...(problems ? { problems } : {}) },
});
