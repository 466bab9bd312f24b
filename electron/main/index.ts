/**
 * Dalel's Electron entry point: the app's lifecycle and nothing else. Given
 * a `dalel` command line (commandLine.ts), it runs that command and exits,
 * with no window. Otherwise, before
 * ready it claims the single-instance lock, registers the app:// scheme and
 * the process-wide lockdown; on ready it serves the UI, locks the session,
 * creates the engine, registers IPC, builds the menu and opens the one
 * window; on quit it closes the engine. It must never hold application logic
 * (that lives in electron/engine) or create a window other than through
 * window.ts.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session } from 'electron';
import { main as runCommand } from '../cli';
import { createEngine, type Engine } from '../engine';
import { pickLanguage } from '../../shared/i18n';
import { contract, type Language } from '../../shared/ipc';
import { confirmNatively, createDialogs } from './dialogs';
import { registerIpc } from './ipc';
import { personChooses } from './personChooses';
import { printReportPdf } from './printing';
import { commandArguments } from './commandLine';
import { applyMenu } from './menu';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { lockDownApp, lockDownSession } from './security';
import { createMainWindow, focusWindow } from './window';

// This file is the entry chunk, always out/main/index.js, so the siblings are found from here.
const mainDir = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(mainDir, '../preload/index.cjs');
const rendererDir = join(mainDir, '../renderer');

let engine: Engine | null = null;
let mainWindow: BrowserWindow | null = null;
let quitState: 'running' | 'closing' | 'closed' = 'running';
let menuUpdates: Promise<void> = Promise.resolve();

function openWindow(): void {
  const window = createMainWindow(preloadPath);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

/** Rebuilds the menu in `language`; one rebuild at a time, so the last language chosen wins. */
function refreshMenu(language: Language): void {
  menuUpdates = menuUpdates
    .then(() => applyMenu(language))
    .catch((error: unknown) => console.error('Dalel could not build its menu', error));
}

/** The saved language, else the one closest to the OS's. */
async function startupLanguage(running: Engine, osLocale: string): Promise<Language> {
  const result = await running.dispatch('settings:get', {});
  const settings = result.ok ? contract['settings:get'].response.safeParse(result.value) : null;
  return (settings?.success ? settings.data.language : null) ?? pickLanguage(osLocale);
}

async function start(): Promise<void> {
  lockDownSession(session.defaultSession);
  const userData = app.getPath('userData');
  const osLocale = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  const running = createEngine({
    defaultArchivePath: join(userData, 'archive'),
    configDir: userData,
    osLocale,
    version: app.getVersion(),
    dialogs: createDialogs(() => mainWindow),
    printPdf: printReportPdf,
    verifyWorker: fileURLToPath(new URL('./verifyWorker.js', import.meta.url)),
    ...(process.env.DALEL_NCALAYER ? { ncaLayerAddress: process.env.DALEL_NCALAYER } : {}),
    onInternalError: (error, channel) => console.error(`Dalel engine failed on ${channel}`, error),
  });
  engine = running;
  registerAppProtocol(rendererDir, (request) => running.evidence(request));
  registerIpc(running, { onLanguageChanged: refreshMenu, person: personChooses((what) => confirmNatively(() => mainWindow, what)) });
  refreshMenu(await startupLanguage(running, osLocale));
  openWindow();
}

const commandLine = commandArguments(process.argv, app.isPackaged);
if (commandLine) {
  // `dalel COMMAND …` (commandLine.ts): the command, then exit with its code; no window, no lock.
  app.dock?.hide();
  const stopped = (error: unknown) => {
    process.stderr.write(`Dalel could not run the command: ${error instanceof Error ? error.message : String(error)}\n`);
    app.exit(2);
  };
  process.on('uncaughtException', stopped);
  runCommand(commandLine, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env })
    // app.exit drops what a pipe has not taken yet: the output is written out first.
    .then(async (code) => {
      await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
      app.exit(code);
    }, stopped);
} else {
  startApp();
}

/** The desktop app: one window, one instance per user. */
function startApp(): void {
  registerAppScheme();
  lockDownApp();
  // SECURITY: one instance per user, so two processes never write the same archive at once.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    app.on('second-instance', () => {
      if (mainWindow && !mainWindow.isDestroyed()) focusWindow(mainWindow);
    });
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    app.on('activate', () => {
      if (engine && BrowserWindow.getAllWindows().length === 0) openWindow();
    });
    // The engine flushes and releases the archive before the process exits.
    app.on('will-quit', (event) => {
      if (!engine || quitState === 'closed') return;
      event.preventDefault();
      if (quitState === 'closing') return;
      quitState = 'closing';
      engine
        .close()
        .catch((error: unknown) => console.error('Dalel could not close the archive cleanly', error))
        .finally(() => {
          quitState = 'closed';
          app.quit();
        });
    });
    app
      .whenReady()
      .then(start)
      .catch((error: unknown) => {
        console.error('Dalel could not start', error);
        dialog.showErrorBox('Dalel', error instanceof Error ? error.message : String(error));
        app.quit();
      });
  }
}
