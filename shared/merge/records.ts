/**
 * The union of revision sets and what follows from it: each record's history
 * in one deterministic order, its heads, its conflicts, its current state.
 * A record here is nothing but its revisions; parents name revisions by id.
 * These functions never drop a revision, never overwrite one copy with
 * another, and never choose between two heads: anything doubtful is reported
 * as a problem for the engine to refuse or the user to resolve. They do not
 * check ids or signatures (that needs sha256 and Ed25519, which live in the
 * engine): callers pass revisions the engine has parsed and verified.
 */
import type { SignedRevision } from '../model';
import { compareText, distinctContents, instant } from './content';
import { orderedGraph } from './graph';

/** One record's revisions. After a merge: each distinct revision once, parents before children. */
export type RecordRevisions = readonly SignedRevision[];

/** Records by record id. After a merge: ids in ascending order, no record without revisions. */
export type RecordSet = Readonly<Record<string, RecordRevisions>>;

export type RecordProblem =
  /** Two different contents claim one revision id: at most one can be genuine. Every copy is kept. */
  | { kind: 'sameIdDifferentContent'; recordId: string; revisionId: string; copies: number }
  /** A revision was listed under another record than the one its signed content names. */
  | { kind: 'wrongRecord'; recordId: string; revisionId: string; filedUnder: string }
  /** A revision's type is not that of the record's first revision. */
  | { kind: 'typeMismatch'; recordId: string; revisionId: string; type: string; recordType: string }
  /** A revision names parents that no input holds. */
  | { kind: 'gap'; recordId: string; revisionId: string; missingParents: string[] }
  /** Revisions that are each other's ancestors: impossible with content ids unless forged. */
  | { kind: 'cycle'; recordId: string; revisionIds: string[] };

export interface RecordMerge {
  records: RecordSet;
  /** Sorted by record, then kind; the same problems whatever the order of the inputs. */
  problems: RecordProblem[];
}

/** Where a record stands: one current revision, or a conflict in which no version wins. */
export type RecordState =
  | { conflict: false; head: SignedRevision; retracted: boolean }
  | { conflict: true; heads: SignedRevision[] };

export interface RecordConflict {
  recordId: string;
  heads: SignedRevision[];
}

/**
 * The union of two record sets. Its value depends only on the set of distinct
 * revisions in both (and its problems on that set plus how each input filed
 * them), so mergeRecords(a, b) and mergeRecords(b, a) serialise to the same
 * bytes, grouping does not matter, and merging a set with itself changes
 * nothing. mergeRecords(a, {}) puts one set into that form and checks it.
 */
export function mergeRecords(a: RecordSet, b: RecordSet): RecordMerge {
  const byRecord = new Map<string, SignedRevision[]>();
  const problems: RecordProblem[] = [];
  for (const set of [a, b]) {
    for (const [filedUnder, revisions] of Object.entries(set)) {
      for (const signed of revisions) {
        // SECURITY: a revision goes to the record its signed content names, not the key it was
        // listed under: the key is an unsigned index the sender may have got wrong or forged.
        // The mismatch is reported; filing by content also keeps the union a function of the
        // revisions alone, which associativity needs.
        const recordId = signed.revision.recordId;
        if (recordId !== filedUnder) problems.push({ kind: 'wrongRecord', recordId, revisionId: signed.id, filedUnder });
        appendTo(byRecord, recordId, signed);
      }
    }
  }
  const records: [string, SignedRevision[]][] = [];
  for (const recordId of [...byRecord.keys()].sort(compareText)) {
    const analysis = analyse(recordId, byRecord.get(recordId)!);
    records.push([recordId, analysis.revisions]);
    problems.push(...analysis.problems);
  }
  // fromEntries defines own properties, so even a record id like "__proto__" stays data.
  return { records: Object.fromEntries(records), problems: sortedProblems(problems) };
}

/** A record's revisions in history order: parents first; among revisions ready together, oldest first, then by id. */
export function historyOrder(revisions: RecordRevisions): SignedRevision[] {
  return analyse(recordIdOf(revisions), revisions).revisions;
}

/** The revisions that no revision names as a parent, in history order. More than one: the record is in conflict. */
export function headsOf(revisions: RecordRevisions): SignedRevision[] {
  return analyse(recordIdOf(revisions), revisions).heads;
}

/** Every record with more than one head, by record id. */
export function conflictsOf(records: RecordSet): RecordConflict[] {
  return Object.keys(records)
    .sort(compareText)
    .flatMap((recordId) => {
      const heads = headsOf(records[recordId]!);
      return heads.length > 1 ? [{ recordId, heads }] : [];
    });
}

/**
 * The parents that a revision resolving the record's conflict must name: every
 * current head, each id once, sorted (as signed revisions store parents). A
 * resolution that left out a head would leave that version dangling as a head.
 */
export function resolveConflictParents(revisions: RecordRevisions): string[] {
  return [...new Set(headsOf(revisions).map((signed) => signed.id))].sort(compareText);
}

/**
 * What to show for a record: its one head, or for a conflict every head and no
 * winner. Undefined only for a record with no head at all (no revisions, or
 * every revision on a reported cycle).
 */
export function currentStateOf(revisions: RecordRevisions): RecordState | undefined {
  const heads = headsOf(revisions);
  const [head] = heads;
  if (!head) return undefined;
  if (heads.length > 1) return { conflict: true, heads };
  return { conflict: false, head, retracted: head.revision.data === null };
}

interface RecordAnalysis {
  revisions: SignedRevision[];
  heads: SignedRevision[];
  problems: RecordProblem[];
}

/** One record's distinct revisions, ordered, with its heads and problems. */
function analyse(recordId: string, copies: RecordRevisions): RecordAnalysis {
  const problems: RecordProblem[] = [];
  const copiesById = new Map<string, SignedRevision[]>();
  for (const signed of copies) appendTo(copiesById, signed.id, signed);
  const nodes = [...copiesById].map(([id, sameId]) => {
    // Stable sort: equal times keep distinctContents' canonical order.
    const variants = distinctContents(sameId).sort(byCreatedAt);
    if (variants.length > 1) problems.push({ kind: 'sameIdDifferentContent', recordId, revisionId: id, copies: variants.length });
    return { id, variants };
  });
  // Node numbers are ranks: oldest first, then by id, so ties in the graph order break the same way everywhere.
  nodes.sort((x, y) => byCreatedAt(x.variants[0]!, y.variants[0]!) || compareText(x.id, y.id));
  const nodeOf = new Map(nodes.map((node, index) => [node.id, index]));
  const named = new Set<string>();
  const edges = nodes.map(({ variants }) => {
    const parents = new Set<number>();
    for (const signed of variants) {
      const missing = new Set<string>();
      for (const parent of signed.revision.parents) {
        named.add(parent);
        const node = nodeOf.get(parent);
        if (node === undefined) missing.add(parent);
        else parents.add(node);
      }
      // Kept, not dropped: the missing ancestors may arrive with a later merge (dropping would make
      // the result depend on merge order, breaking associativity), and the revision is evidence too.
      if (missing.size) problems.push({ kind: 'gap', recordId, revisionId: signed.id, missingParents: [...missing].sort(compareText) });
    }
    return [...parents];
  });
  const graph = orderedGraph(edges);
  for (const cycle of graph.cycles) {
    problems.push({ kind: 'cycle', recordId, revisionIds: cycle.map((node) => nodes[node]!.id).sort(compareText) });
  }
  const revisions = graph.order.flatMap((node) => nodes[node]!.variants);
  const recordType = revisions[0]?.revision.type;
  for (const signed of revisions) {
    if (signed.revision.type !== recordType) {
      problems.push({ kind: 'typeMismatch', recordId, revisionId: signed.id, type: signed.revision.type, recordType: recordType! });
    }
  }
  return { revisions, heads: revisions.filter((signed) => !named.has(signed.id)), problems };
}

function byCreatedAt(a: SignedRevision, b: SignedRevision): number {
  const x = a.revision.createdAt;
  const y = b.revision.createdAt;
  return instant(x) - instant(y) || compareText(x, y);
}

function recordIdOf(revisions: RecordRevisions): string {
  return revisions[0]?.revision.recordId ?? '';
}

function appendTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sortedProblems(problems: RecordProblem[]): RecordProblem[] {
  const keyed = problems.map((problem) => ({ problem, text: JSON.stringify(problem) }));
  keyed.sort(
    (x, y) => compareText(x.problem.recordId, y.problem.recordId) || compareText(x.problem.kind, y.problem.kind) || compareText(x.text, y.text),
  );
  return keyed.filter((entry, index) => index === 0 || entry.text !== keyed[index - 1]!.text).map((entry) => entry.problem);
}
