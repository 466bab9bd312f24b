/**
 * The keyboard shortcuts, listed in Settings so that a person can find them
 * (components/shortcuts.ts says what they do). Keys are shown as the keyboard
 * labels them; only what each does is translated.
 */
import { useTranslation } from 'react-i18next';
import { shortcutList } from '../components/shortcuts';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const shown = (keys: string) => (isMac ? keys.replace('Control+', '⌘') : keys.replace('Control+', 'Ctrl+'));

export function ShortcutsSection() {
  const { t } = useTranslation();
  return (
    <section className="settings-section" aria-labelledby="settings-shortcuts-title">
      <h2 id="settings-shortcuts-title">{t('common:shortcuts.title')}</h2>
      <dl className="shortcut-list">
        {shortcutList.map(({ keys, action }) => (
          <div key={action}>
            <dt>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ` ${t('common:shortcuts.or')} `}
                  <kbd>{shown(key)}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`common:shortcuts.${action}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
