/**
 * The application menu, translated through nativeText and rebuilt whenever
 * the language changes. Edit and view items use Electron's roles, so they
 * act on the focused page with the platform's usual shortcuts. It must never
 * offer an item that reaches outside the app (no "Learn more" links, no
 * update check) or that talks to the engine behind the UI's back.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/ipc';
import { text, useLanguage } from './nativeText';

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate(platform: NodeJS.Platform, developer: boolean): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { role: 'about', label: text('menu.about') };
  const quit: MenuItemConstructorOptions = { role: 'quit', label: text('menu.quit') };
  const appMenu: MenuItemConstructorOptions = { label: text('appName'), submenu: [about, separator, quit] };
  const fileMenu: MenuItemConstructorOptions = { label: text('menu.file'), submenu: [quit] };
  const editMenu: MenuItemConstructorOptions = {
    label: text('menu.edit'),
    submenu: [
      { role: 'undo', label: text('menu.undo') },
      { role: 'redo', label: text('menu.redo') },
      separator,
      { role: 'cut', label: text('menu.cut') },
      { role: 'copy', label: text('menu.copy') },
      { role: 'paste', label: text('menu.paste') },
      separator,
      { role: 'selectAll', label: text('menu.selectAll') },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: text('menu.view'),
    submenu: [
      { role: 'reload', label: text('menu.reload') },
      { role: 'togglefullscreen', label: text('menu.toggleFullscreen') },
      ...(developer ? [separator, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  const helpMenu: MenuItemConstructorOptions = { label: text('menu.help'), submenu: [about] };
  // macOS keeps About and Quit in the application menu named after the app.
  return isMac ? [appMenu, editMenu, viewMenu] : [fileMenu, editMenu, viewMenu, helpMenu];
}

/** Builds and installs the menu in `language`. */
export async function applyMenu(language: Language): Promise<void> {
  await useLanguage(language);
  app.setAboutPanelOptions({ applicationName: text('appName'), applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, !app.isPackaged)));
}
