/**
 * Where the built app lives (out/), and a build step for tests that load it:
 * electron-vite runs only when an output is missing or older than the
 * sources it is built from (`npm test` builds first, so usually it does not).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const mainBundle = join(root, 'out/main/index.js');
export const preloadBundle = join(root, 'out/preload/index.cjs');
export const rendererDir = join(root, 'out/renderer');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx|json)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

export function ensureBuilt(): void {
  const outputs = [mainBundle, preloadBundle, join(rendererDir, 'index.html')];
  const sources = ['electron/main', 'electron/preload', 'electron/engine', 'shared'].map((dir) => join(root, dir));
  const newest = Math.max(...sources.filter(existsSync).map(newestSource));
  const stale = outputs.some((output) => !existsSync(output) || statSync(output).mtimeMs < newest);
  if (stale) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'pipe', timeout: 240_000 });
}
