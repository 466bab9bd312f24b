/**
 * The order and the law in `dalel show`'s printout of an incident: who
 * ordered and who carried it out, the order's document, date and the three
 * answers (published, reviewed by a court, users notified), each legal
 * basis as the same sentence the report uses, and each operator's
 * statement. Times are printed as stored. The record is read with the
 * model's schemas, so a field it cannot read is left out, never guessed.
 * The caller makes every line printable (../terminalText.ts).
 */
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { LegalCitation, OperatorStatement, Order } from '../../../shared/model';
import { actorText, legalCitationSentence, statementHeading } from '../../../shared/report/orderWords';

const read = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

export function orderLines(t: TFunction, data: Record<string, unknown>): string[] {
  const order = read(Order, data.order);
  const legalCitations = read(z.array(LegalCitation), data.legalCitations) ?? [];
  const statements = read(z.array(OperatorStatement), data.operatorStatements) ?? [];
  const lines: string[] = [];
  const field = (key: string, value: string) => value && lines.push(`${t(`report:order.${key}`)}: ${value}`);
  if (order) {
    field('orderedBy', order.orderedBy.map((actor) => actorText(t, actor)).join(', '));
    field('implementedBy', order.implementedBy.map((actor) => actorText(t, actor)).join(', '));
    field('document', order.document);
    field('issuedAt', order.issuedAt?.at ?? '');
    for (const key of ['published', 'courtReview', 'noticeToUsers'] as const) field(key, t(`taxonomy:acknowledged.${order[key]}`));
  }
  if (legalCitations.length) {
    lines.push(`${t('report:order.legalCitations')}:`);
    for (const entry of legalCitations) lines.push(`  ${legalCitationSentence(t, entry, entry.citedAt?.at)}`);
  }
  if (statements.length) {
    lines.push(`${t('report:order.operatorStatements')}:`);
    for (const entry of statements) lines.push(`  ${statementHeading(t, entry, entry.madeAt?.at)}${entry.statement.trim() ? `: ${entry.statement}` : ''}`);
  }
  return lines;
}
