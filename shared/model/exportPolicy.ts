/**
 * What an export carries (docs/spec/bundle-format.md, "Profiles and redaction"),
 * as pure functions over the records' current fields. The engine exports by
 * these rules and the export wizard previews with them, so what a person is
 * shown before an export is what the bundle holds.
 *
 * Selection: every record, or the chosen ones with what they bring (an
 * incident its effects, incidents and effects their sources); retracted
 * records go only into an `internal` bundle.
 *
 * - `internal`: everything.
 * - `legal`: a person who agreed lawyers may know who they are is named,
 *   with their statement; one who agreed only that lawyers may read it
 *   without their name is a pseudonym and a role beside the statement, with
 *   none of their files (a voice or a face names a person). A person who
 *   agreed to neither is not in the bundle at all: neither their statement
 *   under a pseudonym (in a small town a statement, an age group and a role
 *   name a person as surely as a name), nor their files, nor a hash of
 *   either. "No" never travels.
 * - `public`: no identifying field of any person (the whole person becomes a
 *   pseudonym and a role); a testimony whose person did not consent to
 *   publication without their name is left out whole; no file of a sensitive source, no file
 *   marked sensitive, a photo or video only as a cleaned copy (its metadata
 *   may say where and on what device; the engine cleans it, or leaves it out
 *   when it cannot), no other photo, video or recording, and no free text of
 *   a confidential record.
 *
 * Consent is read as it is now (./consent.ts): a use taken back allows
 * nothing, and answers saved before the five questions count at their
 * safest meaning. Where the spec is silent these rules take the side of the
 * person: a statement can name its author as surely as a name field.
 */
import type { BundleProfile, Redactions } from './bundle';
import { allows, readConsent } from './consent';
import { isCleanable } from './media';

export interface PolicyRecord {
  recordId: string;
  type: 'incident' | 'effect' | 'source' | 'intervention';
  retracted: boolean;
  /** The head's fields; null when retracted. */
  data: Record<string, unknown> | null;
  /**
   * A source in conflict: the consent its person's answers are judged by,
   * carrying the withdrawals of every version (a version made without a
   * withdrawal never publishes what the other version withdrew).
   */
  consentAcrossVersions?: unknown;
}

export interface PolicyFile {
  recordId: string;
  sha256: string;
  sensitive: boolean;
  mediaType: string;
}

/**
 * Why a file stays out, as the preview can tell from the records: its
 * source stays out whole, its person is not named, it is sensitive, or its
 * name says a photo, video or recording of a kind Dalel cannot clean
 * (`mediaMetadata`). The export judges each file by its bytes too, and
 * leaves out more (one that cannot be cleaned, media under another name, a
 * file of no known kind), counted with the files withheld.
 */
export type WithheldReason = 'sourceWithheld' | 'personNotNamed' | 'sensitive' | 'mediaMetadata';

/**
 * SECURITY: photos, videos and recordings carry location (EXIF GPS,
 * QuickTime location atoms), device serials and owner names inside their
 * bytes. A `public` bundle carries one only as a cleaned copy, and only of
 * the kinds the engine cleans (./media.ts); `legal` bundles carry originals,
 * which are the evidence.
 */
export const carriesMediaMetadata = (mediaType: string) => /^(image|video|audio)\//i.test(mediaType);

/**
 * Free-text fields of each record type, left out of a confidential record in a public bundle (only incidents have the flag today).
 * A source's translations are its content in another language: out wherever the content is.
 */
export const confidentialFreeText: Record<PolicyRecord['type'], readonly string[]> = {
  // An interval names its operators, an order its document, a legal citation who named it: all free text.
  incident: ['summary', 'orderedBy', 'tags', 'operators', 'intervals', 'order', 'legalCitations', 'operatorStatements'],
  effect: ['description'],
  source: ['content', 'url', 'translations'],
  intervention: ['summary', 'reference'],
};

/**
 * SECURITY: a source's translations as a public bundle carries them: the
 * translator's name is '' (the schema's "not given", so the source stays a
 * valid Source for the report, the CSVs and an import). A name in a
 * publication can put the translator, or whoever asked them, at risk.
 */
function withoutTranslators(translations: unknown): unknown {
  if (!Array.isArray(translations)) return translations;
  return translations.map((translation: unknown) =>
    typeof translation === 'object' && translation !== null && !Array.isArray(translation) && 'translator' in translation ? { ...translation, translator: '' } : translation,
  );
}

/**
 * SECURITY: legal citations as a public bundle and the UN draft carry them:
 * one named by the collector (`citedBy: collector`) without the name, which
 * is the defender's ('' is the schema's "not given"; the sentence then says
 * "the collector"). Nothing in a publication, or in a communication passed
 * on to the government concerned, names the defender.
 */
export function withoutCollectorNames(legalCitations: unknown): unknown {
  if (!Array.isArray(legalCitations)) return legalCitations;
  return legalCitations.map((citation: unknown) =>
    typeof citation === 'object' && citation !== null && (citation as { citedBy?: unknown }).citedBy === 'collector' ? { ...citation, citedByName: '' } : citation,
  );
}

/**
 * SECURITY: a confidential record's citations as a public bundle carries
 * them: none of a field left out (a claim that is not there, or an entry
 * whose number would say how long the withheld list was), and no locator
 * (where in the source is free text: "minute 3, the akim's words").
 */
function withoutConfidentialClaims(type: PolicyRecord['type'], citations: unknown[]): unknown[] {
  const withheld = new Set(confidentialFreeText[type]);
  return citations.flatMap((citation) => {
    if (typeof citation !== 'object' || citation === null) return [];
    const field = String((citation as { field?: unknown }).field ?? '').split('/')[0]!;
    return withheld.has(field) ? [] : [{ ...citation, locator: '' }];
  });
}

/**
 * SECURITY: the entries of a list the export keeps, and the citations of
 * its entries ("links/1") moved to their entry's new index. A citation of
 * an entry left out goes with it: else it would come to name another entry
 * (a source that contradicted one link would contradict the next), and an
 * index past the list's end would tell that more entries were there.
 */
function keepEntries(data: Record<string, unknown>, field: string, keep: (item: unknown) => boolean): void {
  const list = data[field];
  if (!Array.isArray(list)) return;
  const moved = new Map<number, number>();
  const kept: unknown[] = [];
  list.forEach((item, index) => {
    if (!keep(item)) return;
    moved.set(index, kept.length);
    kept.push(item);
  });
  data[field] = kept;
  if (!Array.isArray(data.citations)) return;
  data.citations = data.citations.flatMap((citation: unknown) => {
    const [cited, entry] = String((citation as { field?: unknown } | null)?.field ?? '').split('/');
    if (cited !== field || entry === undefined) return [citation];
    const index = moved.get(Number(entry));
    return index === undefined ? [] : [{ ...(citation as object), field: `${field}/${index}` }];
  });
}

const hasPerson = (data: Record<string, unknown> | null): data is Record<string, unknown> =>
  !!data && typeof data.person === 'object' && data.person !== null;
const sourcesOf = (data: Record<string, unknown> | null): string[] => (Array.isArray(data?.sources) ? (data.sources as string[]) : []);

/**
 * How the profile carries a source's person: whole (named), as a pseudonym
 * and a role beside the statement, or not at all (the source stays out
 * whole). A person's statement goes only where they agreed it may.
 */
export function personIn(profile: BundleProfile, data: Record<string, unknown>): 'named' | 'pseudonym' | 'withheld' {
  if (profile === 'internal' || !hasPerson(data)) return 'named';
  const consent = readConsent(data.consent);
  if (profile === 'public') return allows(consent, 'publishAnonymous') ? 'pseudonym' : 'withheld';
  // Named only with both lawyer answers: a "yes" to the name alone is read at its safest meaning.
  if (!allows(consent, 'lawyersAnonymous')) return 'withheld';
  return allows(consent, 'lawyersNamed') ? 'named' : 'pseudonym';
}

/**
 * The records an export brings, in the order given, and the chosen ids that
 * name no exportable record (the engine refuses those; a preview ignores them).
 */
export function selectRecords<R extends PolicyRecord>(
  records: readonly R[],
  only: readonly string[] | null | undefined,
  profile: BundleProfile,
): { selected: R[]; unknown: string[] } {
  const exportable = records.filter((record) => profile === 'internal' || !record.retracted);
  if (!only) return { selected: exportable, unknown: [] };
  const byId = new Map(exportable.map((record) => [record.recordId, record]));
  const chosen = new Set<string>();
  const unknown: string[] = [];
  for (const id of only) {
    const record = byId.get(id);
    if (!record) {
      unknown.push(id);
      continue;
    }
    chosen.add(id);
    // An incident brings its effects and the complaints, cases and communications about it.
    const about = (other: R) =>
      (other.type === 'effect' && other.data?.incident === id) ||
      (other.type === 'intervention' && Array.isArray(other.data?.incidents) && other.data.incidents.includes(id));
    const effects = record.type === 'incident' ? exportable.filter(about) : [];
    for (const related of [record, ...effects]) {
      chosen.add(related.recordId);
      for (const source of sourcesOf(related.data)) if (byId.has(source)) chosen.add(source);
    }
  }
  return { selected: exportable.filter((record) => chosen.has(record.recordId)), unknown };
}

export interface Redacted<R extends PolicyRecord, F extends PolicyFile> {
  /** The records the bundle carries, their fields as the profile allows. */
  records: R[];
  /** The files the bundle carries; in a public bundle a photo or video marked `clean` goes as a cleaned copy. */
  files: (F & { clean?: true })[];
  /** What was left out or changed, by record and file, for a preview to name. */
  pseudonymized: R[];
  sourcesWithheld: R[];
  confidentialText: R[];
  filesWithheld: (F & { reason: WithheldReason })[];
  /** Public: the photos and videos that go as cleaned copies (if the engine can clean them). */
  filesCleaned: F[];
  /** The counts bundle.json and the report carry. */
  redactions: Redactions;
}

/**
 * The records and files a profile carries. `pseudonymOf` gives the
 * pseudonym a bundle names a source's person by, where it does not name them.
 */
export function redact<R extends PolicyRecord, F extends PolicyFile>(
  profile: BundleProfile,
  records: readonly R[],
  files: readonly F[],
  pseudonymOf: (recordId: string) => string,
): Redacted<R, F> {
  const result: Redacted<R, F> = {
    records: [],
    files: [],
    pseudonymized: [],
    sourcesWithheld: [],
    confidentialText: [],
    filesWithheld: [],
    filesCleaned: [],
    redactions: { pseudonymized: 0, sourcesWithheld: 0, attachmentsWithheld: 0, confidentialTextWithheld: 0 },
  };
  if (profile === 'internal') return { ...result, records: [...records], files: [...files] };

  /** Why each record's files stay out, if they do. */
  const filesOut = new Map<string, WithheldReason>();
  for (const record of records) {
    const data = record.data ? { ...record.data } : null;
    if (record.type === 'source' && data) {
      const person = personIn(profile, record.consentAcrossVersions === undefined ? data : { ...data, consent: record.consentAcrossVersions });
      if (person === 'withheld') {
        result.sourcesWithheld.push(record);
        filesOut.set(record.recordId, 'sourceWithheld');
        continue;
      }
      if (person === 'pseudonym') {
        data.person = { pseudonym: pseudonymOf(record.recordId), role: (data.person as Record<string, unknown>).role };
        result.pseudonymized.push(record);
        filesOut.set(record.recordId, 'personNotNamed');
      }
      if (profile === 'public' && data.sensitive === true && !filesOut.has(record.recordId)) filesOut.set(record.recordId, 'sensitive');
    }
    // The collecting key's fingerprint names the defender, and the consent answers would tell
    // the world who refused lawyers: neither is in a public bundle (publishing implies its consent).
    if (profile === 'public' && data) {
      delete data.collectedBy;
      delete data.consent;
      // SECURITY: a public bundle names no translator (the text travels with the content).
      if ('translations' in data) data.translations = withoutTranslators(data.translations);
      // SECURITY: nor the collector who named a provision: that is the defender.
      if ('legalCitations' in data) data.legalCitations = withoutCollectorNames(data.legalCitations);
    }
    if (profile === 'public' && data?.confidential === true) {
      for (const field of confidentialFreeText[record.type]) delete data[field];
      if (Array.isArray(data.citations)) data.citations = withoutConfidentialClaims(record.type, data.citations);
      result.confidentialText.push(record);
    }
    result.records.push({ ...record, data });
  }
  // References to a withheld source would point at nothing: drop them, and the citations of it.
  const withheld = new Set(result.sourcesWithheld.map((record) => record.recordId));
  // SECURITY: a link or an intervention's incident that the bundle does not carry would tell that it exists.
  const carried = new Set(result.records.map((record) => record.recordId));
  for (const record of result.records) {
    const data = record.data;
    if (!data) continue;
    if (Array.isArray(data.sources)) data.sources = sourcesOf(data).filter((id) => !withheld.has(id));
    if (Array.isArray(data.citations)) data.citations = data.citations.filter((citation: { source?: unknown }) => !withheld.has(String(citation?.source)));
    keepEntries(data, 'links', (link) => carried.has(String((link as { incident?: unknown } | null)?.incident)));
    if (record.type === 'intervention') keepEntries(data, 'incidents', (id) => carried.has(String(id)));
    // An organization's own row numbers are its business, not the public's.
    if (profile === 'public') delete data.externalId;
  }
  const confidential = new Set(result.confidentialText.map((record) => record.recordId));
  for (const file of files) {
    const reason = filesOut.get(file.recordId) ?? (profile === 'public' ? publicReason(file) : null);
    if (reason && reason !== 'clean') {
      result.filesWithheld.push({ ...file, reason });
      continue;
    }
    if (reason === 'clean') result.filesCleaned.push(file);
    // A file's description is free text of its record: out with the record's confidential text.
    const carried = confidential.has(file.recordId) && 'description' in file ? { ...file, description: '' } : file;
    result.files.push(reason === 'clean' ? { ...carried, clean: true } : carried);
  }
  result.redactions = {
    pseudonymized: result.pseudonymized.length,
    sourcesWithheld: result.sourcesWithheld.length,
    attachmentsWithheld: result.filesWithheld.length,
    confidentialTextWithheld: result.confidentialText.length,
  };
  return result;
}

/** Why a file whose record goes into a public bundle stays out, if it does, or that it goes cleaned. */
function publicReason(file: PolicyFile): WithheldReason | 'clean' | null {
  if (file.sensitive) return 'sensitive';
  if (!carriesMediaMetadata(file.mediaType)) return null;
  return isCleanable(file.mediaType) ? 'clean' : 'mediaMetadata';
}
