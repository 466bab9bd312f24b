/**
 * The answers offered for a person's age group, gender and disability
 * (docs/spec/data-model.md, "Person"): coded choices, each with "prefer not
 * to say". The fields stay free strings in the schema so that a value
 * saved before these choices (e.g. "30–39") still loads and survives an
 * edit untouched; only a coded value is translated, anything else is shown
 * as it was written. Pure: no React, no i18n.
 */
export const ageGroups = ['under18', '18-29', '30-44', '45-59', '60plus', 'preferNotToSay'] as const;
export const genders = ['female', 'male', 'other', 'preferNotToSay'] as const;
export const disabilityAnswers = ['yes', 'no', 'preferNotToSay'] as const;

export const personChoiceFields = { ageGroup: ageGroups, gender: genders, disability: disabilityAnswers } as const;
export type PersonChoiceField = keyof typeof personChoiceFields;

/** The taxonomy key of a coded answer ("taxonomy:gender.female"), or null for text saved before the choices. */
export function personChoiceKey(field: PersonChoiceField, value: string | undefined): string | null {
  if (!value) return null;
  return (personChoiceFields[field] as readonly string[]).includes(value) ? `taxonomy:${field}.${value}` : null;
}
