/**
 * The banner of every screen: the app's name, the main navigation when an
 * archive is open, the archive's protection (a "Lock" button when it is
 * encrypted, a "Not encrypted" badge with the way to encrypt it when it is
 * not), and the language switcher. It owns no state of its own.
 */
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictsNavLink } from '../conflicts/ConflictsNavLink';
import { hrefOf, type Route } from '../router';
import { LanguageSwitcher } from './LanguageSwitcher';

interface Props {
  route: Route | null;
  /** The open archive's protection; null before one is open. */
  protection: { encrypted: boolean; onLock: () => void } | null;
}

export function AppHeader({ route, protection }: Props) {
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
              <a href={hrefOf({ screen: 'overview' })} aria-current={current('overview')}>
                {t('overview:nav')}
              </a>
            </li>
            <li>
              <a href={hrefOf({ screen: 'list' })} aria-current={current('list')}>
                {t('common:nav.incidents')}
              </a>
            </li>
            <li>
              <a href={hrefOf({ screen: 'effects' })} aria-current={current('effects')}>
                {t('evidence:lists.nav.effects')}
              </a>
            </li>
            <li>
              <a href={hrefOf({ screen: 'sources' })} aria-current={current('sources')}>
                {t('evidence:lists.nav.sources')}
              </a>
            </li>
            <li>
              <a href={hrefOf({ screen: 'new' })} aria-current={current('new')}>
                {t('common:nav.newIncident')}
              </a>
            </li>
            <li>
              <a href={hrefOf({ screen: 'export' })} aria-current={current('export')}>
                {t('verify:export.nav')}
              </a>
            </li>
            <li>
              <a href={hrefOf({ screen: 'verify' })} aria-current={current('verify')}>
                {t('verify:screen.nav')}
              </a>
            </li>
            <li>
              <a href={hrefOf({ screen: 'import' })} aria-current={route?.screen === 'import' || route?.screen === 'received' ? 'page' : undefined}>
                {t('exchange:nav')}
              </a>
            </li>
            <li>
              <ConflictsNavLink route={route} />
            </li>
            <li>
              <a href={hrefOf({ screen: 'settings' })} aria-current={current('settings')}>
                {t('common:nav.settings')}
              </a>
            </li>
          </ul>
        </nav>
      )}
      {protection?.encrypted && (
        <button type="button" className="lock-button" aria-keyshortcuts="Control+L Meta+L" onClick={protection.onLock}>
          {t('security:lock.button')}
        </button>
      )}
      {protection && !protection.encrypted && (
        <p className="not-encrypted-badge">
          <span className="badge">{t('security:badge.notEncrypted')}</span>{' '}
          <a href={hrefOf({ screen: 'settings' })}>{t('security:badge.encrypt')}</a>
        </p>
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
