/**
 * The lockdown that keeps Dalel offline and its UI contained: a request filter
 * that cancels everything that is not the app's own files, denial of every
 * permission, no spellchecker (it downloads dictionaries), and guards on every
 * webContents against navigation, new windows and <webview>. It must never
 * allow a request, a permission or a navigation by default: anything not
 * explicitly ours is refused.
 */
import { app, type Session, type WebContents } from 'electron';
import { isAppUrl } from './urls';

/**
 * Whether the session may load `url`. Only the app's own files (app://dalel/),
 * the developer tools' own pages and inline data: images pass; every http:,
 * https:, ws:, wss:, file: and other scheme is cancelled.
 */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  // SECURITY: devtools:// is Chromium's own local UI; data: never leaves the process (CSP allows it for img-src only).
  return protocol === 'devtools:' || protocol === 'data:';
}

/** Locks one session down; safe to call more than once on the same session. */
export function lockDownSession(session: Session): void {
  // SECURITY: the offline promise. No listener filter, so every URL of every scheme comes through here.
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = !isAllowedRequest(details.url);
    if (cancel) console.warn(`Dalel blocked a request to ${details.url}`);
    callback({ cancel });
  });
  // SECURITY: no camera, microphone, geolocation, notifications, clipboard-read, USB, HID, serial…
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // SECURITY: the hunspell spellchecker downloads dictionaries from Google's CDN (electron/electron#22995);
  // turn it off and point its downloader at a local URL that cannot reach the network.
  session.setSpellCheckerEnabled(false);
  session.setSpellCheckerDictionaryDownloadURL('file:///dalel-no-dictionaries/');
}

const guarded = new WeakSet<WebContents>();

/** Denies navigation away from app://dalel/, new windows and <webview> in `contents`. Idempotent. */
export function guardWebContents(contents: WebContents): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  // SECURITY: no popups; links to the outside world are never opened, in or out of the app.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // SECURITY: the window may only ever show the app's own pages.
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) {
      console.warn(`Dalel blocked navigation to ${event.url}`);
      event.preventDefault();
    }
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  // SECURITY: <webview> is disabled in webPreferences too; refuse it here in case any contents enable it.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Process-wide lockdown, before the app is ready: every renderer sandboxed,
 * every webContents and every session guarded as soon as it exists.
 */
export function lockDownApp(): void {
  // SECURITY: sandbox every renderer, whatever a window's webPreferences say.
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('session-created', (session) => lockDownSession(session));
}
