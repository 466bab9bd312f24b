/**
 * The incident form's quick record, always open at the top: what a defender
 * needs to save during a shutdown (the title, the summary, the country, the
 * scope, the kinds of disruption and the start). Everything else waits in
 * the collapsible sections below (./FormDetails.tsx).
 */
import { useTranslation } from 'react-i18next';
import { incidentKinds, scopes } from '../../../../shared/model';
import { ChoiceGroup } from './ChoiceGroup';
import { CountrySelect } from './CountrySelect';
import type { SectionProps } from './fieldProps';
import { TextField } from './TextField';
import { TimestampField } from './TimestampField';

export function QuickRecordSection({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="form-section quick-record" aria-labelledby="section-description">
      <h2 id="section-description">{t('incidents:form.sections.quick')}</h2>
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
      <CountrySelect value={draft.country} onChange={(country) => update('country', { country })} messages={messagesFor('country')} />
      <ChoiceGroup
        field="scope"
        type="radio"
        columns={3}
        required
        legend={t('incidents:fields.scope')}
        options={scopes.map((scope) => ({ value: scope, label: t(`taxonomy:scope.${scope}`) }))}
        selected={draft.scope}
        onChange={(scope) => update('scope', { scope })}
        messages={messagesFor('scope')}
      />
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
      <TimestampField
        field="startedAt"
        required
        legend={t('incidents:fields.startedAt')}
        hint={t('incidents:form.hints.startedAt')}
        value={draft.startedAt}
        // An end not yet typed follows the start's offset (./offsetDefaults.ts).
        onChange={(startedAt) => update('startedAt', { startedAt })}
        messages={messagesFor('startedAt')}
      />
    </section>
  );
}
