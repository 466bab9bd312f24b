/**
 * `data/bundle.json`, the machine-readable content of an evidence bundle
 * (docs/spec/bundle-format.md, "bundle.json"). The exporter writes it, the
 * verifier checks it against this schema, the report is drawn from it, and
 * an import reads the revisions of an `internal` bundle from it.
 */
import { z } from 'zod';
import { Attachment } from './attachment';
import { Sha256Hex } from './ids';
import { MetadataKind } from './media';
import { CustodyEvent } from './custody';
import { SignedHead } from './disclosure';
import { RecordId, RecordType, RevisionId, SignedRevision } from './revision';
import { Submission } from './submission';
import { confidentialFreeText } from './exportPolicy';

/**
 * The format bundles are written in. Format 2 (selective disclosure): a
 * `legal` record carries its author's signed head and only the values the
 * profile discloses; no `legal` or `public` bundle carries a hash over
 * anything withheld. Format 1 bundles still verify.
 */
export const bundleFormat = 2;
export const bundleFormats = [1, 2] as const;

export const bundleProfiles = ['internal', 'legal', 'public'] as const;
export const BundleProfile = z.enum(bundleProfiles);
export type BundleProfile = z.infer<typeof BundleProfile>;

export const bundleLanguages = ['en', 'ru', 'kk'] as const;

/** "dalel-20220105-1a2b3c4d": the export's date and 8 random hex digits; also the bag's folder name. */
export const BundleId = z.string().regex(/^dalel-\d{8}-[0-9a-f]{8}$/, { message: 'invalidBundleId' });

/**
 * An evidence file in the bundle, at `data/<path>`. In a format 2 `public`
 * bundle a photo or video is a cleaned copy: `sha256` and `size` are the
 * copy's, and `cleaned` says what was removed and commits to the original
 * (whose sha256 itself never leaves: with the copy in hand, anyone could
 * test a guess about what was removed, say an author's name in a PNG's text).
 */
export const BundleAttachment = Attachment.extend({
  /** "attachments/<sha256>.<ext>", relative to data/. */
  path: z.string().regex(/^attachments\/[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/, { message: 'invalidAttachmentPath' }),
  cleaned: z
    .strictObject({
      /** The kinds of metadata the original carried and the copy does not. */
      removed: z.array(MetadataKind),
      /**
       * sha256 of JCS(["dalel original v1", salt, original sha256]), the salt
       * kept back in the archive (derived from its key and the bundle id), so
       * the archive can show later, by choice, which original this copy is of.
       */
      original: Sha256Hex,
    })
    .optional(),
  /** Format 2 `legal`: the original's own metadata records where it was made (`present`), or could not be read to tell (`unchecked`). */
  metadataLocation: z.enum(['present', 'unchecked']).optional(),
});
export type BundleAttachment = z.infer<typeof BundleAttachment>;

/**
 * One exported record. `internal`: every revision, each signed by its
 * author, so that an import loses nothing. `legal`: the current revision's
 * fields after redaction, and (format 2, when the head is a format 2
 * revision) the head as its author signed it with the disclosed values, so
 * the fields can be checked against the author's signature. `public`: the
 * fields after redaction only, covered by the bundle's signature; an
 * author's key would name the defender.
 */
export const BundleRecord = z.strictObject({
  recordId: RecordId,
  type: RecordType,
  /** The current revision's id: always in format 1; in format 2 only where it cannot confirm a guess (internal, and a signed head). */
  headId: RevisionId.optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  retracted: z.boolean(),
  revisions: z.array(SignedRevision).optional(),
  signedHead: SignedHead.optional(),
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
  /** Format 2, `public`: photos and videos carried as cleaned copies, their metadata removed. */
  attachmentsCleaned: z.number().int().nonnegative().optional(),
  /** Format 2: custody lines of the exported records left out, since they would reveal something withheld. */
  custodyWithheld: z.number().int().nonnegative().optional(),
  /** Format 2, `legal`: records whose head predates format 2, so only the bundle's signature covers their fields. */
  unsignedHeads: z.number().int().nonnegative().optional(),
  /**
   * Record files of the archive that were damaged or altered when it was
   * exported, and whose records are therefore not in the bundle (issue 17:
   * an export says what it could not carry, never silently). A count only:
   * their ids would link a public bundle to the archive.
   */
  damagedLeftOut: z.number().int().nonnegative().optional(),
});
export type Redactions = z.infer<typeof Redactions>;

/** What a profile can leave out, in the order the report, the command and the app list it. */
export const redactionKinds = Object.keys(Redactions.shape) as (keyof Redactions)[];

/**
 * A custody line as a bundle carries it. Format 1 and `internal` carry the
 * chain (`prev`, `hash`); format 2 `legal` and `public` do not, since a line
 * left out would still be confirmed through the hash of the next.
 */
export const BundleCustodyEvent = CustodyEvent.extend({
  /** A key's fingerprint; in a format 2 `public` bundle, "key-N": a name for the key in this bundle alone. */
  actor: z.union([CustodyEvent.shape.actor, z.string().regex(/^key-[1-9][0-9]{0,3}$/)]),
  prev: CustodyEvent.shape.prev.optional(),
  hash: CustodyEvent.shape.hash.optional(),
});
export type BundleCustodyEvent = z.infer<typeof BundleCustodyEvent>;

const BundleFields = z.strictObject({
  format: z.union([z.literal(1), z.literal(2)]),
  profile: BundleProfile,
  bundleId: BundleId,
  /** Always in format 1; in format 2 in every bundle but a `public` one, where it would tie the bundle to the archive (bag-info's Dalel-Archive-Id, repeated). */
  archiveId: z.string().uuid().optional(),
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
  custody: z.array(BundleCustodyEvent),
  redactions: Redactions,
  /** Format 2 `legal` alone: who submits the bundle, the collector's declaration, the methodology (./submission.ts). */
  submission: Submission.optional(),
});
type BundleFields = z.infer<typeof BundleFields>;

type Problem = [path: (string | number)[], message: string] | null;

/** The rules across fields (docs/spec/bundle-format.md), the first one broken. */
function bundleProblem(bundle: BundleFields): Problem {
  const ids = new Set(bundle.records.map((record) => record.recordId));
  if (ids.size !== bundle.records.length) return [['records'], 'duplicateRecord'];
  for (const [index, attachment] of bundle.attachments.entries()) {
    if (!ids.has(attachment.recordId)) return [['attachments', index, 'recordId'], 'unknownRecord'];
    if (!attachment.path.startsWith(`attachments/${attachment.sha256}`)) return [['attachments', index, 'path'], 'invalidAttachmentPath'];
    if (attachment.cleaned && (bundle.format !== 2 || bundle.profile !== 'public')) return [['attachments', index, 'cleaned'], 'cleanedNotAllowed'];
    if (attachment.metadataLocation && (bundle.format !== 2 || bundle.profile !== 'legal')) return [['attachments', index, 'metadataLocation'], 'metadataLocationNotAllowed'];
  }
  if (bundle.submission && (bundle.format !== 2 || bundle.profile !== 'legal')) return [['submission'], 'submissionNotAllowed'];
  const internal = bundle.profile === 'internal';
  const chained = bundle.format === 1 || internal;
  if (bundle.format === 1 && bundle.archiveId === undefined) return [['archiveId'], 'archiveIdRequired'];
  for (const [index, record] of bundle.records.entries()) {
    if (internal !== (record.revisions !== undefined)) return [['records', index, 'revisions'], internal ? 'revisionsRequired' : 'revisionsNotAllowed'];
    if (record.signedHead && (bundle.format !== 2 || bundle.profile !== 'legal')) return [['records', index, 'signedHead'], 'signedHeadNotAllowed'];
    const headId = bundle.format === 1 || internal ? 'required' : record.signedHead ? 'signedHead' : 'absent';
    if (headId === 'required' && record.headId === undefined) return [['records', index, 'headId'], 'headIdRequired'];
    if (headId === 'signedHead' && record.headId !== record.signedHead!.id) return [['records', index, 'headId'], 'headIdNotSignedHead'];
    if (headId === 'absent' && record.headId !== undefined) return [['records', index, 'headId'], 'headIdNotAllowed'];
    // The report and the CSVs mark a record retracted by its fields, null; the flag must say the same.
    if (record.retracted !== (record.data === null)) return [['records', index, 'retracted'], 'retractedNotData'];
  }
  const outsiders = bundle.profile === 'public' && bundle.format === 2;
  for (const [index, event] of bundle.custody.entries()) {
    if (chained !== (event.prev !== undefined && event.hash !== undefined)) return [['custody', index], chained ? 'chainRequired' : 'chainNotAllowed'];
    if (outsiders && event.revisionId !== undefined) return [['custody', index, 'revisionId'], 'revisionIdNotAllowed'];
    if (outsiders !== event.actor.startsWith('key-')) return [['custody', index, 'actor'], outsiders ? 'fingerprintNotAllowed' : 'fingerprintRequired'];
    // SECURITY: a note names other archives, bundles and the people who signed them.
    if (bundle.format === 2 && !internal && event.note !== undefined) return [['custody', index, 'note'], 'noteNotAllowed'];
    // Oldest first: the report counts the lines of the log between two lines by their numbers.
    if (index > 0 && event.seq <= bundle.custody[index - 1]!.seq) return [['custody', index, 'seq'], 'custodyNotInOrder'];
  }
  if (bundle.format === 1) return null;
  return redactionsProblem(bundle) ?? (internal ? null : withheldProblem(bundle)) ?? (outsiders ? publicProblem(bundle) : null);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** The records whose person the bundle names by a pseudonym. */
const unnamed = (bundle: BundleFields) => bundle.records.filter((record) => isObject(record.data?.person) && 'pseudonym' in record.data.person);

/**
 * SECURITY: format 2 `legal` and `public`: no file of a person the bundle
 * names by a pseudonym (a voice or a face names a person as surely as a
 * name), and no custody line naming a file the bundle does not carry as it
 * is, for its record: anyone holding a withheld file could confirm it is
 * the one withheld.
 */
function withheldProblem(bundle: BundleFields): Problem {
  const people = new Set(unnamed(bundle).map((record) => record.recordId));
  const carried = new Set<string>();
  for (const [index, attachment] of bundle.attachments.entries()) {
    if (people.has(attachment.recordId)) return [['attachments', index, 'recordId'], 'fileOfUnnamedPerson'];
    if (!attachment.cleaned) carried.add(`${attachment.recordId} ${attachment.sha256}`);
  }
  for (const [index, event] of bundle.custody.entries()) {
    if ((event.hashes ?? []).some((hash) => !carried.has(`${event.recordId} ${hash}`))) return [['custody', index, 'hashes'], 'fileNotCarried'];
  }
  return null;
}

/**
 * Format 2: the counts each profile carries: `custodyWithheld` in `legal`
 * and `public`, `unsignedHeads` in `legal`, always; `attachmentsCleaned` in
 * `public` alone; `damagedLeftOut` in any, when an export left records out.
 * (Format 1 carried the first four only.) The counts of what the bundle
 * itself shows must be true: people named by a pseudonym, records whose
 * confidential text a public bundle left out, cleaned copies. The others
 * count what is not in it and cannot be checked.
 */
function redactionsProblem(bundle: BundleFields): Problem {
  const { profile, redactions } = bundle;
  const rules: [keyof Redactions, 'required' | 'allowed' | 'absent'][] = [
    ['attachmentsCleaned', profile === 'public' ? 'allowed' : 'absent'],
    ['custodyWithheld', profile !== 'internal' ? 'required' : 'absent'],
    ['unsignedHeads', profile === 'legal' ? 'required' : 'absent'],
    ['damagedLeftOut', 'allowed'],
  ];
  for (const [field, rule] of rules) {
    const present = redactions[field] !== undefined;
    if (rule === 'required' && !present) return [['redactions', field], 'redactionRequired'];
    if (rule === 'absent' && present) return [['redactions', field], 'redactionNotAllowed'];
  }
  const confidential = profile === 'public' ? bundle.records.filter((record) => record.data?.confidential === true).length : 0;
  const counts: [keyof Redactions, number | undefined, number][] = [
    ['pseudonymized', redactions.pseudonymized, unnamed(bundle).length],
    ['confidentialTextWithheld', redactions.confidentialTextWithheld, confidential],
    ['attachmentsCleaned', redactions.attachmentsCleaned, bundle.attachments.filter((attachment) => attachment.cleaned).length],
  ];
  for (const [field, declared, actual] of counts) if (declared !== undefined && declared !== actual) return [['redactions', field], 'redactionMiscounted'];
  return null;
}

/** A moment given to the day alone, as a public bundle gives every time of its own: midnight UTC. */
const dayOnly = /T00:00(:00(\.0+)?)?Z$/;
const publicKeyName = /^key-[1-9][0-9]{0,3}$/;
/** A person in a public bundle: a pseudonym of this bundle and a role, nothing that identifies them. */
const publicPerson = new Set(['pseudonym', 'role']);

/** The index of the first translation that names its translator, or null: a public bundle names none. */
function namedTranslator(translations: unknown): number | null {
  if (!Array.isArray(translations)) return null;
  const index = translations.findIndex((translation: unknown) => isObject(translation) && translation.translator !== undefined && translation.translator !== '');
  return index < 0 ? null : index;
}

/**
 * SECURITY: format 2 `public` (docs/spec/bundle-format.md, "Profiles and
 * redaction"): no signer's name or organization, every time to the day, no
 * consent answers or collecting key, a person only as a pseudonym and a
 * role, no translator named, no free text of a confidential record (a
 * source's translations are free text of it), no file marked sensitive or
 * of a sensitive source, a file named by its hash with no photo metadata,
 * keys named `key-N`, custody lines numbered from 0.
 * Whether a photo or video is a cleaned copy is judged with its bytes
 * (electron/engine/bundle/bagChecks.ts).
 */
function publicProblem(bundle: BundleFields): Problem {
  if (bundle.signer.name !== '' || bundle.signer.organization !== '') return [['signer'], 'signerNotAllowed'];
  if (!dayOnly.test(bundle.createdAt)) return [['createdAt'], 'timeNotToTheDay'];
  const confidential = new Set<string>();
  const sensitive = new Set(bundle.records.filter((record) => record.data?.sensitive === true).map((record) => record.recordId));
  for (const [index, record] of bundle.records.entries()) {
    for (const field of ['createdAt', 'updatedAt'] as const) if (!dayOnly.test(record[field])) return [['records', index, field], 'timeNotToTheDay'];
    const data = record.data ?? {};
    for (const field of ['consent', 'collectedBy']) if (field in data) return [['records', index, 'data', field], 'identifyingFieldNotAllowed'];
    if ('person' in data) {
      const person = data.person;
      if (typeof person !== 'object' || person === null || Array.isArray(person) || !('pseudonym' in person)) return [['records', index, 'data', 'person'], 'identifyingFieldNotAllowed'];
      const field = Object.keys(person).find((key) => !publicPerson.has(key));
      if (field !== undefined) return [['records', index, 'data', 'person', field], 'identifyingFieldNotAllowed'];
    }
    // SECURITY: a translator's name in a publication can put them, or whoever asked them, at risk.
    const translator = namedTranslator(data.translations);
    if (translator !== null) return [['records', index, 'data', 'translations', translator, 'translator'], 'identifyingFieldNotAllowed'];
    // An organization's own row id ("dalel:<record id>" when another archive wrote it) would link the publication.
    if ('externalId' in data) return [['records', index, 'data', 'externalId'], 'identifyingFieldNotAllowed'];
    // SECURITY: a provision the collector named does not name the collector, the defender.
    const collector = Array.isArray(data.legalCitations) ? data.legalCitations.findIndex((entry: unknown) => isObject(entry) && entry.citedBy === 'collector' && entry.citedByName !== '') : -1;
    if (collector >= 0) return [['records', index, 'data', 'legalCitations', collector, 'citedByName'], 'identifyingFieldNotAllowed'];
    if (data.confidential === true) {
      confidential.add(record.recordId);
      const field = confidentialFreeText[record.type].find((key) => key in data);
      if (field !== undefined) return [['records', index, 'data', field], 'confidentialTextNotAllowed'];
      // Nor a citation of a field it leaves out, nor where in a source (free text).
      const withheld = new Set(confidentialFreeText[record.type]);
      const cited = Array.isArray(data.citations)
        ? data.citations.findIndex((entry: unknown) => !isObject(entry) || withheld.has(String(entry.field).split('/')[0]!) || (entry.locator !== undefined && entry.locator !== ''))
        : -1;
      if (cited >= 0) return [['records', index, 'data', 'citations', cited], 'confidentialTextNotAllowed'];
    }
  }
  for (const [index, attachment] of bundle.attachments.entries()) {
    const at = (field: string) => ['attachments', index, field];
    if (!dayOnly.test(attachment.addedAt)) return [at('addedAt'), 'timeNotToTheDay'];
    if (!publicKeyName.test(attachment.addedBy)) return [at('addedBy'), 'fingerprintNotAllowed'];
    if (attachment.photo !== undefined) return [at('photo'), 'photoNotAllowed'];
    if (attachment.sensitive || sensitive.has(attachment.recordId)) return [at('sensitive'), 'sensitiveNotAllowed'];
    if (!/^[0-9a-f]{12}(\.[a-z0-9]{1,10})?$/.test(attachment.originalName) || !attachment.sha256.startsWith(attachment.originalName.slice(0, 12))) {
      return [at('originalName'), 'originalNameNotAllowed'];
    }
    if (confidential.has(attachment.recordId) && attachment.description !== '') return [at('description'), 'confidentialTextNotAllowed'];
  }
  for (const [index, event] of bundle.custody.entries()) {
    if (event.seq !== index) return [['custody', index, 'seq'], 'custodyNotNumberedFromZero'];
    if (!dayOnly.test(event.at)) return [['custody', index, 'at'], 'timeNotToTheDay'];
  }
  return null;
}

export const Bundle = BundleFields
  // Stops at the first broken rule: a hostile bundle can break one in each of 100,000 items, and
  // zod's report of each is ~500 bytes. The verifier names the first; the exporter never breaks one.
  .superRefine((bundle, ctx) => {
    const problem = bundleProblem(bundle);
    if (problem) ctx.addIssue({ code: 'custom', path: problem[0], message: problem[1] });
  });
export type Bundle = z.infer<typeof Bundle>;
