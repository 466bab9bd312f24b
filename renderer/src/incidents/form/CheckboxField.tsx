/** One labelled yes/no box of the incident form ("ongoing", "confidential"), with an optional hint. */
import { FieldError, describedBy } from './FieldError';
import { fieldAnchorId, fieldErrorId, type FieldKey } from './validation';

interface Props {
  field: FieldKey;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  messages: readonly string[];
}

export function CheckboxField({ field, label, hint, checked, onChange, messages }: Props) {
  const id = `incident-${field}`;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field checkbox-field" id={fieldAnchorId(field)}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={describedBy(hintId, messages.length > 0 && fieldErrorId(field))}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError id={fieldErrorId(field)} messages={messages} />
    </div>
  );
}
