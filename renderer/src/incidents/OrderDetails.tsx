/**
 * The incident page's "order and the law": who ordered and who carried it
 * out, the order's document and date, whether it was published, reviewed by
 * a court and notified to users; each legal basis as a sentence saying who
 * named it, how and when; each operator's statement; and beside each, the
 * sources cited for it. Nothing shows when the incident records none of it.
 * The words are those of the report (shared/report/orderWords.ts).
 */
import { useTranslation } from 'react-i18next';
import type { Actor, Incident } from '../../../shared/model';
import { actorText, legalCitationSentence, statementHeading } from '../../../shared/report/orderWords';
import { CitedClaim } from '../citations/CitedClaims';
import { currentLanguage } from '../i18n';
import { formatList, formatTimestampInFull } from './format';
import { Detail } from './Detail';
import './form/authority.css';

/** The claims this part shows beside their entries, so the page does not list them again. */
export function orderClaims(incident: Incident): string[] {
  return [
    ...(incident.order ? ['order'] : []),
    ...(incident.legalCitations ?? []).map((_, index) => `legalCitations/${index}`),
    ...(incident.operatorStatements ?? []).map((_, index) => `operatorStatements/${index}`),
  ];
}

export function OrderDetails({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const { order } = incident;
  const legalCitations = incident.legalCitations ?? [];
  const statements = incident.operatorStatements ?? [];
  if (!order && legalCitations.length === 0 && statements.length === 0) return null;
  const actors = (list: readonly Actor[]) =>
    list.length > 0 ? formatList(list.map((actor) => actorText(t, actor)), t) : null;
  const document = order && [order.document, order.issuedAt && formatTimestampInFull(order.issuedAt, lng, t)].filter(Boolean).join(', ');

  return (
    <section className="detail-group order-details" aria-labelledby="order-details-title">
      <h2 id="order-details-title">{t('incidents:page.authority.heading')}</h2>
      <dl>
        {order && (
          <>
            <Detail label={t('report:order.orderedBy')} value={actors(order.orderedBy)} />
            <Detail label={t('report:order.implementedBy')} value={actors(order.implementedBy)} />
            <Detail label={t('report:order.document')} value={document} cite="order" />
            {(['published', 'courtReview', 'noticeToUsers'] as const).map((key) => (
              <Detail key={key} label={t(`report:order.${key}`)} value={t(`taxonomy:acknowledged.${order[key]}`)} />
            ))}
          </>
        )}
        {legalCitations.length > 0 && (
          <Detail
            label={t('report:order.legalCitations')}
            value={
              <ul className="entry-list">
                {legalCitations.map((entry, index) => (
                  <li key={index}>
                    {legalCitationSentence(t, entry, entry.citedAt && formatTimestampInFull(entry.citedAt, lng, t))}
                    <CitedClaim field={`legalCitations/${index}`} />
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {statements.length > 0 && (
          <Detail
            label={t('report:order.operatorStatements')}
            value={
              <ul className="entry-list">
                {statements.map((entry, index) => (
                  <li key={index}>
                    <span className="statement-by">{statementHeading(t, entry, entry.madeAt && formatTimestampInFull(entry.madeAt, lng, t))}</span>
                    {entry.statement.trim() && <blockquote className="prose">{entry.statement}</blockquote>}
                    <CitedClaim field={`operatorStatements/${index}`} />
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </dl>
    </section>
  );
}

