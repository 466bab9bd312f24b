/**
 * The engine's `Dialogs` in the app: native folder and save pickers, attached to the
 * main window, and the native confirmations the page cannot answer
 * (./personChooses.ts). It must never pick a path on the user's behalf: a
 * cancelled dialog is null, and the engine decides what to do with a chosen
 * path. SECURITY: no dialog adds what it shows to the system's recent files.
 */
import { extname } from 'node:path';
import { dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { Dialogs } from '../engine';
import { text } from './nativeText';
import type { Confirmation } from './personChooses';

export function createDialogs(parentWindow: () => BrowserWindow | null): Dialogs {
  return {
    async chooseFolder(purpose) {
      const options: OpenDialogOptions = {
        properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
        buttonLabel: text(purpose === 'open' ? 'actions.open' : 'actions.create'),
      };
      const parent = parentWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSaveFile(suggested) {
      const options: SaveDialogOptions = {
        defaultPath: suggested,
        // The kind of file suggested: a bundle (.zip), a time-stamp request (.tsq) or a tag manifest to sign (.txt).
        filters: [saveFilter(suggested)],
        properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
      };
      const parent = parentWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

/** Asks the person natively; only the action button says yes (Cancel is the default, and Escape). */
export async function confirmNatively(parentWindow: () => BrowserWindow | null, what: Confirmation): Promise<boolean> {
  const options: MessageBoxOptions = {
    type: 'warning',
    message: text(`confirmNative.${what}.message`),
    detail: text(`confirmNative.${what}.detail`),
    buttons: [text('confirmNative.cancel'), text(`confirmNative.${what}.action`)],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const parent = parentWindow();
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response === 1;
}

function saveFilter(suggested: string): { name: string; extensions: string[] } {
  const extension = extname(suggested).slice(1).toLowerCase();
  if (extension === 'tsq') return { name: 'RFC 3161', extensions: ['tsq'] };
  if (extension === 'txt') return { name: 'BagIt', extensions: ['txt'] };
  return { name: 'ZIP', extensions: ['zip'] };
}
