/**
 * What each bundle profile may carry (spec/bundle-format.md, "Profiles and
 * redaction"), as pure functions over the records' current fields:
 *
 * - `internal`: everything.
 * - `legal`: a person's name, contact and exact address only where that
 *   person consented to sharing with lawyers; otherwise the name becomes a
 *   stable pseudonym and contact and address are left out. The statement
 *   stays: it is what lawyers need, and its author is no longer named.
 *   Files attached to such a source stay out: a voice or a face names a
 *   person as surely as a name does.
 * - `public`: no identifying field of any person (the whole person becomes a
 *   pseudonym and a role); a testimony whose person did not consent to
 *   publication is left out whole; no attachment of a sensitive source, no
 *   attachment marked sensitive, and no free text of a confidential record.
 *
 * Where the spec is silent these rules take the side of the person: a
 * statement can name its author as surely as a name field.
 */
import type { Attachment, BundleProfile, Redactions } from '../../../shared/model';

export interface CurrentRecord {
  recordId: string;
  type: 'incident' | 'effect' | 'source';
  data: Record<string, unknown> | null;
}

/** Free-text fields of each record type, left out of a confidential record in a public bundle. */
const freeText: Record<CurrentRecord['type'], readonly string[]> = {
  incident: ['summary', 'orderedBy', 'tags', 'operators'],
  effect: ['description'],
  source: ['content', 'url'],
};

const identifyingFields = ['name', 'contact', 'address'] as const;

interface Consent {
  shareWithLawyers?: boolean;
  publish?: boolean;
}

const consentOf = (data: Record<string, unknown>): Consent => (data.consent ?? {}) as Consent;
const hasPerson = (data: Record<string, unknown> | null): data is Record<string, unknown> =>
  !!data && typeof data.person === 'object' && data.person !== null;

/** Whether the profile may name this source's person. */
function mayIdentify(profile: BundleProfile, data: Record<string, unknown>): boolean {
  if (profile === 'internal') return true;
  if (profile === 'legal') return consentOf(data).shareWithLawyers === true;
  return false;
}

/** Whether a public bundle may carry this source at all. */
function mayPublish(data: Record<string, unknown>): boolean {
  return !hasPerson(data) || consentOf(data).publish === true;
}

export interface RedactedExport {
  records: CurrentRecord[];
  attachments: Attachment[];
  redactions: Redactions;
}

/**
 * The records and attachments a profile carries. `pseudonymOf` gives a
 * source's stable pseudonym (the same in every bundle of this archive).
 */
export function redact(
  profile: BundleProfile,
  records: readonly CurrentRecord[],
  attachments: readonly Attachment[],
  pseudonymOf: (recordId: string) => string,
): RedactedExport {
  const redactions: Redactions = { pseudonymized: 0, sourcesWithheld: 0, attachmentsWithheld: 0, confidentialTextWithheld: 0 };
  if (profile === 'internal') return { records: [...records], attachments: [...attachments], redactions };

  const kept: CurrentRecord[] = [];
  /** Sources whose files must stay out: their person is not named, or they are sensitive. */
  const filesWithheld = new Set<string>();
  const withheld = new Set<string>();
  for (const record of records) {
    const data = record.data ? { ...record.data } : null;
    if (record.type === 'source' && data) {
      if (profile === 'public' && !mayPublish(data)) {
        withheld.add(record.recordId);
        redactions.sourcesWithheld += 1;
        continue;
      }
      if (hasPerson(data) && !mayIdentify(profile, data)) {
        data.person = pseudonymousPerson(profile, data.person as Record<string, unknown>, pseudonymOf(record.recordId));
        redactions.pseudonymized += 1;
        filesWithheld.add(record.recordId);
      }
      if (profile === 'public' && data.sensitive === true) filesWithheld.add(record.recordId);
    }
    if (profile === 'public' && data?.confidential === true) {
      for (const field of freeText[record.type]) delete data[field];
      redactions.confidentialTextWithheld += 1;
    }
    kept.push({ ...record, data });
  }
  // References to a withheld source would point at nothing: drop them.
  for (const record of kept) {
    if (record.data && Array.isArray(record.data.sources)) {
      record.data.sources = (record.data.sources as string[]).filter((id) => !withheld.has(id));
    }
  }
  const keptAttachments = attachments.filter((attachment) => {
    const out =
      withheld.has(attachment.recordId) || filesWithheld.has(attachment.recordId) || (profile === 'public' && attachment.sensitive);
    if (out) redactions.attachmentsWithheld += 1;
    return !out;
  });
  return { records: kept, attachments: keptAttachments, redactions };
}

/** The person as a profile may show them: the pseudonym in place of the name, nothing that identifies. */
function pseudonymousPerson(profile: BundleProfile, person: Record<string, unknown>, pseudonym: string): Record<string, unknown> {
  if (profile === 'public') return { pseudonym, role: person.role };
  const rest = { ...person };
  for (const field of identifyingFields) delete rest[field];
  return { pseudonym, ...rest };
}
