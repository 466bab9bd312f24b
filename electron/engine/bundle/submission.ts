/**
 * The submission an export is asked to carry (shared/model/submission.ts):
 * checked here, at the engine's boundary, whoever asked (the app, the
 * command, a test). Only a `legal` bundle carries one, since it names the
 * submitter and how to reach them, which an `internal` bundle has no use for
 * and a `public` one must never hold. It is parsed, never stored: it goes
 * into bundle.json and the report of the one bundle it was given for, and
 * nowhere else — a contact on a seized laptop is a person found.
 */
import { describeIssues, Submission, type BundleProfile, type SubmissionInput } from '../../../shared/model';
import { EngineError } from '../errors';

/** The submission as bundle.json holds it, or none; refused (nothing written) when the profile is not `legal` or it is not valid. */
export function submissionFor(profile: BundleProfile, given: SubmissionInput | undefined): Submission | null {
  if (given === undefined) return null;
  // SECURITY: a submitter's name and contact leave only in a bundle made for lawyers, a court or a UN desk.
  if (profile !== 'legal') throw new EngineError('submissionNotLegal', { profile });
  const parsed = Submission.safeParse(given);
  if (!parsed.success) throw new EngineError('invalidRequest', {}, describeIssues(parsed.error, given).map((problem) => ({ ...problem, path: `submission.${problem.path}` })));
  return parsed.data;
}
