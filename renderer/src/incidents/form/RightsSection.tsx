/** The rights engaged, free tags, and whether the incident is confidential. */
import { useTranslation } from 'react-i18next';
import { rights } from '../../../../shared/model';
import { CheckboxField } from './CheckboxField';
import { ChoiceGroup } from './ChoiceGroup';
import type { SectionProps } from './fieldProps';
import { FormDetails } from './FormDetails';
import { ListField } from './ListField';
import { fieldAnchorId } from './validation';

export function RightsSection({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  return (
    <FormDetails titleId="section-rights" title={t('incidents:form.sections.rights')} fields={['rights', 'tags', 'confidential']}>
      <ChoiceGroup
        field="rights"
        type="checkbox"
        columns={1}
        legend={t('incidents:fields.rights')}
        hint={t('incidents:form.hints.rights')}
        options={rights.map((code) => ({ value: code, label: t(`taxonomy:right.${code}`) }))}
        selected={draft.rights}
        onChange={(chosen) => update('rights', { rights: chosen })}
        messages={messagesFor('rights')}
      />
      <ListField
        id="incident-tags"
        anchorId={fieldAnchorId('tags')}
        label={t('incidents:fields.tags')}
        hint={t('incidents:form.hints.tags')}
        items={draft.tags}
        pending={draft.pending.tags}
        onItemsChange={(tags) => update('tags', { tags })}
        onPendingChange={(tags) => update('tags', { pending: { ...draft.pending, tags } })}
        messages={messagesFor('tags')}
      />
      <CheckboxField
        field="confidential"
        label={t('incidents:fields.confidential')}
        hint={t('incidents:form.hints.confidential')}
        checked={draft.confidential}
        onChange={(confidential) => update('confidential', { confidential })}
        messages={messagesFor('confidential')}
      />
    </FormDetails>
  );
}
