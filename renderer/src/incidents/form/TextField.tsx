/**
 * One labelled text input or multi-line text area of the incident form, with
 * its hint and problems tied to it (aria-describedby, aria-invalid). Enter in
 * a text area makes a new line; it never submits.
 */
import { FieldError, describedBy } from './FieldError';
import { fieldAnchorId, fieldErrorId, type FieldKey } from './validation';

interface Props {
  field: FieldKey;
  /** Defaults to the field's own id; a second text control of the same field names its own. */
  id?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  messages: readonly string[];
  hint?: string;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
  className?: string;
}

export function TextField({ field, id, label, value, onChange, messages, hint, multiline, required, maxLength, className }: Props) {
  const inputId = id ?? `incident-${field}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = id ? `${inputId}-error` : fieldErrorId(field);
  const common = {
    id: inputId,
    value,
    required,
    maxLength,
    'aria-invalid': messages.length > 0 || undefined,
    'aria-describedby': describedBy(hintId, messages.length > 0 && errorId),
  };
  return (
    <div className={`field ${className ?? ''}`} id={id ? undefined : fieldAnchorId(field)}>
      <label htmlFor={inputId}>
        {label}
        {required && <span className="required-mark"> *</span>}
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={4} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => onChange(event.target.value)} />
      )}
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}
