/**
 * bundle.json's content (docs/spec/bundle-format.md): the selected records
 * as the profile allows, their files and their custody lines.
 *
 * SECURITY: nothing in a `legal` or `public` bundle may let anyone test a
 * guess about a withheld value. So, beyond the profile's redaction:
 * - a `legal` record carries its head's signature only for a format 2
 *   revision, with the salts of the disclosed values alone; a format 1 id is
 *   the sha256 of everything, withheld values included, and never leaves;
 * - custody lines drop their chain hashes, and a line naming a format 1
 *   revision or a withheld file stays out (counted, so the report says so);
 * - a `public` bundle carries no revision id at all: its fields are covered
 *   by the bundle's signature only, since an author's key names the defender;
 *   and nothing in it is shared with another bundle (./unlinkable.ts).
 */
import { createHmac } from 'node:crypto';
import { extname } from 'node:path';
import {
  Bundle,
  assembleData,
  bundleFormat,
  pointerParts,
  redact,
  selectRecords,
  type Attachment,
  type BundleAttachment,
  type BundleCustodyEvent,
  type BundleProfile,
  type BundleRecord,
  type PolicyRecord,
  type RecordType,
  type SignedRevision,
} from '../../../shared/model';
import type { Archive } from '../archive';
import { canonicalJson } from '../canonical';
import { signedHead } from '../disclosure';
import { EngineError } from '../errors';
import { unlinkable } from './unlinkable';

export interface ContentOptions {
  profile: BundleProfile;
  language: 'en' | 'ru' | 'kk';
  only?: readonly string[] | undefined;
}

/** Who signs the bundle, as bundle.json names them. */
export interface BundleSigner {
  name: string;
  organization: string;
  fingerprint: string;
}

const recordTypes: readonly RecordType[] = ['incident', 'effect', 'source', 'intervention'];

/**
 * The bundle's content, its files listed as the originals: the export then
 * decides from each file's bytes what goes in (./evidenceFiles.ts), and
 * gives the bundle the cleaned copies' hashes.
 */
export async function bundleContent(archive: Archive, options: ContentOptions, bundleId: string, createdAt: string, signer: BundleSigner): Promise<Bundle> {
  const { profile } = options;
  const summaries: PolicyRecord[] = recordTypes.flatMap((type) =>
    archive.listRecords(type).map((summary) => ({ ...summary, type: summary.type as PolicyRecord['type'], ...consentAcrossVersions(archive, summary) })),
  );
  const { selected, unknown } = selectRecords(summaries, options.only, profile);
  if (unknown.length) throw new EngineError('recordNotFound', { id: unknown[0]! });
  const details = selected.map(({ recordId }) => archive.getRecord(recordId));
  const attachments: Attachment[] = [];
  for (const { recordId } of selected) attachments.push(...(await archive.listAttachments(recordId)));
  const redacted = redact(profile, selected, attachments, pseudonyms(archive, bundleId));

  /** Revisions whose id confirms no guess: format 2, salted. */
  const salted = new Set(details.flatMap(({ history }) => history.filter((signed) => signed.revision.format === 2).map((signed) => signed.id)));
  const kept = new Map(redacted.records.map((record) => [record.recordId, record.data]));
  const records = details.filter(({ summary }) => kept.has(summary.recordId)).map((detail) => bundleRecord(profile, detail, kept.get(detail.summary.recordId)!, salted));
  const actorOf = actorNames(profile);
  const files = bundleFiles(profile, redacted.files, actorOf);
  // A file is carried for some records and may be withheld for others: lines are judged per record and file.
  const keptHashes = new Set(files.map((file) => `${file.recordId} ${file.sha256}`));
  const lines = records.flatMap((record) => archive.custodyOf(record.recordId)).sort((a, b) => a.seq - b.seq);
  const custody = lines.flatMap((line) => custodyLine(profile, line, keptHashes, salted, actorOf));
  const content = { records, attachments: files, custody };
  return Bundle.parse({
    format: bundleFormat,
    profile,
    bundleId,
    ...(profile === 'public' ? {} : { archiveId: archive.status().archiveId }),
    createdAt,
    language: options.language,
    signer,
    ...(profile === 'public' ? unlinkable(content) : content),
    redactions: {
      ...redacted.redactions,
      ...(profile === 'internal' ? {} : { custodyWithheld: lines.length - custody.length }),
      ...(profile === 'legal' ? { unsignedHeads: records.filter((record) => !record.signedHead).length } : {}),
    },
  });
}

/**
 * SECURITY: a source in conflict is judged by every version's withdrawals
 * of consent, not only by the version made last: a version made elsewhere
 * without the withdrawal must not publish what the person withdrew while
 * the conflict waits for someone to resolve it.
 */
function consentAcrossVersions(archive: Archive, summary: { recordId: string; type: string; heads: string[]; data: Record<string, unknown> | null }) {
  if (summary.type !== 'source' || summary.heads.length < 2 || !isObject(summary.data?.consent)) return {};
  const { history } = archive.getRecord(summary.recordId);
  const withdrawals = history
    .filter((signed) => summary.heads.includes(signed.id))
    .flatMap((signed) => {
      const consent = (signed.revision.data as Record<string, unknown> | null)?.consent;
      return isObject(consent) && Array.isArray(consent.withdrawals) ? consent.withdrawals : [];
    });
  return withdrawals.length ? { consentAcrossVersions: { ...summary.data.consent, withdrawals } } : {};
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A person's pseudonym where a bundle does not name them: for that bundle
 * alone, so that two bundles cannot be linked through a person.
 */
function pseudonyms(archive: Archive, bundleId: string): (recordId: string) => string {
  const key = createHmac('sha256', archive.key.toPkcs8()).update('dalel pseudonyms v1').digest();
  return (recordId) => `P-${createHmac('sha256', key).update(`${bundleId} ${recordId}`).digest('hex').slice(0, 8).toUpperCase()}`;
}

type RecordDetail = ReturnType<Archive['getRecord']>;

/** One record as the profile carries it: every signed revision (internal), the author's signed head (legal, format 2), or its fields alone. */
function bundleRecord(profile: BundleProfile, { summary, history }: RecordDetail, data: Record<string, unknown> | null, salted: ReadonlySet<string>): BundleRecord {
  const { recordId, type, createdAt, updatedAt, retracted } = summary;
  const base = { recordId, type, createdAt, updatedAt, retracted };
  if (profile === 'internal') return { ...base, headId: summary.headId, revisions: history, data };
  const head = history.find((signed) => signed.id === summary.headId)!;
  if (profile === 'public' || head.revision.format !== 2) return { ...base, data };
  return { ...base, headId: head.id, ...disclosedHead(head, data, salted) };
}

/**
 * SECURITY: in a public bundle every key is named by a pseudonym of this
 * bundle alone ("key-1"), so that neither the defender's fingerprint nor a
 * link between two publications is in it; elsewhere, by its fingerprint.
 */
function actorNames(profile: BundleProfile): (fingerprint: string) => string {
  const actors = new Map<string, string>();
  return (fingerprint) => {
    if (profile !== 'public') return fingerprint;
    if (!actors.has(fingerprint)) actors.set(fingerprint, `key-${actors.size + 1}`);
    return actors.get(fingerprint)!;
  };
}

/**
 * The evidence files the profile carries, one entry per record and file. A
 * file listed twice is in the bag once, at one path: the extension of the
 * name it was first listed under.
 */
function bundleFiles(profile: BundleProfile, files: readonly (Attachment & { clean?: true })[], actorOf: (fingerprint: string) => string): BundleAttachment[] {
  const extensions = new Map<string, string>();
  for (const file of files) if (!extensions.has(file.sha256)) extensions.set(file.sha256, extensionOf(file.originalName));
  const listed = files.map(({ photo, clean: _clean, ...attachment }: Attachment & { clean?: true }) => ({
    ...attachment,
    // A camera's make and model and a capture time identify as surely as a name: not in a public bundle.
    ...(photo && profile !== 'public' ? { photo } : {}),
    addedBy: actorOf(attachment.addedBy),
    // A file's own name can name a person ("Aigul's voice.m4a"): a public bundle names it by its hash.
    originalName: profile === 'public' ? `${attachment.sha256.slice(0, 12)}${extensionOf(attachment.originalName)}` : attachment.originalName,
    path: `attachments/${attachment.sha256}${extensions.get(attachment.sha256)!}`,
  }));
  return uniqueFiles(listed);
}

/** A custody line as the profile carries it, or none when it would reveal something withheld. */
function custodyLine(
  profile: BundleProfile,
  line: BundleCustodyEvent,
  keptHashes: ReadonlySet<string>,
  salted: ReadonlySet<string>,
  actorOf: (fingerprint: string) => string,
): BundleCustodyEvent[] {
  if (profile === 'internal') return [line];
  // The hash of a withheld file stays out, whatever the line's action (added, imported, merged):
  // anyone holding the file could confirm it is the one withheld.
  if (!(line.hashes ?? []).every((hash) => keptHashes.has(`${line.recordId} ${hash}`))) return [];
  // A format 1 revision id is a hash over every value, withheld ones included.
  if (profile === 'legal' && line.revisionId !== undefined && !salted.has(line.revisionId)) return [];
  return [{ ...unchained(line, profile), actor: actorOf(line.actor) }];
}

/**
 * A format 2 head with the values the profile shows: a value is disclosed
 * when the redacted fields hold it unchanged; the bundle's fields are then
 * rebuilt from the disclosures alone, so they are exactly what the author
 * signed.
 */
function disclosedHead(head: SignedRevision, redactedData: Record<string, unknown> | null, salted: ReadonlySet<string>) {
  const shown = (path: string, value: unknown): boolean => {
    if (path === '/parents') return (value as string[]).every((id) => salted.has(id));
    if (path === '/retraction') return value === undefined;
    const [root, field, entry] = pointerParts(path);
    if (root !== 'data' || field === undefined || !redactedData) return false;
    const redacted = redactedData[field];
    if (entry === undefined) return same(redacted, value);
    if (Array.isArray(redacted)) return redacted.some((item) => same(item, value));
    // SECURITY: an entry the redaction dropped is not disclosed, not even as absent: were the absent ones
    // disclosed and the withheld ones not, the list of paths would tell which fields a person has.
    return typeof redacted === 'object' && redacted !== null && Object.hasOwn(redacted, entry) && same((redacted as Record<string, unknown>)[entry], value);
  };
  const signed = signedHead(head, shown);
  return { signedHead: signed, data: withPseudonym(assembleData(signed.revision, signed.disclosures), redactedData) };
}

/** A person named by a pseudonym keeps it beside the disclosed fields (the verifier sets it aside to compare). */
function withPseudonym(data: Record<string, unknown> | null, redactedData: Record<string, unknown> | null): Record<string, unknown> | null {
  const pseudonym = (redactedData?.person as { pseudonym?: unknown } | undefined)?.pseudonym;
  if (!data || typeof pseudonym !== 'string' || typeof data.person !== 'object' || data.person === null) return data;
  return { ...data, person: { pseudonym, ...data.person } };
}

const same = (a: unknown, b: unknown) => (a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b));

/**
 * A custody line outside the archive: no chain hashes and no note (a note
 * names other archives, bundles and the people who signed them); in a public
 * bundle no revision id either.
 */
function unchained(line: BundleCustodyEvent, profile: BundleProfile): BundleCustodyEvent {
  const { prev: _prev, hash: _hash, note: _note, ...rest } = line;
  if (profile !== 'public') return rest;
  const { revisionId: _revisionId, ...bare } = rest;
  return bare;
}

/** The file's extension for its name in the bag: lower case, letters and digits only, or none. */
function extensionOf(originalName: string): string {
  const extension = extname(originalName).slice(1).toLowerCase();
  return /^[a-z0-9]{1,10}$/.test(extension) ? `.${extension}` : '';
}

/** Attachments with one entry per record and file, in a stable order. */
function uniqueFiles(attachments: BundleAttachment[]): BundleAttachment[] {
  const seen = new Set<string>();
  return attachments.filter((attachment) => {
    const key = `${attachment.recordId} ${attachment.sha256}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
