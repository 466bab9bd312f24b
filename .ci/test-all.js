// `npm test`: builds the app, then runs every check and every suite in turn —
// typecheck, lint, unit and contract tests (vitest), end-to-end specs
// (Playwright: the UI in Chromium on the real engine, and the Electron specs,
// which skip where no Electron binary is installed) — and ends with one line
// that totals them all: "N passed, N failed, N skipped". A check that cannot
// run counts as failed, never as skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const results = join(import.meta.dirname, 'results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args, env = {}) {
  process.stdout.write(`\n=== ${title}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title, command, args) {
  const ok = run(title, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const built = check('build', 'node', ['scripts/build.js']);
check('typecheck (shared)', 'npx', ['tsc', '-p', 'tsconfig.shared.json', '--noEmit']);
check('typecheck (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
check('typecheck (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
check('lint', 'npx', ['eslint', '.']);

const vitestFile = join(results, 'vitest.json');
const vitestOk = run('unit, contract and shell tests', 'npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestFile}`,
]);
const vitest = readJson(vitestFile);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests + (vitestOk || vitest.numFailedTests ? 0 : 1);
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else {
  totals.failed += 1;
}

if (built) {
  const playwrightFile = join(results, 'playwright.json');
  const playwrightOk = run('end-to-end specs', 'npx', ['playwright', 'test']);
  const stats = existsSync(playwrightFile) ? readJson(playwrightFile)?.stats : null;
  if (stats) {
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected + (playwrightOk || stats.unexpected ? 0 : 1);
    totals.skipped += stats.skipped;
  } else {
    totals.failed += 1;
  }
} else {
  totals.failed += 1; // the end-to-end specs need the build
}

const line = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
writeFileSync(join(results, 'totals.txt'), `${line}\n`);
process.stdout.write(`\n${line}\n`);
process.exitCode = totals.failed ? 1 : 0;
