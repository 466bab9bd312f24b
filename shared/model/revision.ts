/**
 * Revisions: the immutable, signed unit of every record (docs/spec/data-model.md,
 * "Revisions"). The author's Ed25519 signature covers the revision's id.
 * Format 1 (before selective disclosure): the id is the sha256 of the
 * revision's RFC 8785 canonical JSON. Format 2: the id is the sha256 of its
 * commitment form, in which every value that an export may withhold is a
 * salted hash (electron/engine/disclosure.ts), so that a bundle can carry the
 * signed revision and only the values its profile allows. The data of each record type
 * is validated by that type's own schema (recordSchemas), so that a tombstone
 * or a future type never has to loosen this envelope.
 */
import { z } from 'zod';
import { Effect } from './effect';
import { Incident } from './incident';
import { Intervention } from './intervention';
import { Source } from './source';
import { recordTypes } from './taxonomy';

import { RecordId, RevisionId } from './ids';

/** The format new revisions are made in; format 1 revisions stay valid, under their own id rule. */
export const revisionFormat = 2;
export const revisionFormats = [1, 2] as const;

/** 32 random bytes, base64url: the secret each disclosable value's salt is derived from (format 2 only). */
export const DisclosureKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'invalidDisclosureKey' });

export { RecordId, RevisionId, Sha256Hex } from './ids';
export const RecordType = z.enum(recordTypes);
export type RecordType = z.infer<typeof RecordType>;

/** An Ed25519 public key as one OpenSSH line without comment: "ssh-ed25519 AAAA...". */
export const PublicKeyLine = z.string().regex(/^ssh-ed25519 [A-Za-z0-9+/]+={0,2}$/, { message: 'invalidPublicKey' });

export const Revision = z
  .strictObject({
    format: z.union([z.literal(1), z.literal(2)]),
    recordId: RecordId,
    type: RecordType,
    parents: z.array(RevisionId).max(64),
    author: PublicKeyLine,
    /** When the revision was made, UTC, as the author's clock said. */
    createdAt: z.iso.datetime(),
    /** The record's fields, or null for a tombstone (the record was retracted). */
    data: z.record(z.string(), z.unknown()).nullable(),
    retraction: z.strictObject({ reason: z.string().max(2000) }).optional(),
    /** Format 2: where the salts come from. Never in a `legal` or `public` bundle, which carry single salts only. */
    disclosureKey: DisclosureKey.optional(),
  })
  .superRefine((revision, ctx) => {
    if ((revision.format === 2) !== (revision.disclosureKey !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['disclosureKey'], message: revision.format === 2 ? 'disclosureKeyRequired' : 'disclosureKeyNotAllowed' });
    }
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
  intervention: Intervention,
} as const;
export type SavableType = keyof typeof recordSchemas;
export const SavableType = z.enum(Object.keys(recordSchemas) as [SavableType]);

export type RecordData = { incident: Incident; effect: Effect; source: Source; intervention: Intervention };
