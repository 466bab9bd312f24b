/**
 * The order as the UN draft states it (part 2, the alleged perpetrators):
 * who ordered and who carried it out, the order's document and date, and
 * whether it was published, reviewed by a court and notified to users, each
 * said as the records say it ("The records say the order was not
 * published") or said to be unrecorded; never more than the records say.
 * The caller passes an incident already stripped of a confidential
 * incident's free text (./unFacts.ts).
 */
import { formatTimestamp, type Formatter } from './format';
import { html, type Html } from './html';
import { bdi, inlineList } from './parts';
import { actorsText } from './orderPart';
import type { IncidentFields } from './records';

const u = (f: Formatter, key: string, options?: Record<string, unknown>) => f.t(`unCommunication:${key}`, options ?? {});

/** The bodies recorded as ordering it, then an older record's free text, if any. */
export function orderedByText(f: Formatter, incident: IncidentFields): Html | null {
  const actors = actorsText(f, incident.order?.orderedBy);
  const text = bdi(incident.orderedBy);
  if (actors && text) return html`${actors}${f.t('report:listSeparator')}${text}`;
  return actors ?? text;
}

/** The bodies recorded as carrying it out; without any, the operators and providers named. */
export function carriedOutByText(f: Formatter, incident: IncidentFields): Html | null {
  return actorsText(f, incident.order?.implementedBy) ?? inlineList(incident.operators ?? [], f.t('report:listSeparator'));
}

export function orderDocumentText(f: Formatter, incident: IncidentFields): Html | null {
  const order = incident.order;
  const parts = [order?.document?.trim() ?? '', order?.issuedAt ? formatTimestamp(f, order.issuedAt) : ''].filter(Boolean);
  return parts.length ? html`<bdi>${parts.join(', ')}</bdi>` : null;
}

/** One sentence each for publication, judicial review and notice, when an order is recorded at all. */
export function orderFactsText(f: Formatter, incident: IncidentFields): Html | null {
  const order = incident.order;
  if (!order) return null;
  const facts = (['published', 'courtReview', 'noticeToUsers'] as const).map((key) => u(f, `perpetrators.${key}.${order[key] ?? 'unknown'}`));
  return html`${facts.join(' ')}`;
}
