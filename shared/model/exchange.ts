/**
 * What an archive keeps about other archives (docs/design.md, "Merge"): the
 * signers its owner trusts, and the redacted bundles it received. A `legal`
 * or `public` bundle is no longer what its authors signed, so it is kept
 * whole, as received evidence, and never mixed into the records.
 */
import { z } from 'zod';
import { BundleId, BundleProfile } from './bundle';
import { RecordId, RevisionId, Sha256Hex } from './ids';
import { PublicKeyLine } from './revision';

/** "SHA256:..." exactly as `ssh-keygen -lf` prints it. */
export const Fingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, { message: 'invalidFingerprint' });

export const TrustedSigner = z.strictObject({
  /** The name the owner gave this signer; shown wherever its signature is. */
  name: z.string().trim().min(1).max(200),
  fingerprint: Fingerprint,
  publicKey: PublicKeyLine,
  addedAt: z.iso.datetime(),
  /** The fingerprint of the archive key that added it. */
  addedBy: Fingerprint,
});
export type TrustedSigner = z.infer<typeof TrustedSigner>;

/**
 * A change to one of the archive's records by a key it does not trust, not
 * merged (electron/engine/merge/untrusted.ts): a revision, or an evidence
 * file listed for the record; `author` is the key that made the revision,
 * or that signed the bundle (or owns the archive) the file came with.
 */
export const SetAsideChange = z.union([
  z.strictObject({ recordId: RecordId, revisionId: RevisionId, author: Fingerprint }),
  z.strictObject({ recordId: RecordId, sha256: Sha256Hex, author: Fingerprint }),
]);
export type SetAsideChange = z.infer<typeof SetAsideChange>;

/** A redacted bundle kept whole: its ZIP is a blob, by the sha256 of the file. */
export const ReceivedBundle = z.strictObject({
  sha256: Sha256Hex,
  size: z.number().int().nonnegative(),
  /** The file's name as it was given. */
  fileName: z.string().max(1000),
  bundleId: BundleId,
  profile: BundleProfile,
  /** When the bundle says it was made. */
  createdAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
  signer: z.strictObject({
    fingerprint: Fingerprint,
    publicKey: z.string().max(1000),
    name: z.string().max(300),
    organization: z.string().max(300),
  }),
  records: z.number().int().nonnegative(),
  attachments: z.number().int().nonnegative(),
  /**
   * `internal`: revisions of this archive's records signed by keys it does not
   * trust, kept here with the bundle rather than merged (electron/engine/merge/untrusted.ts).
   */
  setAside: z.array(SetAsideChange).optional(),
});
export type ReceivedBundle = z.infer<typeof ReceivedBundle>;
