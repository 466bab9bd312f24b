/**
 * Builds the standalone verifier page into out/verifier/: one HTML file with
 * its script and style inline, and nothing else, so that it works opened
 * from a folder (file://) with no network; and beside it its SHA-256 in
 * `sha256sum` form, published with each release so that a lawyer can check
 * the page they were given. The page's Content Security Policy allows its
 * own inline script by hash and nothing else: no fetch, no image, no font
 * from anywhere, so not even a bug can send a byte of a bundle away.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = resolve(import.meta.dirname, '..');
const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
export const pageName = 'dalel-verify.html';

/** Replaces the script chunk by the page that holds it. */
function singlePage(): Plugin {
  return {
    name: 'dalel-verifier-page',
    generateBundle(_options, bundle) {
      const [name, chunk] = Object.entries(bundle).find(([, output]) => output.type === 'chunk')!;
      if (chunk.type !== 'chunk') return;
      // An inline script ending early at "</script>" would be markup; the bundle's strings never hold one, and this proves it.
      if (/<\/script/i.test(chunk.code)) throw new Error('the verifier script holds "</script"');
      const scriptHash = createHash('sha256').update(chunk.code).digest('base64');
      const csp = `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'`;
      const template = readFileSync(resolve(import.meta.dirname, 'page.html'), 'utf8');
      const page = template.replace('%CSP%', csp).replace('%VERSION%', version).replace('%SCRIPT%', () => chunk.code);
      delete bundle[name];
      this.emitFile({ type: 'asset', fileName: pageName, source: page });
      this.emitFile({ type: 'asset', fileName: `${pageName}.sha256`, source: `${createHash('sha256').update(page).digest('hex')}  ${pageName}\n` });
    },
  };
}

export default defineConfig({
  root,
  logLevel: 'warn',
  define: { DALEL_VERSION: JSON.stringify(version) },
  plugins: [singlePage()],
  build: {
    outDir: resolve(root, 'out/verifier'),
    emptyOutDir: true,
    target: ['chrome120', 'firefox120', 'safari17'],
    modulePreload: false,
    lib: { entry: resolve(import.meta.dirname, 'src/main.ts'), formats: ['iife'], name: 'dalelVerifier', fileName: () => 'verifier.js' },
  },
});
