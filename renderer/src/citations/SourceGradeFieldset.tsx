/**
 * The source form's grade: the source's reliability A–F and the
 * information's credibility 1–6 (each choice with its meaning, from
 * taxonomy.json), first-hand, hearsay or not known, and how it was checked.
 */
import { useTranslation } from 'react-i18next';
import { informationCredibilities, sourceAccesses, sourceReliabilities } from '../../../shared/model';
import { Choices, SelectBox, TextBox } from '../evidence/EvidenceControls';
import type { GradeDraft } from './gradeDraft';

interface Props {
  form: string;
  grade: GradeDraft;
  onChange: (grade: GradeDraft) => void;
  messages: readonly string[];
}

export function SourceGradeFieldset({ form, grade, onChange, messages }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<GradeDraft>) => onChange({ ...grade, ...change });
  return (
    <fieldset className="form-section source-grade-fieldset">
      <legend>{t('evidence:grade.title')}</legend>
      <p className="hint">{t('evidence:grade.hint')}</p>
      <SelectBox
        form={form}
        field="grade.reliability"
        label={t('evidence:grade.reliability')}
        value={grade.reliability}
        emptyLabel={t('evidence:grade.notGraded')}
        options={sourceReliabilities.map((value) => ({ value, label: t(`taxonomy:reliability.${value}`) }))}
        onChange={(reliability) => set({ reliability: reliability as GradeDraft['reliability'] })}
        messages={[]}
      />
      <SelectBox
        form={form}
        field="grade.credibility"
        label={t('evidence:grade.credibility')}
        value={grade.credibility}
        emptyLabel={t('evidence:grade.notGraded')}
        options={informationCredibilities.map((value) => ({ value, label: t(`taxonomy:credibility.${value}`) }))}
        onChange={(credibility) => set({ credibility: credibility as GradeDraft['credibility'] })}
        messages={[]}
      />
      <Choices
        form={form}
        field="grade.access"
        type="radio"
        label={t('evidence:grade.access')}
        options={sourceAccesses.map((value) => ({ value, label: t(`taxonomy:access.${value}`) }))}
        selected={grade.access}
        onChange={(access) => set({ access: access as GradeDraft['access'] })}
        messages={[]}
      />
      <TextBox
        form={form}
        field="grade"
        label={t('evidence:grade.verification')}
        hint={t('evidence:grade.verificationHint')}
        multiline
        value={grade.verification}
        onChange={(verification) => set({ verification })}
        messages={messages}
      />
    </fieldset>
  );
}
