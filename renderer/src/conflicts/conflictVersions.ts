/**
 * What the conflict screen compares: the versions of a record in conflict
 * (its heads, oldest first), the fields worth showing, and which of them
 * differ between versions. Pure: it reads the record as the engine gave it
 * and picks nothing; which version stays is the person's choice.
 */
import type { RecordDetail, RecordSummary } from '../../../shared/ipc';
import type { SignedRevision } from '../../../shared/model';
import { changedFields } from '../incidents/history';

/** The record's current versions, oldest first (ties by id, so the order is the same on every screen). */
export function conflictVersions(detail: Pick<RecordDetail, 'summary' | 'history'>): SignedRevision[] {
  const heads = new Set(detail.summary.heads);
  return detail.history
    .filter((signed) => heads.has(signed.id))
    .sort((a, b) => a.revision.createdAt.localeCompare(b.revision.createdAt) || a.id.localeCompare(b.id));
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

const dataOf = (versions: readonly SignedRevision[]) =>
  versions.map((signed) => signed.revision.data).filter((data): data is Record<string, unknown> => data !== null);

/**
 * The fields any version fills: those of `order` first, in that order, then
 * any other the data holds (from a newer Dalel, say), so nothing is hidden.
 */
export function versionFields(versions: readonly SignedRevision[], order: readonly string[]): string[] {
  const data = dataOf(versions);
  const extra = [...new Set(data.flatMap((fields) => Object.keys(fields)))].filter((field) => !order.includes(field)).sort();
  return [...order, ...extra].filter((field) => data.some((fields) => !isEmpty(fields[field])));
}

/** The fields whose values are not the same in every version that has fields (a retraction has none). */
export function differingFields(versions: readonly SignedRevision[], fields: readonly string[]): string[] {
  const [first, ...others] = dataOf(versions);
  if (!first) return [];
  return fields.filter((field) => others.some((data) => changedFields(first, data, [field]).length > 0));
}

/** A record's name in a list: its title, or for an effect its category code and first line. Read loosely: any version may be shown. */
export function recordName(summary: Pick<RecordSummary, 'type' | 'data'>): { title: string | null; category: string | null } {
  const data = summary.data ?? {};
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().split('\n')[0]! : null);
  if (summary.type === 'effect') return { title: text(data.description), category: text(data.category) };
  return { title: text(data.title), category: null };
}
