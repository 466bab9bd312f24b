/**
 * The report's "Which source says what" (docs/spec/bundle-format.md): each
 * cited claim of an incident or effect, named as the record's form names
 * the field, with its citations as numbered references to the sources
 * section ([S3], whether that source supports or contradicts the claim, and
 * where in it), the number of sources that support it, and a contested
 * claim flagged in words. And a source's grade. Only what the bundle
 * carries: a citation whose source the bundle does not carry is not
 * printed (exportPolicy already drops those of withheld sources).
 */
import { citedField, claimsOf, type Citation, type SourceGrade } from '../model';
import type { Formatter } from './format';
import { html, type Html } from './html';
import { userText } from './parts';

type CitingType = 'incident' | 'effect';
const formLabels: Record<CitingType, string> = { incident: 'incidents:fields', effect: 'evidence:effect.fields' };

/** A claim's name: "Acknowledged by the authorities", or for a list entry "Legal basis 2". */
export function claimName(t: Formatter['t'], type: CitingType, claim: string): string {
  const { field, index } = citedField({ field: claim });
  const name = t([`${formLabels[type]}.${field}`, `evidence:citations.claims.${field}`], { defaultValue: field });
  return index === undefined ? name : t('evidence:citations.entry', { field: name, number: index + 1 });
}

function citationLine(f: Formatter, citation: Citation, number: number): Html {
  // The locator is free text: isolated, so that a right-to-left override in it cannot reorder the line.
  const locator = citation.locator.trim() ? html`, <bdi>${f.t('evidence:citations.page.locator', { locator: citation.locator })}</bdi>` : '';
  return html`<li><a class="ref" href="#source-${number}">[S${number}]</a> ${f.t(`taxonomy:stance.${citation.stance}`)}${locator}</li>`;
}

/** Each cited claim of a record, or null when it cites nothing the bundle carries. */
export function citedClaims(f: Formatter, type: CitingType, citations: readonly Citation[] | undefined, sourceNumbers: ReadonlyMap<string, number>): Html | null {
  const carried = (citations ?? []).filter((citation) => sourceNumbers.has(citation.source));
  const claims = claimsOf(carried);
  if (claims.length === 0) return null;
  return html`<ul class="plain cited-claims">${claims.map((claim) => {
    const count = claim.corroboration
      ? f.t('evidence:citations.page.corroboration', { count: claim.corroboration })
      : f.t('evidence:citations.page.noSupport');
    const contested = claim.contested ? html` <strong class="contested">${f.t('evidence:citations.page.contested')}</strong>` : '';
    return html`<li><strong>${claimName(f.t, type, claim.field)}:</strong> ${count}.${contested}<ul class="plain">${[...claim.supporting, ...claim.contradicting].map((citation) =>
      citationLine(f, citation, sourceNumbers.get(citation.source)!),
    )}</ul></li>`;
  })}</ul>`;
}

/** A source's grade as the report prints it, or null for an ungraded source. */
export function gradeText(f: Formatter, grade: Partial<SourceGrade> | undefined): Html | null {
  if (!grade) return null;
  const parts = [
    grade.reliability ? `${f.t('evidence:grade.reliability')}: ${f.t(`taxonomy:reliability.${grade.reliability}`)}` : null,
    grade.credibility ? `${f.t('evidence:grade.credibility')}: ${f.t(`taxonomy:credibility.${grade.credibility}`)}` : null,
    grade.access && grade.access !== 'unknown' ? `${f.t('evidence:grade.access')}: ${f.t(`taxonomy:access.${grade.access}`)}` : null,
  ].filter((part): part is string => part !== null);
  const verification = grade.verification?.trim() ? html`<p>${f.t('evidence:grade.verification')}:</p>${userText(grade.verification)}` : '';
  if (parts.length === 0 && !verification) return null;
  return html`<ul class="plain">${parts.map((part) => html`<li>${part}</li>`)}</ul>${verification}`;
}
