/**
 * Why and on whose order: the justification the authorities gave (codes and
 * their own words), the documented context, who ordered it, whether it was
 * acknowledged, and the legal basis cited.
 */
import { useTranslation } from 'react-i18next';
import { acknowledgements, contexts, justifications, legalBases } from '../../../../shared/model';
import { ChoiceGroup } from './ChoiceGroup';
import type { SectionProps } from './fieldProps';
import { TextField } from './TextField';

export function AuthoritySection({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="form-section" aria-labelledby="section-authority">
      <h2 id="section-authority">{t('incidents:form.sections.authority')}</h2>
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
      <TextField
        field="orderedBy"
        label={t('incidents:fields.orderedBy')}
        hint={t('incidents:form.hints.orderedBy')}
        value={draft.orderedBy}
        onChange={(orderedBy) => update('orderedBy', { orderedBy })}
        messages={messagesFor('orderedBy')}
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
      <ChoiceGroup
        field="legalBasis"
        type="checkbox"
        columns={1}
        legend={t('incidents:fields.legalBasis')}
        hint={t('incidents:form.hints.legalBasis')}
        options={legalBases.map((code) => ({ value: code, label: t(`taxonomy:legalBasis.${code}`) }))}
        selected={draft.legalBasisCodes}
        onChange={(legalBasisCodes) => update('legalBasis', { legalBasisCodes })}
        messages={messagesFor('legalBasis')}
      >
        <TextField
          field="legalBasis"
          id="incident-legal-basis-other"
          label={t('incidents:form.legalBasisOther')}
          value={draft.legalBasisOther}
          onChange={(legalBasisOther) => update('legalBasis', { legalBasisOther })}
          messages={[]}
        />
      </ChoiceGroup>
    </section>
  );
}
