/**
 * Judging what another archive or a bundle brings, before anything is
 * written (docs/design.md, "Merge"): every revision's id must be the sha256 of
 * its content and its signature its author's, its fields must pass its
 * type's schema, and its union with what the archive holds must be whole
 * and consistent (no missing parents, no record of two types, no cycles).
 * A single doubtful revision refuses the whole change: nothing is kept in
 * part, and nothing is absorbed silently.
 */
import type { RecordProblem } from '../../../shared/merge';
import { recordSchemas, type SignedRevision } from '../../../shared/model';
import { EngineError } from '../errors';
import type { RecordStore } from '../recordStore';
import { checkSignedRevisionInPool, type RevisionCheck } from '../revisions';

/** Untrusted revisions checked at once: enough to keep every core busy, few enough to hold. */
const checkedAtOnce = 512;

/** Checks untrusted revisions; returns them parsed, or throws naming the first bad record. */
export async function checkIncomingRevisions(values: readonly unknown[]): Promise<SignedRevision[]> {
  const checked: SignedRevision[] = [];
  for (let start = 0; start < values.length; start += checkedAtOnce) {
    const batch = values.slice(start, start + checkedAtOnce);
    const checks = await Promise.all(batch.map(checkSignedRevisionInPool));
    batch.forEach((value, index) => checked.push(judged(value, checks[index]!)));
  }
  return checked;
}

function judged(value: unknown, check: RevisionCheck): SignedRevision {
  const recordId = String((value as { revision?: { recordId?: unknown } })?.revision?.recordId ?? '');
  if (!check.ok) throw new EngineError('revisionForged', { id: recordId });
  const { revision } = check.revision;
  const schema = recordSchemas[revision.type as keyof typeof recordSchemas];
  // A tombstone has no fields; every other revision must be a valid record of its type.
  if (revision.data !== null && (!schema || !schema.safeParse(revision.data).success)) {
    throw new EngineError('revisionInvalid', { id: revision.recordId });
  }
  return check.revision;
}

/** The revisions the archive does not hold yet; throws when the union would not be whole and consistent. */
export function newRevisions(records: RecordStore, incoming: readonly SignedRevision[]): SignedRevision[] {
  const { problems, added } = records.preview(incoming);
  const [problem] = problems;
  if (problem) throw problemError(problem);
  return added;
}

function problemError(problem: RecordProblem): EngineError {
  if (problem.kind === 'gap') return new EngineError('historyIncomplete', { id: problem.recordId });
  return new EngineError('historyInconsistent', { id: problem.recordId });
}
