/**
 * SECURITY (adversarial): a public bundle gives records ids of its own, so
 * that it cannot be matched with the archive or a legal bundle of the same
 * records. An incident's link names another incident by id: in a public
 * bundle that id is the linked incident's new one, never the real one.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Bundle } from '../../../shared/model';
import { Archive } from '../archive';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';
import { exportBundle } from './export';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

it('a public bundle’s links name the linked incident by its new id, and no real record id is in any byte', async () => {
  const archive = await Archive.create(join(folder.path, 'a'), { name: 'A', organization: '', passphrase: null, scryptCost: 2 ** 12 });
  const larger = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Nationwide, January 2022' }) });
  const part = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Almaty, 5 January', links: [{ kind: 'part_of', incident: larger.recordId }] }) });
  const out = join(folder.path, 'public.zip');
  const { bundleId } = await exportBundle(archive, { out, profile: 'public', language: 'en', softwareVersion: 'test' });
  const dir = join(folder.path, 'unzipped');
  execFileSync('unzip', ['-q', out, '-d', dir]);
  const bag = join(dir, bundleId);
  const entries = await readdir(bag, { recursive: true, withFileTypes: true });
  const bytes = Buffer.concat(await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name)))));
  for (const id of [larger.recordId, part.recordId]) expect(bytes.includes(Buffer.from(id)), id).toBe(false);
  const bundle = Bundle.parse(JSON.parse(await readFile(join(bag, 'data/bundle.json'), 'utf8')));
  const byTitle = (title: string) => bundle.records.find((record) => record.data?.title === title)!;
  expect(byTitle('Almaty, 5 January').data?.links).toEqual([{ kind: 'part_of', incident: byTitle('Nationwide, January 2022').recordId }]);
  archive.close();
});
