/**
 * Claims tied to their sources (docs/spec/data-model.md, "Citations"). A
 * citation says that one source supports, or contradicts, one field of a
 * record: "acknowledged", or one entry of a list ("legalCitations/1",
 * "operatorStatements/0", "intervals/2"). A cited source must also be among
 * the record's `sources`, so that what an export brings, withholds and
 * counts stays decided by that one list; a citation of a withheld source is
 * withheld with it (./exportPolicy.ts).
 *
 * Pure: the schema, the rules across fields, and the counts the record page,
 * the exports and the report print.
 */
import { z } from 'zod';
import { RecordId } from './ids';
import { citationStances } from './taxonomy';

/** A field ("acknowledged") or one entry of a list field ("legalCitations/1"). */
const fieldPath = /^[a-zA-Z]{1,40}(\/(0|[1-9]\d{0,3}))?$/;

export const Citation = z.strictObject({
  field: z.string().regex(fieldPath, { message: 'invalidCitationField' }),
  source: RecordId,
  stance: z.enum(citationStances).default('supports'),
  /** Where in the source: a page, a paragraph, a minute of a recording. */
  locator: z.string().trim().max(300).default(''),
});
export type Citation = z.infer<typeof Citation>;
export type CitationInput = z.input<typeof Citation>;

export const Citations = z.array(Citation).max(2000);

/** The fields of each record type a citation may name. */
export const citableFields = {
  incident: [
    'title',
    'summary',
    'areas',
    'scope',
    'kinds',
    'services',
    'operators',
    'startedAt',
    'endedAt',
    'ongoing',
    'pattern',
    'intervals',
    'justification',
    'context',
    'orderedBy',
    'order',
    'acknowledged',
    'legalBasis',
    'legalCitations',
    'operatorStatements',
    'rights',
    'links',
  ],
  effect: ['description', 'category', 'area', 'occurredAt', 'endedAt', 'peopleAffected', 'groups', 'severity', 'economicLoss'],
  intervention: ['kind', 'title', 'body', 'reference', 'filedAt', 'decidedAt', 'outcome', 'summary', 'incidents'],
} as const satisfies Record<string, readonly string[]>;
export type CitingType = keyof typeof citableFields;

/** The field a citation names and, for an entry of a list, its index. */
export function citedField(citation: Pick<Citation, 'field'>): { field: string; index?: number } {
  const [field, index] = citation.field.split('/') as [string, string | undefined];
  return index === undefined ? { field } : { field, index: Number(index) };
}

interface CitingRecord {
  sources?: readonly string[];
  citations?: readonly Citation[];
  [field: string]: unknown;
}

/**
 * The rules across fields, for a record schema's superRefine: a citation
 * names a citable field (an entry only of a list, and one that exists),
 * cites one of the record's sources, and is not repeated.
 */
export function checkCitations(type: CitingType, record: CitingRecord, ctx: z.RefinementCtx): void {
  const allowed: readonly string[] = citableFields[type];
  const sources = new Set(record.sources ?? []);
  const seen = new Set<string>();
  (record.citations ?? []).forEach((citation, index) => {
    const path = ['citations', index];
    const { field, index: entry } = citedField(citation);
    const value = record[field];
    if (!allowed.includes(field) || (entry !== undefined && (!Array.isArray(value) || entry >= value.length))) {
      ctx.addIssue({ code: 'custom', path: [...path, 'field'], message: 'invalidCitationField' });
    }
    if (!sources.has(citation.source)) ctx.addIssue({ code: 'custom', path: [...path, 'source'], message: 'citationNotInSources' });
    const key = `${citation.field} ${citation.source}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path, message: 'duplicateCitation' });
    seen.add(key);
  });
}

/** What the cited sources say of one claim: the sources for it and against it, and whether they disagree. */
export interface ClaimSupport {
  field: string;
  supporting: Citation[];
  contradicting: Citation[];
  /** Distinct sources that support the claim. */
  corroboration: number;
  /** True when at least one source supports and one contradicts it. */
  contested: boolean;
}

/** Each cited claim of a record, in the order of first citation. */
export function claimsOf(citations: readonly Citation[] | undefined): ClaimSupport[] {
  const byField = new Map<string, ClaimSupport>();
  for (const citation of citations ?? []) {
    const claim = byField.get(citation.field) ?? { field: citation.field, supporting: [], contradicting: [], corroboration: 0, contested: false };
    (citation.stance === 'contradicts' ? claim.contradicting : claim.supporting).push(citation);
    byField.set(citation.field, claim);
  }
  for (const claim of byField.values()) {
    claim.corroboration = new Set(claim.supporting.map((citation) => citation.source)).size;
    claim.contested = claim.supporting.length > 0 && claim.contradicting.length > 0;
  }
  return [...byField.values()];
}

/** The citations of one field, and of its entries when `withEntries` (e.g. every legal citation). */
export function citationsOf(citations: readonly Citation[] | undefined, field: string, withEntries = false): Citation[] {
  return (citations ?? []).filter((citation) => citation.field === field || (withEntries && citedField(citation).field === field));
}
