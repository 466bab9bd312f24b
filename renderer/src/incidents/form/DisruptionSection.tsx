/**
 * What was cut: the kinds of disruption, the services blocked (known codes
 * and free text) and the operators involved.
 */
import { useTranslation } from 'react-i18next';
import { incidentKinds, serviceCodes } from '../../../../shared/model';
import { ChoiceGroup } from './ChoiceGroup';
import type { SectionProps } from './fieldProps';
import { ListField } from './ListField';
import { fieldAnchorId, fieldErrorId } from './validation';

export function DisruptionSection({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="form-section" aria-labelledby="section-disruption">
      <h2 id="section-disruption">{t('incidents:form.sections.disruption')}</h2>
      <ChoiceGroup
        field="kinds"
        type="checkbox"
        required
        legend={t('incidents:fields.kinds')}
        hint={t('incidents:form.hints.kinds')}
        options={incidentKinds.map((kind) => ({ value: kind, label: t(`taxonomy:kind.${kind}`) }))}
        selected={draft.kinds}
        onChange={(kinds) => update('kinds', { kinds })}
        messages={messagesFor('kinds')}
      />
      <ChoiceGroup
        field="services"
        type="checkbox"
        columns={3}
        legend={t('incidents:fields.services')}
        hint={t('incidents:form.hints.services')}
        options={serviceCodes.map((code) => ({ value: code, label: t(`taxonomy:service.${code}`) }))}
        selected={draft.serviceCodes}
        onChange={(codes) => update('services', { serviceCodes: codes })}
        messages={messagesFor('services')}
      >
        <ListField
          id="incident-other-services"
          label={t('incidents:form.otherServices')}
          items={draft.otherServices}
          pending={draft.pending.otherServices}
          onItemsChange={(otherServices) => update('services', { otherServices })}
          onPendingChange={(otherServices) => update('services', { pending: { ...draft.pending, otherServices } })}
          errorId={messagesFor('services').length > 0 ? fieldErrorId('services') : undefined}
        />
      </ChoiceGroup>
      <ListField
        id="incident-operators"
        anchorId={fieldAnchorId('operators')}
        label={t('incidents:fields.operators')}
        hint={t('incidents:form.hints.operators')}
        items={draft.operators}
        pending={draft.pending.operators}
        onItemsChange={(operators) => update('operators', { operators })}
        onPendingChange={(operators) => update('operators', { pending: { ...draft.pending, operators } })}
        messages={messagesFor('operators')}
      />
    </section>
  );
}
