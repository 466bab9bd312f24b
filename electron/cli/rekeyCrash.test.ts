// Kills `dalel rekey` with SIGKILL at points spread over its whole run and
// checks that the archive is always whole: still the old one under the old
// passphrase, or already the one sealed again under the new, with every
// revision and evidence file in either case, and no second data folder left.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../engine/archive';
import { EngineError } from '../engine/errors';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { runKilledAfter } from './testing/killedRun';

const oldPassphrase = 'the passphrase before the raid';
const newPassphrase = 'the passphrase after the raid';
const trials = 10;
let folder: { path: string; remove: () => Promise<void> };
let original: string;
let stateHash: string;

beforeAll(async () => {
  folder = await temporaryFolder();
  original = join(folder.path, 'original');
  const archive = await Archive.create(original, { name: 'Crash test', organization: '', passphrase: oldPassphrase, scryptCost: 2 ** 10 });
  let recordId = '';
  for (let index = 0; index < 120; index += 1) {
    ({ recordId } = await archive.save({ type: 'incident', data: sampleIncident({ title: `Оқиға ${index}` }) }));
  }
  // A video's worth of bytes, so that copying is a good part of the run.
  const video = join(folder.path, 'video.mp4');
  await writeFile(video, randomBytes(24 * 1024 * 1024));
  await archive.attach(recordId, [{ path: video }]);
  stateHash = await archive.stateHash();
  await archive.close();
});
afterAll(() => folder.remove());

const rekey = (dir: string, killAfterMs?: number) =>
  runKilledAfter(['rekey', dir], { DALEL_PASSPHRASE: oldPassphrase, DALEL_NEW_PASSPHRASE: newPassphrase }, killAfterMs);

async function openEither(dir: string): Promise<{ archive: Archive; sealedAgain: boolean }> {
  try {
    return { archive: await Archive.open(dir, oldPassphrase), sealedAgain: false };
  } catch (error) {
    if (!(error instanceof EngineError) || error.code !== 'wrongPassphrase') throw error;
    return { archive: await Archive.open(dir, newPassphrase), sealedAgain: true };
  }
}

describe('sealing again under a new key, killed at any moment', () => {
  it('leaves the archive whole, old or new', async () => {
    expect(existsSync(join(import.meta.dirname, '../../out/main/dalel.js')), 'build first: npm run build').toBe(true);
    const timing = join(folder.path, 'timing');
    await cp(original, timing, { recursive: true });
    const started = Date.now();
    await rekey(timing);
    const duration = Date.now() - started;
    expect((await openEither(timing)).sealedAgain).toBe(true);

    const outcomes = { old: 0, new: 0 };
    for (let trial = 0; trial < trials; trial += 1) {
      const dir = join(folder.path, `trial-${trial}`);
      await cp(original, dir, { recursive: true });
      await rekey(dir, Math.round(((trial + 0.5) / trials) * duration));
      const { archive, sealedAgain } = await openEither(dir);
      expect(await archive.stateHash(), `trial ${trial}`).toBe(stateHash);
      expect(archive.status()).toMatchObject({ problems: [], tampering: [] });
      await archive.close();
      expect((await readdir(dir)).filter((name) => name.startsWith('data')), `trial ${trial}`).toHaveLength(1);
      outcomes[sealedAgain ? 'new' : 'old'] += 1;
    }
    expect(outcomes.old + outcomes.new).toBe(trials);
  }, 240_000);
});
