// Builds the app (electron-vite: main, preload, renderer, the `dalel`
// command) and the standalone verifier page (verifier/vite.config.ts) into out/, only when something it is built from changed since the
// last build, so that `npm install && npm start` builds once: `npm install`
// builds in `prepare`, and `npm start` finds the build current. A finished
// build leaves out/.built; `node scripts/build.js --always` builds anyway.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the build reads: the sources and the files that configure it. */
const inputs = ['electron', 'renderer', 'shared', 'resources', 'verifier', 'package.json', 'package-lock.json', 'electron.vite.config.ts', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.web.json'];

/** Never part of the build: tests, their helpers and specs. */
const notBuilt = (name) => name === 'node_modules' || name === 'testing' || name === 'e2e' || /\.(test|spec)\.tsx?$/.test(name);

/** The newest modification time under `path` (a file or a folder), or 0 when there is none. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (notBuilt(entry)) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** What a finished build leaves: the shell, the command, the preload and the UI. */
const outputs = ['out/main/index.js', 'out/main/dalel.js', 'out/main/verifyWorker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/verifier/dalel-verify.html'];

/** True when out/ holds a finished build, all of it, newer than everything it is built from. */
export function buildIsCurrent(root) {
  const stamp = join(root, 'out', '.built');
  if (!existsSync(stamp) || !outputs.every((output) => existsSync(join(root, output)))) return false;
  const built = statSync(stamp).mtimeMs;
  return inputs.every((input) => newest(join(root, input)) <= built);
}

/** Builds when needed (or always); returns the build's exit status, 0 when nothing had to be built. */
export function build(root, { always = false } = {}) {
  if (!always && buildIsCurrent(root)) return 0;
  // A build stopped half way must not leave the last one's stamp saying "current".
  rmSync(join(root, 'out', '.built'), { force: true });
  for (const command of [['electron-vite', 'build'], ['vite', 'build', '--config', 'verifier/vite.config.ts']]) {
    const result = spawnSync('npx', command, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) return result.status ?? 1;
  }
  writeFileSync(join(root, 'out', '.built'), `${new Date().toISOString()}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = build(join(import.meta.dirname, '..'), { always: process.argv.includes('--always') });
}
