/**
 * Where the built app lives (out/), and a build step for tests that load it:
 * electron-vite runs only when the build is older than the sources it is
 * built from (`npm test` builds first, so usually it does not).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../../scripts/build.js';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const mainBundle = join(root, 'out/main/index.js');
export const preloadBundle = join(root, 'out/preload/index.cjs');
export const rendererDir = join(root, 'out/renderer');

/** Builds the app unless out/ holds a build newer than its sources (scripts/build.js, as `npm start` does). */
export function ensureBuilt(): void {
  if (build(root) !== 0) throw new Error('The build failed: run `npm run build` to see why.');
}
