/**
 * Checks a draft with the Incident schema and files each problem under the
 * form field it belongs to, in the order the form shows them. The messages
 * are i18n keys of the `validation` namespace (shared/model/validation.ts);
 * the same keys come back from the engine in an `invalidRecord` error.
 */
import type { FieldProblem } from '../../../../shared/model';
import { describeIssues, Incident } from '../../../../shared/model';
import { incidentInputOf, type IncidentDraft } from './draft';
import { fieldOrder, type FieldKey } from './fields';

export { fieldOrder, type FieldKey } from './fields';

type Problem = FieldProblem;

/** "startedAt.at" -> startedAt, "areas.2.place" -> areas: composite fields show their parts' problems together. */
export function fieldOf(path: string): FieldKey | 'form' {
  const head = path.split('.')[0] ?? '';
  return (fieldOrder as readonly string[]).includes(head) ? (head as FieldKey) : 'form';
}

export type ProblemsByField = Map<FieldKey | 'form', Problem[]>;

export function groupProblems(problems: readonly Problem[]): ProblemsByField {
  const grouped: ProblemsByField = new Map();
  for (const problem of problems) {
    const field = fieldOf(problem.path);
    const list = grouped.get(field) ?? [];
    // One message per reason is enough: "Required." twice under a field helps nobody.
    if (!list.some((known) => known.key === problem.key)) list.push(problem);
    grouped.set(field, list);
  }
  return grouped;
}

export type CheckedDraft = { ok: true; data: Incident } | { ok: false; problems: ProblemsByField };

export function checkDraft(draft: IncidentDraft): CheckedDraft {
  const input = incidentInputOf(draft);
  const parsed = Incident.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problems: groupProblems(describeIssues(parsed.error, input)) };
}

/** The id of the element that wraps a field, for the error summary's links. */
export const fieldAnchorId = (field: FieldKey | 'form') => `field-${field}`;
export const fieldErrorId = (field: FieldKey | 'form') => `field-${field}-error`;
