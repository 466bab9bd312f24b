/**
 * The order behind a shutdown, in the incident form: who ordered it and who
 * carried it out, the order's document and date, and whether it was
 * published, reviewed by a court and notified to users (yes, no, or not
 * known: "not known" is the default and claims nothing).
 */
import { useTranslation } from 'react-i18next';
import { acknowledgements } from '../../../../shared/model';
import { ActorRows } from './ActorRows';
import { AuthorityGroup } from './AuthorityGroup';
import { orderHasContent, type Answer, type OrderDraft } from './authorityDraft';
import { ChoiceGroup } from './ChoiceGroup';
import type { SectionProps } from './fieldProps';
import { TimestampField } from './TimestampField';

const answers = ['published', 'courtReview', 'noticeToUsers'] as const;

export function OrderFields({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  const order = draft.authority.order;
  const messages = messagesFor('order');
  const set = (change: Partial<OrderDraft>) => update('order', { authority: { ...draft.authority, order: { ...order, ...change } } });
  const base = 'incident-order';
  return (
    <AuthorityGroup
      field="order"
      summary={t('incidents:fields.order')}
      hint={t('incidents:form.authority.orderHint')}
      hasContent={orderHasContent(order)}
      messages={messages}
    >
      <ActorRows
        id={`${base}-orderedBy`}
        legend={t('incidents:form.authority.orderedBy')}
        addLabel={t('incidents:form.authority.addOrderedBy')}
        rows={order.orderedBy}
        onChange={(orderedBy) => set({ orderedBy })}
        invalid={messages.length > 0}
      />
      <ActorRows
        id={`${base}-implementedBy`}
        legend={t('incidents:form.authority.implementedBy')}
        addLabel={t('incidents:form.authority.addImplementedBy')}
        rows={order.implementedBy}
        onChange={(implementedBy) => set({ implementedBy })}
        invalid={messages.length > 0}
      />
      <div className="field">
        <label htmlFor={`${base}-document`}>{t('incidents:form.authority.document')}</label>
        <p className="hint" id={`${base}-document-hint`}>
          {t('incidents:form.authority.documentHint')}
        </p>
        <input
          id={`${base}-document`}
          type="text"
          maxLength={500}
          aria-describedby={`${base}-document-hint`}
          value={order.document}
          onChange={(event) => set({ document: event.target.value })}
        />
      </div>
      <TimestampField
        field="order"
        ids={{ base: `${base}-issuedAt`, anchor: `${base}-issuedAt-anchor`, error: `${base}-issuedAt-error` }}
        legend={t('incidents:form.authority.issuedAt')}
        value={order.issuedAt}
        onChange={(issuedAt) => set({ issuedAt })}
        messages={[]}
      />
      {answers.map((key) => (
        <ChoiceGroup
          key={key}
          type="radio"
          columns={3}
          ids={{ base: `${base}-${key}`, anchor: undefined, error: `${base}-${key}-error` }}
          legend={t(`incidents:form.authority.${key}`)}
          options={acknowledgements.map((code) => ({ value: code, label: t(`taxonomy:acknowledged.${code}`) }))}
          selected={order[key]}
          onChange={(value: Answer) => set({ [key]: value })}
          messages={[]}
        />
      ))}
    </AuthorityGroup>
  );
}
