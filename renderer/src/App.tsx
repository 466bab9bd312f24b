/**
 * The frame of the UI: asks whether an archive is open (at start, it tries
 * the one in the default folder), shows the start screen until one is (or
 * the unlock screen for a locked one), then the screen the current route
 * names. It holds the archive status and the person's settings and nothing
 * else; each screen loads its own data. Locking (button, Ctrl+L, idle) and
 * quick delete end the session: every screen below is remounted, so nothing
 * they loaded survives. A lock first writes the open form's draft, and
 * never asks (drafts/leaveGuard.ts).
 */
import { Fragment, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus, Settings } from '../../shared/ipc';
import { ExportScreen } from './bundles/ExportScreen';
import { VerifyScreen } from './bundles/VerifyScreen';
import { AppFooter } from './components/AppFooter';
import { DamageNotice } from './components/DamageNotice';
import { TamperNotice } from './components/TamperNotice';
import { LeaveDialog } from './drafts/LeaveDialog';
import { flushDrafts } from './drafts/leaveGuard';
import { AppHeader } from './components/AppHeader';
import { ErrorMessage } from './components/ErrorMessage';
import { ToastProvider } from './components/ToastRegion';
import { ConflictsScreen } from './conflicts/ConflictsScreen';
import { ResolveConflict } from './conflicts/ResolveConflict';
import { dalel, type DalelError, type Result } from './dalel';
import { EffectEditor } from './evidence/EffectEditor';
import { EvidencePage } from './evidence/EvidencePage';
import { SourceEditor } from './evidence/SourceEditor';
import { ImportScreen } from './exchange/ImportScreen';
import { InterventionEditor } from './interventions/InterventionEditor';
import { InterventionPage } from './interventions/InterventionPage';
import { ReceivedScreen } from './exchange/ReceivedScreen';
import { EditIncident } from './incidents/EditIncident';
import { IncidentList } from './incidents/IncidentList';
import { IncidentPage } from './incidents/IncidentPage';
import { NewIncident } from './incidents/NewIncident';
import { EffectList } from './lists/EffectList';
import { SavedViewsProvider } from './lists/SavedViews';
import { SourceList } from './lists/SourceList';
import { OverviewScreen } from './overview/OverviewScreen';
import { navigate, replaceRoute, useRoute, type Route } from './router';
import { UnlockScreen } from './security/UnlockScreen';
import { useAutoLock } from './security/useAutoLock';
import { SettingsScreen } from './settings/SettingsScreen';
import { KeyFingerprintStep } from './start/KeyFingerprintStep';
import { StartScreen, type StartNotice } from './start/StartScreen';

type OpenStatus = Extract<ArchiveStatus, { open: true }>;

/** Failures of the start-up open that are no news: there is simply no archive in the default folder yet. */
const quietAtStart = new Set<DalelError['code']>(['archiveNotFound', 'notAnArchive', 'passphraseRequired']);

/**
 * Where the app starts: an archive still open or locked in the engine; else the
 * archive in the default folder, opened at once (or its unlock screen, if it is
 * encrypted); else the start screen.
 */
async function initialStatus(): Promise<{ result: Result<ArchiveStatus>; startNotice: StartNotice | null }> {
  const status = await dalel().archive.status({});
  if (!status.ok || status.value.open || status.value.locked) return { result: status, startNotice: null };
  const opened = await dalel().archive.open({});
  if (opened.ok) return { result: opened, startNotice: null };
  const now = await dalel().archive.status({});
  return { result: now, startNotice: quietAtStart.has(opened.error.code) ? null : { error: opened.error } };
}

/** Used until settings:get answers (and if it cannot): the engine's own defaults. */
const defaultSettings: Settings = { language: null, lockAfterMinutes: 10, neutralLock: false };

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  // SECURITY: the unlock screen waits for the settings, so a neutral one never flashes the app's name first.
  const [settingsRead, setSettingsRead] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const [session, setSession] = useState(0);
  const [notice, setNotice] = useState<StartNotice | null>(null);
  const [choosingOther, setChoosingOther] = useState(false);
  const [lockFailed, setLockFailed] = useState(false);
  // Set by making a new archive: its key's fingerprint is shown to note until the person dismisses it.
  const [keyStep, setKeyStep] = useState(false);

  useEffect(() => {
    void initialStatus().then(({ result, startNotice }) => {
      if (!result.ok) return setError(result.error);
      setNotice(startNotice);
      setStatus(result.value);
    });
    void dalel()
      .settings.get({})
      .then((result) => {
        if (result.ok) setSettings(result.value);
        setSettingsRead(true);
      });
  }, []);

  /** SECURITY: drops every screen (and what it loaded) by remounting, and the address forgets the record shown. */
  const endSession = useCallback((next: ArchiveStatus, startNotice: StartNotice | null) => {
    replaceRoute({ screen: 'list' });
    setSession((count) => count + 1);
    setChoosingOther(false);
    setKeyStep(false);
    setNotice(startNotice);
    setStatus(next);
  }, []);

  const lock = useCallback(async () => {
    // SECURITY: never asks, whatever form is open: its draft is written (a second at most), then the archive locks.
    await flushDrafts();
    const locked = await dalel().archive.lock({});
    const next = locked.ok ? locked : await dalel().archive.status({});
    setLockFailed(!locked.ok);
    if (next.ok) endSession(next.value, null);
  }, [endSession]);

  const open = status?.open ? status : null;
  useAutoLock({ enabled: open?.encrypted ?? false, lockAfterMinutes: settings.lockAfterMinutes, onLock: () => void lock() });

  function opened(next: ArchiveStatus) {
    setNotice(null);
    setChoosingOther(false);
    setLockFailed(false);
    if (next.open) navigate({ screen: 'list' });
    setStatus(next);
  }

  /** An open attempt needed a passphrase: the engine now names the locked archive, so show its unlock screen. */
  async function showUnlock(): Promise<boolean> {
    const next = await dalel().archive.status({});
    if (!next.ok || next.value.open || !next.value.locked) return false;
    opened(next.value);
    return true;
  }

  const locked = status && !status.open && !choosingOther && settingsRead ? status.locked : null;
  const settingsPending = Boolean(status && !status.open && status.locked && !choosingOther && !settingsRead);
  const neutralLock = (Boolean(locked) && settings.neutralLock) || settingsPending;
  return (
    <Fragment key={session}>
      {/* Toasts end with the session too: a lock remounts them away with everything else. */}
      <ToastProvider>
      <AppHeader route={open ? route : null} protection={open ? { encrypted: open.encrypted, onLock: () => void lock() } : null} neutral={neutralLock} />
      <main id="main" tabIndex={-1}>
        {lockFailed && <p className="error-message" role="alert">{t('security:lock.failed')}</p>}
        {!status && (error ? <ErrorMessage error={error} /> : <p className="loading">{t('common:loading')}</p>)}
        {locked && (
          <UnlockScreen
            key={locked.path}
            locked={locked}
            neutral={settings.neutralLock}
            onOpened={opened}
            onDestroyed={(next, destroyError) => endSession(next, destroyError ? { error: destroyError } : 'destroyed')}
            onChooseOther={() => setChoosingOther(true)}
          />
        )}
        {status && !status.open && !locked && !settingsPending && (
          <StartScreen
            defaultPath={status.defaultPath}
            notice={notice}
            onOpened={opened}
            onCreated={() => setKeyStep(true)}
            onPassphraseRequired={showUnlock}
          />
        )}
        {open && <TamperNotice tampering={open.tampering} />}
        {open && <DamageNotice problems={open.problems} />}
        {open && keyStep && <KeyFingerprintStep onDone={() => setKeyStep(false)} />}
        {open && (
          // Saved list views live here, for the session only: a lock remounts them away (lists/SavedViews.tsx).
          <SavedViewsProvider>
            <Screen
              route={route}
              status={open}
              settings={settings}
              onSettingsChange={setSettings}
              onStatusChange={setStatus}
              onDestroyed={(next) => endSession(next, 'destroyed')}
            />
          </SavedViewsProvider>
        )}
      </main>
      {open && <AppFooter status={open} />}
      {open && <LeaveDialog />}
      </ToastProvider>
    </Fragment>
  );
}

interface ScreenProps {
  route: Route;
  status: OpenStatus;
  settings: Settings;
  onSettingsChange: (settings: Settings) => void;
  onStatusChange: (status: ArchiveStatus) => void;
  onDestroyed: (status: ArchiveStatus) => void;
}

function Screen({ route, status, ...settingsProps }: ScreenProps) {
  // Keyed by route so that each screen starts fresh (and its title takes focus).
  switch (route.screen) {
    case 'overview':
      return <OverviewScreen key="overview" />;
    case 'list':
      return <IncidentList key="list" />;
    case 'effects':
      return <EffectList key="effects" />;
    case 'sources':
      return <SourceList key="sources" />;
    case 'new':
      return <NewIncident key="new" />;
    case 'settings':
      return <SettingsScreen key="settings" status={status} {...settingsProps} />;
    case 'export':
      return <ExportScreen key="export" archivePath={status.path} archiveName={status.name} damagedFiles={status.problems.length} />;
    case 'verify':
      return <VerifyScreen key="verify" />;
    case 'conflicts':
      return <ConflictsScreen key="conflicts" />;
    case 'resolveConflict':
      return <ResolveConflict key={`resolve-${route.recordId}`} recordId={route.recordId} ownFingerprint={status.fingerprint} />;
    case 'import':
      return <ImportScreen key="import" />;
    case 'received':
      return <ReceivedScreen key="received" />;
    case 'incident':
      return <IncidentPage key={`show-${route.recordId}`} recordId={route.recordId} ownFingerprint={status.fingerprint} />;
    case 'edit':
      return <EditIncident key={`edit-${route.recordId}`} recordId={route.recordId} />;
    case 'newEffect':
      return <EffectEditor key={`new-effect-${route.incidentId}`} incidentId={route.incidentId} />;
    case 'editEffect':
      return <EffectEditor key={`edit-effect-${route.recordId}`} recordId={route.recordId} />;
    case 'newSource':
      return <SourceEditor key={`new-source-${route.incidentId}`} incidentId={route.incidentId} />;
    case 'editSource':
      return <SourceEditor key={`edit-source-${route.recordId}`} recordId={route.recordId} />;
    case 'newIntervention':
      return <InterventionEditor key={`new-intervention-${route.incidentId}`} incidentId={route.incidentId} />;
    case 'editIntervention':
      return <InterventionEditor key={`edit-intervention-${route.recordId}`} recordId={route.recordId} />;
    case 'intervention':
      return <InterventionPage key={`show-${route.recordId}`} recordId={route.recordId} ownFingerprint={status.fingerprint} />;
    case 'effect':
    case 'source':
      return <EvidencePage key={`show-${route.recordId}`} type={route.screen} recordId={route.recordId} ownFingerprint={status.fingerprint} />;
  }
}
