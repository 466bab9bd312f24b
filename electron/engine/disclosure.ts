/**
 * The hashing side of selective disclosure (shared/model/disclosure.ts and
 * docs/spec/data-model.md, "Revision format 2"). Each value's salt is derived
 * from the revision's disclosure key by HMAC-SHA256, so a revision stores one
 * secret instead of one per value; a disclosed salt says nothing about any
 * other salt. A commitment is the sha256 of the canonical JSON of
 * [salt, path, value], or [salt, path] for an absent value.
 */
import { createHmac, randomBytes } from 'node:crypto';
import {
  CommittedRevision,
  assembleData,
  disclosableValues,
  type Disclosure,
  type Revision,
  type SignedHead,
  type SignedRevision,
} from '../../shared/model';
import { canonicalJson, contentId, sha256Hex } from './canonical';
import { verifyIdSignature } from './signingKey';

export const newDisclosureKey = () => randomBytes(32).toString('base64url');

export function saltFor(disclosureKey: string, path: string): string {
  const mac = createHmac('sha256', Buffer.from(disclosureKey, 'base64url')).update(`dalel salt v1\0${path}`).digest();
  return mac.subarray(0, 16).toString('base64url');
}

export function commitmentOf({ path, salt, value }: Disclosure): string {
  return sha256Hex(canonicalJson(value === undefined ? [salt, path] : [salt, path, value]));
}

/** Every disclosable value of a format 2 revision with its path and salt: the salts are derived once. */
function saltedValues(revision: Revision): Disclosure[] {
  if (revision.format !== 2 || !revision.disclosureKey) throw new Error('only a format 2 revision has a committed form');
  const key = revision.disclosureKey;
  return [...disclosableValues(revision)].map(([path, value]) => (value === undefined ? { path, salt: saltFor(key, path) } : { path, salt: saltFor(key, path), value }));
}

function committedFrom(revision: Revision, values: readonly Disclosure[]): CommittedRevision {
  const commitments = Object.fromEntries(values.map((value) => [value.path, commitmentOf(value)]));
  const { recordId, type, author, createdAt } = revision;
  return { format: 2, recordId, type, author, createdAt, commitments };
}

/** A format 2 revision as its id covers it: every disclosable value replaced by its commitment. */
export const committedRevision = (revision: Revision): CommittedRevision => committedFrom(revision, saltedValues(revision));

/** A revision's id: format 1, the sha256 of the revision; format 2, of its committed form. */
export function revisionIdOf(revision: Revision): string {
  return revision.format === 1 ? contentId(revision) : contentId(committedRevision(revision));
}

/** The signed head a bundle carries for a format 2 revision, disclosing the values `shown` allows. */
export function signedHead(signed: SignedRevision, shown: (path: string, value: unknown) => boolean): SignedHead {
  const values = saltedValues(signed.revision);
  const disclosures = values.filter(({ path, value }) => shown(path, value));
  return { id: signed.id, signature: signed.signature, revision: committedFrom(signed.revision, values), disclosures };
}

/** Why a bundle's signed head does not prove its record's data, or null when it does. */
export function signedHeadProblem(head: SignedHead, record: { recordId: string; type: string; data: Record<string, unknown> | null }): string | null {
  const { revision } = head;
  if (revision.recordId !== record.recordId || revision.type !== record.type) return 'otherRecord';
  if (contentId(revision) !== head.id) return 'idMismatch';
  if (!verifyIdSignature(revision.author, head.id, head.signature)) return 'badSignature';
  const seen = new Set<string>();
  for (const disclosure of head.disclosures) {
    if (seen.has(disclosure.path)) return 'repeatedDisclosure';
    seen.add(disclosure.path);
    if (revision.commitments[disclosure.path] !== commitmentOf(disclosure)) return 'disclosureMismatch';
  }
  const shown = assembleData(revision, head.disclosures);
  return canonicalJson(withoutAnnotations(record.type, record.data)) === canonicalJson(shown) ? null : 'dataNotDisclosed';
}

/**
 * A bundle record's data without what the export adds: the pseudonym ("P-"
 * and 8 hex digits) of a source's person whose name is withheld. Anything
 * else, a pseudonym on another record or on a person with nothing disclosed
 * included, stays and so fails the comparison.
 */
function withoutAnnotations(type: string, data: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!data || typeof data.person !== 'object' || data.person === null || !('pseudonym' in data.person)) return data;
  const { pseudonym, ...person } = data.person as Record<string, unknown>;
  const annotation = type === 'source' && typeof pseudonym === 'string' && /^P-[0-9A-F]{8}$/.test(pseudonym);
  return annotation && Object.keys(person).length > 0 && !('name' in person) ? { ...data, person } : data;
}
