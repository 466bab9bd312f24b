// Kills `dalel import` and `dalel merge` with SIGKILL at random moments of
// their run, 100 times, then reopens the archive: it must be exactly as
// before or exactly as after (the same state hash as a whole import), never
// in between; an import the command reported as done must be there; every
// listed evidence file must be stored whole; the custody log must verify.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../engine/archive';
import { exportBundle } from '../engine/bundle/export';
import { beforeOrAfter, reopenWhole, seeded } from '../engine/testing/crashChecks';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { runKilledAfter } from './testing/killedRun';

const trials = { import: 60, merge: 40 };
let folder: { path: string; remove: () => Promise<void> };
let base: string;
let defender: string;
let bundle: string;
const states = { before: '', after: '' };

beforeAll(async () => {
  folder = await temporaryFolder();
  const source = await Archive.create(join(folder.path, 'defender'), { name: 'Defender', organization: '', passphrase: null });
  for (let index = 0; index < 60; index += 1) {
    const { recordId } = await source.save({ type: 'incident', data: sampleIncident({ title: `Оқиға ${index}` }) });
    if (index % 20 === 0) {
      const file = join(folder.path, `video-${index}.mp4`);
      await writeFile(file, randomBytes(3 * 2 ** 20));
      await source.attach(recordId, [{ path: file }]);
    }
  }
  defender = source.path;
  bundle = join(folder.path, 'defender.zip');
  await exportBundle(source, { out: bundle, profile: 'internal', language: 'en', softwareVersion: 'test' });

  const org = await Archive.create(join(folder.path, 'org'), { name: 'Organization', organization: '', passphrase: null });
  for (let index = 0; index < 10; index += 1) await org.save({ type: 'incident', data: sampleIncident({ title: `Ұйым ${index}` }) });
  base = org.path;
  states.before = await org.stateHash();
  // Closed before copying: an open archive's folder holds its lock (archiveLock.ts), and a copy would too.
  await org.close();
  const whole = join(folder.path, 'org-after');
  await cp(base, whole, { recursive: true });
  const merged = await Archive.open(whole);
  await merged.mergeFrom(source);
  states.after = await merged.stateHash();
  await merged.close();
  await source.close();
}, 120_000);
afterAll(() => folder.remove());

const run = (args: string[], killAfterMs?: number) => runKilledAfter(args, {}, killAfterMs);

async function timed(args: string[]): Promise<number> {
  const started = Date.now();
  expect(await run(args)).toBe(0);
  return Date.now() - started;
}

/** Reopens a killed archive and checks it whole (testing/crashChecks.ts); returns whether the change is in. */
async function reopenAndCheck(dir: string, exitCode: number | null, label: string): Promise<'before' | 'after'> {
  return beforeOrAfter((await reopenWhole(dir, label)).stateHash, states, exitCode, label);
}

describe('import and merge, killed at random moments', () => {
  for (const kind of ['import', 'merge'] as const) {
    it(`${kind}: leaves the archive as before or as after, never between`, async () => {
      expect(existsSync(join(import.meta.dirname, '../../out/main/dalel.js')), 'build first: npm run build').toBe(true);
      const argsFor = (dir: string) => (kind === 'import' ? ['import', dir, bundle, '--allow-untrusted'] : ['merge', dir, defender]);
      const timing = join(folder.path, `${kind}-timing`);
      await cp(base, timing, { recursive: true });
      const duration = await timed(argsFor(timing));
      const seed = Date.now();
      const random = seeded(seed);
      const outcomes = { before: 0, after: 0 };
      const count = trials[kind];
      // Two at a time (two cores); each kill lands at a random moment of its own slice of the run
      // (on a loaded machine a slice may fall after the end: that trial then checks a whole run).
      for (let trial = 0; trial < count; trial += 2) {
        await Promise.all(
          [trial, trial + 1].map(async (index) => {
            const dir = join(folder.path, `${kind}-${index}`);
            await cp(base, dir, { recursive: true });
            const killAt = Math.round(((index + random()) / count) * duration * 1.2);
            const code = await run(argsFor(dir), killAt);
            outcomes[await reopenAndCheck(dir, code, `${kind} trial ${index}, killed at ${killAt} ms, seed ${seed}`)] += 1;
          }),
        );
      }
      expect(outcomes.before + outcomes.after).toBe(count);
      // The two ends, whatever the machine's load did to the timings above: killed at once, and never killed.
      const first = join(folder.path, `${kind}-at-once`);
      await cp(base, first, { recursive: true });
      expect(await reopenAndCheck(first, await run(argsFor(first), 0), `${kind} killed at once`)).toBe('before');
      const last = join(folder.path, `${kind}-whole`);
      await cp(base, last, { recursive: true });
      expect(await reopenAndCheck(last, await run(argsFor(last)), `${kind} not killed`)).toBe('after');
    }, 300_000);
  }
});
