/**
 * What P9's crash trials share: the archives they write to, made once per
 * run (an organization's archive of 600 records, plain and encrypted with
 * the same evidence, each opened once so that it has its record snapshot; a defender's archive with files, plain and encrypted, and its
 * bundle; the files a trial attaches), and running a child process that is
 * killed with SIGKILL after a delay, reading what it acknowledged. It never
 * checks an archive itself (testing/crashChecks.ts does).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Archive } from '../electron/engine/archive';
import { exportOf, benchPassphrase } from './fixtures';
import { createBulkArchive } from '../electron/engine/testing/bulkArchive';
import { sampleIncident } from '../electron/engine/testing/fixtures';
import { MiB } from './harness';

/** Unlocking is not what is tried: a low scrypt cost keeps the trials short. */
const scryptCost = 2 ** 12;
/** Records in the organization's archive (made in bulk). */
const orgRecords = 600;

export interface CrashFixtures {
  /** The archive each trial copies and writes to, by whether it is encrypted. */
  org: { plain: string; encrypted: string };
  /** The archive merged in, by whether it is encrypted, and its bundle (imported). */
  defender: { plain: string; encrypted: string };
  bundle: string;
  /** The org's state hash before and after the defender's evidence joins it. */
  states: { before: string; after: string };
  /** Files a trial attaches, each different. */
  attachFiles: string[];
}

async function encryptedCopy(from: string, to: string): Promise<string> {
  await cp(from, to, { recursive: true });
  const archive = await Archive.open(to);
  await archive.encryptInPlace(benchPassphrase, scryptCost);
  await archive.close();
  // Opened once, as the plain one was: its record snapshot is written.
  await (await Archive.open(to, benchPassphrase)).close();
  return to;
}

/** `records` incidents in the defender's archive, every twentieth with a file of 3 MiB (smoke: fewer). */
export async function makeCrashFixtures(work: string, records = 60): Promise<CrashFixtures> {
  const dir = join(work, 'crash');
  await mkdir(dir, { recursive: true });
  const files = async (prefix: string, count: number, bytes: number) => {
    const made: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const file = join(dir, `${prefix}-${index}.mp4`);
      await writeFile(file, randomBytes(bytes));
      made.push(file);
    }
    return made;
  };

  const defender = await Archive.create(join(dir, 'defender'), { name: 'Defender', organization: '', passphrase: null });
  const defenderFiles = await files('defender', Math.ceil(records / 20), 3 * MiB);
  for (let index = 0; index < records; index += 1) {
    const { recordId } = await defender.save({ type: 'incident', data: sampleIncident({ title: `Оқиға ${index}` }) });
    if (index % 20 === 0) await defender.attach(recordId, [{ path: defenderFiles[index / 20]! }]);
  }
  const bundle = (await exportOf(defender, join(dir, 'defender.zip'))).path;

  // Enough records that opening starts from the record snapshot (recordSnapshot.ts), written by the first open:
  // a kill must not lose what was acknowledged on that path either.
  const orgPath = (await createBulkArchive(join(dir, 'org'), { incidents: orgRecords })).path;
  const org = await Archive.open(orgPath);
  const before = await org.stateHash();
  await org.close();
  const whole = join(dir, 'org after');
  await cp(org.path, whole, { recursive: true });
  const merged = await Archive.open(whole);
  await merged.mergeFrom(defender);
  const after = await merged.stateHash();
  await merged.close();
  await defender.close();

  return {
    org: { plain: org.path, encrypted: await encryptedCopy(org.path, join(dir, 'org encrypted')) },
    defender: { plain: defender.path, encrypted: await encryptedCopy(defender.path, join(dir, 'defender encrypted')) },
    bundle,
    states: { before, after },
    attachFiles: await files('attach', 4, 2 * MiB),
  };
}

export interface KilledRun {
  /** The exit code, or null when the kill came first. */
  code: number | null;
  /** Every line the child printed before it ended: what it acknowledged. */
  lines: string[];
  /** Milliseconds from the start (or from `ready`) to the end, killed or not. */
  ms: number;
  stderr: string;
}

/**
 * Runs `node SCRIPT ARGS` and kills it with SIGKILL `killAfterMs` after it
 * starts, or after it prints `ready` when `fromReady`; never, when
 * `killAfterMs` is undefined. File descriptor 3 is a pipe, for the `dalel`
 * child's report.
 */
export function runKilled(
  script: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; killAfterMs?: number; fromReady?: boolean },
): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: options.env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let start = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      start = performance.now();
      if (options.killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    };
    if (!options.fromReady) arm();
    let out = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const wasReady = out.split('\n').includes('ready');
      out += chunk;
      if (options.fromReady && !wasReady && out.split('\n').includes('ready')) arm();
    });
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdio[3]!.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = out.split('\n');
      // A line cut by the kill was never whole: it acknowledged nothing.
      resolve({ code, lines: lines.slice(0, -1), ms: performance.now() - start, stderr });
    });
  });
}
