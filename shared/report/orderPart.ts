/**
 * The order and the law of one incident as the report and the UN draft
 * show them: who ordered and who carried it out, the order's document and
 * date, whether it was published, reviewed by a court and notified to
 * users, each legal basis as a sentence naming who cited it and how, and
 * each operator's statement; every entry followed by the sources the
 * bundle carries that support or contradict it ([S3]). A citation of a
 * source the bundle does not carry shows nothing, so nothing hints at it.
 */
import { citationsOf, type Citation, type LegalCitation, type OperatorStatement, type Order } from '../model';
import { formatTimestamp, label, type Formatter } from './format';
import { html, type Html } from './html';
import { inlineList, bdi, userText, type Field } from './parts';
import type { IncidentFields, ReportData } from './records';
import { actorText, legalCitationSentence, statementHeading } from './orderWords';

/** "Supported by [S1] [S3]. Contradicted by [S2]." for one field or entry; null when the bundle carries none of its sources. */
export function citationRefs(f: Formatter, data: ReportData, citations: readonly Citation[] | undefined, field: string): Html | null {
  const cited = citationsOf(citations, field);
  const refs = (stance: Citation['stance']) =>
    cited.flatMap((citation) => {
      const n = citation.stance === stance ? data.sourceNumbers.get(citation.source) : undefined;
      return n === undefined ? [] : [`[S${n}]`];
    });
  const parts = [
    ...(refs('supports').length ? [f.t('report:order.supports', { refs: refs('supports').join(' ') })] : []),
    ...(refs('contradicts').length ? [f.t('report:order.contradicts', { refs: refs('contradicts').join(' ') })] : []),
  ];
  return parts.length ? html` <span class="note">${parts.join('; ')}</span>` : null;
}

export const actorsText = (f: Formatter, actors: readonly Order['orderedBy'][number][] | undefined) =>
  inlineList((actors ?? []).map((actor) => actorText(f.t, actor)), f.t('report:listSeparator'));

export function legalCitationList(f: Formatter, data: ReportData, incident: IncidentFields): Html | null {
  const entries: readonly LegalCitation[] = incident.legalCitations ?? [];
  if (!entries.length) return null;
  return html`<ul class="plain">${entries.map((entry, index) => {
    const sentence = legalCitationSentence(f.t, entry, entry.citedAt && formatTimestamp(f, entry.citedAt));
    return html`<li><bdi>${sentence}</bdi>${citationRefs(f, data, incident.citations, `legalCitations/${index}`) ?? ''}</li>`;
  })}</ul>`;
}

export function statementList(f: Formatter, data: ReportData, incident: IncidentFields): Html | null {
  const entries: readonly OperatorStatement[] = incident.operatorStatements ?? [];
  if (!entries.length) return null;
  return html`<ul class="plain">${entries.map(
    (entry, index) =>
      html`<li><bdi>${statementHeading(f.t, entry, entry.madeAt && formatTimestamp(f, entry.madeAt))}</bdi>${
        citationRefs(f, data, incident.citations, `operatorStatements/${index}`) ?? ''
      }${entry.statement.trim() ? html`<blockquote>${userText(entry.statement)}</blockquote>` : ''}</li>`,
  )}</ul>`;
}

/** The report's fields of the order and the law; empty when the incident records none of them. */
export function orderFields(f: Formatter, data: ReportData, incident: IncidentFields): Field[] {
  const order = incident.order;
  const answer = (value: Order['published'] | undefined) => (order && value ? label(f, 'acknowledged', value) : null);
  return [
    [f.t('report:order.orderedBy'), actorsText(f, order?.orderedBy)],
    [f.t('report:order.implementedBy'), actorsText(f, order?.implementedBy)],
    [f.t('report:order.document'), bdi(order?.document)],
    [f.t('report:order.issuedAt'), order?.issuedAt ? formatTimestamp(f, order.issuedAt) : null],
    [f.t('report:order.published'), answer(order?.published)],
    [f.t('report:order.courtReview'), answer(order?.courtReview)],
    [f.t('report:order.noticeToUsers'), answer(order?.noticeToUsers)],
    [f.t('report:order.legalCitations'), legalCitationList(f, data, incident)],
    [f.t('report:order.operatorStatements'), statementList(f, data, incident)],
  ];
}
