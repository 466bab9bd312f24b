/**
 * Which source says what, in `dalel show`'s printout of an incident or an
 * effect: each cited claim named as the app's form names it, how many
 * sources support it, "contested" in words when sources disagree, then each
 * citation: the source's id and title (when the archive still has it),
 * whether it supports or contradicts the claim, and where in the source. A
 * source's grade likewise. The record is read with the model's schemas: a
 * value it cannot read is left out, never guessed. The caller makes every
 * line printable (../terminalText.ts).
 */
import type { TFunction } from 'i18next';
import { Citations, SourceGrade, claimsOf } from '../../../shared/model';
import { claimName } from '../../../shared/report/citationsPart';

export function citationLines(t: TFunction, type: 'incident' | 'effect', data: Record<string, unknown>, titleOf: (recordId: string) => string | undefined): string[] {
  const citations = Citations.safeParse(data.citations);
  const claims = citations.success ? claimsOf(citations.data) : [];
  if (claims.length === 0) return [];
  const lines = [`${t('evidence:citations.title')}:`];
  for (const claim of claims) {
    const count = claim.corroboration ? t('evidence:citations.page.corroboration', { count: claim.corroboration }) : t('evidence:citations.page.noSupport');
    lines.push(`  ${claimName(t, type, claim.field)}: ${count}${claim.contested ? `. ${t('evidence:citations.page.contested')}` : ''}`);
    for (const citation of [...claim.supporting, ...claim.contradicting]) {
      const title = titleOf(citation.source);
      const locator = citation.locator ? `, ${t('evidence:citations.page.locator', { locator: citation.locator })}` : '';
      lines.push(`    ${citation.source}${title ? ` (${title})` : ''}: ${t(`taxonomy:stance.${citation.stance}`)}${locator}`);
    }
  }
  return lines;
}

export function gradeLines(t: TFunction, data: Record<string, unknown>): string[] {
  const parsed = SourceGrade.safeParse(data.grade);
  if (data.grade === undefined || !parsed.success) return [];
  const grade = parsed.data;
  return [
    `${t('evidence:grade.title')}:`,
    ...(grade.reliability ? [`  ${t('evidence:grade.reliability')}: ${t(`taxonomy:reliability.${grade.reliability}`)}`] : []),
    ...(grade.credibility ? [`  ${t('evidence:grade.credibility')}: ${t(`taxonomy:credibility.${grade.credibility}`)}`] : []),
    `  ${t('evidence:grade.access')}: ${t(`taxonomy:access.${grade.access}`)}`,
    ...(grade.verification.trim() ? [`  ${t('evidence:grade.verification')}: ${grade.verification}`] : []),
  ];
}
