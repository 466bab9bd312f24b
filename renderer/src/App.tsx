/**
 * The frame of the UI: asks whether an archive is open, shows the start
 * screen until one is, then the screen the current route names. It holds the
 * archive status and nothing else; each screen loads its own data.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../shared/ipc';
import { AppFooter } from './components/AppFooter';
import { AppHeader } from './components/AppHeader';
import { ErrorMessage } from './components/ErrorMessage';
import { dalel, type DalelError } from './dalel';
import { EditIncident } from './incidents/EditIncident';
import { IncidentList } from './incidents/IncidentList';
import { IncidentPage } from './incidents/IncidentPage';
import { NewIncident } from './incidents/NewIncident';
import { useRoute, type Route } from './router';
import { StartScreen } from './start/StartScreen';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const [error, setError] = useState<DalelError | null>(null);

  useEffect(() => {
    void dalel()
      .archive.status({})
      .then((result) => (result.ok ? setStatus(result.value) : setError(result.error)));
  }, []);

  const open = status?.open ? status : null;
  return (
    <>
      <AppHeader route={open ? route : null} />
      <main id="main" tabIndex={-1}>
        {!status && (error ? <ErrorMessage error={error} /> : <p className="loading">{t('common:loading')}</p>)}
        {status && !status.open && <StartScreen defaultPath={status.defaultPath} onOpened={setStatus} />}
        {open && <Screen route={route} fingerprint={open.fingerprint} />}
      </main>
      {open && <AppFooter status={open} />}
    </>
  );
}

function Screen({ route, fingerprint }: { route: Route; fingerprint: string }) {
  // Keyed by route so that each screen starts fresh (and its title takes focus).
  switch (route.screen) {
    case 'list':
      return <IncidentList key="list" />;
    case 'new':
      return <NewIncident key="new" />;
    case 'incident':
      return <IncidentPage key={`show-${route.recordId}`} recordId={route.recordId} ownFingerprint={fingerprint} />;
    case 'edit':
      return <EditIncident key={`edit-${route.recordId}`} recordId={route.recordId} />;
  }
}
