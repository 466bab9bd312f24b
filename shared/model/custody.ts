/**
 * Custody events: one line each in the archive's append-only log, chained by
 * the hash of the previous line so that a removed or edited line shows
 * (docs/spec/data-model.md, "Custody event").
 */
import { z } from 'zod';
import { RecordId, RevisionId, Sha256Hex } from './ids';

export const custodyActions = [
  'archive_created',
  'record_saved',
  'attachment_added',
  'bundle_exported',
  'bundle_imported',
  'archive_merged',
  'key_trusted',
  /** A signer taken off the trusted list (a key lost with a seized laptop). */
  'key_untrusted',
  'record_retracted',
  'conflict_resolved',
  /** `dalel repair`: what was kept, linked on again and set aside; `hashes` holds the sha256 of its signed report. */
  'archive_repaired',
] as const;

export const CustodyAction = z.enum(custodyActions);
export type CustodyAction = z.infer<typeof CustodyAction>;

/** The hash that stands before the first line of a log. */
export const genesisHash = '0'.repeat(64);

export const CustodyEvent = z.strictObject({
  seq: z.number().int().nonnegative(),
  at: z.iso.datetime(),
  /** The acting key's fingerprint, "SHA256:..." as ssh-keygen prints it. */
  actor: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/),
  action: CustodyAction,
  recordId: RecordId.optional(),
  revisionId: RevisionId.optional(),
  hashes: z.array(Sha256Hex).optional(),
  note: z.string().max(2000).optional(),
  prev: Sha256Hex,
  hash: Sha256Hex,
});
export type CustodyEvent = z.infer<typeof CustodyEvent>;
