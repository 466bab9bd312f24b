/**
 * The banner of every screen: the app's name, the main navigation when an
 * archive is open, and the language switcher. It owns no state of its own.
 */
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf, type Route } from '../router';
import { LanguageSwitcher } from './LanguageSwitcher';

export function AppHeader({ route }: { route: Route | null }) {
  const { t } = useTranslation();
  const current = (screen: Route['screen']) => (route?.screen === screen ? ('page' as const) : undefined);
  return (
    <header className="app-header">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('common:skipToContent')}
      </a>
      <p className="app-name">
        <span className="app-name-title">{t('common:appName')}</span>
        <span className="app-name-tagline">{t('common:tagline')}</span>
      </p>
      {route && (
        <nav className="app-nav" aria-label={t('common:nav.label')}>
          <ul>
            <li>
              <a href={hrefOf({ screen: 'list' })} aria-current={current('list')}>
                {t('common:nav.incidents')}
              </a>
            </li>
            <li>
              <a href={hrefOf({ screen: 'new' })} aria-current={current('new')}>
                {t('common:nav.newIncident')}
              </a>
            </li>
          </ul>
        </nav>
      )}
      <LanguageSwitcher />
    </header>
  );
}

/** "#main" would be read as a route; move focus to the main landmark instead. */
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
