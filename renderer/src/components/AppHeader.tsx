/**
 * The banner of every screen: the app's name, the main navigation when an
 * archive is open (components/AppNav.tsx: a sidebar, or a "Menu" button at
 * large text and in narrow windows), the archive's protection (a "Lock"
 * button when it is encrypted, a "Not encrypted" badge with the way to
 * encrypt it when it is not), and the language switcher. It owns no state.
 */
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf, type Route } from '../router';
import { AppNav } from './AppNav';
import { LanguageSwitcher } from './LanguageSwitcher';

interface Props {
  route: Route | null;
  /** The open archive's protection; null before one is open. */
  protection: { encrypted: boolean; onLock: () => void } | null;
  /** The neutral lock screen is showing: no app name nor tagline (security/UnlockScreen.tsx). */
  neutral?: boolean;
}

export function AppHeader({ route, protection, neutral = false }: Props) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('common:skipToContent')}
      </a>
      {/* SECURITY: a neutral lock screen says neither what the app is nor what it is for. */}
      {!neutral && (
        <p className="app-name">
          <span className="app-name-title">{t('common:appName')}</span>
          <span className="app-name-tagline">{t('common:tagline')}</span>
        </p>
      )}
      {route && <AppNav route={route} />}
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
