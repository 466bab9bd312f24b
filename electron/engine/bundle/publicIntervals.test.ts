/**
 * SECURITY (adversarial): a confidential incident's intervals name operators
 * and places as free text, so a `public` bundle leaves them out; nothing it
 * computes from them may stay behind. Its report and incidents.csv give the
 * span's hours and no curfew flag, and no byte of the bundle holds the
 * withheld operator or place, while a `legal` bundle of the same archive
 * carries the intervals, their hours and the curfew flag.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Archive } from '../archive';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';
import { exportBundle } from './export';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

const night = (day: number) => ({
  start: { at: `2022-01-0${day}T19:00+06:00`, precision: 'minute' as const },
  end: { at: `2022-01-0${day + 1}T07:00+06:00`, precision: 'minute' as const },
  areas: [{ place: 'Qaragandy village 7' }],
  operators: ['Hidden Telecom LLP'],
});

async function bagOf(archive: Archive, profile: 'public' | 'legal') {
  const out = join(folder.path, `${profile}.zip`);
  const { bundleId } = await exportBundle(archive, { out, profile, language: 'en', softwareVersion: 'test' });
  const dir = join(folder.path, profile);
  execFileSync('unzip', ['-q', out, '-d', dir]);
  const bag = join(dir, bundleId);
  const entries = await readdir(bag, { recursive: true, withFileTypes: true });
  const bytes = Buffer.concat(await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name)))));
  const read = (path: string) => readFile(join(bag, path), 'utf8');
  return { bytes, report: await read('data/report.html'), csv: await read('data/incidents.csv'), bundle: await read('data/bundle.json') };
}

it('a public bundle of a confidential incident keeps nothing of its intervals, not even their hours or pattern', async () => {
  const archive = await Archive.create(join(folder.path, 'a'), { name: 'A', organization: '', passphrase: null, scryptCost: 2 ** 12 });
  await archive.save({
    type: 'incident',
    data: sampleIncident({
      confidential: true,
      startedAt: { at: '2022-01-05T19:00+06:00', precision: 'minute' },
      endedAt: { at: '2022-01-09T07:00+06:00', precision: 'minute' },
      intervals: [night(5), night(6), night(7), night(8)],
    }),
  });

  const legal = await bagOf(archive, 'legal');
  expect(legal.bytes.includes(Buffer.from('Hidden Telecom LLP'))).toBe(true);
  expect(legal.report).toContain('48 hours off in total; curfew style');
  expect(legal.csv).toMatch(/,48,yes,/);

  const published = await bagOf(archive, 'public');
  for (const withheld of ['Hidden Telecom LLP', 'Qaragandy village 7']) expect(published.bytes.includes(Buffer.from(withheld)), withheld).toBe(false);
  expect(published.bundle).not.toContain('"intervals"');
  // 5 January 19:00 to 9 January 07:00: the span, the only time the bundle carries.
  expect(published.report).toContain('84 hours off in total');
  expect(published.report).not.toMatch(/curfew|Times it was off/i);
  expect(published.csv).toMatch(/,84,no,/);
  expect(published.csv).not.toMatch(/,48,/);
  archive.close();
});
