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
  'invalidCitationField',
  'citationNotInSources',
  'duplicateCitation',
  'illustrativeStays',
  'linkToItself',
  'unknownAreaCode',
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

/** Keys about the form of a value: with them the command says what was given (`params.given`). */
const formKeys = new Set([
  'invalidChoice',
  'invalidType',
  'invalidValue',
  'invalidDate',
  'invalidAreaCode',
  'invalidCountry',
  'invalidHash',
  'invalidRecordId',
  'invalidPublicKey',
  'invalidCurrency',
  'invalidLanguage',
]);

/** The kinds of value a message can name (`validation:valueKind.*`), from zod's expected type. */
function kindOf(expected: string): string {
  if (expected === 'string') return 'text';
  if (['number', 'int', 'bigint'].includes(expected)) return 'number';
  if (expected === 'boolean') return 'boolean';
  if (['array', 'tuple', 'set'].includes(expected)) return 'list';
  if (['object', 'record', 'map'].includes(expected)) return 'object';
  return 'other';
}

/**
 * What was given, as JSON, for a person to find it in their file.
 * SECURITY: at most 40 characters of it, so that an error never carries a
 * statement or a name at length into a message or a log.
 */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * `input` is the value that was validated; with it, a missing field reads
 * "Required" and a wrong one carries what was given. A choice says its
 * choices (`choices`), a wrong kind what kind it should be (`expected`).
 */
export function describeIssue(issue: z.core.$ZodIssue, input?: unknown): FieldProblem {
  const path = issue.path.map(String).join('.');
  const value = input === undefined ? undefined : valueAt(input, issue.path);
  const choices: Record<string, string> = issue.code === 'invalid_value' ? { choices: issue.values.map(String).join(', ') } : {};
  if (input !== undefined && value === undefined && (issue.code === 'invalid_value' || issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return { path, key: 'required', params: choices };
  }
  const problem = problemOf(issue);
  if (formKeys.has(problem.key) && value !== undefined) problem.params.given = shown(value);
  return problem;
}

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  const path = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? { path, key: 'required', params: {} }
        : { path, key: 'tooShort', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { path, key: 'tooLong', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { path, key: 'invalidChoice', params: { choices: issue.values.map(String).join(', ') } };
    case 'invalid_type':
      return { path, key: 'invalidType', params: { expected: kindOf(issue.expected) } };
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
  // A value of the wrong kind is said once: zod also measures a text given for a list, and its length is not the problem.
  const wrongKind = new Set(error.issues.filter((issue) => issue.code === 'invalid_type').map((issue) => issue.path.join('.')));
  const sized = (issue: z.core.$ZodIssue) => (issue.code === 'too_big' || issue.code === 'too_small') && wrongKind.has(issue.path.join('.'));
  return error.issues.filter((issue) => !sized(issue)).map((issue) => describeIssue(issue, input));
}
