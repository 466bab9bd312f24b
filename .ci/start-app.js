// `npm start`: builds the app with electron-vite, then runs it in Electron.
// Where no Electron binary is installed (the electron package downloads it
// from GitHub on first use), it says so and exits 1 instead of trying to
// download it: the binary is looked up from node_modules/electron/path.txt,
// the same way electron/e2e/app.electron.spec.ts does, and 'electron' is
// never required.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** The installed Electron binary, found the way the electron package finds it, or null. */
function electronBinary() {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(distDir, readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) {
  console.error('\nThe build failed (see above); nothing to start.');
  process.exit(build.status ?? 1);
}

const binary = electronBinary();
if (binary === null) {
  console.error(
    '\nThe Electron binary is not installed on this machine (it is downloaded from GitHub by the electron ' +
      'package on first use, and that download is not possible here). The app was built into out/. ' +
      'On a machine with internet access, run `npx electron .`; the engine and UI are tested without it: npm test.',
  );
  process.exit(1);
}

// The app must start as Electron, never as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const app = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
app.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
