/**
 * The one API contract (docs/design.md, "One contract, three callers"): for every
 * channel, the zod schema of its request and of its response. The engine's
 * dispatch parses requests with these; the renderer is typed by them. Every
 * request is a strict object: unknown keys are rejected.
 */
import { z } from 'zod';
import { Attachment } from '../model/attachment';
import { CountersignatureReport, TimeStampReport, VerifyReport } from '../bagit/verifyReport';
import { Bundle, BundleProfile, Redactions } from '../model/bundle';
import { Submission } from '../model/submission';
import { CustodyEvent } from '../model/custody';
import { Overview, OverviewRequest } from '../overview/schema';
import { CsvImportResponse } from '../csv/importContract';
import { Fingerprint, ReceivedBundle, SetAsideChange, TrustedSigner } from '../model/exchange';
import { RecordId, RecordType, RevisionId, SavableType, Sha256Hex, SignedRevision } from '../model/revision';
import { effectSorts } from '../lists/effectQuery';
import { sortOrders } from '../lists/incidentQuery';
import { consentFilters, sourceSorts } from '../lists/sourceQuery';
import { citationStances, effectCategories, incidentKinds, incidentLinkKinds, severities, sourceKinds } from '../model/taxonomy';
import type { ChannelName } from './names';
import type { Result } from './result';

export const languages = ['en', 'ru', 'kk'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

const empty = z.strictObject({});

/** The most rows one `records:query` answers. */
export const maxListWindow = 500;

/** A new passphrase. Its strength is shown to the user; the engine insists only on a length. */
export const minPassphraseLength = 8;
export const Passphrase = z.string().min(minPassphraseLength).max(1024);
/** A passphrase being tried: any length, so that a wrong one is "wrong", not "invalid". */
const PassphraseAttempt = z.string().max(1024);

/**
 * Protections for a seized laptop, off by default (issue "Encryption at
 * rest"): quick delete destroys the archive after one confirmation, and an
 * unlock limit does the same after that many wrong passphrases in a row.
 * Stored outside the encryption, so that they work on a locked archive.
 */
/**
 * What an unlock can find changed while the archive was locked: the safety
 * settings, the unlock counter, the custody log's end, or the sealed record
 * of all three (removed or damaged).
 */
export const tamperingKinds = ['safetyChanged', 'unlockCounterRemoved', 'custodyCut', 'vouchedMissing'] as const;
export type Tampering = (typeof tamperingKinds)[number];

export const Safety = z.strictObject({
  quickDelete: z.boolean(),
  unlockAttemptLimit: z.number().int().min(3).max(100).nullable(),
});
export type Safety = z.infer<typeof Safety>;

export const ArchiveProtection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('passphrase'), passphrase: Passphrase }),
  /** The explicit opt-out: the archive is stored unencrypted, and says so everywhere. */
  z.strictObject({ kind: z.literal('none') }),
]);

export const ArchiveStatus = z.discriminatedUnion('open', [
  z.strictObject({
    open: z.literal(false),
    defaultPath: z.string(),
    /** The archive that was locked (or needs a passphrase), so the UI can offer to unlock it. */
    locked: z
      .strictObject({ path: z.string(), safety: Safety, attemptsLeft: z.number().int().nonnegative().nullable() })
      .nullable(),
  }),
  z.strictObject({
    open: z.literal(true),
    path: z.string(),
    archiveId: z.string(),
    name: z.string(),
    organization: z.string(),
    fingerprint: z.string(),
    encrypted: z.boolean(),
    safety: Safety,
    /** Record files that were damaged or altered, found on open; the rest stays usable. */
    problems: z.array(z.strictObject({ file: z.string(), reason: z.enum(['unreadable', 'tampered']) })),
    /** What changed while the archive was locked, found by the unlock that opened it (electron/engine/vouched.ts). */
    tampering: z.array(z.enum(tamperingKinds)),
    /**
     * Sealed by an earlier version (layout 1): a locked folder shows its files'
     * sizes to the byte and how many records it holds, until it is sealed again
     * (`archive:changePassphrase` with `newKey`).
     */
    resealAdvised: z.boolean(),
  }),
]);
export type ArchiveStatus = z.infer<typeof ArchiveStatus>;

/** What `archive:check` finds (electron/engine/repair/inspect.ts); every list empty and `custody` null when clean. */
export const ArchiveCheck = z.strictObject({
  /** Where the custody log's chain breaks: `forked` (two writers), `altered`, or `unreadable`; its intact and damaged lines from there. */
  custody: z.strictObject({ line: z.number().int().positive(), kind: z.enum(['forked', 'altered', 'unreadable']), intact: z.number().int(), damaged: z.number().int() }).nullable(),
  /** Files of the archive that do not read or verify; `missing`: the custody log names a revision no record file holds. */
  records: z.array(z.strictObject({ file: z.string(), reason: z.enum(['unreadable', 'tampered', 'missing']) })),
  evidence: z.array(z.strictObject({ recordId: RecordId, sha256: Sha256Hex, problem: z.enum(['missing', 'damaged']) })),
  /** Temporary files left by writes that were killed. */
  leftovers: z.array(z.string()),
});
export type ArchiveCheck = z.infer<typeof ArchiveCheck>;

/** Whether a check found nothing at all: what the engine, the command and the app each decide on. */
export const archiveIsWhole = (check: ArchiveCheck): boolean => !check.custody && !check.records.length && !check.evidence.length && !check.leftovers.length;

export const RecordSummary = z.strictObject({
  recordId: RecordId,
  type: RecordType,
  headId: RevisionId,
  createdAt: z.string(),
  updatedAt: z.string(),
  revisionCount: z.number().int().positive(),
  retracted: z.boolean(),
  /** The head's fields; null when retracted. */
  data: z.record(z.string(), z.unknown()).nullable(),
  /**
   * More than one head: the record was edited on two sides and merged. Then
   * `headId` and `data` are only the version made last, shown beside the mark,
   * never a winner; `heads` lists every version.
   */
  conflict: z.boolean(),
  /** Every current revision id, sorted; one unless in conflict. */
  heads: z.array(RevisionId).min(1),
});
export type RecordSummary = z.infer<typeof RecordSummary>;

/**
 * One row of a list window (`records:query`): the record's summary, for a
 * retracted record its last live fields (the list shows it marked, with
 * what it said), and for an effect its incident's title.
 */
export const ListRow = z.strictObject({
  summary: RecordSummary,
  lastLive: z.record(z.string(), z.unknown()).nullable().optional(),
  incidentTitle: z.string().nullable().optional(),
});
export type ListRow = z.infer<typeof ListRow>;

const listSearch = z.string().max(2000);
const listDay = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/);
const listArea = z.string().max(1000);
const orNone = <T extends readonly [string, ...string[]]>(codes: T) => z.enum(codes).or(z.literal(''));
const listOrder = z.enum(['asc', 'desc', '']);
/** The window of a list to answer: its first row and how many (bounded, so that an answer stays small). */
const listWindow = { offset: z.number().int().min(0), limit: z.number().int().min(1).max(maxListWindow), language: Language };

export const ListQueryRequest = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('incident'),
    query: z.strictObject({
      search: listSearch,
      kind: orNone(incidentKinds),
      area: listArea,
      from: listDay,
      to: listDay,
      sort: z.enum(sortOrders),
      order: listOrder,
      showRetracted: z.boolean(),
    }),
    ...listWindow,
  }),
  z.strictObject({
    type: z.literal('effect'),
    query: z.strictObject({
      search: listSearch,
      category: orNone(effectCategories),
      area: listArea,
      severity: orNone(severities),
      from: listDay,
      to: listDay,
      sort: z.enum(effectSorts),
      order: listOrder,
    }),
    ...listWindow,
  }),
  z.strictObject({
    type: z.literal('source'),
    query: z.strictObject({ search: listSearch, kind: orNone(sourceKinds), consent: orNone(consentFilters), sort: z.enum(sourceSorts), order: listOrder }),
    ...listWindow,
  }),
]);

export const ListAnswer = z.strictObject({
  /** Records the query matches. */
  total: z.number().int().nonnegative(),
  /** Records the list holds with no search or filter (retracted incidents only when shown). */
  listed: z.number().int().nonnegative(),
  /** Records of this type in the archive at all, retracted included: 0 means a list with nothing yet. */
  held: z.number().int().nonnegative(),
  /** The free-text places the list's records name, sorted for the language (the area filter offers them). */
  places: z.array(z.string()),
  offset: z.number().int().nonnegative(),
  rows: z.array(ListRow),
});
export type ListAnswer = z.infer<typeof ListAnswer>;

export const RecordDetail = z.strictObject({
  summary: RecordSummary,
  /** Every revision, oldest first. */
  history: z.array(SignedRevision),
  /** The record's evidence files, in the order they were added. */
  attachments: z.array(Attachment),
});
export type RecordDetail = z.infer<typeof RecordDetail>;

/**
 * A record that names another (`records:references`): an incident linking to
 * it (`link`, with the link's kind), an effect or intervention about it
 * (`incident`), a record listing a source (`source`) or citing it for one
 * claim (`citation`, with the field and whether it supports or contradicts).
 */
export const Reference = z.strictObject({
  recordId: RecordId,
  type: RecordType,
  /** The naming record's title (an effect's category code). */
  title: z.string(),
  via: z.enum(['link', 'incident', 'source', 'citation']),
  kind: z.enum(incidentLinkKinds).optional(),
  field: z.string().optional(),
  stance: z.enum(citationStances).optional(),
  /** A citation's place in the source: a page, a paragraph, a minute. */
  locator: z.string().optional(),
});
export type Reference = z.infer<typeof Reference>;

/**
 * Whether a record's current version is signed as it claims
 * (`records:signature`, electron/engine/recordSignature.ts): each head
 * revision's id and signature as the engine checked them, the author's key
 * fingerprint, and who that is to this archive.
 */
export const RecordSignature = z.strictObject({
  recordId: RecordId,
  heads: z.array(
    z.strictObject({
      revisionId: RevisionId,
      verified: z.boolean(),
      fingerprint: z.string(),
      signer: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('own') }),
        z.strictObject({ kind: z.literal('trusted'), name: z.string() }),
        z.strictObject({ kind: z.literal('unknown') }),
      ]),
      createdAt: z.string(),
    }),
  ),
});
export type RecordSignature = z.infer<typeof RecordSignature>;

/** A form's draft is kept under the form's screen, and the record it is about (`edit:<recordId>`, `new`). */
export const DraftKey = z.string().regex(/^[a-zA-Z]{1,40}(:[0-9a-fA-F-]{36})?$/);
/** The most a draft may hold, as JSON: a long testimony is far less. */
export const maxDraftLength = 1024 * 1024;
const DraftData = z.json().refine((data) => JSON.stringify(data).length <= maxDraftLength, { message: 'draft too large' });

/** App-wide preferences of the person at this computer. */
export const Settings = z.strictObject({
  language: Language.nullable(),
  /** Lock the archive after this many idle minutes; 0 never. */
  lockAfterMinutes: z.number().int().min(0).max(24 * 60),
  /** A lock screen that names neither the app nor its purpose nor the folder (renderer/src/security/UnlockScreen.tsx). */
  neutralLock: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response });

export const contract = {
  'app:info': channel(
    empty,
    z.strictObject({ version: z.string(), osLocale: z.string(), networkAllowed: z.literal(false) }),
  ),
  'settings:get': channel(empty, Settings),
  'settings:set': channel(Settings.partial(), Settings),
  'archive:status': channel(empty, ArchiveStatus),
  'archive:create': channel(
    z.strictObject({
      path: z.string().min(1).max(4096).optional(),
      name: z.string().trim().min(1).max(200),
      organization: z.string().trim().max(200).default(''),
      protection: ArchiveProtection,
    }),
    ArchiveStatus,
  ),
  /** Opens (unlocks) an archive; an encrypted one needs its passphrase. */
  'archive:open': channel(
    z.strictObject({ path: z.string().min(1).max(4096).optional(), passphrase: PassphraseAttempt.optional() }),
    ArchiveStatus,
  ),
  /** Drops the keys from memory; the UI clears itself. */
  'archive:lock': channel(empty, ArchiveStatus),
  /**
   * Changes the passphrase; with `newKey`, also the data key: every file is
   * sealed again (docs/design.md, "Key rotation"), crash-safe, and the archive
   * reopens under the new passphrase.
   */
  'archive:changePassphrase': channel(z.strictObject({ current: PassphraseAttempt, next: Passphrase, newKey: z.boolean().optional() }), empty),
  /** Encrypts the open, unencrypted archive in place; interrupted, it stays whole. */
  'archive:encrypt': channel(z.strictObject({ passphrase: Passphrase }), ArchiveStatus),
  'archive:setSafety': channel(Safety, ArchiveStatus),
  /** Quick delete: destroys the open or locked archive's keys and data, if the archive allows it. */
  'archive:destroy': channel(z.strictObject({ confirm: z.literal(true) }), ArchiveStatus),
  'archive:choose': channel(
    z.strictObject({ purpose: z.enum(['open', 'create']) }),
    z.strictObject({ path: z.string().nullable() }),
  ),
  'archive:stateHash': channel(empty, z.strictObject({ stateHash: z.string().regex(/^[0-9a-f]{64}$/) })),
  /**
   * Checks an archive folder whole, writing nothing: every record file and
   * signature, the custody log line by line, every evidence file's hash,
   * leftovers. Works where opening would refuse (a broken custody log).
   */
  'archive:check': channel(z.strictObject({ path: z.string().min(1).max(4096), passphrase: PassphraseAttempt.optional() }), ArchiveCheck),
  /**
   * Repairs what a check finds (electron/engine/repair/repair.ts): keeps what
   * verifies, sets aside what does not inside the archive, never deletes
   * it, and appends a custody line naming its signed report. `report` is
   * null when there was nothing to repair; `after` is the check once done.
   */
  'archive:repair': channel(
    z.strictObject({ path: z.string().min(1).max(4096), passphrase: PassphraseAttempt.optional() }),
    z.strictObject({
      found: ArchiveCheck,
      report: z.strictObject({ setAside: z.string(), notRepaired: z.array(z.string()) }).nullable(),
      after: ArchiveCheck,
    }),
  ),
  'records:list': channel(
    z.strictObject({ type: RecordType }),
    z.strictObject({ records: z.array(RecordSummary) }),
  ),
  /**
   * The overview's numbers, computed in the engine over every incident and
   * effect (retracted ones left out; one in conflict counted by the version
   * made last, as lists show it), every list capped so the answer stays small;
   * optionally limited to the days `from`..`to` (inclusive, as written).
   */
  'records:overview': channel(OverviewRequest, Overview),
  /**
   * One window of a list (incidents, effects, sources), searched, filtered
   * and sorted in the engine over an index it keeps, so the UI receives only
   * the rows in view however large the archive (docs/spec/performance.md P8).
   */
  'records:query': channel(ListQueryRequest, ListAnswer),
  'records:get': channel(z.strictObject({ recordId: RecordId }), RecordDetail),
  /** The live records that name this one: links, effects and interventions about it, records citing it (electron/engine/references.ts). */
  'records:references': channel(z.strictObject({ recordId: RecordId }), z.strictObject({ references: z.array(Reference) })),
  /** Each head revision's id and signature checked by the engine, with who signed it (electron/engine/recordSignature.ts). */
  'records:signature': channel(z.strictObject({ recordId: RecordId }), RecordSignature),
  'records:save': channel(
    z.strictObject({
      type: SavableType,
      /** Absent for a new record. */
      recordId: RecordId.optional(),
      /** The head the edit started from; required with recordId. */
      parent: RevisionId.optional(),
      data: z.unknown(),
    }),
    z.strictObject({ recordId: RecordId, revisionId: RevisionId }),
  ),
  'records:retract': channel(
    z.strictObject({ recordId: RecordId, parent: RevisionId, reason: z.string().trim().max(2000).default('') }),
    z.strictObject({ recordId: RecordId, revisionId: RevisionId }),
  ),
  /** Streams files from disk into the blob store and lists them on a record. */
  'attachments:add': channel(
    z.strictObject({
      recordId: RecordId,
      paths: z.array(z.string().min(1).max(4096)).min(1).max(1000),
      description: z.string().max(20_000).optional(),
      sensitive: z.boolean().optional(),
    }),
    z.strictObject({ attachments: z.array(Attachment) }),
  ),
  /**
   * The chain of custody of one record, oldest first, as the log holds it
   * (already verified on open); without `recordId`, every line of the
   * archive's log (`dalel custody`).
   */
  'custody:list': channel(z.strictObject({ recordId: RecordId.optional() }), z.strictObject({ events: z.array(CustodyEvent) })),
  /**
   * Writes an RFC 3161 time-stamp request for the custody log's last line to
   * `out`, a new file: proof, once an authority answers, that everything
   * recorded up to that line was recorded by then. Sends nothing.
   */
  'custody:anchorRequest': channel(z.strictObject({ out: z.string().min(1).max(4096) }), z.strictObject({ seq: z.number().int(), out: z.string() })),
  /** Keeps an authority's answer (base64 of its .tsr) to such a request, checked against the log first. */
  'custody:addAnchor': channel(
    z.strictObject({ response: z.base64().max(200_000) }),
    z.strictObject({ seq: z.number().int(), hash: Sha256Hex, timestamp: TimeStampReport }),
  ),
  /** The custody log's proofs of time, each checked again now (against `timestampAnchors`, base64 of a PEM or DER file, when given). */
  'custody:anchors': channel(
    z.strictObject({ timestampAnchors: z.base64().max(1_400_000).optional() }),
    z.strictObject({
      anchors: z.array(
        z.strictObject({
          seq: z.number().int(),
          hash: Sha256Hex,
          timestamp: TimeStampReport.optional(),
          /** Why a proof does not hold: the log's line is not the one stamped, or the token's problem. */
          problem: z.enum(['lineChanged', 'malformed', 'notGranted', 'wrongData', 'signatureInvalid', 'notAnAuthority']).optional(),
        }),
      ),
    }),
  ),
  'key:show': channel(empty, z.strictObject({ publicKey: z.string(), fingerprint: z.string() })),
  /**
   * Writes a signed bundle of the open archive to a new file `out`
   * (docs/spec/bundle-format.md); progress goes to the engine's onProgress.
   * The folder of `out` must exist (`exportFolderMissing` otherwise): none is made.
   */
  'bundle:export': channel(
    z.strictObject({
      out: z.string().min(1).max(4096),
      /** Always chosen: no profile is assumed, since `internal` carries every name and statement. */
      profile: BundleProfile,
      language: Language,
      /** Record ids; every record when absent. An incident brings its effects and sources. */
      only: z.array(RecordId).min(1).max(1_000_000).optional(),
      /** `legal` only: the signer's name as the person chooses it for lawyers; the archive's name when absent. */
      signerName: z.string().trim().max(300).optional(),
      /**
       * `legal` only (else `submissionNotLegal`): the submitter, the collector's
       * declaration, the methodology and domestic remedies, for bundle.json and
       * the report. Its defaults (an empty contact or methodology part) are
       * filled here; the engine parses it again, whoever calls.
       */
      submission: Submission.optional(),
      /**
       * The archive has damaged or altered record files (`problems`): without
       * this the export is refused (`damagedNotLeftOut`); with it, their records
       * are left out and the bundle and its report say how many files.
       */
      leaveOutDamaged: z.boolean().optional(),
    }),
    z.strictObject({
      bundleId: z.string(),
      path: z.string(),
      files: z.number().int(),
      bytes: z.number().int(),
      pdf: z.boolean(),
      /** The profile written and what it left out, for the person to be told. */
      profile: BundleProfile,
      withheld: Redactions,
      /** The signing key's fingerprint: the archive's, or for a `public` bundle its own publication key's. */
      fingerprint: z.string(),
      /** The sha256 of the whole ZIP file (what `sha256sum` prints for it), to name the file in a covering letter. */
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  /**
   * Whether these stored photos and videos record where they were made in
   * their own metadata (`present`), do not (`absent`), or could not be read
   * to tell (`unchecked`): the export preview warns before a legal bundle
   * carries the originals. Reads the files; opens nothing else.
   */
  'bundle:locations': channel(
    z.strictObject({ files: z.array(z.strictObject({ sha256: Sha256Hex, mediaType: z.string().max(200) })).max(10_000) }),
    z.strictObject({ files: z.array(z.strictObject({ sha256: Sha256Hex, location: z.enum(['present', 'absent', 'unchecked']) })) }),
  ),
  /** A native "save as" dialog for a new bundle, starting at `suggested`; null when cancelled. */
  'bundle:chooseOut': channel(
    z.strictObject({ suggested: z.string().min(1).max(4096) }),
    z.strictObject({ path: z.string().nullable() }),
  ),
  /**
   * Checks a bundle file (docs/spec/bundle-format.md) without writing anything;
   * `trusted` is an allowed_signers file's text or public key lines.
   */
  'bundle:verify': channel(
    z.strictObject({
      path: z.string().min(1).max(4096),
      trusted: z.string().max(1_000_000).optional(),
      /** Base64 of a PEM or DER file of trust anchors for the bundle's proof of time (the report's `timestamp.anchored`). */
      timestampAnchors: z.base64().max(1_400_000).optional(),
      /** Likewise for a lawyer's countersignature (`countersignature.anchored`). */
      countersignatureAnchors: z.base64().max(1_400_000).optional(),
    }),
    VerifyReport,
  ),
  /**
   * Countersigns a valid bundle file in place: a detached CMS signature of
   * its tag manifest by the certificate in `pkcs12` (base64 of a .p12/.pfx
   * file), opened with `password` in memory only. No other byte of the bag
   * changes; the file is replaced only whole.
   */
  'bundle:countersign': channel(
    z.strictObject({ path: z.string().min(1).max(4096), pkcs12: z.base64().max(200_000), password: z.string().max(1024) }),
    z.strictObject({ bundleId: z.string(), sha256: Sha256Hex, countersignature: CountersignatureReport }),
  ),
  /**
   * Countersigns a valid bundle file in place through NCALayer on this
   * computer: the one connection the app makes for it, to NCALayer's own
   * WebSocket on 127.0.0.1, only when the person asks. NCALayer's window asks
   * for the key and its password, in `language`; the signature it gives is
   * checked as `bundle:addCountersignature` checks one.
   */
  'bundle:countersignWithNcaLayer': channel(
    z.strictObject({ path: z.string().min(1).max(4096), language: Language }),
    z.strictObject({ bundleId: z.string(), sha256: Sha256Hex, countersignature: CountersignatureReport }),
  ),
  /**
   * Adds a lawyer's countersignature made elsewhere (with an NCALayer-based
   * tool, a token): `signature` is the base64 of their .p7s file's bytes
   * (DER, PEM or base64 text). Checked as a detached CMS signature of the
   * bundle's tag manifest before the bundle is touched; kept in DER as
   * `bundle:countersign` keeps its own. No other byte of the bag changes.
   */
  'bundle:addCountersignature': channel(
    z.strictObject({ path: z.string().min(1).max(4096), signature: z.base64().max(200_000) }),
    z.strictObject({ bundleId: z.string(), sha256: Sha256Hex, countersignature: CountersignatureReport }),
  ),
  /**
   * Writes a valid bundle's tag manifest (`tagmanifest-sha256.txt`, the file
   * a lawyer signs elsewhere) to `out`, a new file (in the app, one the
   * person chose in the native save dialog). The bundle is only read.
   */
  'bundle:extractTagManifest': channel(
    z.strictObject({ path: z.string().min(1).max(4096), out: z.string().min(1).max(4096) }),
    z.strictObject({ bundleId: z.string(), out: z.string() }),
  ),
  /**
   * Writes an RFC 3161 time-stamp request for a valid bundle's tag manifest
   * to `out`, a new file (in the app, one the person chose in the native
   * save dialog). Only the manifest's SHA-256 and a random nonce are in it;
   * nothing is sent anywhere: the person takes it to an authority.
   */
  'bundle:timeStampRequest': channel(
    z.strictObject({ path: z.string().min(1).max(4096), out: z.string().min(1).max(4096) }),
    z.strictObject({ bundleId: z.string(), out: z.string() }),
  ),
  /**
   * Adds an authority's RFC 3161 response (the base64 of its .tsr file) to
   * the bundle file, in place: checked against the bundle's tag manifest
   * first, no other byte of the bag changed, the file replaced only whole.
   */
  'bundle:addTimeStamp': channel(
    z.strictObject({ path: z.string().min(1).max(4096), response: z.base64().max(200_000) }),
    z.strictObject({ bundleId: z.string(), sha256: Sha256Hex, timestamp: TimeStampReport }),
  ),
  /**
   * Verifies a bundle file, then merges it into the records (`internal`) or
   * keeps it whole as received evidence (`legal`, `public`); all or nothing.
   * A bundle that does not verify writes nothing: `imported` is null and the
   * report says why.
   */
  'bundle:import': channel(
    z.strictObject({
      path: z.string().min(1).max(4096),
      /** Without it, a bundle whose signer the archive does not trust is refused (report failure `signerNotTrusted`). */
      allowUntrusted: z.boolean().optional(),
    }),
    z.strictObject({
      report: VerifyReport,
      imported: z
        .strictObject({
          kind: z.enum(['merged', 'received']),
          bundleId: z.string(),
          revisionsAdded: z.number().int().nonnegative(),
          attachmentsAdded: z.number().int().nonnegative(),
          /** Changes to the archive's records by keys it does not trust: kept with the bundle, not merged. */
          setAside: z.array(SetAsideChange),
        })
        .nullable(),
    }),
  ),
  /** Redacted bundles kept as received evidence, oldest first. */
  'bundle:received': channel(empty, z.strictObject({ bundles: z.array(ReceivedBundle) })),
  /**
   * Reads a spreadsheet (STOP's export, or the organization's own through
   * `mapping`) and adds its rows as incidents and sources, all or nothing;
   * `dryRun` only says what it would add. A file refused whole is an error
   * (`csvTooLarge`, ...); a row's problems are in `problems`, and then
   * nothing was written.
   */
  'csv:import': channel(
    z.strictObject({
      path: z.string().min(1).max(4096),
      /** A CsvMapping: checked by the engine, so that a wrong one is told as `csvMappingInvalid`, not as a bad request. */
      mapping: z.unknown().optional(),
      dryRun: z.boolean(),
      language: Language,
    }),
    CsvImportResponse,
  ),
  /**
   * Checks a received bundle again where it is kept, against today's trusted
   * signers; `bundle` (its bundle.json) only when still valid, to read it.
   */
  'bundle:recheck': channel(z.strictObject({ sha256: Sha256Hex }), z.strictObject({ report: VerifyReport, bundle: Bundle.nullable() })),
  /**
   * Merges another archive folder into the open one, all or nothing, after
   * checking every revision and evidence file; the other is only read.
   */
  'archive:merge': channel(
    z.strictObject({ path: z.string().min(1).max(4096), passphrase: PassphraseAttempt.optional() }),
    z.strictObject({
      archiveId: z.string(),
      revisionsAdded: z.number().int().nonnegative(),
      attachmentsAdded: z.number().int().nonnegative(),
      /** Changes to this archive's records by keys it does not trust: left in the other archive, not merged. */
      setAside: z.array(SetAsideChange),
    }),
  ),
  /** The signers this archive's owner trusts. */
  'trust:list': channel(empty, z.strictObject({ signers: z.array(TrustedSigner) })),
  /** Trusts a signer: an OpenSSH public key line (a comment after the key is ignored) and a name to show. */
  'trust:add': channel(
    z.strictObject({ publicKey: z.string().min(1).max(10_000), name: z.string().trim().min(1).max(200) }),
    TrustedSigner,
  ),
  /** Takes a signer off the trusted list; `removed` is false when it was not on it. */
  'trust:remove': channel(z.strictObject({ fingerprint: Fingerprint }), z.strictObject({ removed: z.boolean() })),
  /** Records whose history ends in more than one version, until a person resolves them. */
  'records:conflicts': channel(empty, z.strictObject({ records: z.array(RecordSummary) })),
  /**
   * Resolves a conflict with a new revision whose parents are `heads` (every
   * version the person saw) and whose fields they chose; with `retraction`
   * (keeping a version that retracted the record) a tombstone instead, and
   * `data` is ignored.
   */
  'records:resolve': channel(
    z.strictObject({
      recordId: RecordId,
      heads: z.array(RevisionId).min(2).max(64),
      data: z.unknown(),
      retraction: z.strictObject({ reason: z.string().trim().max(2000) }).optional(),
    }),
    z.strictObject({ recordId: RecordId, revisionId: RevisionId }),
  ),
  /** The long task running now, for a progress bar; polled. An attach counts bytes (both passes over each file). */
  'tasks:progress': channel(
    empty,
    z.strictObject({
      task: z.enum(['export', 'verify', 'import', 'merge', 'attach']).nullable(),
      done: z.number().nonnegative(),
      total: z.number().nonnegative(),
      /** When it started (ms since the epoch), for the time remaining. */
      startedAt: z.number().nullable(),
    }),
  ),
  /** Cancels the long task running now; what it wrote is removed. */
  'tasks:cancel': channel(empty, z.strictObject({ cancelled: z.boolean() })),
  /** A form's unsaved draft (electron/engine/drafts.ts); `recordId`: the record the form edits, to say whether it changed since. */
  'drafts:get': channel(
    z.strictObject({ key: DraftKey, recordId: RecordId.optional() }),
    z.strictObject({ draft: z.strictObject({ data: z.json(), savedAt: z.string(), recordChanged: z.boolean() }).nullable() }),
  ),
  /** Keeps a form's draft, replacing the one it had; never a record, never in a bundle. */
  'drafts:put': channel(z.strictObject({ key: DraftKey, data: DraftData, recordId: RecordId.optional() }), z.strictObject({ savedAt: z.string() })),
  /** Removes a form's draft (saved, or discarded by the person). */
  'drafts:delete': channel(z.strictObject({ key: DraftKey }), z.strictObject({ deleted: z.boolean() })),
} satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C, D extends string> = C extends `${D}:${infer V}` ? V : never;

/** `window.dalel`: one namespace per domain, one method per channel. */
export type DalelApi = {
  [D in DomainOf<ChannelName>]: {
    [V in VerbOf<ChannelName, D>]: (
      request: RequestOf<`${D}:${V}` & ChannelName>,
    ) => Promise<Result<ResponseOf<`${D}:${V}` & ChannelName>>>;
  };
};
