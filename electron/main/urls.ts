/**
 * The app's own address: the `app://dalel/` origin the UI is served from, and
 * the one check of whether a URL belongs to it. Navigation guards, the request
 * filter and the IPC sender check all ask `isAppUrl`, so there is exactly one
 * definition of "ours". It must never accept a URL by prefix or by `origin`
 * (a custom scheme's origin is the string "null"): it compares the parsed
 * protocol and host.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dalel';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True when `url` is on app://dalel/ (any path), with no port and no credentials. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // SECURITY: protocol and host compared exactly; `host` includes any port, so app://dalel:1/ is refused.
  return (
    parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
  );
}
