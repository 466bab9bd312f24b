/**
 * The translations the shell itself shows (the menu, dialog buttons), from
 * the same i18next resources as the UI (shared/i18n). It owns the main
 * process's i18next instance and the current language; it must never hold
 * strings of its own: every word comes from the locale files.
 */
import i18next from 'i18next';
import { i18nOptions } from '../../shared/i18n';
import type { Language } from '../../shared/ipc';

const i18n = i18next.createInstance();
let ready: Promise<unknown> | null = null;

/** Switches the shell's language; resolves once its texts are available. */
export async function useLanguage(language: Language): Promise<void> {
  ready ??= i18n.init({ ...i18nOptions(language), initAsync: false });
  await ready;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

/** A `common` namespace key in the current language (English before `useLanguage`). */
export function text(key: string): string {
  return i18n.isInitialized ? String(i18n.t(key, { ns: 'common' })) : key;
}
