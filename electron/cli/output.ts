/**
 * What the command says to people: translated sentences (namespace `cli`,
 * and `errors`/`validation` for failures) in the language of --lang or the
 * environment's locale. Never prints a stack trace.
 */
import i18next, { type TFunction } from 'i18next';
import type { DalelError, Language } from '../../shared/ipc';
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
  const lines = [t(`errors:${error.code}`, error.params ?? {})];
  for (const problem of error.problems ?? []) {
    lines.push(t('cli:problem', { path: problem.path || '(record)', message: t(`validation:${problem.key}`, problem.params) }));
  }
  return lines.join('\n');
}
