/**
 * A person's age group, gender or disability as the report prints it: a
 * coded answer in the report's language ("Пол: Женский", never "Пол:
 * female"), and a value written before the choices exactly as it was, as
 * user text. Never prints a field the caller did not pass.
 */
import { personChoiceKey, type PersonChoiceField } from '../model';
import type { Formatter } from './format';
import type { Html } from './html';
import { bdi, userText } from './parts';

export function personAnswer(f: Formatter, field: PersonChoiceField, value: string | undefined): Html | string | null {
  const key = personChoiceKey(field, value);
  if (key) return f.t(key);
  return field === 'disability' ? userText(value) : bdi(value);
}
