/**
 * `dalel export --submission FILE`: the submission of a legal bundle
 * (submitter, the collector's declaration, methodology, domestic remedies;
 * shared/model/submission.ts) read from a JSON file and checked before the
 * archive is opened, so that a missing, unreadable, non-JSON or invalid file
 * is refused in the person's language with the archive and the output
 * untouched. The file's content goes into the bundle only: it is never
 * copied, logged or kept by the command (a contact on a seized laptop is a
 * person found).
 */
import { stat } from 'node:fs/promises';
import { Submission, describeIssues } from '../../shared/model';
import { InputFailure } from './failures';
import { describeProblem } from './output';
import { readJsonInput, type CommandContext } from './commands/context';

export async function readSubmissionFile(context: CommandContext, file: string, profile: string): Promise<Submission> {
  const { t } = context;
  // SECURITY: refused before the file is read: a name and a contact go only into a bundle made for lawyers.
  if (profile !== 'legal') throw new InputFailure(t('errors:submissionNotLegal', { profile }));
  // A mistyped name is the likeliest mistake: said as such, rather than as a file that could not be read.
  if (file !== '-' && (await stat(file).catch((error: NodeJS.ErrnoException) => error.code)) === 'ENOENT') {
    throw new InputFailure(t('cli:submissionFileMissing', { file }));
  }
  const value = await readJsonInput(context, file);
  const parsed = Submission.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = describeIssues(parsed.error, value).map((problem) => describeProblem(t, problem));
  throw new InputFailure([t('cli:submissionInvalid', { file }), ...problems].join('\n'));
}
