/**
 * `dalel export` then `dalel verify`, as a lawyer or a campaign would run
 * them: a legal and a public bundle carry data/stop.csv and
 * data/sources.csv, `dalel verify` accepts both, and the public one holds
 * no trace of a testimony its person did not allow to publish.
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleIncident, sampleTestimony, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess as dalel } from './testing/inProcess';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

const report = { kind: 'media_report', title: 'Mobile internet cut in Mangystau', url: 'https://rus.azattyq.org/a/31635312.html' };
const unpublishable = { title: 'Nurse at the city hospital, Zhanaozen', url: 'https://example.org/recording-of-the-nurse' };

describe('dalel export and dalel verify', () => {
  it.each(['legal', 'public'] as const)('a %s bundle carries stop.csv and sources.csv and verifies', async (profile) => {
    const dir = join(folder.path, 'archive');
    expect((await dalel(['init', dir, '--name', 'Жаңаөзен', '--no-encryption'])).code).toBe(0);
    const incident = (await dalel(['add', dir, '--type', 'incident', '--json', '-'], {}, JSON.stringify(sampleIncident({ areas: [{ code: 'KZ-47' }], scope: 'regional' })))).out.trim();
    expect(incident).toMatch(/^[0-9a-f-]{36}$/);
    const base = sampleTestimony();
    const nurse = { ...base, ...unpublishable, consent: { ...base.consent!, publishAnonymous: false } };
    for (const source of [report, nurse]) {
      const added = await dalel(['add', dir, '--type', 'source', '--parent', incident, '--json', '-'], {}, JSON.stringify(source));
      expect(added.code, added.err).toBe(0);
    }
    const out = join(folder.path, `${profile}.zip`);
    const exported = await dalel(['export', dir, '--out', out, '--profile', profile]);
    expect(exported.code, exported.err).toBe(0);
    const verified = await dalel(['verify', out]);
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toContain('Intact — signer not verified');

    const unpacked = join(folder.path, 'unpacked');
    execFileSync('unzip', ['-q', out, '-d', unpacked]);
    const [bag] = await readdir(unpacked);
    const manifest = await readFile(join(unpacked, bag!, 'manifest-sha256.txt'), 'utf8');
    expect(manifest).toMatch(/^[0-9a-f]{64} {2}data\/stop\.csv$/m);
    expect(manifest).toMatch(/^[0-9a-f]{64} {2}data\/sources\.csv$/m);
    const stop = await readFile(join(unpacked, bag!, 'data/stop.csv'), 'utf8');
    expect(stop).toContain('Mangystau Region');
    expect(stop).toContain(report.url);
    expect(stop.includes(unpublishable.url)).toBe(profile === 'legal');
    const sources = await readFile(join(unpacked, bag!, 'data/sources.csv'), 'utf8');
    expect(sources).toContain(report.title);
    expect(sources.includes(unpublishable.title)).toBe(profile === 'legal');
  });
});
