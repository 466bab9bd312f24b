/** The incident form's first section: the title and the summary of what happened. */
import { useTranslation } from 'react-i18next';
import type { SectionProps } from './fieldProps';
import { TextField } from './TextField';

export function DescriptionSection({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="form-section" aria-labelledby="section-description">
      <h2 id="section-description">{t('incidents:form.sections.description')}</h2>
      <TextField
        field="title"
        label={t('incidents:fields.title')}
        hint={t('incidents:form.hints.title')}
        value={draft.title}
        required
        maxLength={300}
        onChange={(title) => update('title', { title })}
        messages={messagesFor('title')}
      />
      <TextField
        field="summary"
        label={t('incidents:fields.summary')}
        hint={t('incidents:form.hints.summary')}
        value={draft.summary}
        multiline
        onChange={(summary) => update('summary', { summary })}
        messages={messagesFor('summary')}
      />
    </section>
  );
}
