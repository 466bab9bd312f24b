/**
 * The translations of a source, in the source form: for each, the language,
 * the translated text, the translator, the day and whether it is certified,
 * each field labelled and reached by Tab, with a button to remove it; then a
 * button to add one. Adding moves focus to the new translation's first
 * field, removing to the "add" button, so a keyboard user never loses their
 * place. It holds no state: the form's draft does.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, describedBy } from '../incidents/form/FieldError';
import { anchorOf, errorIdOf } from './draftParts';
import { Choices, TextBox } from './EvidenceControls';
import { emptyTranslation, type TranslationDraft } from './translationDraft';

interface Props {
  form: string;
  translations: readonly TranslationDraft[];
  onChange: (field: string, translations: TranslationDraft[]) => void;
  messagesFor: (field: string) => string[];
}

/** A labelled day input, with its problems tied to it like the other controls. */
function DayBox({ form, field, label, value, onChange, messages }: { form: string; field: string; label: string; value: string; onChange: (value: string) => void; messages: string[] }) {
  const id = `${form}-${field.replaceAll('.', '-')}`;
  const errorId = errorIdOf(form, field);
  return (
    <div className="field" id={anchorOf(form, field)}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value} aria-invalid={messages.length > 0 || undefined} aria-describedby={describedBy(messages.length > 0 && errorId)} onChange={(event) => onChange(event.target.value)} />
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}

export function TranslationsFieldset({ form, translations, onChange, messagesFor }: Props) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<'added' | 'removed' | null>(null);
  const count = translations.length;

  useEffect(() => {
    if (focusAfter.current === 'added') document.getElementById(`${form}-translations-${count - 1}-language`)?.focus();
    if (focusAfter.current === 'removed') addRef.current?.focus();
    focusAfter.current = null;
  }, [count, form]);

  const change = (index: number, name: keyof TranslationDraft, value: string | boolean) =>
    onChange(
      `translations.${index}.${name}`,
      translations.map((translation, i) => (i === index ? { ...translation, [name]: value } : translation)),
    );
  const label = (name: string) => t(`evidence:source.translation.fields.${name}`);

  return (
    <fieldset className="form-section translations-fieldset">
      <legend>{t('evidence:source.translation.title')}</legend>
      <p className="hint">{t('evidence:source.translation.hint')}</p>
      {translations.map((translation, index) => {
        const field = (name: string) => `translations.${index}.${name}`;
        return (
          <fieldset key={index} className="translation-draft">
            <legend>{t('evidence:source.translation.legend', { number: index + 1 })}</legend>
            <TextBox form={form} field={field('language')} label={label('language')} hint={t('evidence:source.translation.languageHint')} required value={translation.language} onChange={(value) => change(index, 'language', value)} messages={messagesFor(field('language'))} />
            <TextBox form={form} field={field('text')} label={label('text')} multiline value={translation.text} onChange={(value) => change(index, 'text', value)} messages={messagesFor(field('text'))} />
            <TextBox form={form} field={field('translator')} label={label('translator')} hint={t('evidence:source.translation.translatorHint')} value={translation.translator} onChange={(value) => change(index, 'translator', value)} messages={messagesFor(field('translator'))} />
            <DayBox form={form} field={field('translatedAt')} label={label('translatedAt')} value={translation.translatedAt} onChange={(value) => change(index, 'translatedAt', value)} messages={messagesFor(field('translatedAt'))} />
            <Choices
              form={form}
              field={field('certified')}
              type="checkbox"
              label={t('evidence:source.translation.certifiedLegend')}
              options={[{ value: 'certified', label: label('certified') }]}
              selected={translation.certified ? ['certified'] : []}
              onChange={(values) => change(index, 'certified', values.length > 0)}
              messages={messagesFor(field('certified'))}
            />
            <button
              type="button"
              onClick={() => {
                focusAfter.current = 'removed';
                onChange('translations', translations.filter((_, i) => i !== index));
              }}
            >
              {t('evidence:source.translation.remove', { number: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        ref={addRef}
        onClick={() => {
          focusAfter.current = 'added';
          onChange('translations', [...translations, emptyTranslation()]);
        }}
      >
        {t('evidence:source.translation.add')}
      </button>
    </fieldset>
  );
}
