/**
 * The main navigation of an open archive, in three groups (records, bundles,
 * the archive). Beside the screens it is a sidebar; when the window is narrow
 * or the text large (shell.css, a container query in rem) it folds behind a
 * "Menu" button that says whether it is open (aria-expanded). It also listens
 * for the app-wide shortcuts (components/shortcuts.ts). Never a second row of
 * links that wraps.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictsNavLink } from '../conflicts/ConflictsNavLink';
import { hrefOf, type Route } from '../router';
import { useAppShortcuts } from './shortcuts';

export function AppNav({ route }: { route: Route }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  useAppShortcuts();
  // A chosen screen closes the folded menu.
  const where = JSON.stringify(route);
  useEffect(() => setOpen(false), [where]);

  const current = (...screens: Route['screen'][]) => (screens.includes(route.screen) ? ('page' as const) : undefined);
  const link = (target: Route, label: string, ...also: Route['screen'][]) => (
    <li>
      <a href={hrefOf(target)} aria-current={current(target.screen, ...also)}>
        {label}
      </a>
    </li>
  );

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  }

  return (
    <nav className="app-nav" aria-label={t('common:nav.label')} data-open={open ? 'true' : 'false'} onKeyDown={closeOnEscape}>
      <button type="button" className="nav-toggle" ref={toggle} aria-expanded={open} aria-controls="app-nav-groups" onClick={() => setOpen(!open)}>
        {t('common:nav.menu')}
      </button>
      <div className="nav-groups" id="app-nav-groups">
        <p className="nav-group-label" id="nav-group-records">
          {t('common:nav.groups.records')}
        </p>
        <ul aria-labelledby="nav-group-records">
          {link({ screen: 'overview' }, t('overview:nav'))}
          {link({ screen: 'list' }, t('common:nav.incidents'))}
          {link({ screen: 'effects' }, t('evidence:lists.nav.effects'))}
          {link({ screen: 'sources' }, t('evidence:lists.nav.sources'))}
          {link({ screen: 'new' }, t('common:nav.newIncident'))}
        </ul>
        <p className="nav-group-label" id="nav-group-bundles">
          {t('common:nav.groups.bundles')}
        </p>
        <ul aria-labelledby="nav-group-bundles">
          {link({ screen: 'export' }, t('verify:export.nav'))}
          {link({ screen: 'verify' }, t('verify:screen.nav'))}
          {link({ screen: 'import' }, t('exchange:nav'), 'received')}
          <li>
            <ConflictsNavLink route={route} />
          </li>
        </ul>
        <p className="nav-group-label" id="nav-group-archive">
          {t('common:nav.groups.archive')}
        </p>
        <ul aria-labelledby="nav-group-archive">{link({ screen: 'settings' }, t('common:nav.settings'))}</ul>
      </div>
    </nav>
  );
}
