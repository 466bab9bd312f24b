/**
 * The engine's `Dialogs` in the app: native folder and save pickers, attached to the
 * main window. It must never pick a path on the user's behalf: a cancelled
 * dialog is null, and the engine decides what to do with a chosen path.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { Dialogs } from '../engine';
import { text } from './nativeText';

export function createDialogs(parentWindow: () => BrowserWindow | null): Dialogs {
  return {
    async chooseFolder(purpose) {
      const options: OpenDialogOptions = {
        properties: ['openDirectory', 'createDirectory'],
        buttonLabel: text(purpose === 'open' ? 'actions.open' : 'actions.create'),
      };
      const parent = parentWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSaveFile(suggested) {
      const options: SaveDialogOptions = {
        defaultPath: suggested,
        filters: [{ name: 'ZIP', extensions: ['zip'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = parentWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
