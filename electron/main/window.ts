/**
 * The one window factory. Every BrowserWindow Dalel opens comes from here,
 * with its security settings written as literals so a reviewer sees them in
 * one place (docs/design.md, "The desktop shell"). It must never loosen a
 * webPreference or load anything but app://dalel/. Two kinds of window
 * exist: the one main window, and a hidden, script-less one that prints
 * reports to PDF.
 */
import { BrowserWindow } from 'electron';
import { guardWebContents } from './security';
import { APP_ENTRY_URL } from './urls';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Dalel',
    show: false,
    webPreferences: {
      // SECURITY: the renderer is an untrusted web page; it reaches the engine only through the preload's window.dalel.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      preload: preloadPath,
    },
  });
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Dalel could not load its UI', error));
  return window;
}

/**
 * The hidden window that prints a bundle's report to PDF: never shown, no
 * script at all, no preload; it loads only the report's one-time
 * app://dalel/print/ address (protocol.ts) and is destroyed after printing.
 */
export function createPrintWindow(): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      // SECURITY: the report is data, never code: no JavaScript, no Node, no preload, sandboxed.
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  guardWebContents(window.webContents);
  return window;
}

/** Brings an existing window to the front (second launch, dock click). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
