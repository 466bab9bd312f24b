/**
 * The UI's Content-Security-Policy, in one place: the app:// protocol sends
 * it on every response, renderer/index.html repeats it in a meta tag (a test
 * checks they agree), and the browser test harness serves the UI under it.
 * Nothing here imports Electron.
 */

// SECURITY: the UI loads only its own files; no inline script, no eval, nothing from any other origin.
// connect-src and media-src 'self' let previews read evidence files from /evidence/ (same origin,
// never the network); worker-src 'self' runs the PDF preview's own worker.
const directives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** For the meta tag: frame-ancestors is ignored (with a console error) when delivered in a meta tag. */
export const metaContentSecurityPolicy = directives.join('; ');

export const contentSecurityPolicy = [...directives, "frame-ancestors 'none'"].join('; ');
