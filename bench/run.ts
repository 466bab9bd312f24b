/**
 * `npm run bench`: measures docs/spec/performance.md's targets and prints one line per
 * target with the measured ratio and the target. It makes its own data in a
 * temporary folder and removes it at the end, whatever happens.
 *
 *   npm run bench                  full sizes (1 GiB of media, a 4 GiB bundle)
 *   npm run bench -- --quick       smaller sizes, a few minutes
 *   npm run bench -- --smoke       each measurement once at toy size, no verdict, seconds
 *   npm run bench -- --only P1,P3  some targets only
 *   npm run bench -- --runs 9      time each measurement 9 times (more steady figures on a busy machine)
 *   npm run bench -- --dir DIR     make the temporary folder in DIR (default: the OS's)
 *
 * Exit code: 0 when every target is met (always, in --smoke), 1 when one
 * falls short, 2 when the bench could not run.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Fixtures } from './fixtures';
import { outcomeLine, sizesOf, type BenchContext, type Mode } from './harness';
import { targets } from './targets';
import { missingTools, removed } from './tools';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      smoke: { type: 'boolean' },
      only: { type: 'string' },
      runs: { type: 'string' },
      dir: { type: 'string' },
    },
  });
  const mode: Mode = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';
  const only = values.only?.split(',').map((id) => id.trim().toUpperCase());
  const chosen = targets.filter((target) => !only || only.includes(target.id));
  if (chosen.length === 0) {
    process.stderr.write(`no such target: ${values.only}; there are ${targets.map((target) => target.id).join(', ')}\n`);
    return 2;
  }
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && !(Number.isInteger(runs) && runs > 0)) {
    process.stderr.write(`--runs takes a whole number above 0, not ${values.runs}\n`);
    return 2;
  }
  const missing = await missingTools();
  if (missing.length) {
    process.stderr.write(`the bench compares with standard tools that are missing here: ${missing.join(', ')}\n`);
    return 2;
  }

  const work = await mkdtemp(join(values.dir ?? tmpdir(), 'dalel-bench-'));
  const log = (text: string) => process.stderr.write(`  … ${text}\n`);
  const sizes = { ...sizesOf[mode], ...(runs ? { runs } : {}) };
  const context: BenchContext = { mode, sizes, work, fixtures: new Fixtures(work, sizes, log), log };
  // An interrupted bench still removes its data (gigabytes of it).
  const interrupted = () => void removed(work).finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let short = 0;
  try {
    process.stderr.write(`dalel bench, ${mode} mode, in ${work}\n`);
    for (const target of chosen) {
      log(`${target.id} ${target.title(sizes)}`);
      const outcome = await target.run(context);
      process.stdout.write(`${outcomeLine(target, sizes, mode, outcome)}\n`);
      for (const detail of outcome.details) process.stdout.write(`    ${detail}\n`);
      if (!outcome.ok) short += 1;
    }
  } finally {
    await removed(work);
  }
  return mode === 'smoke' || short === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`the bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
