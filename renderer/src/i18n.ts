/**
 * Starts i18next for the UI with the options every Dalel caller shares, and
 * keeps <html lang dir> in step with the chosen language. A key that exists
 * in no locale is reported on the console so that tests and developers see
 * it; the language itself is chosen and stored by the caller.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/ipc';
import { i18nOptions } from '../../shared/i18n';

/** Prefix of the console warning the test harness counts. */
export const missingKeyWarning = '[i18n] missing key';

function applyToDocument(lng: Language): void {
  document.documentElement.lang = lng;
  document.documentElement.dir = i18next.dir(lng);
}

export async function startI18n(lng: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    ...i18nOptions(lng),
    supportedLngs: [...i18nOptions(lng).supportedLngs],
    ns: [...i18nOptions(lng).ns],
    saveMissing: true,
    missingKeyHandler: (_lngs, ns, key) => console.warn(`${missingKeyWarning} ${ns}:${key}`),
    react: { useSuspense: false },
  });
  applyToDocument(lng);
}

export async function changeLanguage(lng: Language): Promise<void> {
  await i18next.changeLanguage(lng);
  applyToDocument(lng);
}

export function currentLanguage(): Language {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return lng === 'ru' || lng === 'kk' ? lng : 'en';
}
