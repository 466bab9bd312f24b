/**
 * Two marks any record can carry:
 * - `externalId`: the record's id in the spreadsheet or system it came from
 *   (a STOP row, an organization's own CSV), so that importing the same rows
 *   again changes nothing (docs/csv.md);
 * - `illustrative`: the record is an illustration written for the sample
 *   archive, not evidence. It is signed with the record, so it travels with
 *   every export and merge, and the archive refuses an edit that drops it.
 */
import { z } from 'zod';

export const ExternalId = z.string().trim().min(1).max(200);
export const Illustrative = z.literal(true);
