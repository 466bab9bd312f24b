/**
 * What the effect and source forms share about problems: each schema problem
 * filed under the form field it belongs to ("consent.keep" and
 * "person.role" are fields of their own; "occurredAt.at" belongs to
 * occurredAt), one message per reason. Pure.
 */
import type { FieldProblem } from '../../../shared/model';

export type ProblemsByField = Map<string, FieldProblem[]>;
export type Checked<T> = { ok: true; data: T } | { ok: false; problems: ProblemsByField };

/** Nested records whose parts are asked one by one on the form. */
const nested = new Set(['consent', 'person']);

export function fieldOfPath(path: string): string {
  const [head = 'form', second, third] = path.split('.');
  // A withdrawal being recorded asks its uses, time and way one by one.
  if (head === 'consent' && second === 'withdrawal' && third) return `consent.withdrawal.${third}`;
  // Each translation of a source asks its language, text, translator, day and certification one by one.
  if (head === 'translations' && second !== undefined && third) return `translations.${second}.${third}`;
  return nested.has(head) && second ? `${head}.${second}` : head || 'form';
}

export function groupByField(problems: readonly FieldProblem[]): ProblemsByField {
  const grouped: ProblemsByField = new Map();
  for (const problem of problems) {
    const field = fieldOfPath(problem.path);
    const list = grouped.get(field) ?? [];
    if (!list.some((known) => known.key === problem.key)) list.push(problem);
    grouped.set(field, list);
  }
  return grouped;
}

/** The id of the element that wraps a field, for the error summary's links. */
export const anchorOf = (form: string, field: string) => `${form}-field-${field.replaceAll('.', '-')}`;
export const errorIdOf = (form: string, field: string) => `${anchorOf(form, field)}-error`;
