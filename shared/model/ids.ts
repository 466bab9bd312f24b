/**
 * The identifiers every record and file is known by: sha256 hashes (revision
 * ids, evidence files) and record ids (UUIDs). Kept apart so that every
 * schema can use them without import cycles.
 */
import { z } from 'zod';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { message: 'invalidHash' });
export const RevisionId = Sha256Hex;
export const RecordId = z.uuid({ message: 'invalidRecordId' });
