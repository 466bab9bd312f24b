/**
 * What checking an evidence bundle reports (docs/spec/bundle-format.md, "What a
 * verifier must reject"): the checks in the order they run, and one specific
 * failure code with the offending file. Shared so that the app, the command
 * and their translations speak of the same checks; every check and failure
 * has a message under `verify:check.<id>` and `verify:failure.<reason>`.
 */
import { z } from 'zod';
import { BundleProfile } from '../model/bundle';

/** Every check, in the order the verifier runs them; a report lists those it ran. */
export const checkIds = [
  /** The ZIP reads; entries are unencrypted regular files with sane sizes and no overlap. */
  'zipStructure',
  /** Names are safe and unique, under one top folder named like a bundle id. */
  'paths',
  /** The tag files and bundle.json are present and within their sizes; those that describe the bag are read. */
  'tagFiles',
  'bagitDeclaration',
  /** bag-info.txt: Dalel-Format 1 or 2, the required fields, the bundle id matches the folder. */
  'bagInfo',
  'payloadOxum',
  /** Every tag file is in the tag manifest, with a matching sha256. */
  'tagManifest',
  /** Every payload file is in the manifest, and every manifest line names a file. */
  'completeness',
  'signature',
  /** bag-info's Dalel-Signer-Fingerprint is signer.pub's. */
  'signerFingerprint',
  /**
   * Where the bag carries a proof of time (tagmanifest-sha256.txt.tsr): an
   * RFC 3161 response the authority granted, stamping this tag manifest,
   * signed by the time-stamping certificate it carries.
   */
  'timestamp',
  /** Where the bag carries a lawyer's countersignature (tagmanifest-sha256.txt.p7s): a detached CMS signature of this tag manifest that checks against its certificate. */
  'countersignature',
  /** Every payload file reads whole and matches its manifest sha256. */
  'payloadManifest',
  'bundleJson',
  /** Format 2: each record's signed head is its author's, and the record's fields are exactly what it discloses. */
  'signedHeads',
  /**
   * `internal`: every revision's id is the sha256 of its content, its signature its author's, its fields its type's schema (as import
   * checks), and each record shows the fields of the head it names, one of its own revisions.
   */
  'revisions',
  /** Every custody line names a record of the bundle; where the bundle carries the chain (format 1, `internal`), each line's hash is its own and follows the line before it. */
  'custody',
  /** Every attachment bundle.json lists is there, and every attachment's name is its sha256. */
  'attachments',
  /**
   * Whether the signer is in the trusted keys: informational, last, unless
   * the receiver requires a trusted signer (an import without
   * `--allow-untrusted`); then it runs right after `signerFingerprint`.
   */
  'trust',
  /** Whether the proof of time chains to a trust anchor the receiver supplied: informational, last, only when anchors were given. */
  'timestampAnchor',
  /** Whether the countersignature's certificate chains to a trust anchor the receiver supplied: informational, last, only when anchors were given. */
  'countersignatureAnchor',
] as const;
export const CheckId = z.enum(checkIds);
export type CheckId = z.infer<typeof CheckId>;

/** Each failure code with the placeholders its message uses; the report always supplies them (in `file` or `detail`). */
export const failurePlaceholders = {
  fileUnreadable: [],
  cancelled: [],
  /** The check ran out of the memory it may use, or stopped for another reason, in its own thread: the app goes on. */
  verifierStopped: [],
  internalError: [],
  zipDamaged: [],
  encryptedEntry: ['file'],
  unsupportedCompression: ['file'],
  notRegularFile: ['file'],
  tooLarge: [],
  fileTooLarge: ['file'],
  zipBomb: ['file'],
  unsafePath: ['file'],
  duplicateName: ['file'],
  multipleTopFolders: ['file'],
  notADalelBundle: [],
  missingTagFile: ['file'],
  badBagitDeclaration: [],
  bagInfoInvalid: [],
  oxumMismatch: ['declared', 'actual'],
  manifestInvalid: ['file'],
  tagFileNotInTagManifest: ['file'],
  payloadNotInManifest: ['file'],
  manifestFileMissing: ['file'],
  hashMismatch: ['file'],
  signatureMissing: [],
  signatureMalformed: [],
  signerKeyInvalid: [],
  signatureWrongNamespace: ['namespace'],
  signatureWrongKey: ['fingerprint'],
  signatureInvalid: [],
  fingerprintMismatch: ['declared', 'actual'],
  signerNotTrusted: ['fingerprint'],
  bundleJsonInvalid: ['path'],
  /** A key twice in one object: JSON readers disagree on which value counts (JSON.parse keeps the last, others the first). */
  bundleJsonDuplicateKey: [],
  bundleJsonTooComplex: [],
  signedHeadInvalid: ['recordId'],
  /** Format 2 `legal`: `redactions.unsignedHeads` is not the number of records without a signed head. */
  unsignedHeadsMiscounted: ['declared', 'actual'],
  revisionForged: ['recordId'],
  revisionInvalid: ['recordId'],
  /** `internal`: a record's fields, or the head it names, are not those of one of its own revisions. */
  recordNotHead: ['recordId'],
  /** A custody line's hash is not its own, or it does not follow the line before it (format 1, `internal`). */
  custodyChainBroken: ['seq'],
  /** A custody line names no record of the bundle. */
  custodyRecordUnknown: ['seq'],
  attachmentMissing: ['file'],
  attachmentHashMismatch: ['file'],
  /** Format 2 `public`: a photo, video or recording (by its bytes or its media type), or a file of no known kind, that is not a cleaned copy. */
  uncleanedMedia: ['file'],
  /** The proof of time is not an RFC 3161 response this verifier can read. */
  timestampMalformed: ['file'],
  /** The proof of time is the authority's refusal. */
  timestampNotGranted: ['file'],
  /** The proof of time stamps other bytes than this tag manifest. */
  timestampWrongData: ['file'],
  /** The proof of time's signature does not check against the certificate it carries. */
  timestampSignatureInvalid: ['file'],
  /** The proof of time is signed by a certificate that is not a time-stamping authority's. */
  timestampNotAnAuthority: ['file'],
  /** The countersignature is not a detached CMS signature this verifier can read. */
  countersignatureMalformed: ['file'],
  /** The countersignature does not check against this tag manifest and the certificate it carries. */
  countersignatureInvalid: ['file'],
  /** The countersignature is made with an algorithm this verifier cannot check (GOST R 34.10-2015, say): neither valid nor changed, unknown. */
  countersignatureUnsupported: ['file'],
} as const satisfies Record<string, readonly string[]>;

export type FailureReason = keyof typeof failurePlaceholders;
export const failureReasons = Object.keys(failurePlaceholders) as [FailureReason, ...FailureReason[]];
export const FailureReason = z.enum(failureReasons);

/** A key whose signatures the receiver trusts, named as they know its owner. */
export const TrustedKey = z.strictObject({
  name: z.string(),
  /** "SHA256:..." as `ssh-keygen -lf` prints it; what the match is made on. */
  fingerprint: z.string(),
  /** "ssh-ed25519 AAAA..." without a comment. */
  publicKey: z.string(),
  /** From an allowed_signers `namespaces="..."` option: the key is trusted only for these. */
  namespaces: z.array(z.string()).optional(),
});
export type TrustedKey = z.infer<typeof TrustedKey>;

/** What a proof of time that checks says (RFC 3161, docs/spec/bundle-format.md, "Proof of time"). */
export const TimeStampReport = z.strictObject({
  /** When the authority says the tag manifest existed: ISO 8601, UTC. */
  time: z.string(),
  /** The authority's certificate subject, "CN=…, O=…". */
  authority: z.string(),
  /** The token's serial number, hex. */
  serial: z.string(),
  /** The authority's policy OID. */
  policy: z.string(),
  /** How far either side of `time` the authority vouches for it, in seconds (the token's accuracy); absent when the token does not say. */
  accuracy: z.number().nonnegative().optional(),
  /** Chains to a trust anchor the receiver supplied; null when none were supplied. */
  anchored: z.boolean().nullable(),
});
export type TimeStampReport = z.infer<typeof TimeStampReport>;

/** What a lawyer's countersignature that checks says of its signer (docs/spec/bundle-format.md, "A lawyer's countersignature"). */
export const CountersignatureReport = z.strictObject({
  /** The certificate's subject, "CN=…, SERIALNUMBER=IIN…, C=KZ". */
  subject: z.string(),
  /** The person's ИИН from the subject (SERIALNUMBER=IIN…), and the organization's БИН (OU=BIN…); null when none. */
  iin: z.string().nullable(),
  bin: z.string().nullable(),
  issuer: z.string(),
  serial: z.string(),
  /** The signer's claimed signing time (their clock), ISO 8601 UTC; null when not given. */
  signingTime: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  /** The claimed signing time falls within the certificate's validity; null when no time is claimed. */
  validAtSigning: z.boolean().nullable(),
  /** Chains to a trust anchor the receiver supplied; null when none were supplied. */
  anchored: z.boolean().nullable(),
});
export type CountersignatureReport = z.infer<typeof CountersignatureReport>;

export const VerifyReport = z.strictObject({
  valid: z.boolean(),
  /** The fields below come from the bundle itself: they are vouched for only when `valid`. */
  bundleId: z.string().optional(),
  profile: BundleProfile.optional(),
  signer: z
    .strictObject({
      fingerprint: z.string(),
      publicKey: z.string(),
      /** The trusted key's name when the signer's key is in the trusted list, else null (not a failure). */
      trustedAs: z.string().nullable(),
    })
    .optional(),
  bagInfo: z.record(z.string(), z.string()).optional(),
  /**
   * Format 2 `legal`: the keys that signed the records' heads, each with how
   * many records and whether the receiver trusts it. A signed head proves
   * what that key signed; who holds the key, only its fingerprint compared
   * through another channel (or the trusted list) tells. Records not counted
   * here are covered by the bundle's signature alone.
   */
  authors: z.array(z.strictObject({ fingerprint: z.string(), trustedAs: z.string().nullable(), records: z.number() })).optional(),
  /**
   * Payload files and bytes (as Payload-Oxum counts them), records, and
   * distinct attachment files; and, only when there are some, the records
   * marked illustrative (sample records, not evidence).
   */
  counts: z
    .strictObject({ files: z.number(), bytes: z.number(), records: z.number(), attachments: z.number(), illustrative: z.number().optional() })
    .optional(),
  /**
   * The proof of time, when the bag carries one and it checks: when the tag
   * manifest existed, by which authority, and whether that authority chains
   * to an anchor the receiver supplied (null: none supplied).
   */
  timestamp: TimeStampReport.optional(),
  /** A lawyer's countersignature, when the bag carries one and it checks. */
  countersignature: CountersignatureReport.optional(),
  checks: z.array(z.strictObject({ id: CheckId, ok: z.boolean() })),
  failure: z
    .strictObject({
      reason: FailureReason,
      /** The entry or bag file concerned, as named in the ZIP or relative to the bag. */
      file: z.string().optional(),
      detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    })
    .optional(),
});
export type VerifyReport = z.infer<typeof VerifyReport>;
