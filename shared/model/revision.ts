/**
 * Revisions: the immutable, signed unit of every record (DESIGN.md,
 * "Revisions"). A revision's id is the sha256 of its RFC 8785 canonical JSON;
 * the author's Ed25519 signature covers that id. The data of each record type
 * is validated by that type's own schema (recordSchemas), so that a tombstone
 * or a future type never has to loosen this envelope.
 */
import { z } from 'zod';
import { Effect } from './effect';
import { Incident } from './incident';
import { Source } from './source';
import { recordTypes } from './taxonomy';

export const revisionFormat = 1;

import { RecordId, RevisionId } from './ids';
export { RecordId, RevisionId, Sha256Hex } from './ids';
export const RecordType = z.enum(recordTypes);
export type RecordType = z.infer<typeof RecordType>;

/** An Ed25519 public key as one OpenSSH line without comment: "ssh-ed25519 AAAA...". */
export const PublicKeyLine = z.string().regex(/^ssh-ed25519 [A-Za-z0-9+/]+={0,2}$/, { message: 'invalidPublicKey' });

export const Revision = z.strictObject({
  format: z.literal(revisionFormat),
  recordId: RecordId,
  type: RecordType,
  parents: z.array(RevisionId).max(64),
  author: PublicKeyLine,
  /** When the revision was made, UTC, as the author's clock said. */
  createdAt: z.iso.datetime(),
  /** The record's fields, or null for a tombstone (the record was retracted). */
  data: z.record(z.string(), z.unknown()).nullable(),
  retraction: z.strictObject({ reason: z.string().max(2000) }).optional(),
});
export type Revision = z.infer<typeof Revision>;

export const SignedRevision = z.strictObject({
  id: RevisionId,
  /** Ed25519 signature over the 32 raw bytes of the id, base64. */
  signature: z.base64(),
  revision: Revision,
});
export type SignedRevision = z.infer<typeof SignedRevision>;

/** The types whose records can be saved today, each with its data schema. */
export const recordSchemas = {
  incident: Incident,
  effect: Effect,
  source: Source,
} as const;
export type SavableType = keyof typeof recordSchemas;
export const SavableType = z.enum(Object.keys(recordSchemas) as [SavableType]);

export type RecordData = { incident: Incident; effect: Effect; source: Source };
