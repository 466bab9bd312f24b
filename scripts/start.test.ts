/**
 * `npm start` (scripts/start.js) in a copy of the checkout's scripts with the
 * real electron package: it starts whatever binary the electron package
 * hands it, builds only when the build is out of date, and when the binary
 * cannot be had, says so with the installer's own error.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIsCurrent } from './build.js';

const checkout = join(import.meta.dirname, '..');
const builtOutputs = ['out/main/index.js', 'out/main/dalel.js', 'out/main/verifyWorker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/verifier/dalel-verify.html'];
let root: string;

/** A folder laid out like a checkout with a finished build: scripts, package.json, out/.built and the real electron package. */
function fakeCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-start-'));
  mkdirSync(join(dir, 'scripts'));
  for (const file of ['build.js', 'start.js']) copyFileSync(join(checkout, 'scripts', file), join(dir, 'scripts', file));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'dalel-start-test', type: 'module' }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(join(checkout, 'node_modules', 'electron'), join(dir, 'node_modules', 'electron'));
  mkdirSync(join(dir, 'electron'));
  writeFileSync(join(dir, 'electron', 'main.ts'), '');
  mkdirSync(join(dir, 'out'));
  for (const output of builtOutputs) {
    mkdirSync(join(dir, output, '..'), { recursive: true });
    writeFileSync(join(dir, output), '');
  }
  writeFileSync(join(dir, 'out', '.built'), '');
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(dir, 'out', '.built'), later, later);
  return dir;
}

function start(env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'start.js'), '--some-flag'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeEach(() => {
  root = fakeCheckout();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm start', () => {
  it('starts the binary the electron package gives, in the checkout, without building again', () => {
    // ELECTRON_OVERRIDE_DIST_PATH is the electron package's own way to point at a binary.
    const dist = join(root, 'dist');
    mkdirSync(dist);
    const record = join(root, 'started.json');
    writeFileSync(
      join(dist, 'electron'),
      `#!/bin/sh\nnode -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }))' '${record}' "$@"\nexit 7\n`,
    );
    chmodSync(join(dist, 'electron'), 0o755);

    const { code, out } = start({ ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_RUN_AS_NODE: '1' });

    expect(code).toBe(7); // the app's own exit code
    const started = JSON.parse(readFileSync(record, 'utf8'));
    expect(started).toEqual({ args: ['.', '--some-flag'], cwd: root, runAsNode: null });
    expect(out).not.toMatch(/electron-vite|building/i);
  });

  it('when the binary cannot be downloaded, says so with the installer’s actual error and stops', () => {
    // A mirror that refuses every connection: the download fails here whether or not the machine is online.
    const { code, err } = start({ ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_CACHE: join(root, 'cache'), electron_config_cache: join(root, 'cache') });

    expect(code).toBe(1);
    expect(err).toContain('Electron could not be started: Electron failed to install correctly');
    expect(err).toMatch(/fetch failed|ECONNREFUSED/);
    expect(err).not.toMatch(/not possible here|no internet/i);
  });
});

describe('the build is current', () => {
  it('when out/.built is newer than every source, and not once a source changes', () => {
    expect(buildIsCurrent(root)).toBe(true);
    const later = new Date(Date.now() + 120_000);
    utimesSync(join(root, 'electron', 'main.ts'), later, later);
    expect(buildIsCurrent(root)).toBe(false);
    rmSync(join(root, 'out', '.built'));
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('not when part of the build is missing (a build stopped half way), whatever the stamp says', () => {
    rmSync(join(root, 'out', 'renderer'), { recursive: true });
    expect(buildIsCurrent(root)).toBe(false);
  });
});
