/**
 * Starts i18next for the UI with the options every Dalel caller shares, and
 * keeps <html lang dir> in step with whatever language i18next shows (its
 * direction from i18next's dir(), so a right-to-left locale only needs its
 * folder). A key that exists in no locale is reported on the console so that
 * tests and developers see it; the language itself is chosen and stored by
 * the caller.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/ipc';
import { i18nOptions } from '../../shared/i18n';

/** Prefix of the console warning the test harness counts. */
export const missingKeyWarning = '[i18n] missing key';

function applyToDocument(lng: string): void {
  document.documentElement.lang = lng;
  document.documentElement.dir = i18next.dir(lng);
}

/**
 * What the renderer specs put on `window` (electron/e2e) before the app
 * starts, to show a pseudo-locale that is never shipped (right-to-left
 * layout). Nothing defines it in the app.
 */
interface TestHooks {
  i18n?: typeof i18next;
}

export async function startI18n(lng: Language): Promise<void> {
  // Every change, whoever makes it, sets <html lang dir>.
  i18next.on('languageChanged', applyToDocument);
  await i18next.use(initReactI18next).init({
    ...i18nOptions(lng),
    supportedLngs: [...i18nOptions(lng).supportedLngs],
    ns: [...i18nOptions(lng).ns],
    saveMissing: true,
    missingKeyHandler: (_lngs, ns, key) => console.warn(`${missingKeyWarning} ${ns}:${key}`),
    react: { useSuspense: false },
  });
  applyToDocument(lng);
  // SECURITY: hands i18next (display texts only) to a hook object that only a test's init script creates; the app's CSP lets no other script in.
  const hooks = (window as { __dalelTestHooks?: TestHooks }).__dalelTestHooks;
  if (hooks) hooks.i18n = i18next;
}

export async function changeLanguage(lng: Language): Promise<void> {
  await i18next.changeLanguage(lng);
}

export function currentLanguage(): Language {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return lng === 'ru' || lng === 'kk' ? lng : 'en';
}
