/**
 * P9: a crash (SIGKILL) at a random moment of save, attach, import or
 * merge loses no acknowledged write and leaves an archive that opens. Each
 * trial copies an archive (encrypted in every other trial, the passphrase
 * through DALEL_PASSPHRASE), runs the operation in a real process (the
 * bench's engine child for save and attach, the `dalel` command for import
 * and merge), kills it at a seeded random moment of the operation's span
 * (measured first, unkilled), reopens the archive and checks it
 * (testing/crashChecks.ts): it opens, its custody chain verifies, every
 * evidence file it lists is whole, every revision and file the child
 * acknowledged is there with its custody line, and an import or merge left
 * it exactly as before or as after (as after when the command reported
 * success). A failed trial is counted and named in the details; it never
 * stops the run.
 */
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { CrashCheckFailed, beforeOrAfter, reopenWhole, seeded } from '../../electron/engine/testing/crashChecks';
import { benchPassphrase } from '../fixtures';
import { makeCrashFixtures, runKilled, type CrashFixtures } from '../crashTrials';
import type { BenchContext, Target } from '../harness';
import { removed } from '../tools';

const operations = ['save', 'attach', 'import', 'merge'] as const;
type Operation = (typeof operations)[number];
/** Saves in one save trial. */
const savesPerTrial = 30;

interface Tally {
  trials: number;
  encrypted: number;
  killed: number;
  /** Writes acknowledged before the kill (save, attach), all checked present. */
  acknowledged: number;
  before: number;
  after: number;
  failures: string[];
  /** Kills land between startMs and 1.1 x spanMs, from the start (or from `ready`). */
  startMs: number;
  spanMs: number;
}

/** How long the `dalel` command takes to start and end doing nothing (`--help`), the longer of two runs. */
async function startupMs(context: BenchContext): Promise<number> {
  const env = { PATH: process.env.PATH, HOME: context.work, LANG: 'en_US.UTF-8' };
  const runs = [await runKilled(join(import.meta.dirname, 'child.js'), ['--help'], { env }), await runKilled(join(import.meta.dirname, 'child.js'), ['--help'], { env })];
  return Math.max(...runs.map((run) => run.ms));
}

/** How one trial runs its operation: the script, its arguments, and whether the kill is timed from `ready`. */
function invocation(operation: Operation, fixtures: CrashFixtures, dir: string, encrypted: boolean) {
  const crashChild = join(import.meta.dirname, 'crashChild.js');
  const dalel = join(import.meta.dirname, 'child.js');
  const kind = encrypted ? 'encrypted' : 'plain';
  switch (operation) {
    case 'save':
      return { script: crashChild, args: ['save', dir, String(savesPerTrial)], fromReady: true };
    case 'attach':
      return { script: crashChild, args: ['attach', dir, ...fixtures.attachFiles], fromReady: true };
    case 'import':
      return { script: dalel, args: ['import', dir, fixtures.bundle, '--allow-untrusted'], fromReady: false };
    case 'merge':
      return { script: dalel, args: ['merge', dir, fixtures.defender[kind]], fromReady: false };
  }
}

async function trial(
  context: BenchContext,
  fixtures: CrashFixtures,
  operation: Operation,
  encrypted: boolean,
  killAfterMs: number | undefined,
  label: string,
): Promise<{ killed: boolean; acknowledged: number; state: 'before' | 'after' | null; ms: number }> {
  const dir = join(context.work, 'crash', `trial ${operation}`);
  await removed(dir);
  await cp(fixtures.org[encrypted ? 'encrypted' : 'plain'], dir, { recursive: true });
  const env = {
    PATH: process.env.PATH,
    HOME: context.work,
    LANG: 'en_US.UTF-8',
    DALEL_CHROMIUM: join(context.work, 'no-chromium'),
    ...(encrypted ? { DALEL_PASSPHRASE: benchPassphrase, DALEL_OTHER_PASSPHRASE: benchPassphrase } : {}),
  };
  const { script, args, fromReady } = invocation(operation, fixtures, dir, encrypted);
  const run = await runKilled(script, args, { env, killAfterMs, fromReady });
  if (run.code !== null && run.code !== 0) throw new CrashCheckFailed(label, `the operation failed unkilled (exit ${run.code}): ${run.stderr.trim()}`);
  const reopened = await reopenWhole(dir, label, encrypted ? benchPassphrase : undefined);
  let acknowledged = 0;
  for (const line of run.lines) {
    const [what, ...rest] = line.split(' ');
    if (what === 'revision' && !reopened.revisionIds.has(rest[0]!)) throw new CrashCheckFailed(label, `acknowledged revision ${rest[0]} is lost`);
    if (what === 'attachment' && !reopened.attachments.has(rest.join(' '))) throw new CrashCheckFailed(label, `acknowledged evidence file ${rest[1]} is lost`);
    if (what !== 'revision' && what !== 'attachment') continue;
    if (!reopened.custodied.has(what === 'revision' ? rest[0]! : rest.join(' '))) throw new CrashCheckFailed(label, `acknowledged ${line} has no custody line`);
    acknowledged += 1;
  }
  const state = operation === 'import' || operation === 'merge' ? beforeOrAfter(reopened.stateHash, fixtures.states, run.code, label) : null;
  await removed(dir);
  return { killed: run.code === null, acknowledged, state, ms: run.ms };
}

async function tryOperation(context: BenchContext, fixtures: CrashFixtures, operation: Operation, seed: number): Promise<Tally> {
  const count = context.sizes.crashTrials;
  // The span to kill within: an unkilled run of each kind (smoke: the encrypted one stands for both).
  const spans = { plain: 0, encrypted: 0 };
  for (const encrypted of context.mode === 'smoke' ? [true] : [false, true]) {
    const whole = await trial(context, fixtures, operation, encrypted, undefined, `${operation} unkilled${encrypted ? ', encrypted' : ''}`);
    if (whole.state === 'before') throw new CrashCheckFailed(operation, 'an unkilled run left the archive as before');
    spans[encrypted ? 'encrypted' : 'plain'] = whole.ms;
  }
  if (context.mode === 'smoke') spans.plain = spans.encrypted;
  const spanMs = Math.max(spans.plain, spans.encrypted);
  // The command's own start (Node and its modules, before it touches the archive) is left mostly out of the span.
  // (Smoke, seconds matter more than the spread: no such measurement.)
  const startMs = invocation(operation, fixtures, '', false).fromReady || context.mode === 'smoke' ? 0 : 0.8 * (await startupMs(context));
  const random = seeded(seed);
  const tally: Tally = { trials: 0, encrypted: 0, killed: 0, acknowledged: 0, before: 0, after: 0, failures: [], startMs, spanMs };
  for (let index = 0; index < count; index += 1) {
    const encrypted = index % 2 === 0;
    // Each kill lands in its own slice of the span, a little past its end too (a kill after the last write).
    const span = spans[encrypted ? 'encrypted' : 'plain'];
    const killAt = Math.round(startMs + ((index + random()) / count) * Math.max(span * 1.1 - startMs, 0));
    const label = `${operation} trial ${index}${encrypted ? ' (encrypted)' : ''}, killed at ${killAt} ms, seed ${seed}`;
    tally.trials += 1;
    if (encrypted) tally.encrypted += 1;
    try {
      const outcome = await trial(context, fixtures, operation, encrypted, killAt, label);
      if (outcome.killed) tally.killed += 1;
      tally.acknowledged += outcome.acknowledged;
      if (outcome.state) tally[outcome.state] += 1;
    } catch (error) {
      if (!(error instanceof CrashCheckFailed)) throw error;
      tally.failures.push(error.message);
    }
  }
  return tally;
}

function detail(operation: Operation, tally: Tally): string {
  const ends = operation === 'import' || operation === 'merge' ? `, as before ${tally.before}, as after ${tally.after}` : `, ${tally.acknowledged} acknowledged writes all there`;
  return `${operation}: ${tally.failures.length} lost in ${tally.trials} trials (${tally.encrypted} encrypted), ${tally.killed} killed mid-run${ends}; kills at ${Math.round(tally.startMs)}–${Math.round(tally.spanMs * 1.1)} ms of a run of up to ${Math.round(tally.spanMs)} ms${tally.startMs ? '' : ' after opening'}`;
}

export const p9Crash: Target = {
  id: 'P9',
  title: () => `crash at a random moment of ${operations.join(', ')}`,
  async run(context) {
    const fixtures = await makeCrashFixtures(context.work, context.mode === 'smoke' ? 20 : 60);
    const seed = Date.now() >>> 0;
    const tallies = new Map<Operation, Tally>();
    for (const [index, operation] of operations.entries()) {
      context.log(`P9 ${operation}: ${context.sizes.crashTrials} trials`);
      tallies.set(operation, await tryOperation(context, fixtures, operation, seed + index));
    }
    const all = [...tallies.values()];
    const lost = all.reduce((sum, tally) => sum + tally.failures.length, 0);
    const trials = all.reduce((sum, tally) => sum + tally.trials, 0);
    return {
      measured: `${lost} lost in ${trials} trials`,
      target: '0 lost, archive opens',
      ok: lost === 0,
      details: [...[...tallies].map(([operation, tally]) => detail(operation, tally)), ...all.flatMap((tally) => tally.failures), `seed ${seed}`],
    };
  },
};
