/**
 * Why and on whose order: the justification the authorities gave (codes and
 * their own words), the documented context, whether it was acknowledged,
 * then the order, the legal citations and the operators' statements, each a
 * group closed while empty. The older "ordered by" text and legal basis
 * codes show as before, with an offer to carry them over when they hold any.
 */
import { useTranslation } from 'react-i18next';
import { acknowledgements, contexts, justifications } from '../../../../shared/model';
import { ChoiceGroup } from './ChoiceGroup';
import type { SectionProps } from './fieldProps';
import { FormDetails } from './FormDetails';
import { LegacyAuthority } from './LegacyAuthority';
import { LegalCitationRows } from './LegalCitationRows';
import { OperatorStatementRows } from './OperatorStatementRows';
import { OrderFields } from './OrderFields';
import { TextField } from './TextField';
import './authority.css';

export function AuthoritySection(props: SectionProps) {
  const { draft, update, messagesFor } = props;
  const { t } = useTranslation();
  return (
    <FormDetails titleId="section-authority" title={t('incidents:form.sections.authority')} fields={['justification', 'context', 'acknowledged', 'orderedBy', 'legalBasis', 'order', 'legalCitations', 'operatorStatements']}>
      <ChoiceGroup
        field="justification"
        type="checkbox"
        legend={t('incidents:fields.justification')}
        hint={t('incidents:form.hints.justification')}
        options={justifications.map((code) => ({ value: code, label: t(`taxonomy:justification.${code}`) }))}
        selected={draft.justificationCodes}
        onChange={(justificationCodes) => update('justification', { justificationCodes })}
        messages={messagesFor('justification')}
      >
        <TextField
          field="justification"
          id="incident-justification-statement"
          label={t('incidents:form.statement')}
          hint={t('incidents:form.hints.statement')}
          value={draft.statement}
          multiline
          onChange={(statement) => update('justification', { statement })}
          messages={[]}
        />
      </ChoiceGroup>
      <ChoiceGroup
        field="context"
        type="checkbox"
        legend={t('incidents:fields.context')}
        hint={t('incidents:form.hints.context')}
        options={contexts.map((code) => ({ value: code, label: t(`taxonomy:context.${code}`) }))}
        selected={draft.context}
        onChange={(context) => update('context', { context })}
        messages={messagesFor('context')}
      />
      <ChoiceGroup
        field="acknowledged"
        type="radio"
        columns={3}
        legend={t('incidents:fields.acknowledged')}
        options={acknowledgements.map((code) => ({ value: code, label: t(`taxonomy:acknowledged.${code}`) }))}
        selected={draft.acknowledged}
        onChange={(acknowledged) => update('acknowledged', { acknowledged })}
        messages={messagesFor('acknowledged')}
      />
      <LegacyAuthority {...props} />
      <OrderFields {...props} />
      <LegalCitationRows {...props} />
      <OperatorStatementRows {...props} />
    </FormDetails>
  );
}
