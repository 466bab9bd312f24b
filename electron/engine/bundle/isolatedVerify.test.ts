/**
 * The verifier in a thread of its own (isolatedVerify.ts), with the worker
 * as it is built (`npm run build` first): a bundle checks the same there as
 * in this thread, with progress, and a check that runs out of the memory
 * its thread may use is a refusal in the report while this process goes on.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { temporaryFolder } from '../testing/fixtures';
import { verifyIsolated } from './isolatedVerify';
import { archiveZip, makeBag } from './testing/makeBundle';
import { verifyBundleContents } from './verify';

const worker = join(import.meta.dirname, '../../../out/main/verifyWorker.js');

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

it('checks a bundle in its own thread as in this one, and a thread out of memory is a refusal, not a crash', async () => {
  expect(existsSync(worker), 'build first: npm run build').toBe(true);
  const path = join(folder.path, 'bundle.zip');
  await archiveZip(await makeBag(), path);
  const here = await verifyBundleContents(path);
  const progress: number[] = [];
  const there = await verifyIsolated(worker, path, { onProgress: (done) => progress.push(done) });
  expect(there.report).toEqual(here.report);
  expect(there.bundle).toEqual(here.bundle);
  expect(progress.length).toBeGreaterThan(0);

  // A bundle.json of 6 MB that cannot be compressed (real text would be), in a thread allowed 12 MB.
  const large = join(folder.path, 'large.zip');
  const text = randomBytes(4_500_000).toString('base64');
  const withSummary = (bundle: Record<string, unknown>) => {
    const [first] = bundle.records as { data: Record<string, unknown> }[];
    first!.data.summary = text;
  };
  await archiveZip(await makeBag({ bundle: withSummary }), large);
  const starved = await verifyIsolated(worker, large, {}, 12);
  expect(starved.report).toEqual({ valid: false, checks: [], failure: { reason: 'verifierStopped' } });
  // This process goes on, and the same bundle checks valid with the memory a thread is given.
  expect((await verifyIsolated(worker, large)).report.valid).toBe(true);

  const controller = new AbortController();
  controller.abort();
  expect((await verifyIsolated(worker, path, { signal: controller.signal })).report.failure?.reason).toBe('cancelled');
});
