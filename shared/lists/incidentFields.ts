/**
 * Reads an incident's fields for a list without parsing 100k records again:
 * the engine checked every record's data against the Incident schema when
 * it was saved or imported (archive.ts, merge/incoming.ts), so a list checks
 * only the shape of the fields it shows, filters and sorts, and falls back
 * to the full schema for anything else (an older record: defaults filled in,
 * or null if unreadable). Pages that show or edit one incident parse it in full.
 */
import { Incident } from '../model';

const isText = (value: unknown): value is string => typeof value === 'string';
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);
const isStamp = (value: unknown) => typeof value === 'object' && value !== null && isText((value as { at?: unknown }).at);
const isArea = (value: unknown) =>
  typeof value === 'object' && value !== null && (isText((value as { code?: unknown }).code) || isText((value as { place?: unknown }).place));

/** True when every field the list reads has the type it expects (the engine already checked the rest). */
export function hasListFields(data: unknown): data is Incident {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    isText(d.title) &&
    isText(d.summary) &&
    isText(d.scope) &&
    isTextList(d.kinds) &&
    isTextList(d.operators) &&
    isTextList(d.tags) &&
    Array.isArray(d.areas) &&
    d.areas.every(isArea) &&
    isStamp(d.startedAt) &&
    (d.endedAt === undefined || isStamp(d.endedAt)) &&
    typeof d.ongoing === 'boolean' &&
    typeof d.confidential === 'boolean'
  );
}

export function readListIncident(data: unknown): Incident | null {
  if (hasListFields(data)) return data;
  const parsed = Incident.safeParse(data);
  return parsed.success ? parsed.data : null;
}
