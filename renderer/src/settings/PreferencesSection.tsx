/**
 * Preferences of the person at this computer (`settings:set`): the interface
 * language, how long the archive may sit idle before it locks, and whether
 * the lock screen is neutral (kept outside every archive, so it is known
 * before unlocking). Each choice is saved as soon as it is made, and says so.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { dalel, type DalelError } from '../dalel';

const lockChoices = [0, 1, 2, 5, 10, 15, 30, 60];

interface Props {
  settings: Settings;
  onChange: (settings: Settings) => void;
}

export function PreferencesSection({ settings, onChange }: Props) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const choices = lockChoices.includes(settings.lockAfterMinutes) ? lockChoices : [...lockChoices, settings.lockAfterMinutes].sort((a, b) => a - b);

  // Ticked at once, as a checkbox should; put back if the choice could not be saved.
  const [neutralLock, setNeutralLock] = useState(settings.neutralLock);
  const chooseLockAfter = (minutes: number) => save({ lockAfterMinutes: minutes });
  const chooseNeutralLock = async (on: boolean) => {
    setNeutralLock(on);
    if (!(await save({ neutralLock: on }))) setNeutralLock(!on);
  };

  async function save(change: Partial<Settings>) {
    setSaved(false);
    const result = await dalel().settings.set(change);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setError(null);
    setSaved(true);
    onChange(result.value);
    return true;
  }

  return (
    <section className="settings-section" aria-labelledby="settings-preferences-title">
      <h2 id="settings-preferences-title">{t('security:settings.preferences.title')}</h2>
      <div className="field">
        <LanguageSwitcher id="settings-language" label={t('security:settings.preferences.language')} />
      </div>
      <div className="field">
        <label htmlFor="settings-lock-after">{t('security:settings.preferences.lockAfter')}</label>
        <p className="hint" id="settings-lock-after-hint">
          {t('security:settings.preferences.lockAfterHint')}
        </p>
        <select
          id="settings-lock-after"
          value={settings.lockAfterMinutes}
          aria-describedby="settings-lock-after-hint"
          onChange={(event) => void chooseLockAfter(Number(event.target.value))}
        >
          {choices.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes === 0 ? t('security:settings.preferences.never') : t('security:settings.preferences.minutes', { count: minutes })}
            </option>
          ))}
        </select>
      </div>
      <div className="field checkbox-field">
        <input
          type="checkbox"
          id="settings-neutral-lock"
          checked={neutralLock}
          aria-describedby="settings-neutral-lock-hint"
          onChange={(event) => void chooseNeutralLock(event.target.checked)}
        />
        <label htmlFor="settings-neutral-lock">{t('security:settings.preferences.neutralLock')}</label>
        <p className="hint" id="settings-neutral-lock-hint">
          {t('security:settings.preferences.neutralLockHint')}
        </p>
      </div>
      <div className="field">
        <p className="save-note" role="status">
          {saved ? t('security:settings.preferences.saved') : ''}
        </p>
        <ErrorMessage error={error} />
      </div>
    </section>
  );
}
