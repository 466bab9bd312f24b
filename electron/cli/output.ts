/**
 * What the command says to people: translated sentences (namespace `cli`,
 * and `errors`/`validation` for failures) in the language of --lang or the
 * environment's locale. Never prints a stack trace.
 */
import i18next, { type TFunction } from 'i18next';
import type { DalelError, Language } from '../../shared/ipc';
import type { FieldProblem } from '../../shared/model';
import { i18nOptions, pickLanguage } from '../../shared/i18n';

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export async function translator(language: Language): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ ...i18nOptions(language), initAsync: false });
  return instance.t;
}

/** The language from --lang, else the environment's locale, else English. */
export function languageFrom(option: string | undefined, env: NodeJS.ProcessEnv): Language {
  return pickLanguage(option ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}

/** One clear sentence for an error, plus one line per field problem. */
export function describeError(t: TFunction, error: DalelError): string {
  return [t(`errors:${error.code}`, error.params ?? {}), ...(error.problems ?? []).map((problem) => describeProblem(t, problem))].join('\n');
}

/**
 * A field problem as the command says it: the field, what is wrong and what
 * is allowed (the `validation` message, as the app shows it beside the
 * field), then what was given: on the command line no field shows it.
 */
export function describeProblem(t: TFunction, { path, key, params }: FieldProblem): string {
  const parts = [t(`validation:${key}`, params)];
  // A missing choice: the app shows the choices in its list; here they are said.
  if (key === 'required' && params.choices !== undefined) parts.push(t('cli:problemChoices', { choices: params.choices }));
  if (params.given !== undefined) parts.push(t('cli:problemGiven', { given: params.given }));
  return t('cli:problem', { path: path || '(record)', message: parts.join(' ') });
}

/**
 * The wording of a read-only command (list, show, check…): each message is
 * looked up first in its `_readOnly` form (i18next's context), which leaves
 * out "Nothing was changed": a command that changes nothing never says so.
 */
export function readOnlyWording(t: TFunction): TFunction {
  return ((key: string | string[], options?: Record<string, unknown>) => t(key, { context: 'readOnly', ...options })) as unknown as TFunction;
}
