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
import { assertIncomingKeepMark } from '../illustrativeMark';
import { checkSignedRevisionInPool, type RevisionCheck } from '../revisions';

/** Untrusted revisions checked at once: enough to keep every core busy, few enough to hold. */
const checkedAtOnce = 512;

/** What checking untrusted revisions found: all of them parsed, or the first bad one. */
export type IncomingCheck =
  | { ok: true; revisions: SignedRevision[] }
  | { ok: false; problem: 'revisionForged' | 'revisionInvalid'; recordId: string };

/** Checks untrusted revisions (a bundle's, for verify and import); stops at the first bad one. */
export async function judgeIncomingRevisions(values: readonly unknown[]): Promise<IncomingCheck> {
  const checked: SignedRevision[] = [];
  for (let start = 0; start < values.length; start += checkedAtOnce) {
    const batch = values.slice(start, start + checkedAtOnce);
    const checks = await Promise.all(batch.map(checkSignedRevisionInPool));
    for (const [index, value] of batch.entries()) {
      const judgement = judged(value, checks[index]!);
      if ('problem' in judgement) return { ok: false, ...judgement };
      checked.push(judgement);
    }
  }
  return { ok: true, revisions: checked };
}

/** Checks untrusted revisions; returns them parsed, or throws naming the first bad record. */
export async function checkIncomingRevisions(values: readonly unknown[]): Promise<SignedRevision[]> {
  const judgement = await judgeIncomingRevisions(values);
  if (!judgement.ok) throw new EngineError(judgement.problem, { id: judgement.recordId });
  return judgement.revisions;
}

function judged(value: unknown, check: RevisionCheck): SignedRevision | { problem: 'revisionForged' | 'revisionInvalid'; recordId: string } {
  const recordId = String((value as { revision?: { recordId?: unknown } })?.revision?.recordId ?? '');
  if (!check.ok) return { problem: 'revisionForged', recordId };
  const { revision } = check.revision;
  const schema = recordSchemas[revision.type as keyof typeof recordSchemas];
  // A tombstone has no fields; every other revision must be a valid record of its type.
  if (revision.data !== null && (!schema || !schema.safeParse(revision.data).success)) {
    return { problem: 'revisionInvalid', recordId: revision.recordId };
  }
  return check.revision;
}

/** The revisions the archive does not hold yet; throws when the union would not be whole and consistent. */
export function newRevisions(records: RecordStore, incoming: readonly SignedRevision[]): SignedRevision[] {
  const { problems, added } = records.preview(incoming);
  const [problem] = problems;
  if (problem) throw problemError(problem);
  assertIncomingKeepMark(added, (recordId, revisionId) => records.get(recordId)?.history.find((signed) => signed.id === revisionId));
  return added;
}

function problemError(problem: RecordProblem): EngineError {
  if (problem.kind === 'gap') return new EngineError('historyIncomplete', { id: problem.recordId });
  return new EngineError('historyInconsistent', { id: problem.recordId });
}
