/**
 * Judging what another archive or a bundle brings, before anything is
 * written (DESIGN.md, "Merge"): every revision's id must be the sha256 of
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
import { checkSignedRevision } from '../revisions';

/** Checks untrusted revisions; returns them parsed, or throws naming the first bad record. */
export function checkIncomingRevisions(values: readonly unknown[]): SignedRevision[] {
  return values.map((value) => {
    const check = checkSignedRevision(value);
    const recordId = String((value as { revision?: { recordId?: unknown } })?.revision?.recordId ?? '');
    if (!check.ok) throw new EngineError('revisionForged', { id: recordId });
    const { revision } = check.revision;
    const schema = recordSchemas[revision.type as keyof typeof recordSchemas];
    // A tombstone has no fields; every other revision must be a valid record of its type.
    if (revision.data !== null && (!schema || !schema.safeParse(revision.data).success)) {
      throw new EngineError('revisionInvalid', { id: revision.recordId });
    }
    return check.revision;
  });
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
