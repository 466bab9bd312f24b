/**
 * The consent of the person who gives a testimony: one yes/no question per
 * use, asked on behalf of the person collecting, with no default answer,
 * each saying in plain words what "yes" allows; then who asked, in which
 * language, when and how. Required for a testimony; a "no" to keeping it is
 * shown at once as the reason the testimony cannot be kept. Earlier
 * withdrawals are listed, and a new one is recorded in its own fieldset.
 */
import { useTranslation } from 'react-i18next';
import { TimestampField } from '../incidents/form/TimestampField';
import { anchorOf, errorIdOf } from './draftParts';
import { Choices, ConsentMethodSelect, SelectBox, TextBox } from './EvidenceControls';
import { consentQuestions, type ConsentDraft } from './sourceDraft';
import { WithdrawalFieldset } from './WithdrawalFieldset';

interface Props {
  form: string;
  consent: ConsentDraft;
  required: boolean;
  onChange: (field: string, change: Partial<ConsentDraft>) => void;
  messagesFor: (field: string) => string[];
}

/** Languages offered for "asked in": Dalel's own, then those most spoken beside them. */
const askedInLanguages = ['kk', 'ru', 'en', 'uz', 'ky', 'tg', 'ug', 'tr', 'zh'] as const;

export function ConsentFieldset({ form, consent, required, onChange, messagesFor }: Props) {
  const { t, i18n } = useTranslation();
  const answers = [
    { value: 'yes', label: t('evidence:consent.yes') },
    { value: 'no', label: t('evidence:consent.no') },
  ];
  const languageNames = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const languages = [...new Set<string>([...askedInLanguages, ...(consent.askedIn ? [consent.askedIn] : [])])];
  return (
    <fieldset className="form-section consent-fieldset" id={anchorOf(form, 'consent')}>
      <legend>
        {t('evidence:consent.title')}
        {required && <span className="required-mark"> *</span>}
      </legend>
      <p className="hint">{required ? t('evidence:consent.requiredIntro') : t('evidence:consent.optionalIntro')}</p>
      {consent.migrated && <p className="notice">{t('evidence:consent.migrated')}</p>}
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
          // A changed answer is asked anew: it no longer stands for the earlier questions.
          onChange={(value) => onChange(`consent.${question}`, { [question]: value as 'yes' | 'no', migrated: false })}
          messages={messagesFor(`consent.${question}`)}
        />
      ))}
      <TextBox
        form={form}
        field="consent.askedBy"
        label={t('evidence:consent.askedBy')}
        hint={t('evidence:consent.askedByHint')}
        required={required && !consent.migrated}
        value={consent.askedBy}
        onChange={(askedBy) => onChange('consent.askedBy', { askedBy })}
        messages={messagesFor('consent.askedBy')}
      />
      <SelectBox
        form={form}
        field="consent.askedIn"
        label={t('evidence:consent.askedIn')}
        required={required && !consent.migrated}
        value={consent.askedIn}
        emptyLabel={t('evidence:form.choose')}
        options={languages.map((code) => ({ value: code, label: languageNames.of(code) ?? code }))}
        onChange={(askedIn) => onChange('consent.askedIn', { askedIn })}
        messages={messagesFor('consent.askedIn')}
      />
      <TimestampField
        field="consent.givenAt"
        ids={{ base: `${form}-consent-givenAt`, anchor: anchorOf(form, 'consent.givenAt'), error: errorIdOf(form, 'consent.givenAt') }}
        legend={t('evidence:consent.givenAt')}
        required={required}
        value={consent.givenAt}
        onChange={(givenAt) => onChange('consent.givenAt', { givenAt, migrated: false })}
        messages={messagesFor('consent.givenAt')}
      />
      <ConsentMethodSelect
        form={form}
        field="consent.method"
        label={t('evidence:consent.method')}
        required={required}
        value={consent.method}
        onChange={(method) => onChange('consent.method', { method, migrated: false })}
        messages={messagesFor('consent.method')}
      />
      <WithdrawalFieldset form={form} consent={consent} onChange={onChange} messagesFor={messagesFor} />
    </fieldset>
  );
}
