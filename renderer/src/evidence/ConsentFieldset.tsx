/**
 * The consent of the person who gives a testimony: three yes/no questions
 * with no default answer, each saying in plain words what "yes" allows, then
 * when and how consent was given. Required for a testimony; a "no" to
 * storing is shown at once as the reason the testimony cannot be kept.
 */
import { useTranslation } from 'react-i18next';
import { consentMethods } from '../../../shared/model';
import { TimestampField } from '../incidents/form/TimestampField';
import { anchorOf, errorIdOf } from './draftParts';
import { Choices, SelectBox } from './EvidenceControls';
import { consentQuestions, type SourceDraft } from './sourceDraft';

interface Props {
  form: string;
  consent: SourceDraft['consent'];
  required: boolean;
  onChange: (field: string, change: Partial<SourceDraft['consent']>) => void;
  messagesFor: (field: string) => string[];
}

export function ConsentFieldset({ form, consent, required, onChange, messagesFor }: Props) {
  const { t } = useTranslation();
  const answers = [
    { value: 'yes', label: t('evidence:consent.yes') },
    { value: 'no', label: t('evidence:consent.no') },
  ];
  return (
    <fieldset className="form-section consent-fieldset" id={anchorOf(form, 'consent')}>
      <legend>
        {t('evidence:consent.title')}
        {required && <span className="required-mark"> *</span>}
      </legend>
      <p className="hint">{required ? t('evidence:consent.requiredIntro') : t('evidence:consent.optionalIntro')}</p>
      {consentQuestions.map((question) => (
        <Choices
          key={question}
          form={form}
          field={`consent.${question}`}
          type="radio"
          label={t(`evidence:consent.question.${question}`)}
          hint={t(`evidence:consent.explain.${question}`)}
          required={required}
          options={answers}
          selected={consent[question]}
          onChange={(value) => onChange(`consent.${question}`, { [question]: value as 'yes' | 'no' })}
          messages={messagesFor(`consent.${question}`)}
        />
      ))}
      <TimestampField
        field="consent.givenAt"
        ids={{ base: `${form}-consent-givenAt`, anchor: anchorOf(form, 'consent.givenAt'), error: errorIdOf(form, 'consent.givenAt') }}
        legend={t('evidence:consent.givenAt')}
        required={required}
        value={consent.givenAt}
        onChange={(givenAt) => onChange('consent.givenAt', { givenAt })}
        messages={messagesFor('consent.givenAt')}
      />
      <SelectBox
        form={form}
        field="consent.method"
        label={t('evidence:consent.method')}
        required={required}
        value={consent.method}
        emptyLabel={t('evidence:form.choose')}
        options={consentMethods.map((value) => ({ value, label: t(`taxonomy:consentMethod.${value}`) }))}
        onChange={(method) => onChange('consent.method', { method: method as SourceDraft['consent']['method'] })}
        messages={messagesFor('consent.method')}
      />
    </fieldset>
  );
}
