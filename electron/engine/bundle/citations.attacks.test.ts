/**
 * Claims that cite sources (issue 19), attacked as someone holding only a
 * bundle would attack them. An incident and an effect cite a testimony whose
 * person did not agree to publication: a public bundle must not carry the
 * testimony's record id in any file, must not disclose the withheld
 * citation in a signed head, and must not let anyone confirm a guess about
 * the citation or the testimony's words by hashing it with any salt the
 * bundle carries. `dalel verify`'s engine must still accept every legal and
 * public bundle of records with citations, including an empty list and a
 * record whose only citation is withheld.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disclosableValues, type Bundle, type SignedRevision } from '../../../shared/model';
import { Archive } from '../archive';
import { canonicalJson, sha256Hex } from '../canonical';
import { sampleIncident, sampleTestimony, temporaryFolder } from '../testing/fixtures';
import { exportBundle } from './export';
import { verifyBundle } from './verify';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

/** What the withheld testimony says, and where in it the incident's citation points. */
const secretWords = 'Акимат приказал отключить связь в 16:00, сказал мне сам аким';
const secretLocator = 'минута 3:20, слова акима';

let made = 0;
/**
 * An archive in which the acknowledgement is supported by a testimony that
 * lawyers may read but nobody may publish, and contradicted by a published
 * statement; a second incident's only citation is that testimony; a third
 * has `citations: []`; an effect cites both sources.
 */
async function citingArchive() {
  const archive = await Archive.create(join(folder.path, `archive-${(made += 1)}`), { name: 'Жаңаөзен', organization: '', passphrase: null });
  const base = sampleTestimony();
  const unpublished = await archive.save({
    type: 'source',
    data: { ...base, title: 'Engineer at the exchange', content: secretWords, consent: { ...base.consent!, publishAnonymous: false } },
  });
  const statement = await archive.save({
    type: 'source',
    data: { kind: 'official_statement', title: 'Ministry statement, 6 January', content: 'No order to restrict communications was given.', grade: { reliability: 'B', credibility: '3', access: 'first_hand', verification: 'Checked on the ministry site.' } },
  });
  const sources = [unpublished.recordId, statement.recordId];
  const incident = await archive.save({
    type: 'incident',
    data: sampleIncident({
      acknowledged: 'yes',
      sources,
      citations: [
        { field: 'acknowledged', source: unpublished.recordId, stance: 'supports', locator: secretLocator },
        { field: 'acknowledged', source: statement.recordId, stance: 'contradicts', locator: 'paragraph 2' },
        { field: 'title', source: statement.recordId },
      ],
    }),
  });
  const onlyWithheld = await archive.save({
    type: 'incident',
    data: sampleIncident({ title: 'Aktau, 5 January', sources: [unpublished.recordId], citations: [{ field: 'scope', source: unpublished.recordId, locator: secretLocator }] }),
  });
  const none = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Atyrau, 6 January', citations: [] }) });
  await archive.save({
    type: 'effect',
    data: {
      incident: incident.recordId,
      category: 'medical_care',
      severity: 'high',
      description: 'Ambulances could not be called.',
      sources,
      citations: [
        { field: 'severity', source: unpublished.recordId, locator: secretLocator },
        { field: 'severity', source: statement.recordId, stance: 'contradicts' },
      ],
    },
  });
  return { archive, unpublished: unpublished.recordId, statement: statement.recordId, incident: incident.recordId, onlyWithheld: onlyWithheld.recordId, none: none.recordId };
}

/** bundle.json and every byte of every file of a bundle, unzipped. */
async function openBag(zip: string) {
  const dir = join(folder.path, `bag-${(made += 1)}`);
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  const [top] = await readdir(dir);
  const bag = join(dir, top!);
  const entries = await readdir(bag, { recursive: true, withFileTypes: true });
  const files = await Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => ({ name: join(entry.parentPath, entry.name), bytes: await readFile(join(entry.parentPath, entry.name)) })));
  const bundle = JSON.parse(await readFile(join(bag, 'data/bundle.json'), 'utf8')) as Bundle;
  return { bundle, files, text: Buffer.concat(files.map((file) => file.bytes)).toString('latin1') };
}

const exported = async (archive: Archive, profile: 'legal' | 'public') => {
  const out = join(folder.path, `${profile}-${(made += 1)}.zip`);
  await exportBundle(archive, { out, profile, language: 'ru', softwareVersion: 'test' });
  return out;
};

/** Every revision of the archive, as the attacker's best dictionary: the truth. */
const allRevisions = (archive: Archive): SignedRevision[] =>
  (['incident', 'effect', 'source'] as const).flatMap((type) => archive.listRecords(type).flatMap((summary) => archive.getRecord(summary.recordId).history));

/**
 * Each withheld value of each signed head (the true one, from the archive)
 * tried with every salt-like string in the bundle, and as a plain hash.
 * Returns the paths it confirmed; an honest bundle gives none.
 */
function confirmGuesses(bag: Awaited<ReturnType<typeof openBag>>, truth: SignedRevision[]): string[] {
  const disclosedHashes = new Set(bag.bundle.records.flatMap((record) => record.signedHead?.disclosures.map((disclosure) => record.signedHead!.revision.commitments[disclosure.path]!) ?? []));
  const hashes = new Set(bag.text.match(/[0-9a-f]{64}/g)?.filter((hash) => !disclosedHashes.has(hash)));
  const salts = new Set(bag.text.match(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/g));
  const confirmed: string[] = [];
  for (const signed of truth) {
    const record = bag.bundle.records.find((carried) => carried.recordId === signed.revision.recordId);
    const shown = new Set(record?.signedHead?.id === signed.id ? record.signedHead.disclosures.map((disclosure) => disclosure.path) : []);
    for (const [path, value] of disclosableValues(signed.revision)) {
      if (shown.has(path) || value === undefined) continue;
      if (hashes.has(sha256Hex(canonicalJson(value)))) confirmed.push(`plain hash of ${path}`);
      for (const salt of salts) if (hashes.has(sha256Hex(canonicalJson([salt, path, value])))) confirmed.push(`commitment of ${path}`);
    }
  }
  return confirmed;
}

describe('a public bundle of claims citing a testimony that may not be published', () => {
  it('carries neither its record id nor its words nor its locator in any file, and confirms no guess about them', async () => {
    const { archive, unpublished } = await citingArchive();
    const out = await exported(archive, 'public');
    const bag = await openBag(out);
    for (const file of bag.files) {
      for (const secret of [unpublished, secretWords, secretLocator]) {
        expect(file.bytes.includes(Buffer.from(secret)), `${secret} in ${file.name}`).toBe(false);
      }
    }
    expect(bag.bundle.records.map((record) => record.recordId)).not.toContain(unpublished);
    expect(confirmGuesses(bag, allRevisions(archive))).toEqual([]);
    // No signed head discloses a citation of it, nor lists it among its sources.
    for (const record of bag.bundle.records) {
      for (const disclosure of record.signedHead?.disclosures ?? []) expect(JSON.stringify(disclosure.value ?? null)).not.toContain(unpublished);
    }
  });

  it('keeps the published statement\'s citations, under the bundle\'s own ids, and verifies', async () => {
    const { archive, statement: archiveId } = await citingArchive();
    const out = await exported(archive, 'public');
    const bag = await openBag(out);
    // SECURITY: the archive's id of a cited source would link this publication to a legal bundle of the same records.
    expect(bag.text.includes(archiveId)).toBe(false);
    // A public bundle names records by ids of its own: find them by what they say.
    const dataOf = (title: string) => bag.bundle.records.find((record) => record.data?.title === title)!.data!;
    const statement = bag.bundle.records.find((record) => record.data?.title === 'Ministry statement, 6 January')!.recordId;
    expect(dataOf(sampleIncident().title as string).citations).toEqual([
      { field: 'acknowledged', source: statement, stance: 'contradicts', locator: 'paragraph 2' },
      { field: 'title', source: statement, stance: 'supports', locator: '' },
    ]);
    expect(dataOf('Aktau, 5 January').citations).toEqual([]);
    expect(dataOf('Atyrau, 6 January').citations).toEqual([]);
    const effect = bag.bundle.records.find((record) => record.type === 'effect')!.data!;
    expect(effect.citations).toEqual([{ field: 'severity', source: statement, stance: 'contradicts', locator: '' }]);
    // The statement's grade travels with it.
    expect(dataOf('Ministry statement, 6 January').grade).toEqual({ reliability: 'B', credibility: '3', access: 'first_hand', verification: 'Checked on the ministry site.' });
    const report = await verifyBundle(out);
    expect(report.valid, JSON.stringify(report.failure)).toBe(true);
    expect(report.checks).toContainEqual({ id: 'signedHeads', ok: true });
  });
});

describe('a legal bundle of claims citing sources', () => {
  it('carries the testimony lawyers may read and every citation of it, and verifies', async () => {
    const { archive, unpublished, incident, onlyWithheld } = await citingArchive();
    const out = await exported(archive, 'legal');
    const bag = await openBag(out);
    const dataOf = (recordId: string) => bag.bundle.records.find((record) => record.recordId === recordId)!.data!;
    expect(dataOf(incident).citations).toContainEqual({ field: 'acknowledged', source: unpublished, stance: 'supports', locator: secretLocator });
    expect(dataOf(onlyWithheld).citations).toHaveLength(1);
    const report = await verifyBundle(out);
    expect(report.valid, JSON.stringify(report.failure)).toBe(true);
  });

  it('drops every citation of a testimony whose person refused lawyers, confirms no guess about it, and verifies', async () => {
    const { archive, unpublished, onlyWithheld } = await citingArchive();
    const head = archive.getRecord(unpublished).summary;
    const base = sampleTestimony();
    await archive.save({
      type: 'source',
      recordId: unpublished,
      parent: head.headId,
      data: { ...base, title: 'Engineer at the exchange', content: secretWords, consent: { ...base.consent!, lawyersAnonymous: false, publishAnonymous: false } },
    });
    const out = await exported(archive, 'legal');
    const bag = await openBag(out);
    for (const secret of [unpublished, secretWords, secretLocator]) expect(bag.text.includes(secret), secret).toBe(false);
    expect(bag.bundle.records.find((record) => record.recordId === onlyWithheld)!.data!.citations).toEqual([]);
    expect(confirmGuesses(bag, allRevisions(archive))).toEqual([]);
    expect((await verifyBundle(out)).valid).toBe(true);
  });
});

describe('a confidential incident\'s citations in a public bundle', () => {
  it('keep no citation of a withheld field and no locator, and the bundle verifies', async () => {
    const archive = await Archive.create(join(folder.path, `confidential-${(made += 1)}`), { name: 'A', organization: '', passphrase: null });
    const statement = await archive.save({ type: 'source', data: { kind: 'document', title: 'Letter of the akimat', content: 'Order 12.' } });
    await archive.save({
      type: 'incident',
      data: sampleIncident({
        confidential: true,
        sources: [statement.recordId],
        legalCitations: [{ code: 'kz.communications.41-1.p1', citedBy: 'authority', citedByName: 'Akimat' }, { code: 'kz.communications.41-1.p1', citedBy: 'authority', citedByName: 'Ministry' }],
        citations: [
          { field: 'legalCitations/1', source: statement.recordId, locator: 'the driver Bolat said so' },
          { field: 'summary', source: statement.recordId, locator: 'page 2' },
          { field: 'acknowledged', source: statement.recordId, locator: 'page 4, Bolat' },
        ],
      }),
    });
    const out = await exported(archive, 'public');
    const bag = await openBag(out);
    const incident = bag.bundle.records.find((record) => record.type === 'incident')!.data!;
    const source = bag.bundle.records.find((record) => record.type === 'source')!.recordId;
    expect(incident.citations).toEqual([{ field: 'acknowledged', source, stance: 'supports', locator: '' }]);
    expect(bag.text.includes('Bolat')).toBe(false);
    expect((await verifyBundle(out)).valid).toBe(true);
  });
});
