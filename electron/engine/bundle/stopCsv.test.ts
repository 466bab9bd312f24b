/**
 * stop.csv and sources.csv in real bundles: written by export beside
 * incidents.csv, covered by the manifest and the signature, accepted by the
 * verifier `dalel verify` runs (and refused, naming the file, once a byte
 * of either changes), and holding nothing the profile withholds (a testimony
 * its person did not allow to publish is in no public file, not by title,
 * id, link or name).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleProfile, SourceInput } from '../../../shared/model';
import { readCsv } from '../../../shared/csv/parse';
import { stopColumns } from '../../../shared/csv/stop';
import { sourceColumns } from '../../../shared/report/sourcesCsv';
import { Archive } from '../archive';
import { sampleIncident, sampleTestimony, temporaryFolder } from '../testing/fixtures';
import { exportBundle } from './export';
import { verifyBundle } from './verify';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

const testimony = {
  title: 'Nurse at the city hospital, Zhanaozen',
  url: 'https://example.org/recording-of-the-nurse',
  name: 'Гүлнар Әбдіқызы',
};
const report = { title: 'Mobile internet cut in Mangystau', url: 'https://rus.azattyq.org/a/31635312.html' };

async function archiveWithWithheldTestimony() {
  const archive = await Archive.create(join(folder.path, 'archive'), { name: 'Жаңаөзен', organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
  const media: SourceInput = { kind: 'media_report', title: report.title, url: report.url, language: 'ru', grade: { reliability: 'B', credibility: '2', access: 'hearsay', verification: '' } };
  // Lawyers may read it without her name; it may never be published.
  const base = sampleTestimony();
  const nurse: SourceInput = {
    ...base,
    title: testimony.title,
    url: testimony.url,
    person: { name: testimony.name, contact: '+7 701 222 33 44', role: 'witness' },
    consent: { ...base.consent!, lawyersAnonymous: true, lawyersNamed: false, publishAnonymous: false },
  };
  const a = await archive.save({ type: 'source', data: media });
  const b = await archive.save({ type: 'source', data: nurse });
  // A pharmacist who allowed publishing without her name: in a public bundle, under a pseudonym.
  const c = await archive.save({ type: 'source', data: sampleTestimony() });
  await archive.save({
    type: 'incident',
    data: sampleIncident({
      areas: [{ code: 'KZ-47' }],
      scope: 'regional',
      kinds: ['mobile_data'],
      startedAt: { at: '2022-01-02T10:00+05:00', precision: 'hour' },
      endedAt: { at: '2022-01-04T18:00+05:00', precision: 'hour' },
      acknowledged: 'no',
      sources: [a.recordId, b.recordId, c.recordId],
    }),
  });
  return { archive, testimonyId: b.recordId };
}

async function exported(archive: Archive, profile: BundleProfile) {
  const out = join(folder.path, `${profile}-${randomBytes(3).toString('hex')}.zip`);
  const result = await exportBundle(archive, { out, profile, language: 'ru', softwareVersion: 'test' });
  const dir = join(folder.path, `unzipped-${randomBytes(3).toString('hex')}`);
  execFileSync('unzip', ['-q', out, '-d', dir]);
  const bag = join(dir, result.bundleId);
  const table = async (name: string) => {
    const read = readCsv(await readFile(join(bag, 'data', name), 'utf8'));
    if (!read.ok) throw new Error(read.error);
    return read;
  };
  return { out, dir, bag, result, table };
}

const bundleSources = (json: string) =>
  (JSON.parse(json) as { records: { type: string; data: { person?: { pseudonym?: string } } | null }[] }).records.filter((record) => record.type === 'source').map((record) => record.data ?? {});

/** Every byte of every file in the bag, as text. */
async function everything(bag: string): Promise<string> {
  const files = (await readdir(bag, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return (await Promise.all(files.map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')))).join('\n');
}

describe.each(['legal', 'public'] as const)('a %s bundle', (profile) => {
  it('carries stop.csv and sources.csv, listed with their hashes in the manifest, and dalel verify accepts it', async () => {
    const { archive } = await archiveWithWithheldTestimony();
    const { out, dir, bag, result, table } = await exported(archive, profile);
    const manifest = await readFile(join(bag, 'manifest-sha256.txt'), 'utf8');
    for (const name of ['data/stop.csv', 'data/sources.csv']) {
      const sha256 = createHash('sha256').update(await readFile(join(bag, name))).digest('hex');
      expect(manifest, name).toContain(`${sha256}  ${name}\n`);
    }
    expect((await verifyBundle(out)).valid).toBe(true);

    const stop = await table('stop.csv');
    expect(stop.header).toEqual([...stopColumns]);
    expect(stop.rows).toHaveLength(1);
    expect(stop.rows[0]).toMatchObject({
      start_date: '1/2/2022',
      end_date: '1/4/2022',
      duration: '3',
      country: 'Kazakhstan',
      area_name: 'Mangystau Region',
      geo_scope: 'It affected more than one city in the same state, province, or region',
      affected_network: 'Mobile',
      gov_ack: 'No',
      info_source: 'News media article',
    });
    const sources = await table('sources.csv');
    expect(sources.header).toEqual([...sourceColumns]);
    expect(sources.rows.find((row) => row.title === report.title)).toMatchObject({ kind: 'media_report', url: report.url, language: 'ru', reliability: 'B', credibility: '2', access: 'hearsay' });

    // One changed word in either file after signing, the bag zipped again with the standard tool: refused, naming it.
    for (const [name, from, to] of [['data/stop.csv', 'Mobile', 'MOBILE'], ['data/sources.csv', 'hearsay', 'HEARSAY']] as const) {
      const path = join(bag, name);
      const original = await readFile(path, 'utf8');
      await writeFile(path, original.replace(from, to));
      const changed = join(folder.path, `changed-${randomBytes(3).toString('hex')}.zip`);
      execFileSync('zip', ['-qr', changed, result.bundleId], { cwd: dir });
      expect((await verifyBundle(changed)).failure, name).toMatchObject({ reason: 'hashMismatch', file: name });
      await writeFile(path, original);
    }
  });
});

describe('what the CSVs leave out', () => {
  it('a public bundle: the unpublishable testimony is in neither file, nor anywhere in the bag, by title, id, link or name', async () => {
    const { archive, testimonyId } = await archiveWithWithheldTestimony();
    const { bag, table } = await exported(archive, 'public');
    const stop = await table('stop.csv');
    const sources = await table('sources.csv');
    expect(stop.rows[0]!.info_source_link).toBe(report.url);
    expect(sources.rows.map((row) => row.title).sort()).toEqual([report.title, sampleTestimony().title].sort());
    const csvs = (await readFile(join(bag, 'data/stop.csv'), 'utf8')) + (await readFile(join(bag, 'data/sources.csv'), 'utf8'));
    const bag_ = await everything(bag);
    for (const secret of [testimony.title, testimonyId, testimony.url, testimony.name]) {
      expect(csvs.includes(secret), secret).toBe(false);
      expect(bag_.includes(secret), secret).toBe(false);
    }
    // No person column is filled in a public bundle, not even with the pseudonym bundle.json gives.
    const published = bundleSources(await readFile(join(bag, 'data/bundle.json'), 'utf8'));
    expect(published.some((source) => source.person?.pseudonym)).toBe(true);
    expect(sources.rows.every((row) => row.person === '' && row.person_role === '')).toBe(true);
  });

  it('a legal bundle: the testimony is listed for the lawyers, its link in stop.csv, but never her name', async () => {
    const { archive, testimonyId } = await archiveWithWithheldTestimony();
    const { bag, table } = await exported(archive, 'legal');
    const sources = await table('sources.csv');
    const row = sources.rows.find((candidate) => candidate.record_id === testimonyId);
    expect(row).toMatchObject({ kind: 'testimony', title: testimony.title, url: testimony.url, person_role: 'witness' });
    expect(row!.person).not.toBe('');
    expect((await table('stop.csv')).rows[0]!.info_source_link).toBe(`${report.url}; ${testimony.url}`);
    expect((await everything(bag)).includes(testimony.name)).toBe(false);
  });
});
