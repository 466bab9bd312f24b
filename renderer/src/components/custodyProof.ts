/**
 * What the custody log's proof of time part needs to decide, as pure
 * functions: the request file the save dialog proposes, each kept proof
 * as it stands today, the proof that covers a record's lines, and why
 * the part cannot be used (the archive locked, or its folder not
 * writable) when a call says so. It reads nothing and sends nothing.
 */
import type { DalelError, ResponseOf } from '../../../shared/ipc';
import { localDate } from '../bundles/exportPath';

export type ListedAnchor = ResponseOf<'custody:anchors'>['anchors'][number];
type Problem = NonNullable<ListedAnchor['problem']>;

/** The request file the save dialog proposes: `dalel-custody-<yyyy-mm-dd>.tsq`, the local date. */
export function anchorRequestName(date: Date): string {
  return `dalel-custody-${localDate(date)}.tsq`;
}

/** A kept proof as it stands when listed: it holds, with the authority's word, or why it does not. */
export type AnchorStanding =
  | { seq: number; holds: true; time: string; authority: string; anchored: boolean | null }
  | { seq: number; holds: false; problem: Problem };

export function anchorStanding(anchor: ListedAnchor): AnchorStanding {
  if (anchor.timestamp && !anchor.problem) {
    const { time, authority, anchored } = anchor.timestamp;
    return { seq: anchor.seq, holds: true, time, authority, anchored };
  }
  // The engine names a problem whenever a token does not check; "malformed" covers a report with neither.
  return { seq: anchor.seq, holds: false, problem: anchor.problem ?? 'malformed' };
}

/**
 * The proof that bounds a record's history: the earliest proof that holds
 * for a line at or after the record's last line (the log chains every line
 * before it), or null when none does yet.
 */
export function coveringAnchor(anchors: readonly AnchorStanding[], lastSeq: number): Extract<AnchorStanding, { holds: true }> | null {
  let found: Extract<AnchorStanding, { holds: true }> | null = null;
  for (const anchor of anchors) {
    if (anchor.holds && anchor.seq >= lastSeq && (!found || anchor.seq < found.seq)) found = anchor;
  }
  return found;
}

/** Why the part cannot be used, when a call's error says it. */
export type Unavailable = 'locked' | 'readOnly';

/**
 * `noArchive`: the archive was locked (or closed) meanwhile. `permissionDenied`
 * when keeping an answer: the archive's own folder cannot be written (a
 * read-only disk or folder). A request's refusal to write is about the
 * file the person chose, so it stays an ordinary error.
 */
export function unavailableBecause(error: DalelError, call: 'list' | 'request' | 'add'): Unavailable | null {
  if (error.code === 'noArchive') return 'locked';
  if (error.code === 'permissionDenied' && call === 'add') return 'readOnly';
  return null;
}

/**
 * A refusal to keep an answer, in the words of the custody log: the
 * engine's code for a token over other data speaks of a bundle, which
 * would mislead here.
 */
export function anchorError(error: DalelError): DalelError {
  return error.code === 'timeStampNotForBundle' ? { code: 'anchorNotForLog' } : error;
}
