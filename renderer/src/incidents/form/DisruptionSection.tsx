/**
 * What was cut, in detail (the kinds of disruption are in the quick record):
 * the services blocked (known codes and free text) and the operators
 * involved, with the operators already in the archive offered as you type.
 */
import { useTranslation } from 'react-i18next';
import { serviceCodes } from '../../../../shared/model';
import { ChoiceGroup } from './ChoiceGroup';
import type { SectionProps } from './fieldProps';
import { FormDetails } from './FormDetails';
import { ListField } from './ListField';
import { useOperatorSuggestions } from './operatorSuggestions';
import { fieldAnchorId, fieldErrorId } from './validation';

export function DisruptionSection({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  const operatorNames = useOperatorSuggestions();
  return (
    <FormDetails titleId="section-disruption" title={t('incidents:form.sections.disruption')} fields={['services', 'operators']}>
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
        suggestions={operatorNames}
        pending={draft.pending.operators}
        onItemsChange={(operators) => update('operators', { operators })}
        onPendingChange={(operators) => update('operators', { pending: { ...draft.pending, operators } })}
        messages={messagesFor('operators')}
      />
    </FormDetails>
  );
}
