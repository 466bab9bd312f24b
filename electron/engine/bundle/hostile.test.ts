/**
 * Hostile bundles are refused quickly, in little memory, and each for its
 * own reason naming the file (issue 17): the corpus of testing/hostileCorpus.ts
 * at its small size, the budgets' own checks, and export, which must never
 * write a bundle the verifier would refuse. The corpus at full size, through
 * the real command, is in electron/cli/hostileBundles.test.ts and bench P12.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBagInfo, VerifyReport } from '../../../shared/bagit';
import { Archive } from '../archive';
import { createBulkArchive } from '../testing/bulkArchive';
import { temporaryFolder } from '../testing/fixtures';
import { checkBundleBudget } from './exportBudget';
import { exportBundle } from './export';
import { jsonShapeProblem } from '../../../shared/verify/jsonShape';
import { bundleLimits } from '../../../shared/verify/limits';
import { hostileAttacks, writeHostileCorpus, type HostileBundle } from './testing/hostileCorpus';
import { makeBag } from './testing/makeBundle';
import { verifyBundle } from './verify';

let folder: { path: string; remove: () => Promise<void> };
let corpus: Map<string, HostileBundle>;

beforeAll(async () => {
  folder = await temporaryFolder();
  corpus = new Map((await writeHostileCorpus(folder.path, 'small')).map((bundle) => [bundle.id, bundle]));
}, 120_000);
afterAll(() => folder.remove());

describe('every bundle of the hostile corpus', () => {
  it.each(hostileAttacks.map(({ id, attack }) => [id, attack]))('%s (%s) is refused for its own reason, naming the file', async (id) => {
    const bundle = corpus.get(id)!;
    const report = VerifyReport.parse(await verifyBundle(bundle.path));
    expect(report.valid).toBe(false);
    expect(report.failure, JSON.stringify(report.failure)).toMatchObject({ reason: bundle.reason, ...(bundle.file ? { file: bundle.file } : {}) });
    // Every check before the one that refused passed: nothing was refused for a reason it does not name.
    expect(report.checks.slice(0, -1).every((check) => check.ok)).toBe(true);
  });

  it('refuses an entry outside data/ that the tag manifest does not list by its name, before inflating any', async () => {
    // Its entries hold bytes that are not deflate data: inflated, they would have made the ZIP "damaged".
    const report = await verifyBundle(corpus.get('unlisted-entries')!.path);
    expect(report.failure?.reason).toBe('tagFileNotInTagManifest');
    expect(report.checks.at(-1)).toEqual({ id: 'tagManifest', ok: false });
  });

  it('refuses a bundle.json beyond its size from the size the ZIP declares, before the signature is checked', async () => {
    const report = await verifyBundle(corpus.get('bundle-json-240mb')!.path);
    expect(report.failure).toMatchObject({ reason: 'fileTooLarge', file: 'data/bundle.json', detail: { limit: bundleLimits.maxBundleJsonBytes } });
    expect(report.checks.map((check) => check.id)).toEqual(['zipStructure', 'paths', 'tagFiles']);
  });

  it('names the budget bundle.json ran out of: depth, values, containers, records, revisions, an item', async () => {
    const problems = await Promise.all(
      ['deep', 'dense-scalars', 'dense-arrays', 'many-records', 'many-revisions', 'item-flood'].map(async (id) => (await verifyBundle(corpus.get(`bundle-json-${id}`)!.path)).failure?.detail?.problem),
    );
    expect(problems).toEqual(['depth', 'values', 'containers', 'records', 'revisions', 'itemValues']);
  });
});

describe('the shape of JSON, measured on its bytes', () => {
  const budget = { maxJsonDepth: 3, maxJsonValues: 1_000_000, bytesPerJsonValue: 1, maxJsonContainers: 1_000_000, bytesPerJsonContainer: 1 };
  const shape = (json: string, limits = budget) => jsonShapeProblem(Buffer.from(json), limits);

  it('counts nesting, but not brackets, quotes or backslashes inside strings', () => {
    expect(shape('[[["x"]]]')).toBeNull();
    expect(shape('[[[[]]]]')).toMatchObject({ problem: 'depth', limit: 3 });
    expect(shape('[["[[[[\\"]]]]", "\\\\"]]')).toBeNull();
  });

  it('counts every value, keys and literals included, against the budget for its size', () => {
    const many = JSON.stringify({ a: [1, true, null, 'x', -2.5e3] });
    expect(shape(many, { ...budget, maxJsonValues: 8 })).toBeNull();
    expect(shape(many, { ...budget, maxJsonValues: 7 })).toMatchObject({ problem: 'values', limit: 7 });
    // Dense beyond one value per 4 bytes, past the allowance every document has.
    const dense = Buffer.from(`[${'0,'.repeat(5000)}0]`);
    expect(jsonShapeProblem(dense, bundleLimits)).toMatchObject({ problem: 'values', limit: 1000 + Math.floor(dense.length / 4) });
  });

  it('passes the bundle.json of a real bundle', async () => {
    const bag = await makeBag();
    expect(jsonShapeProblem(bag.files.get('data/bundle.json')!, bundleLimits)).toBeNull();
  });
});

it('reads bag-info continuation lines in time linear in their length', () => {
  const text = `Source-Organization: x\n${' y\n'.repeat(300_000)}`;
  const start = performance.now();
  const parsed = parseBagInfo(text);
  // Joined line by line, 160,000 lines took 15 s here.
  expect(performance.now() - start).toBeLessThan(2000);
  expect(parsed.ok && parsed.value[0]![1].length).toBe(1 + 2 * 300_000);
});

describe('export', () => {
  it('refuses a bundle beyond the budgets before writing anything', async () => {
    const archive = await createBulkArchive(join(folder.path, 'large'), { incidents: bundleLimits.maxRecords + 1 });
    const opened = await Archive.open(archive.path);
    const out = join(folder.path, 'large.zip');
    try {
      await expect(exportBundle(opened, { out, profile: 'legal', language: 'en', softwareVersion: 'test' })).rejects.toMatchObject({
        code: 'bundleTooLarge',
        params: { what: 'records', count: bundleLimits.maxRecords + 1, limit: bundleLimits.maxRecords },
      });
      expect(existsSync(out)).toBe(false);
    } finally {
      await opened.close();
    }
  }, 120_000);

  it('judges bundle.json as the verifier will: its size and its shape', async () => {
    const bag = await makeBag();
    const bundle = JSON.parse(Buffer.from(bag.files.get('data/bundle.json')!).toString());
    expect(() => checkBundleBudget(bundle)).not.toThrow();
    expect(() => checkBundleBudget(bundle, { ...bundleLimits, maxBundleJsonBytes: 1000 })).toThrow(expect.objectContaining({ code: 'bundleTooLarge', params: expect.objectContaining({ what: 'bundleJsonBytes' }) }));
    expect(() => checkBundleBudget(bundle, { ...bundleLimits, maxJsonDepth: 3 })).toThrow(expect.objectContaining({ params: { what: 'bundleJson.depth', limit: 3 } }));
    expect(() => checkBundleBudget(bundle, { ...bundleLimits, maxEntries: 12 })).toThrow(expect.objectContaining({ params: { what: 'entries', count: 17, limit: 12 } }));
  });
});
