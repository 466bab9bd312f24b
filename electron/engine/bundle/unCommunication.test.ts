/**
 * The draft communication to UN special procedures in a real export: the
 * sample archive (shared/sample) exported as a `legal` bundle carries
 * data/un-communication.html, filled from its records, naming nobody who
 * did not say yes to the UN (the sample's person told lawyers who they are,
 * and said no to the UN), and the bundle still verifies. No other profile
 * carries it, and a source in conflict is named by no version if any says
 * no to the UN.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleProfile, SourceInput } from '../../../shared/model';
import { escapeHtml } from '../../../shared/report/html';
import { sampleIncidents } from '../../../shared/sample/kzJanuary2022';
import { sampleTestimony } from '../../../shared/sample/kzJanuary2022Evidence';
import { Archive } from '../archive';
import { temporaryFolder } from '../testing/fixtures';
import { sampleArchive as savedSample } from '../testing/sampleArchive';
import { exportBundle } from './export';
import { verifyBundle } from './verify';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

/** The sample archive as `npm run demo` builds it: sources, incidents, their effects, the testimony cited by its incident, the files. */
async function sampleArchive(): Promise<Archive> {
  return (await savedSample(folder.path)).archive;
}

let exports = 0;
async function exported(archive: Archive, profile: BundleProfile, language: 'en' | 'ru' | 'kk') {
  exports += 1;
  const out = join(folder.path, `${profile}-${exports}.zip`);
  const result = await exportBundle(archive, { out, profile, language, softwareVersion: 'test' });
  const dir = join(folder.path, `unzipped-${exports}`);
  execFileSync('unzip', ['-q', out, '-d', dir]);
  return { out, bag: join(dir, result.bundleId) };
}

const section = (document: string, id: string) => {
  const start = document.indexOf(`<section id="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  return document.slice(start, document.indexOf('</section>', start));
};

describe('the UN template in a legal bundle', () => {
  it.each(['kk', 'ru', 'en'] as const)('is filled from the sample, names only whom consent allows, and the bundle verifies (%s)', async (language) => {
    const archive = await sampleArchive();
    const { out, bag } = await exported(archive, 'legal', language);
    const report = await verifyBundle(out);
    expect(report.valid, JSON.stringify(report)).toBe(true);
    expect(await readFile(join(bag, 'manifest-sha256.txt'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}data\/un-communication\.html$/m);
    const document = await readFile(join(bag, 'data/un-communication.html'), 'utf8');
    expect(document).toContain(`<html lang="${language}"`);
    // The sample's records are illustrative: the draft says so in its title and on its first page.
    const illustrative = { en: 'Illustrative, not evidence: ', ru: 'Иллюстрация, не доказательство: ', kk: 'Иллюстрация, дәлелдеме емес: ' }[language];
    expect(document).toContain(`<title>${illustrative}`);
    expect(document).toContain('<p class="notice illustrative-notice" role="note">');

    // The facts: every incident, with its times as recorded (Mangystau +05:00, elsewhere +06:00) and what was cut.
    const facts = section(document, 'facts');
    for (const incident of sampleIncidents) expect(facts).toContain(escapeHtml(incident.title));
    expect(facts).toContain('+06:00');
    expect(facts).toContain('+05:00');
    expect(facts).toContain('[S1]');
    // The alleged perpetrators as recorded: the operators, and the legal bases cited.
    const perpetrators = section(document, 'perpetrators');
    for (const operator of ['Kazakhtelecom', 'Beeline Kazakhstan', 'Kcell', 'Tele2/Altel']) expect(perpetrators).toContain(operator);
    expect(perpetrators).toContain('41-1');
    // The victims: the groups from the effects, and the one person, who said no to the UN.
    const victims = section(document, 'victims');
    expect(victims).toMatch(/1[\s,\u00a0\u202f]?200/);
    expect(victims).toMatch(/data-disclosure="notConsented"/);
    expect(victims).not.toMatch(/data-disclosure="named"/);
    // The bundle names the person to lawyers (they said yes to that); the UN draft does not, nor the title of their account.
    const bundleJson = await readFile(join(bag, 'data/bundle.json'), 'utf8');
    expect(bundleJson).toContain('"name": "A. N."');
    expect(victims).not.toContain('A. N.');
    expect(section(document, 'facts')).not.toContain(escapeHtml(sampleTestimony.source.title));
    expect(document).not.toContain(escapeHtml(sampleTestimony.source.title));
    expect(section(document, 'consent')).toMatch(/data-now="no"/);
    for (const id of ['remedies', 'submitter']) section(document, id);
    await archive.close();
  });

  it('is in no internal or public bundle', async () => {
    const archive = await sampleArchive();
    for (const profile of ['internal', 'public'] as const) {
      const { out, bag } = await exported(archive, profile, 'kk');
      expect(existsSync(join(bag, 'data/un-communication.html')), profile).toBe(false);
      expect((await verifyBundle(out)).valid, profile).toBe(true);
    }
    await archive.close();
  });

  it('names nobody whose record, in conflict, has a version that says no to the UN', async () => {
    const path = join(folder.path, 'k');
    const name = 'Гүлжан Ерболқызы';
    const original = {
      kind: 'testimony',
      title: 'Нұр-Сұлтан, дәріхана',
      content: 'Карта арқылы төлем өтпеді.',
      person: { name, contact: '', address: '', role: 'victim' },
      consent: {
        keep: true,
        lawyersAnonymous: true,
        lawyersNamed: true,
        unNamed: true,
        publishAnonymous: false,
        askedBy: 'А. Н.',
        askedIn: 'kk',
        givenAt: { at: '2022-01-12T11:00+06:00', precision: 'hour' },
        method: 'written',
      },
    } satisfies SourceInput;
    const created = await Archive.create(path, { name: 'Қорғаушы', organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
    const first = await created.save({ type: 'source', data: original });
    const asked = await exported(created, 'legal', 'en');
    expect(section(await readFile(join(asked.bag, 'data/un-communication.html'), 'utf8'), 'victims')).toContain(name);
    await created.close();
    // A copy made before her answer on the UN was corrected to "no", where someone corrects the title later on.
    // (A withdrawal recorded as such keeps the whole account out of a legal bundle while the conflict waits:
    // bundleContent.ts judges the shown answers with every version's withdrawals.)
    const copyPath = join(folder.path, 'k2');
    await cp(path, copyPath, { recursive: true });
    const k = await Archive.open(path);
    await k.save({ type: 'source', recordId: first.recordId, parent: first.revisionId, data: { ...original, consent: { ...original.consent, unNamed: false } } });
    const k2 = await Archive.open(copyPath);
    await k2.save({ type: 'source', recordId: first.recordId, parent: first.revisionId, data: { ...original, title: 'Нұр-Сұлтан, дәріхана (түзетілген)' } });
    await k.mergeFrom(k2);
    expect(k.conflicts()).toHaveLength(1);
    const { out, bag } = await exported(k, 'legal', 'en');
    // Lawyers may still know who she is; the UN may not, whichever version the bundle shows.
    expect(await readFile(join(bag, 'data/bundle.json'), 'utf8')).toContain(name);
    const document = await readFile(join(bag, 'data/un-communication.html'), 'utf8');
    expect(document).not.toContain(name);
    expect(section(document, 'victims')).toMatch(/data-disclosure="notConsented"/);
    expect((await verifyBundle(out)).valid).toBe(true);
    await k.close();
    await k2.close();
  });
});
