/**
 * The source form's grade, as its controls hold it ('' for "not graded"),
 * and the conversions to and from a Source's `grade`. A grade left wholly
 * empty is not saved: a source is then ungraded, as before grades existed.
 * Pure.
 */
import type { SourceGrade } from '../../../shared/model';

export interface GradeDraft {
  reliability: NonNullable<SourceGrade['reliability']> | '';
  credibility: NonNullable<SourceGrade['credibility']> | '';
  access: SourceGrade['access'];
  verification: string;
}

export const emptyGrade = (): GradeDraft => ({ reliability: '', credibility: '', access: 'unknown', verification: '' });

export function gradeDraftOf(grade: SourceGrade | undefined): GradeDraft {
  return grade
    ? { reliability: grade.reliability ?? '', credibility: grade.credibility ?? '', access: grade.access, verification: grade.verification }
    : emptyGrade();
}

/** `{ grade }` for a source's data, or nothing when the grade says nothing. */
export function gradeInputOf(draft: GradeDraft | undefined): { grade?: SourceGrade } {
  if (!draft) return {};
  const said = draft.reliability || draft.credibility || draft.access !== 'unknown' || draft.verification.trim();
  if (!said) return {};
  return {
    grade: {
      ...(draft.reliability ? { reliability: draft.reliability } : {}),
      ...(draft.credibility ? { credibility: draft.credibility } : {}),
      access: draft.access,
      verification: draft.verification,
    },
  };
}
