/**
 * The two attacks of issue 17 at full size, through the built `dalel`
 * command as a person's shell runs it: a signed bundle whose bundle.json is
 * 240 MB of empty arrays (it took Node to 5.9 GB and a crash, exit 134) and
 * 300,000 unlisted entries (a minute of inflating). `dalel verify` and
 * `dalel import` refuse each (exit 1), within a bound generous enough for a
 * loaded 2-core machine and well under 300 MB of the command's own peak
 * memory, and the archive imported into is left exactly as it was. Needs the
 * build (npm run build), as cli.test.ts does.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHostileCorpus, type HostileBundle } from '../engine/bundle/testing/hostileCorpus';
import { temporaryFolder } from '../engine/testing/fixtures';
import { folderContents } from '../engine/testing/folderContents';
import { bin } from './testing/killedRun';

const attacks = ['bundle-json-240mb', 'unlisted-entries-300k'];
const secondsLimit = 30;
const peakLimitBytes = 300e6;
const env = { ...process.env, LANG: 'en_US.UTF-8' };
/** Linux: where a process can read its own peak memory. */
const measurable = existsSync('/proc/self/status');

/**
 * Loaded before the command: at its exit, writes the process's own peak
 * resident memory (VmHWM, as bench/child.ts reads it) on file descriptor 3.
 * ru_maxrss would count the memory of the test process that forked it.
 */
const peakAtExit = `data:text/javascript,${encodeURIComponent(`import { existsSync, readFileSync, writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
// Loaded into the verifier's worker thread too: only the process's main thread reports.
if (isMainThread) process.on('exit', () => {
  const line = /^VmHWM:\\s+(\\d+) kB$/m.exec(existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '');
  writeSync(3, String(line ? Number(line[1]) * 1024 : 0));
});`)}`;

/** Runs `dalel ARGS` to its end: its exit code, what it printed, how long it took and its own peak memory. */
function dalel(args: string[]): Promise<{ code: number | null; out: string; seconds: number; peakBytes: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', peakAtExit, bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  let out = '';
  let peak = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  child.stdio[3]!.on('data', (chunk) => (peak += chunk));
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ code, out, seconds: (performance.now() - start) / 1000, peakBytes: Number(peak) }));
  });
}

const contents = folderContents;

let folder: { path: string; remove: () => Promise<void> };
let corpus: HostileBundle[];

beforeAll(async () => {
  expect(existsSync(join(import.meta.dirname, '../../out/main/dalel.js')), 'build first: npm run build').toBe(true);
  folder = await temporaryFolder();
  corpus = await writeHostileCorpus(folder.path, 'full', attacks);
}, 300_000);
afterAll(() => folder?.remove());

describe('dalel verify and dalel import of the full-size attacks of issue 17', () => {
  it.each(attacks)('%s: refused (exit 1, not a crash), quickly, well under 300 MB', { timeout: 120_000 }, async (id) => {
    const bundle = corpus.find((written) => written.id === id)!;
    const verified = await dalel(['verify', bundle.path]);
    expect(verified.code, verified.out).toBe(1);
    expect(verified.out).toContain('✗ Changed or damaged');
    expect(verified.seconds).toBeLessThan(secondsLimit);
    if (measurable) expect(verified.peakBytes).toBeGreaterThan(0);
    expect(verified.peakBytes).toBeLessThan(peakLimitBytes);
  });

  it('leaves the archive it was imported into exactly as it was', { timeout: 240_000 }, async () => {
    const archive = join(folder.path, 'архив');
    expect(spawnSync(process.execPath, [bin, 'init', archive, '--no-encryption'], { env }).status).toBe(0);
    const stateHash = () => spawnSync(process.execPath, [bin, 'state-hash', archive], { env, encoding: 'utf8' }).stdout.trim();
    const hashBefore = stateHash();
    const before = await contents(archive);
    for (const bundle of corpus) {
      const imported = await dalel(['import', archive, bundle.path, '--allow-untrusted']);
      expect(imported.code, imported.out).toBe(1);
      expect(imported.out).toContain('Nothing was imported');
      expect(imported.seconds).toBeLessThan(secondsLimit);
      expect(imported.peakBytes).toBeLessThan(peakLimitBytes);
    }
    expect(stateHash()).toBe(hashBefore);
    expect(await contents(archive)).toEqual(before);
  });
});
