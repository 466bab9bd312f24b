/**
 * The bench in smoke mode, as `npm run bench -- --smoke` runs it (build
 * included), so that it cannot rot: every target measures once at toy size,
 * prints its line, and the bench leaves nothing behind.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { targets } from './targets';

let parent: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'dalel-bench-test-'));
});
afterEach(() => rm(parent, { recursive: true, force: true }));

// P8 starts Chromium and P9 starts the command a dozen times, at a second or more each on a busy machine.
it('measures every target once, prints one line for each, and removes its data', { timeout: 300_000 }, () => {
  const result = spawnSync('npm', ['run', '--silent', 'bench', '--', '--smoke', '--dir', parent], {
    cwd: join(import.meta.dirname, '..'),
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const lines = result.stdout.split('\n').filter((line) => /^P\d/.test(line));
  expect(lines.map((line) => line.split(' ')[0])).toEqual(targets.map((target) => target.id));
  for (const line of lines) {
    expect(line).toMatch(/: (\d+(\.\d+)?(x| MB) .*\(target [<>]= [\d.]+(x| MB)(, [<>]= \d+ ms| and [<>] [\d.]+ s)?\)|0 lost in \d+ trials \(target 0 lost, archive opens\)) smoke, no verdict$/);
  }
  return readdir(parent).then((left) => expect(left).toEqual([]));
});
