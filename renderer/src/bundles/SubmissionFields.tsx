/**
 * The submission of a legal bundle on the export screen: off until the
 * person ticks "Add a submission"; then who submits it (a person or an
 * organization, a name, a contact if they choose), the declaration of the
 * person who collected the records, the four parts of the methodology and
 * the domestic remedies. The declaration and the methodology start from
 * translated texts in the report's language, for the person to make true
 * of their own work. Every field is labelled, with its hint and its problem
 * tied to it. What is typed here is held by the export screen only
 * (./submissionDraft.ts): never saved, never stored in the browser.
 */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/ipc';
import { prefilledTexts, textOf, type DraftProblem, type PrefilledText, type SubmissionDraft } from './submissionDraft';
import './submission.css';

/** The control each problem sends focus to. */
export const submissionFieldIds: Record<DraftProblem, string> = {
  name: 'export-submitter-name',
  by: 'export-declaration-by',
  date: 'export-declaration-date',
  declaration: 'export-declaration-text',
};

const problemKeys: Record<DraftProblem, string> = {
  name: 'verify:export.submission.submitter.nameRequired',
  by: 'verify:export.submission.declaration.byRequired',
  date: 'verify:export.submission.declaration.dateRequired',
  declaration: 'verify:export.submission.declaration.textRequired',
};

interface Props {
  enabled: boolean;
  onEnabled: (enabled: boolean) => void;
  draft: SubmissionDraft;
  onChange: (draft: SubmissionDraft) => void;
  /** The translated default of a prefilled text, in the report's language. */
  defaults: (field: PrefilledText) => string;
  /** The report's language: an untouched prefilled text is in it, and says so to a screen reader. */
  reportLanguage: Language;
  problems: readonly DraftProblem[];
}

export function SubmissionFields({ enabled, onEnabled, draft, onChange, defaults, reportLanguage, problems }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<SubmissionDraft>) => onChange({ ...draft, ...change });
  const problemOf = (problem: DraftProblem) => (problems.includes(problem) ? t(problemKeys[problem]) : null);
  const prefilled = (field: PrefilledText) => ({
    value: textOf(draft, field, defaults),
    lang: draft.edited[field] === undefined ? reportLanguage : undefined,
    onChange: (value: string) => set({ edited: { ...draft.edited, [field]: value } }),
  });
  return (
    <fieldset className="export-submission">
      <legend>{t('verify:export.submission.legend')}</legend>
      <div className="checkbox-field">
        <input
          id="export-submission-add"
          type="checkbox"
          checked={enabled}
          aria-describedby="export-submission-add-hint"
          onChange={(event) => onEnabled(event.target.checked)}
        />
        <label htmlFor="export-submission-add">{t('verify:export.submission.add')}</label>
        <p className="hint" id="export-submission-add-hint">
          {t('verify:export.submission.addHint')}
        </p>
      </div>
      {enabled && (
        <>
          <p className="export-submission-not-kept">{t('verify:export.submission.notKept')}</p>
          <fieldset>
            <legend>{t('verify:export.submission.submitter.legend')}</legend>
            {(['person', 'organization'] as const).map((kind) => (
              <div className="export-option" key={kind}>
                <input
                  id={`export-submitter-${kind}`}
                  type="radio"
                  name="export-submitter-kind"
                  value={kind}
                  checked={draft.kind === kind}
                  onChange={() => set({ kind })}
                />
                <label htmlFor={`export-submitter-${kind}`}>{t(`verify:export.submission.submitter.${kind}`)}</label>
              </div>
            ))}
            <DraftField
              id={submissionFieldIds.name}
              label={t('verify:export.submission.submitter.name')}
              hint={t('verify:export.submission.submitter.nameHint')}
              value={draft.name}
              onChange={(name) => set({ name })}
              maxLength={300}
              required
              problem={problemOf('name')}
            />
            <DraftField
              id="export-submitter-contact"
              label={t('verify:export.submission.submitter.contact')}
              hint={t('verify:export.submission.submitter.contactHint')}
              value={draft.contact}
              onChange={(contact) => set({ contact })}
              maxLength={1000}
              rows={2}
            />
          </fieldset>
          <fieldset>
            <legend>{t('verify:export.submission.declaration.legend')}</legend>
            <DraftField
              id={submissionFieldIds.by}
              label={t('verify:export.submission.declaration.by')}
              hint={t('verify:export.submission.declaration.byHint')}
              value={draft.by}
              onChange={(by) => set({ by })}
              maxLength={300}
              required
              problem={problemOf('by')}
            />
            <DraftField
              id={submissionFieldIds.date}
              type="date"
              label={t('verify:export.submission.declaration.date')}
              value={draft.date}
              onChange={(date) => set({ date })}
              required
              problem={problemOf('date')}
            />
            <DraftField
              id={submissionFieldIds.declaration}
              label={t('verify:export.submission.declaration.text')}
              hint={t('verify:export.submission.declaration.textHint')}
              {...prefilled('declaration')}
              maxLength={10_000}
              rows={5}
              required
              problem={problemOf('declaration')}
            />
          </fieldset>
          <fieldset>
            <legend>{t('verify:export.submission.methodology.legend')}</legend>
            <p className="hint">{t('verify:export.submission.methodology.hint')}</p>
            {prefilledTexts
              .filter((field) => field !== 'declaration')
              .map((field) => (
                <DraftField
                  key={field}
                  id={`export-methodology-${field}`}
                  label={t(`verify:export.submission.methodology.${field}`)}
                  {...prefilled(field)}
                  maxLength={20_000}
                  rows={4}
                />
              ))}
          </fieldset>
          <DraftField
            id="export-remedies"
            label={t('verify:export.submission.remedies.label')}
            hint={t('verify:export.submission.remedies.hint')}
            value={draft.remedies}
            onChange={(remedies) => set({ remedies })}
            maxLength={20_000}
            rows={3}
          />
        </>
      )}
    </fieldset>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  /** A text area of this many rows; a one-line input without it. */
  rows?: number;
  type?: 'text' | 'date';
  lang?: string | undefined;
  maxLength?: number;
  required?: boolean;
  problem?: string | null;
}

/** One labelled input or text area, its hint and its problem tied to it. */
function DraftField({ id, label, hint, value, onChange, rows, type = 'text', lang, maxLength, required, problem }: FieldProps) {
  const described = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    lang,
    maxLength,
    required,
    autoComplete: 'off',
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': described,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span className="required-mark"> *</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {rows ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(event) => onChange(event.target.value)} />
      )}
      {problem && (
        <p className="field-error" id={`${id}-problem`}>
          {problem}
        </p>
      )}
    </div>
  );
}
