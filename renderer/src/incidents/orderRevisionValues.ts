/**
 * How the order, the legal citations and the operators' statements read in
 * the revision history: the page's words (shared/report/orderWords.ts),
 * one entry per line, never JSON. A value of an unexpected shape is left to
 * the history's plain reading.
 */
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { Language } from '../../../shared/ipc';
import { LegalCitation, OperatorStatement, Order } from '../../../shared/model';
import { actorText, legalCitationSentence, statementHeading } from '../../../shared/report/orderWords';
import { formatList, formatTimestampInFull } from './format';

type Format = (value: unknown) => string | null;

export function orderFormats(t: TFunction, lng: Language, plain: Format): Record<string, Format> {
  const read =
    <S extends z.ZodType>(schema: S, format: (value: z.output<S>) => string | null): Format =>
    (value) => {
      if (value === undefined || value === null) return null;
      const parsed = schema.safeParse(value);
      return parsed.success ? format(parsed.data) : plain(value);
    };
  const when = (timestamp: Order['issuedAt']) => timestamp && formatTimestampInFull(timestamp, lng, t);
  const labelled = (key: string, text: string | null | undefined) => (text ? `${t(`report:order.${key}`)}: ${text}` : null);
  const actors = (list: Order['orderedBy']) => (list.length ? formatList(list.map((actor) => actorText(t, actor)), t) : null);
  return {
    order: read(Order, (order) =>
      [
        labelled('orderedBy', actors(order.orderedBy)),
        labelled('implementedBy', actors(order.implementedBy)),
        labelled('document', order.document),
        labelled('issuedAt', when(order.issuedAt)),
        ...(['published', 'courtReview', 'noticeToUsers'] as const).map((key) => labelled(key, t(`taxonomy:acknowledged.${order[key]}`))),
      ]
        .filter(Boolean)
        .join('\n'),
    ),
    legalCitations: read(z.array(LegalCitation), (entries) => entries.map((entry) => legalCitationSentence(t, entry, when(entry.citedAt))).join('\n') || null),
    operatorStatements: read(
      z.array(OperatorStatement),
      (entries) => entries.map((entry) => [statementHeading(t, entry, when(entry.madeAt)), entry.statement.trim()].filter(Boolean).join(': ')).join('\n') || null,
    ),
  };
}
