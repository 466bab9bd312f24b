/**
 * The illustrative mark at the command line: `dalel verify` says, in the
 * reader's language, how many of a bundle's records are sample records and
 * not evidence (and says nothing of the kind of a bundle without one), and
 * `dalel edit` cannot take the mark off a sample record.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../engine/bundle/export';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { sampleArchive } from '../engine/testing/sampleArchive';
import { Archive } from '../engine/archive';
import { dalelInProcess } from './testing/inProcess';

let folder: { path: string; remove: () => Promise<void> };
let sampleZip = '';
let realZip = '';
let records = 0;
let archiveDir = '';
let incidentId = '';

beforeAll(async () => {
  folder = await temporaryFolder();
  const { archive, incidents } = await sampleArchive(folder.path, { evidence: false });
  sampleZip = join(folder.path, 'sample-legal.zip');
  await exportBundle(archive, { out: sampleZip, profile: 'legal', language: 'en', softwareVersion: 'test' });
  records = (['incident', 'effect', 'source'] as const).reduce((sum, type) => sum + archive.listRecords(type).length, 0);
  archiveDir = archive.path;
  incidentId = incidents[0]!;
  await archive.close();
  const real = await Archive.create(join(folder.path, 'real'), { name: 'Real', organization: '', passphrase: null, scryptCost: 2 ** 12 });
  await real.save({ type: 'incident', data: sampleIncident() });
  realZip = join(folder.path, 'real-legal.zip');
  await exportBundle(real, { out: realZip, profile: 'legal', language: 'en', softwareVersion: 'test' });
  await real.close();
}, 120_000);
afterAll(() => folder?.remove());

describe('dalel verify of a bundle holding sample records', () => {
  it.each([
    ['en', `Illustrative, not evidence: N of N records (sample records written for illustration).`],
    ['ru', `Иллюстративные, не доказательства: N (всего записей: N) — примеры, составленные для иллюстрации.`],
    ['kk', `Иллюстрациялық, дәлелдеме емес: N (барлық жазба: N) — көрнекілік үшін жазылған үлгілер.`],
  ])('says how many records are illustrative, not evidence (%s)', async (lang, line) => {
    const run = await dalelInProcess(['verify', sampleZip, '--lang', lang]);
    expect(run.code, run.err).toBe(0);
    expect(run.out.split('\n')).toContain(line.replaceAll('N', String(records)));
  });

  it('gives the count in its JSON, and says nothing of the kind of a bundle without sample records', async () => {
    const json = await dalelInProcess(['verify', sampleZip, '--json']);
    expect(JSON.parse(json.out).counts).toMatchObject({ records, illustrative: records });
    const real = await dalelInProcess(['verify', realZip, '--lang', 'en']);
    expect(real.code, real.err).toBe(0);
    expect(real.out).not.toContain('Illustrative');
    expect(JSON.parse((await dalelInProcess(['verify', realZip, '--json'])).out).counts.illustrative).toBeUndefined();
  });
});

describe('dalel edit of a sample record', () => {
  it('refuses a patch that takes the mark off, in the reader’s language, and keeps the record as it was', async () => {
    const before = JSON.parse((await dalelInProcess(['show', archiveDir, incidentId, '--json'])).out);
    const run = await dalelInProcess(['edit', archiveDir, incidentId, '--json', '-', '--lang', 'ru'], {}, JSON.stringify({ illustrative: null, title: 'Not a sample' }));
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('Иллюстративная запись остаётся помеченной как иллюстративная.');
    const after = JSON.parse((await dalelInProcess(['show', archiveDir, incidentId, '--json'])).out);
    expect(after.summary.headId).toBe(before.summary.headId);
    expect(after.summary.data.illustrative).toBe(true);
  });
});
