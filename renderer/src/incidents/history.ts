/**
 * What the revision history shows: which fields a revision changed compared
 * with the one before, with each field's value before and after (raw, as
 * stored: the page formats them), what a list gained or lost, and a short,
 * checkable form of its author's key (the same SHA256 fingerprint ssh-keygen
 * prints). Pure functions plus one call to the browser's own digest; nothing
 * here trusts or verifies a signature.
 */
import type { SignedRevision } from '../../../shared/model';
import { fieldOrder } from './form/validation';

/** One changed field: its stored value before and after (undefined where the field was absent). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export type RevisionChange =
  | { kind: 'created' }
  | { kind: 'retracted'; reason: string }
  | { kind: 'changed'; changes: FieldChange[] }
  /**
   * A resolution of a conflict (more than one parent): how many versions it
   * joined, the one whose fields it kept (null when it kept none as it was),
   * and otherwise what it changed compared with the first of them.
   */
  | { kind: 'resolved'; versions: number; kept: string | null; changes: FieldChange[] };

/** JSON with sorted keys, so that two equal values always compare equal. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The fields (of `fields`, by default the incident's) whose values differ. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[] = fieldOrder): string[] {
  return fields.filter((field) => stableJson(before[field]) !== stableJson(after[field]));
}

/** The changed fields (of `fields`, in that order) with their values before and after. */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[] = fieldOrder): FieldChange[] {
  return changedFields(before, after, fields).map((field) => ({ field, before: before[field], after: after[field] }));
}

type Data = Record<string, unknown>;

/**
 * Each revision's change against the one it was made from: its parent (or,
 * past a tombstone, the nearest ancestor with fields), so that after a merge
 * an edit made on one side is not compared with the other side's. A revision
 * whose parents are not in the history is compared with the last one before
 * it that carried data.
 */
export function describeHistory(history: readonly SignedRevision[], fields: readonly string[] = fieldOrder): RevisionChange[] {
  const byId = new Map(history.map((signed) => [signed.id, signed]));
  const liveData = (ids: readonly string[], seen = new Set<string>()): Data | null => {
    for (const id of ids) {
      const signed = byId.get(id);
      if (!signed || seen.has(id)) continue;
      seen.add(id);
      const data = signed.revision.data ?? liveData(signed.revision.parents, seen);
      if (data) return data;
    }
    return null;
  };
  let previous: Data | null = null;
  return history.map(({ revision }) => {
    const parents = revision.parents.filter((id) => byId.has(id));
    const change = describeRevision(revision, parents, { own: (id) => byId.get(id)?.revision.data ?? null, live: liveData }, previous, fields);
    if (revision.data) previous = revision.data;
    return change;
  });
}

function describeRevision(
  revision: SignedRevision['revision'],
  parents: readonly string[],
  /** A revision's own fields, and the nearest fields among some revisions and their ancestors. */
  lookup: { own: (id: string) => Data | null; live: (ids: readonly string[]) => Data | null },
  previous: Data | null,
  fields: readonly string[],
): RevisionChange {
  const data = revision.data;
  if (data === null) return { kind: 'retracted', reason: revision.retraction?.reason ?? '' };
  if (parents.length > 1) {
    // Kept: a version whose own fields are the resolution's (a retraction has none to keep).
    const kept = parents.find((id) => {
      const own = lookup.own(id);
      return own && changedFields(own, data, fields).length === 0;
    });
    const base = lookup.live(parents) ?? {};
    return { kind: 'resolved', versions: parents.length, kept: kept ?? null, changes: kept ? [] : fieldChanges(base, data, fields) };
  }
  const base = (parents.length === 1 ? lookup.live(parents) : null) ?? previous;
  return base ? { kind: 'changed', changes: fieldChanges(base, data, fields) } : { kind: 'created' };
}

/**
 * What a list gained and lost between two values, each in its own order; a
 * repeated item counts as often as it occurs. Null when either value is
 * neither a list nor absent (then only "before" and "after" make sense).
 */
export function listDelta(before: unknown, after: unknown): { added: unknown[]; removed: unknown[] } | null {
  const asList = (value: unknown) => (value === undefined || value === null ? [] : Array.isArray(value) ? (value as unknown[]) : null);
  const from = asList(before);
  const to = asList(after);
  if (!from || !to) return null;
  const without = (items: unknown[], others: unknown[]) => {
    const left = others.map(stableJson);
    return items.filter((item) => {
      const index = left.indexOf(stableJson(item));
      if (index === -1) return true;
      left.splice(index, 1);
      return false;
    });
  };
  return { added: without(to, from), removed: without(from, to) };
}

/** "SHA256:..." of an "ssh-ed25519 AAAA..." line, or null where the browser offers no digest. */
export async function keyFingerprint(publicKeyLine: string): Promise<string | null> {
  const blob = publicKeyLine.split(' ')[1];
  if (!blob || !globalThis.crypto?.subtle) return null;
  const bytes = Uint8Array.from(atob(blob), (char) => char.charCodeAt(0));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `SHA256:${btoa(String.fromCharCode(...digest)).replace(/=+$/, '')}`;
}

/** Enough of a fingerprint to tell keys apart at a glance. */
export function shortFingerprint(fingerprint: string): string {
  return `${fingerprint.slice(0, 'SHA256:'.length + 8)}…`;
}
