/**
 * The "Conflicts" item of the main navigation, with the number of records in
 * conflict beside it when there are any (in words for screen readers, not a
 * bare number).
 */
import { useTranslation } from 'react-i18next';
import { hrefOf, type Route } from '../router';
import { useConflictCount } from './useConflictCount';
import './conflicts.css';

export function ConflictsNavLink({ route }: { route: Route }) {
  const { t } = useTranslation();
  const count = useConflictCount();
  const current = route.screen === 'conflicts' || route.screen === 'resolveConflict';
  return (
    <a href={hrefOf({ screen: 'conflicts' })} aria-current={current ? 'page' : undefined}>
      {t('conflicts:nav')}
      {count > 0 && (
        <>
          {' '}
          <span className="nav-count" aria-hidden="true">
            {count}
          </span>
          <span className="visually-hidden">({t('conflicts:navCount', { count })})</span>
        </>
      )}
    </a>
  );
}
