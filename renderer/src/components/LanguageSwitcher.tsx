/**
 * The visible, labelled choice of UI language (in the banner, and again in
 * Settings). Switching applies at once (i18next, <html lang dir>) and is
 * remembered through `settings:set`; a failure to remember is shown but does
 * not undo the switch.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Language, languages } from '../../../shared/ipc';
import { dalel, type DalelError } from '../dalel';
import { changeLanguage, currentLanguage } from '../i18n';
import { ErrorMessage } from './ErrorMessage';

export function LanguageSwitcher({ id = 'language-switcher', label }: { id?: string; label?: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<DalelError | null>(null);

  async function choose(value: string) {
    const parsed = Language.safeParse(value);
    if (!parsed.success) return;
    await changeLanguage(parsed.data);
    const saved = await dalel().settings.set({ language: parsed.data });
    setError(saved.ok ? null : saved.error);
  }

  return (
    <div className={id === 'language-switcher' ? 'language-switcher' : 'language-choice'}>
      <label htmlFor={id}>{label ?? t('common:language')}</label>
      <select id={id} value={currentLanguage()} onChange={(event) => void choose(event.target.value)}>
        {languages.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`common:languageName.${lng}`)}
          </option>
        ))}
      </select>
      <ErrorMessage error={error} />
    </div>
  );
}
