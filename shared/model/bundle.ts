/**
 * `data/bundle.json`, the machine-readable content of an evidence bundle
 * (spec/bundle-format.md, "bundle.json"). The exporter writes it, the
 * verifier checks it against this schema, the report is drawn from it, and
 * an import reads the revisions of an `internal` bundle from it.
 */
import { z } from 'zod';
import { Attachment } from './attachment';
import { CustodyEvent } from './custody';
import { RecordId, RecordType, RevisionId, SignedRevision } from './revision';

export const bundleFormat = 1;

export const bundleProfiles = ['internal', 'legal', 'public'] as const;
export const BundleProfile = z.enum(bundleProfiles);
export type BundleProfile = z.infer<typeof BundleProfile>;

export const bundleLanguages = ['en', 'ru', 'kk'] as const;

/** "dalel-20220105-1a2b3c4d": the export's date and 8 random hex digits; also the bag's folder name. */
export const BundleId = z.string().regex(/^dalel-\d{8}-[0-9a-f]{8}$/, { message: 'invalidBundleId' });

/** An evidence file in the bundle, at `data/<path>`. */
export const BundleAttachment = Attachment.extend({
  /** "attachments/<sha256>.<ext>", relative to data/. */
  path: z.string().regex(/^attachments\/[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/, { message: 'invalidAttachmentPath' }),
});
export type BundleAttachment = z.infer<typeof BundleAttachment>;

/**
 * One exported record. `internal`: every revision, each signed by its
 * author, so that an import loses nothing. `legal` and `public`: the current
 * revision's fields after redaction (unsigned: they are no longer what the
 * author signed; the bundle's signature covers them).
 */
export const BundleRecord = z.strictObject({
  recordId: RecordId,
  type: RecordType,
  headId: RevisionId,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  retracted: z.boolean(),
  revisions: z.array(SignedRevision).optional(),
  /** The head's fields after redaction; null when retracted. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type BundleRecord = z.infer<typeof BundleRecord>;

/** What a profile left out, so the report can say so. */
export const Redactions = z.strictObject({
  /** People whose identifying fields were replaced by a pseudonym. */
  pseudonymized: z.number().int().nonnegative(),
  /** Sources left out whole (a testimony its person did not allow to publish). */
  sourcesWithheld: z.number().int().nonnegative(),
  /** Evidence files left out (sensitive, or of a person who did not consent). */
  attachmentsWithheld: z.number().int().nonnegative(),
  /** Records whose confidential free text was left out. */
  confidentialTextWithheld: z.number().int().nonnegative(),
});
export type Redactions = z.infer<typeof Redactions>;

export const Bundle = z
  .strictObject({
    format: z.literal(bundleFormat),
    profile: BundleProfile,
    bundleId: BundleId,
    archiveId: z.string().uuid(),
    createdAt: z.iso.datetime(),
    /** The report's language. */
    language: z.enum(bundleLanguages),
    signer: z.strictObject({
      name: z.string().max(300),
      organization: z.string().max(300),
      fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/),
    }),
    records: z.array(BundleRecord),
    attachments: z.array(BundleAttachment),
    /** The custody events that concern the exported records, oldest first. */
    custody: z.array(CustodyEvent),
    redactions: Redactions,
  })
  .superRefine((bundle, ctx) => {
    const ids = new Set(bundle.records.map((record) => record.recordId));
    if (ids.size !== bundle.records.length) ctx.addIssue({ code: 'custom', path: ['records'], message: 'duplicateRecord' });
    bundle.attachments.forEach((attachment, index) => {
      if (!ids.has(attachment.recordId)) ctx.addIssue({ code: 'custom', path: ['attachments', index, 'recordId'], message: 'unknownRecord' });
      if (!attachment.path.startsWith(`attachments/${attachment.sha256}`)) {
        ctx.addIssue({ code: 'custom', path: ['attachments', index, 'path'], message: 'invalidAttachmentPath' });
      }
    });
    bundle.records.forEach((record, index) => {
      const internal = bundle.profile === 'internal';
      if (internal !== (record.revisions !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['records', index, 'revisions'], message: internal ? 'revisionsRequired' : 'revisionsNotAllowed' });
      }
    });
  });
export type Bundle = z.infer<typeof Bundle>;
