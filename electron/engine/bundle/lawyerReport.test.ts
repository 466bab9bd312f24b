/**
 * The report a lawyer receives, made from a real archive: a legal export's
 * report.html shows what each record's author signed (the key's fingerprint
 * and the revision id the verifier recomputes) and states every custody gap,
 * after the last line included; the translations of a source are in it with
 * their translator, and a public export never names the translator.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bundle } from '../../../shared/model';
import { Archive } from '../archive';
import { sampleIncident, sampleTestimony, temporaryFolder } from '../testing/fixtures';
import { exportBundle, type ExportOptions } from './export';
import { verifyBundle } from './verify';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

const translator = 'Дана Сейтқали';
const translation = { language: 'en', text: 'Card payments stopped on 5 January.\nThe pharmacy turned people away.', translator, translatedAt: '2022-01-14', certified: true };
const textOf = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replaceAll('&#39;', "'");

/**
 * An archive whose log, once a legal export of the incident leaves out the
 * other incident's line and the lines of the testimony's files (its person
 * is not named to lawyers), has gaps before, between and after its lines.
 */
async function sampleArchive() {
  const archive = await Archive.create(join(folder.path, 'архив'), { name: 'Алматы қорғаушылары', organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
  const testimony = await archive.save({ type: 'source', data: sampleTestimony({ translations: [translation] }) });
  await archive.save({ type: 'incident', data: sampleIncident({ title: 'Another incident, not exported' }) });
  const incident = await archive.save({ type: 'incident', data: sampleIncident({ sources: [testimony.recordId] }) });
  await archive.save({ type: 'effect', data: { incident: incident.recordId, category: 'medical_care', severity: 'high', sources: [testimony.recordId] } });
  for (const name of ['voice-1.m4a', 'voice-2.m4a', 'voice-3.m4a']) {
    const path = join(folder.path, name);
    await writeFile(path, randomBytes(2_000));
    await archive.attach(testimony.recordId, [{ path, sensitive: false }]);
  }
  return { archive, incidentId: incident.recordId, testimonyId: testimony.recordId };
}

async function exported(archive: Archive, options: Partial<ExportOptions>) {
  const out = join(folder.path, `${options.profile}-${randomBytes(3).toString('hex')}.zip`);
  const result = await exportBundle(archive, { out, profile: 'legal', language: 'en', softwareVersion: 'test', ...options });
  const dir = join(folder.path, `unzipped-${randomBytes(3).toString('hex')}`);
  execFileSync('unzip', ['-q', out, '-d', dir]);
  const bag = join(dir, result.bundleId);
  const bundle = Bundle.parse(JSON.parse(await readFile(join(bag, 'data/bundle.json'), 'utf8')));
  return { out, bag, bundle, report: await readFile(join(bag, 'data/report.html'), 'utf8') };
}

describe('the report of a legal export from a real archive', () => {
  it('shows each record\'s signed head by its author\'s fingerprint and revision id, and every custody gap', async () => {
    const { archive, incidentId } = await sampleArchive();
    const { out, bundle, report } = await exported(archive, { profile: 'legal', only: [incidentId] });
    expect((await verifyBundle(out)).valid).toBe(true);

    // Every record of this archive was made in format 2: each carries its author's signed head, and the report shows it.
    expect(bundle.records).toHaveLength(3);
    expect(bundle.redactions.unsignedHeads).toBe(0);
    for (const record of bundle.records) {
      expect(record.signedHead, record.type).toBeDefined();
      expect(report).toContain(`<span class="mono hash revision-id">${record.signedHead!.id}</span>`);
    }
    expect(report.match(/<div class="signed-head">/g)).toHaveLength(3);
    expect(report).toContain(`Signed when recorded, by the key <span class="mono fingerprint">${archive.key.fingerprint}</span> (the author)`);
    expect(report).not.toContain('ssh-ed25519');

    // The log: the archive's first lines, the other incident's line, and the three files' lines are not in the bundle.
    const lines = bundle.custody.map((line) => line.seq);
    expect(bundle.redactions.custodyWithheld).toBe(3);
    const custody = report.slice(report.indexOf('id="custody"'), report.indexOf('id="verify"'));
    const gaps = [...custody.matchAll(/<tr class="custody-gap[^"]*">.*?<\/tr>/gs)].map(([row]) => textOf(row));
    const before = lines[0]!;
    const between = lines.slice(1).reduce((sum, seq, index) => sum + seq - lines[index]! - 1, 0);
    expect(before).toBeGreaterThan(0);
    expect(between).toBeGreaterThan(0);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    // Before and between hold at most their own count of withheld lines: the rest come after the last line, and the report says so.
    const after = 3 - before - between;
    expect(after).toBeGreaterThan(0);
    expect(gaps.at(-1)).toContain(`At least ${after} more event${after === 1 ? '' : 's'} of these records, after the last line shown`);
    expect(textOf(custody)).toContain("3 events of the archive's log that concern the records of this bundle were withheld");
    expect(textOf(custody)).toContain('The revision ids of the 3 records signed by their authors can be recomputed from this bundle alone');

    // The testimony's translation, with its translator, as lawyers may read it.
    expect(textOf(report)).toContain(`Translation into English (en) Translator ${translator} Translated on 14 January 2022 Certified Yes, a certified translation`);
    expect(report).toContain('Card payments stopped on 5 January.\nThe pharmacy turned people away.');
  });

  it('keeps a translation in a public export but never its translator, anywhere in the bag', async () => {
    const { archive } = await sampleArchive();
    const { out, bag, bundle, report } = await exported(archive, { profile: 'public', language: 'kk' });
    expect((await verifyBundle(out)).valid).toBe(true);
    const entries = await readdir(bag, { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((item) => item.isFile())) {
      const bytes = await readFile(join(entry.parentPath, entry.name));
      expect(bytes.includes(Buffer.from(translator)), entry.name).toBe(false);
    }
    const source = bundle.records.find((record) => record.type === 'source')!;
    expect(source.data!.translations).toEqual([{ ...translation, translator: '' }]);
    expect(report).toContain('The pharmacy turned people away.');
    expect(report).toContain('Аударылған күні');
  });
});
