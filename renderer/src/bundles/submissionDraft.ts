/**
 * The export screen's draft of a submission (shared/model/submission.ts):
 * what the person has written so far, which prefilled texts they have not
 * touched, what is still missing, and the request it becomes. Pure: the
 * translated default texts are given by the caller, in the report's
 * language, so an untouched text follows that language.
 *
 * SECURITY: a draft lives in the export screen's React state and nowhere
 * else — never in settings, web storage or a file. A contact or a name on a
 * seized laptop is a person found; it is written into the one bundle it was
 * given for and forgotten with the screen.
 */
import type { SubmissionInput } from '../../../shared/model';

/** The texts that start from a translated default. */
export const prefilledTexts = ['declaration', 'collection', 'definition', 'verification', 'limits'] as const;
export type PrefilledText = (typeof prefilledTexts)[number];

export interface SubmissionDraft {
  kind: 'person' | 'organization';
  name: string;
  contact: string;
  by: string;
  /** YYYY-MM-DD, as a date input gives it. */
  date: string;
  remedies: string;
  /** What the person wrote in each prefilled text; absent while they have not touched it (the default shows). */
  edited: Partial<Record<PrefilledText, string>>;
}

/** What must be given before a submission can go: the submitter's name, who declares, the date and the declaration. */
export type DraftProblem = 'name' | 'by' | 'date' | 'declaration';

export function emptyDraft(today: string): SubmissionDraft {
  return { kind: 'person', name: '', contact: '', by: '', date: today, remedies: '', edited: {} };
}

/** A prefilled text as it stands: as the person wrote it, or the default. */
export function textOf(draft: SubmissionDraft, field: PrefilledText, defaults: (field: PrefilledText) => string): string {
  return draft.edited[field] ?? defaults(field);
}

export function draftProblems(draft: SubmissionDraft, defaults: (field: PrefilledText) => string): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.name.trim()) problems.push('name');
  if (!draft.by.trim()) problems.push('by');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date) || Number.isNaN(Date.parse(draft.date))) problems.push('date');
  if (!textOf(draft, 'declaration', defaults).trim()) problems.push('declaration');
  return problems;
}

/** The request's submission: every text as it stands; an empty methodology part or remedies stay empty (the report says "not stated"). */
export function submissionOf(draft: SubmissionDraft, defaults: (field: PrefilledText) => string): SubmissionInput {
  const text = (field: PrefilledText) => textOf(draft, field, defaults);
  return {
    submitter: { kind: draft.kind, name: draft.name.trim(), contact: draft.contact.trim() },
    declaration: { by: draft.by.trim(), date: draft.date, text: text('declaration').trim() },
    methodology: { collection: text('collection'), definition: text('definition'), verification: text('verification'), limits: text('limits') },
    remedies: draft.remedies,
  };
}
