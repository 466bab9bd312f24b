// Kills `dalel encrypt` with SIGKILL at points spread over its whole run and
// checks that the archive is always whole: still the unencrypted one, or
// already the encrypted one, with every revision in either case.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../engine/archive';
import { EngineError } from '../engine/errors';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { bin, runKilledAfter } from './testing/killedRun';

const passphrase = 'a long passphrase for the test';
const trials = 12;
let folder: { path: string; remove: () => Promise<void> };
let original: string;
let stateHash: string;

beforeAll(async () => {
  folder = await temporaryFolder();
  original = join(folder.path, 'original');
  const archive = await Archive.create(original, { name: 'Crash test', organization: '', passphrase: null });
  for (let index = 0; index < 120; index += 1) {
    await archive.save({ type: 'incident', data: sampleIncident({ title: `Оқиға ${index}` }) });
  }
  stateHash = await archive.stateHash();
  // Closed before copying: an open archive's folder holds its lock (archiveLock.ts), and a copy would too.
  await archive.close();
});
afterAll(() => folder.remove());

const encrypt = (dir: string, killAfterMs?: number) => runKilledAfter(['encrypt', dir], { DALEL_PASSPHRASE: passphrase }, killAfterMs);

async function openAnyway(dir: string): Promise<Archive> {
  try {
    return await Archive.open(dir);
  } catch (error) {
    if (error instanceof EngineError && error.code === 'passphraseRequired') return Archive.open(dir, passphrase);
    throw error;
  }
}

describe('encrypting in place, killed at any moment', () => {
  it('leaves the archive whole, old or new', async () => {
    expect(existsSync(join(import.meta.dirname, '../../out/main/dalel.js')), 'build first: npm run build').toBe(true);
    const timing = join(folder.path, 'timing');
    await cp(original, timing, { recursive: true });
    const started = Date.now();
    await encrypt(timing);
    const duration = Date.now() - started;
    expect(await (await Archive.open(timing, passphrase)).stateHash()).toBe(stateHash);

    const outcomes = { old: 0, new: 0 };
    let reencrypted = false;
    for (let trial = 0; trial < trials; trial += 1) {
      const dir = join(folder.path, `trial-${trial}`);
      await cp(original, dir, { recursive: true });
      await encrypt(dir, Math.round(((trial + 0.5) / trials) * duration));
      const archive = await openAnyway(dir);
      expect(await archive.stateHash(), `trial ${trial}`).toBe(stateHash);
      outcomes[archive.encrypted ? 'new' : 'old'] += 1;
      // Closed, so that the command below may change it (one writer at a time).
      await archive.close();
      // Left unencrypted, it can still be encrypted (checked once: each run costs two key stretchings).
      if (!archive.encrypted && !reencrypted) {
        expect(spawnSync(process.execPath, [bin, 'encrypt', dir], { env: { ...process.env, DALEL_PASSPHRASE: passphrase } }).status).toBe(0);
        reencrypted = true;
      }
    }
    expect(outcomes.old + outcomes.new).toBe(trials);
  }, 180_000);
});
