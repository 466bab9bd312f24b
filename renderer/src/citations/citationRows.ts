/**
 * The "Which source says what" rows of a record form, as pure functions:
 * the claims a record offers to cite (its citable fields, and each entry of
 * its structured lists that it has), a new empty row, and choosing a source,
 * which also lists it among the record's sources (a cited source must be
 * one of them: shared/model/citation.ts). Removing a row never unlists a
 * source: the record may rely on it for more than that claim.
 */
import { citableFields, type CitationInput } from '../../../shared/model';

export type CitingForm = 'incident' | 'effect';

/** A citation as the form's controls hold it: every part present, '' for "not chosen yet". */
export interface CitationRow {
  field: string;
  source: string;
  stance: 'supports' | 'contradicts';
  locator: string;
}

/** The lists whose entries can be cited one by one ("legal basis 2"). */
export const entryLists: readonly string[] = ['intervals', 'legalCitations', 'operatorStatements', 'links'];

export interface Claim {
  /** The citation's field: "acknowledged" or "legalCitations/1". */
  value: string;
  field: string;
  /** An entry's index in its list. */
  index?: number;
}

/** The claims a record can cite, in its form's order: each citable field, then after a list each of its entries. */
export function claimsOffered(form: CitingForm, record: Readonly<Record<string, unknown>>): Claim[] {
  return citableFields[form].flatMap((field): Claim[] => {
    const value = record[field];
    const entries = entryLists.includes(field) && Array.isArray(value) ? value.map((_entry, index) => ({ value: `${field}/${index}`, field, index })) : [];
    return [{ value: field, field }, ...entries];
  });
}

export function rowsOf(citations: readonly CitationInput[] | undefined): CitationRow[] {
  return (citations ?? []).map((citation) => ({ field: citation.field, source: citation.source, stance: citation.stance ?? 'supports', locator: citation.locator ?? '' }));
}

export const emptyRow = (): CitationRow => ({ field: '', source: '', stance: 'supports', locator: '' });

/** The record's sources with `source` among them, in the order they were chosen. */
export function withSource(sources: readonly string[], source: string): string[] {
  return !source || sources.includes(source) ? [...sources] : [...sources, source];
}

/** The rows as the schema reads them; a row left wholly empty is dropped rather than refused. */
export function citationsOf(rows: readonly CitationRow[]): CitationInput[] {
  return rows.filter((row) => row.field || row.source || row.locator.trim()).map((row) => ({ ...row }));
}
