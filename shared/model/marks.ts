/**
 * Two marks any record can carry:
 * - `externalId`: the record's id in the spreadsheet or system it came from
 *   (a STOP row, an organization's own CSV), so that importing the same rows
 *   again changes nothing (docs/guides/spreadsheets.md);
 * - `illustrative`: the record is an illustration written for the sample
 *   archive, not evidence. It is signed with the record, so it travels with
 *   every export and merge, and the archive refuses an edit that drops it.
 */
import { z } from 'zod';

export const ExternalId = z.string().trim().min(1).max(200);
export const Illustrative = z.literal(true);

/** Whether a record's fields (a bundle's, a revision's) carry the illustrative mark. */
export const isIllustrative = (data: unknown): boolean => (data as { illustrative?: unknown } | null | undefined)?.illustrative === true;

/** The bag-info label that says how many of a bundle's records are illustrative (docs/spec/bundle-format.md). */
export const illustrativeBagInfoLabel = 'Dalel-Illustrative';

/**
 * bag-info's Dalel-Illustrative value for a bundle's records, or null when
 * none is illustrative (then the label is absent). English and fixed, like
 * every bag-info value, so a verifier can compare it with bundle.json.
 */
export function illustrativeBagInfoValue(records: readonly { data: unknown }[]): string | null {
  const count = records.filter((record) => isIllustrative(record.data)).length;
  return count === 0 ? null : `${count} of ${records.length} records are illustrative, not evidence`;
}
