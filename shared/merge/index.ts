/**
 * The deterministic merge of archives (docs/design.md, "Merge"), as pure functions
 * over values the engine has already parsed and verified.
 *
 * Records: a record is its revisions; a RecordSet maps record ids to them.
 * mergeRecords is the union: every distinct revision kept once, in history
 * order (parents first, then oldest, then by id), with problems reported
 * rather than absorbed (one id with two contents, a revision filed under the
 * wrong record or of the wrong type, missing parents, cycles). Its value
 * depends only on the set of revisions, so it is commutative, associative and
 * idempotent down to the serialised bytes. A record with more than one head
 * is in conflict; currentStateOf then answers with every head and no winner,
 * and resolveConflictParents gives the parents of the revision that resolves
 * it.
 *
 * Custody: each archive's log is its own hash chain, so mergeCustody keeps the
 * events of every chain together, ordered by seq, and the chains side by side
 * ordered by their first event, instead of weaving them into one log. A chain
 * is known by the hash of the first event held (for a whole log, the line that
 * created its archive); fragments, forks and duplicates are reported.
 *
 * What stays with the engine: checking that each revision id is the sha256 of
 * its content and its signature is the author's, that each custody event's
 * hash is right, and refusing (or asking the user about) any reported problem
 * before anything is written. See README.md.
 */
export { mergeRecords, historyOrder, headsOf, conflictsOf, resolveConflictParents, currentStateOf } from './records';
export type { RecordRevisions, RecordSet, RecordProblem, RecordMerge, RecordState, RecordConflict } from './records';
export { mergeCustody, custodyEventsOf } from './custody';
export type { CustodyChain, CustodyProblem, CustodyMerge } from './custody';
