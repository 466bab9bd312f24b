/**
 * The labelled controls of the effect and source forms: a text box or area,
 * a select (and the select of how consent was given or taken back), a group
 * of radio buttons or checkboxes, and the error summary
 * whose links move focus to a field. Each control ties its hint and problems
 * to itself (aria-describedby, aria-invalid); ids derive from the form's name
 * and the field, so the summary can find them.
 */
import { forwardRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { consentMethods } from '../../../shared/model';
import { ChoiceGroup } from '../incidents/form/ChoiceGroup';
import { FieldError, describedBy } from '../incidents/form/FieldError';
import { anchorOf, errorIdOf } from './draftParts';
import type { ConsentMethod } from './sourceDraft';

interface Common {
  form: string;
  field: string;
  label: string;
  messages: readonly string[];
  hint?: string;
  required?: boolean;
}

const controlId = (form: string, field: string) => `${form}-${field.replaceAll('.', '-')}`;

function Label({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={htmlFor}>
      {label}
      {required && <span className="required-mark"> *</span>}
    </label>
  );
}

export function TextBox(props: Common & { value: string; onChange: (value: string) => void; multiline?: boolean; inputMode?: 'decimal' | 'numeric' }) {
  const { form, field, label, messages, hint, required, value, onChange, multiline, inputMode } = props;
  const id = controlId(form, field);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorIdOf(form, field);
  const common = {
    id,
    value,
    required,
    'aria-invalid': messages.length > 0 || undefined,
    'aria-describedby': describedBy(hintId, messages.length > 0 && errorId),
  };
  return (
    <div className="field" id={anchorOf(form, field)}>
      <Label htmlFor={id} label={label} required={required} />
      {hint && <p className="hint" id={hintId}>{hint}</p>}
      {multiline ? (
        <textarea {...common} rows={4} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type="text" inputMode={inputMode} onChange={(event) => onChange(event.target.value)} />
      )}
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectBox(props: Common & { value: string; onChange: (value: string) => void; options: readonly Option[]; emptyLabel: string }) {
  const { form, field, label, messages, hint, required, value, onChange, options, emptyLabel } = props;
  const id = controlId(form, field);
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field" id={anchorOf(form, field)}>
      <Label htmlFor={id} label={label} required={required} />
      {hint && <p className="hint" id={hintId}>{hint}</p>}
      <select
        id={id}
        value={value}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={describedBy(hintId, messages.length > 0 && errorIdOf(form, field))}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{emptyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={errorIdOf(form, field)} messages={messages} />
    </div>
  );
}

/** How consent was given, or taken back: verbal, written, recorded. */
export function ConsentMethodSelect(props: Common & { value: ConsentMethod | ''; onChange: (method: ConsentMethod) => void }) {
  const { t } = useTranslation();
  const { onChange, ...rest } = props;
  return (
    <SelectBox
      {...rest}
      emptyLabel={t('evidence:form.choose')}
      options={consentMethods.map((value) => ({ value, label: t(`taxonomy:consentMethod.${value}`) }))}
      onChange={(method) => onChange(method as ConsentMethod)}
    />
  );
}

type ChoiceProps = Common & { options: readonly Option[]; children?: ReactNode } & (
    | { type: 'radio'; selected: string; onChange: (value: string) => void }
    | { type: 'checkbox'; selected: readonly string[]; onChange: (values: string[]) => void }
  );

/** A group of radio buttons or checkboxes: the incident form's ChoiceGroup, with this form's ids. */
export function Choices(props: ChoiceProps) {
  const { form, field, label, ...rest } = props;
  const ids = { base: controlId(form, field), anchor: anchorOf(form, field), error: errorIdOf(form, field) };
  return <ChoiceGroup {...rest} legend={label} ids={ids} />;
}

interface SummaryProps {
  form: string;
  intro: string | null;
  entries: readonly { field: string; messages: string[] }[];
  labelOf: (field: string) => string;
}

export const EvidenceErrorSummary = forwardRef<HTMLDivElement, SummaryProps>(function EvidenceErrorSummary({ form, intro, entries, labelOf }, ref) {
  const { t } = useTranslation();
  if (!intro && entries.length === 0) return null;
  const focusField = (event: MouseEvent, field: string) => {
    event.preventDefault();
    const wrapper = document.getElementById(anchorOf(form, field));
    const control = wrapper?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])');
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${form}-summary-title`}>
      <h2 id={`${form}-summary-title`}>{intro ?? t('incidents:form.errorSummary', { count: entries.length })}</h2>
      <ul>
        {entries.map(({ field, messages }) => (
          <li key={field}>
            <a href={`#${anchorOf(form, field)}`} onClick={(event) => focusField(event, field)}>
              {field === 'form' ? messages.join(' ') : `${labelOf(field)}: ${messages.join(' ')}`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
