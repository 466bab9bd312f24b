/**
 * A list of free-text entries (operators, tags, places, other services): the
 * entries so far, each removable, and a box to add one (Enter or the Add
 * button). What is still in the box counts when the form is saved, so
 * nothing typed is lost.
 */
import { useTranslation } from 'react-i18next';
import { FieldError, describedBy } from './FieldError';

interface Props {
  id: string;
  label: string;
  hint?: string;
  items: readonly string[];
  pending: string;
  onItemsChange: (items: string[]) => void;
  onPendingChange: (text: string) => void;
  messages?: readonly string[];
  /** Id of the field's shared error message, when the field shows it elsewhere. */
  errorId?: string;
  /** Names offered as the person types (a datalist); any other text is still accepted. */
  suggestions?: readonly string[];
  /** Id for the wrapper, when the error summary links to this list. */
  anchorId?: string;
}

export function ListField({ id, label, hint, items, pending, onItemsChange, onPendingChange, messages = [], errorId, anchorId, suggestions }: Props) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const ownErrorId = `${id}-error`;

  function add() {
    const text = pending.trim();
    if (!text) return;
    if (!items.includes(text)) onItemsChange([...items, text]);
    onPendingChange('');
  }

  return (
    <div className="field list-field" id={anchorId}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {items.length > 0 && (
        <ul className="list-items" aria-label={label}>
          {items.map((item) => (
            <li key={item}>
              <span className="list-item-text">{item}</span>
              <button type="button" className="small" onClick={() => onItemsChange(items.filter((known) => known !== item))}>
                {t('incidents:form.remove')}
                <span className="visually-hidden"> {item}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field-row">
        <input
          id={id}
          type="text"
          value={pending}
          list={suggestions ? `${id}-suggestions` : undefined}
          aria-invalid={messages.length > 0 || undefined}
          aria-describedby={describedBy(hintId, messages.length > 0 && ownErrorId, errorId)}
          onChange={(event) => onPendingChange(event.target.value)}
          onKeyDown={(event) => {
            // Plain Enter adds the entry; Ctrl/Cmd+Enter is left to the form (save).
            if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
              event.preventDefault();
              add();
            }
          }}
        />
        {suggestions && (
          <datalist id={`${id}-suggestions`}>
            {suggestions
              .filter((name) => !items.includes(name))
              .map((name) => (
                <option key={name} value={name} />
              ))}
          </datalist>
        )}
        <button type="button" onClick={add} aria-describedby={`${id}-add-label`}>
          {t('incidents:form.add')}
        </button>
        <span id={`${id}-add-label`} hidden>
          {label}
        </span>
      </div>
      <FieldError id={ownErrorId} messages={messages} />
    </div>
  );
}
