/**
 * Turns zod issues into i18n keys with parameters, so that the form, the
 * engine's errors and the command all speak the same translated sentences
 * (namespace `validation`). Returns keys, never text.
 */
import type { z } from 'zod';

export interface FieldProblem {
  /** Dotted path of the field, e.g. "startedAt.at" or "kinds". */
  path: string;
  /** Key in the `validation` namespace. */
  key: string;
  params: Record<string, string | number>;
}

/** Keys that custom issues carry as their message. */
const customKeys = new Set([
  'invalidDate',
  'endBeforeStart',
  'endedWhileOngoing',
  'duplicateChoice',
  'invalidAreaCode',
  'invalidCountry',
  'invalidHash',
  'invalidRecordId',
  'invalidPublicKey',
  'invalidCurrency',
  'invalidLanguage',
  'consentRequired',
  'consentToStoreRequired',
  'consentAskedByRequired',
  'consentLanguageRequired',
  'consentWithdrawn',
  'consentNamedNeedsReading',
  'consentMigratedNamed',
  'unknownIncident',
  'unknownSource',
]);

/** The value at a path of the validated input, to tell "missing" from "wrong". */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `input` is the value that was validated; with it, a missing field reads "Required". */
export function describeIssue(issue: z.core.$ZodIssue, input?: unknown): FieldProblem {
  const path = issue.path.map(String).join('.');
  const missing = input !== undefined && valueAt(input, issue.path) === undefined;
  if (missing && (issue.code === 'invalid_value' || issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return { path, key: 'required', params: {} };
  }
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? { path, key: 'required', params: {} }
        : { path, key: 'tooShort', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { path, key: 'tooLong', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { path, key: 'invalidChoice', params: {} };
    case 'invalid_type':
      return { path, key: 'invalidType', params: {} };
    case 'unrecognized_keys':
      return { path, key: 'unknownField', params: { fields: issue.keys.join(', ') } };
    case 'invalid_union':
      return { path, key: 'invalidValue', params: {} };
    default:
      return { path, key: customKeys.has(issue.message) ? issue.message : 'invalidValue', params: {} };
  }
}

/** Every key describeIssue can return, so a test can check each has a message. */
export const validationKeys = [
  'required',
  'tooShort',
  'tooLong',
  'invalidChoice',
  'invalidType',
  'invalidValue',
  'unknownField',
  ...customKeys,
];

export function describeIssues(error: z.ZodError, input?: unknown): FieldProblem[] {
  return error.issues.map((issue) => describeIssue(issue, input));
}
