/**
 * The rule that an illustrative record stays illustrative
 * (shared/model/marks.ts): once a version of a record carries
 * `illustrative: true`, every later version must too, so a sample record can
 * never pass for evidence after an edit, a conflict's resolution, or a merge
 * of another archive's versions. Checked on every save and resolution (the
 * app, the command) and on every revision an import or merge brings. It
 * only refuses: it never adds or removes the mark itself.
 */
import { isIllustrative, type SignedRevision } from '../../shared/model';
import { EngineError } from './errors';

/**
 * SECURITY: refuses (nothing written) a new version that drops the mark one
 * of its parents carries. A retraction (no fields) is not refused: the
 * record's earlier versions, marked, stay in its history.
 */
export function assertIllustrativeKept(parents: readonly unknown[], data: Record<string, unknown>): void {
  if (isIllustrative(data) || !parents.some(isIllustrative)) return;
  throw new EngineError('invalidRecord', {}, [{ path: 'illustrative', key: 'illustrativeStays', params: {} }]);
}

/**
 * SECURITY: refuses a whole import or merge when one of the versions it
 * brings drops the mark its parent carries, whether that parent came with
 * it or is already held (`held` finds it by record and revision id).
 */
export function assertIncomingKeepMark(incoming: readonly SignedRevision[], held: (recordId: string, revisionId: string) => SignedRevision | undefined): void {
  const brought = new Map(incoming.map((signed) => [signed.id, signed]));
  for (const signed of incoming) {
    const { data, parents, recordId } = signed.revision;
    if (data === null || isIllustrative(data)) continue;
    const parentData = parents.map((id) => (brought.get(id) ?? held(recordId, id))?.revision.data);
    if (parentData.some(isIllustrative)) throw new EngineError('illustrativeDropped', { id: recordId });
  }
}
