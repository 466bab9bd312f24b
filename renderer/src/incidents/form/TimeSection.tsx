/**
 * When, after the start (asked in the quick record): whether it is still going on, the end, and whether it was
 * continuous or recurring (e.g. every evening) with a description.
 */
import { useTranslation } from 'react-i18next';
import { patterns } from '../../../../shared/model';
import { CheckboxField } from './CheckboxField';
import { ChoiceGroup } from './ChoiceGroup';
import type { SectionProps } from './fieldProps';
import { FormDetails } from './FormDetails';
import { TextField } from './TextField';
import { TimestampField } from './TimestampField';

export function TimeSection({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  return (
    <FormDetails titleId="section-time" title={t('incidents:form.sections.time')} fields={['ongoing', 'endedAt', 'pattern']}>
      <CheckboxField
        field="ongoing"
        label={t('incidents:fields.ongoing')}
        hint={t('incidents:form.hints.ongoing')}
        checked={draft.ongoing}
        onChange={(ongoing) => update('ongoing', { ongoing })}
        messages={messagesFor('ongoing')}
      />
      <TimestampField
        field="endedAt"
        legend={t('incidents:fields.endedAt')}
        hint={draft.ongoing ? t('incidents:form.hints.endedAtOngoing') : t('incidents:form.hints.endedAt')}
        value={draft.endedAt}
        disabled={draft.ongoing}
        onChange={(endedAt) => update('endedAt', { endedAt })}
        messages={messagesFor('endedAt')}
      />
      <ChoiceGroup
        field="pattern"
        type="radio"
        columns={3}
        legend={t('incidents:fields.pattern')}
        options={patterns.map((pattern) => ({ value: pattern, label: t(`taxonomy:pattern.${pattern}`) }))}
        selected={draft.patternKind}
        onChange={(patternKind) => update('pattern', { patternKind })}
        messages={messagesFor('pattern')}
      >
        <TextField
          field="pattern"
          id="incident-pattern-description"
          label={t('incidents:form.patternDescription')}
          hint={t('incidents:form.hints.patternDescription')}
          value={draft.patternDescription}
          onChange={(patternDescription) => update('pattern', { patternDescription })}
          messages={[]}
        />
      </ChoiceGroup>
    </FormDetails>
  );
}
