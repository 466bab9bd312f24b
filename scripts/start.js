// `npm start`: builds the app if it is not built yet (scripts/build.js), then
// starts it in Electron. Electron is loaded as Electron expects to be loaded:
// the first time, the electron package downloads its binary for this
// machine. Only when that really fails does this say so, with the actual
// error; nothing else is ever reached over the network.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from './build.js';

const root = join(import.meta.dirname, '..');

const built = build(root);
if (built !== 0) {
  console.error('\nThe build failed (see above); nothing to start.');
  process.exit(built);
}

let binary;
try {
  // The electron package's main module is the path of its binary, downloaded on first use.
  binary = createRequire(join(root, 'package.json'))('electron');
} catch (error) {
  console.error(
    `\nElectron could not be started: ${error instanceof Error ? error.message : String(error)}\n` +
      'The electron package downloads its binary the first time it is used; the lines above say why that failed. ' +
      'The app itself is built in out/. Run `npm start` again once the download can succeed ' +
      '(Electron\'s installer honours ELECTRON_MIRROR and ELECTRON_CACHE for a mirror or a copied cache).',
  );
  process.exit(1);
}

// The app must start as Electron, never as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const app = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
app.on('error', (error) => {
  console.error(`\nElectron could not be started: ${error.message}`);
  process.exit(1);
});
app.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
