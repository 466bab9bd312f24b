/**
 * Selective disclosure (docs/spec/data-model.md, "Revision format 2"): the
 * values of a revision that an export may withhold, each named by a JSON
 * Pointer (RFC 6901). A format 2 revision's id covers a salted commitment to
 * each value rather than the value, so a bundle can carry the signed
 * revision with only the values its profile allows, and nothing in it lets
 * anyone test a guess about the rest.
 *
 * Which values: the parents, the retraction, and each field of the data,
 * with a person's fields and a record's cited sources one by one (an export
 * withholds a name but not a role, one source but not another). Every field
 * the record type's schema knew when format 2 began is committed, present or
 * not (`committedFields`), so the list of paths does not tell which optional
 * fields a record has; only the number of cited sources shows.
 *
 * Pure: the hashing lives in the engine (electron/engine/disclosure.ts);
 * these are the schemas and the paths both sides agree on.
 */
import { z } from 'zod';
import { RecordId, RevisionId, Sha256Hex } from './ids';
import { PublicKeyLine, RecordType } from './revision';

/** A value's salt: 16 bytes (128 bits), base64url. */
export const Salt = z.string().regex(/^[A-Za-z0-9_-]{22}$/, { message: 'invalidSalt' });

/** What a format 2 revision's id is the sha256 of (RFC 8785 canonical JSON). */
export const CommittedRevision = z.strictObject({
  format: z.literal(2),
  recordId: RecordId,
  type: RecordType,
  author: PublicKeyLine,
  createdAt: z.iso.datetime(),
  /** Path → sha256 of the canonical JSON of [salt, path, value], or [salt, path] where the value is absent. */
  commitments: z.record(z.string().max(300), Sha256Hex),
});
export type CommittedRevision = z.infer<typeof CommittedRevision>;

/** One disclosed value with its salt; no `value` discloses that the field is absent. */
export const Disclosure = z.strictObject({
  path: z.string().max(300),
  salt: Salt,
  value: z.unknown().optional(),
});
export type Disclosure = z.infer<typeof Disclosure>;

/** A record's current revision as its author signed it, and the values a bundle's profile discloses. */
export const SignedHead = z.strictObject({
  id: RevisionId,
  /** The author's Ed25519 signature over the id's 32 bytes, base64. */
  signature: z.base64(),
  revision: CommittedRevision,
  disclosures: z.array(Disclosure).max(10_000),
});
export type SignedHead = z.infer<typeof SignedHead>;

/**
 * Fields whose entries are committed one by one: a person's fields, and the
 * lists whose entries name other records (an export drops the entries that
 * name a record it withholds or does not carry).
 */
const splitObjects = new Set(['person']);
const splitArrays = new Set(['sources', 'citations', 'links', 'incidents']);

export const pointer = (...parts: (string | number)[]) =>
  parts.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

export function pointerParts(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields committed even when absent, as they were when format 2 began.
 * Frozen: a revision's id must come out the same from any later version of
 * Dalel, so a field added to a schema later is committed only when present
 * (its absence then shows, until a new revision format lists it).
 * disclosure.test.ts checks that these were the schemas' fields.
 */
export const committedFields: Readonly<Record<string, readonly string[]>> = {
  incident: ['title', 'summary', 'country', 'areas', 'scope', 'kinds', 'services', 'operators', 'startedAt', 'endedAt', 'ongoing', 'pattern', 'justification', 'context', 'orderedBy', 'acknowledged', 'legalBasis', 'rights', 'sources', 'tags', 'confidential'],
  effect: ['incident', 'category', 'description', 'area', 'occurredAt', 'endedAt', 'peopleAffected', 'groups', 'severity', 'economicLoss', 'sources'],
  source: ['kind', 'title', 'content', 'language', 'collectedAt', 'collectedBy', 'url', 'person', 'consent', 'sensitive'],
  /** As when the type was added. */
  intervention: ['kind', 'title', 'body', 'reference', 'filedAt', 'decidedAt', 'outcome', 'summary', 'incidents', 'sources', 'confidential', 'citations', 'externalId', 'illustrative'],
};
export const committedEntries: Readonly<Record<string, readonly string[]>> = {
  person: ['name', 'contact', 'address', 'role', 'ageGroup', 'gender', 'disability'],
};
const knownFields = (type: string): readonly string[] => committedFields[type] ?? [];
const knownEntries = committedEntries;

export interface DisclosableRevision {
  type: string;
  parents: readonly string[];
  data: Record<string, unknown> | null;
  retraction?: { reason: string } | undefined;
}

/** Every disclosable value of a revision by path; `undefined` where a known field is absent. */
export function disclosableValues(revision: DisclosableRevision): Map<string, unknown> {
  const values = new Map<string, unknown>([
    ['/parents', revision.parents],
    ['/retraction', revision.retraction],
  ]);
  const { data } = revision;
  if (data === null) return values.set('/data', null);
  for (const field of [...new Set([...knownFields(revision.type), ...Object.keys(data)])].sort()) {
    const value = data[field];
    if (splitObjects.has(field) && (value === undefined || isPlainObject(value))) {
      const entries = new Set([...(knownEntries[field] ?? []), ...Object.keys(value ?? {})]);
      for (const entry of [...entries].sort()) values.set(pointer('data', field, entry), value?.[entry]);
    } else if (splitArrays.has(field) && Array.isArray(value) && (value.length > 0 || knownFields(revision.type).includes(field))) {
      // An empty list of a field added later is committed whole (below): no entry would show it is there.
      value.forEach((item, index) => values.set(pointer('data', field, index), item));
    } else {
      values.set(pointer('data', field), value);
    }
  }
  return values;
}

/**
 * The data that disclosures show, as a bundle carries it: what an exporter
 * writes and what a verifier rebuilds to compare. A split array is an array
 * of its disclosed items, in their order, whenever it was an array.
 */
export function assembleData(revision: CommittedRevision, disclosures: readonly Disclosure[]): Record<string, unknown> | null {
  const paths = Object.keys(revision.commitments);
  if (paths.includes('/data')) return null;
  const data: Record<string, unknown> = {};
  const arrays = new Map<string, Map<number, unknown>>();
  for (const field of splitArrays) {
    const items = paths.some((path) => path.startsWith(`${pointer('data', field)}/`));
    const known = knownFields(revision.type).includes(field) && !paths.includes(pointer('data', field));
    if (items || known) arrays.set(field, new Map());
  }
  for (const { path, value } of disclosures) {
    const [root, field, entry, ...rest] = pointerParts(path);
    if (root !== 'data' || field === undefined || value === undefined || rest.length) continue;
    if (entry === undefined) data[field] = value;
    else if (arrays.has(field) && /^(0|[1-9]\d{0,5})$/.test(entry)) arrays.get(field)!.set(Number(entry), value);
    else if (splitObjects.has(field)) data[field] = { ...(isPlainObject(data[field]) ? data[field] : {}), [entry]: value };
  }
  for (const [field, items] of arrays) data[field] = [...items].sort(([a], [b]) => a - b).map(([, item]) => item);
  return data;
}
