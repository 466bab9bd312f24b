/**
 * A fieldset of checkboxes (several codes) or radio buttons (one code), its
 * legend naming the field. Options are stored codes with translated labels;
 * the group's problems sit under the legend.
 */
import type { ReactNode } from 'react';
import { FieldError, describedBy } from './FieldError';
import { fieldAnchorId, fieldErrorId, type FieldKey } from './validation';

export interface Option<V extends string> {
  value: V;
  label: string;
}

/** The ids a group is found by: its inputs' prefix, the anchor the error summary links to, its error list. */
export interface ChoiceIds {
  base: string;
  anchor: string | undefined;
  error: string;
}

interface CommonProps<V extends string> {
  /** An incident field: the ids follow from it. Other forms give `ids` instead. */
  field?: FieldKey;
  /** Distinguishes a second group of the same field (e.g. the codes and the text of "services"). */
  idSuffix?: string;
  ids?: ChoiceIds;
  legend: string;
  hint?: string;
  options: readonly Option<V>[];
  messages: readonly string[];
  columns?: 1 | 2 | 3;
  required?: boolean;
  children?: ReactNode;
}

type Props<V extends string> = CommonProps<V> &
  ({ type: 'checkbox'; selected: readonly V[]; onChange: (selected: V[]) => void } | { type: 'radio'; selected: V | ''; onChange: (selected: V) => void });

function incidentIds(field: FieldKey, idSuffix: string | undefined): ChoiceIds {
  const base = `incident-${field}${idSuffix ? `-${idSuffix}` : ''}`;
  return idSuffix
    ? { base, anchor: undefined, error: `${base}-error` }
    : { base, anchor: fieldAnchorId(field), error: fieldErrorId(field) };
}

export function ChoiceGroup<V extends string>(props: Props<V>) {
  const { field, idSuffix, legend, hint, options, messages, columns = 2, required, children } = props;
  const { base, anchor, error: errorId } = props.ids ?? incidentIds(field!, idSuffix);
  const hintId = hint ? `${base}-hint` : undefined;
  const isChecked = (value: V) => (props.type === 'checkbox' ? props.selected.includes(value) : props.selected === value);

  function toggle(value: V, checked: boolean) {
    if (props.type === 'radio') return props.onChange(value);
    const others = props.selected.filter((known) => known !== value);
    // Keep the stored order of the offered options, whatever order they were ticked in.
    const next = checked ? options.map((o) => o.value).filter((v) => v === value || others.includes(v)) : others;
    props.onChange(next);
  }

  return (
    <fieldset
      className="choice-group"
      role={props.type === 'radio' ? 'radiogroup' : undefined}
      id={anchor}
      aria-describedby={describedBy(hintId, messages.length > 0 && errorId)}
    >
      <legend>
        {legend}
        {required && <span className="required-mark"> *</span>}
      </legend>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError id={errorId} messages={messages} />
      <ul className={`choices columns-${columns}`}>
        {options.map((option) => {
          const id = `${base}-${option.value}`;
          return (
            <li key={option.value}>
              <input
                id={id}
                type={props.type}
                name={base}
                value={option.value}
                checked={isChecked(option.value)}
                aria-invalid={messages.length > 0 || undefined}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label htmlFor={id}>{option.label}</label>
            </li>
          );
        })}
      </ul>
      {children}
    </fieldset>
  );
}
