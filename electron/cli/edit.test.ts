/**
 * `dalel edit` changes only what it is told (issue 20): the JSON is a merge
 * patch (RFC 7396) on the record's current version, the one a bundle
 * carries, so a partial edit never drops the areas, the legal basis, the end
 * time or the link to a testimony. `--replace` saves the JSON as the whole
 * record. An edit the record's schema refuses changes nothing.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordDetail } from '../../shared/ipc';
import { folderContents } from '../engine/testing/folderContents';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess } from './testing/inProcess';
import { jsonInputs, succeeds } from './testing/steps';

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'архив');
});
afterEach(() => folder.remove());

const dalel = (args: string[], env?: NodeJS.ProcessEnv) => dalelInProcess(args, env);

const ok = (args: string[]) => succeeds(args);
/** The JSON in a file of its own, as a person would write it. */
const jsonFile = jsonInputs(() => folder.path);

const shown = async (recordId: string) => JSON.parse(await ok(['show', dir, recordId, '--json'])) as RecordDetail;
const edit = async (recordId: string, patch: unknown, ...options: string[]) => dalel(['edit', dir, recordId, '--json', await jsonFile(patch), ...options]);

const testimony = {
  kind: 'testimony',
  title: 'Pharmacist, Almaty',
  content: 'Терминал не работал три дня.',
  person: { name: 'А. Н.', contact: '+7 701 000 00 00', role: 'witness' },
  consent: { keep: true, lawyersAnonymous: true, lawyersNamed: true, unNamed: false, publishAnonymous: false, askedBy: 'A. N.', askedIn: 'kk', givenAt: { at: '2022-01-12T11:00+06:00', precision: 'hour' }, method: 'verbal' },
};

/** An archive with a testimony and an incident that has every field an edit could lose. */
async function archiveWithIncident() {
  await ok(['init', dir, '--no-encryption']);
  const sourceId = await ok(['add', dir, '--type', 'source', '--json', await jsonFile(testimony)]);
  const incident = sampleIncident({
    summary: 'Mobile data and fixed broadband cut across the country.',
    areas: [{ code: 'KZ-75' }, { place: 'Жаңаөзен' }],
    legalBasis: { codes: ['kz.communications.41-1'], other: 'Order of the Ministry, 5 January' },
    endedAt: { at: '2022-01-10T12:00+06:00', precision: 'hour' },
    sources: [sourceId],
  });
  const recordId = await ok(['add', dir, '--type', 'incident', '--json', await jsonFile(incident)]);
  return { recordId, sourceId, before: await shown(recordId) };
}

describe('dalel edit', () => {
  it('changes only the fields the patch names and keeps every other one, in a new revision', async () => {
    const { recordId, sourceId, before } = await archiveWithIncident();
    const run = await edit(recordId, { title: 'Nationwide shutdown, corrected' });
    expect(run.code, run.err).toBe(0);

    const after = await shown(recordId);
    expect(after.summary.data).toEqual({ ...before.summary.data, title: 'Nationwide shutdown, corrected' });
    expect(after.summary.data).toMatchObject({ areas: [{ code: 'KZ-75' }, { place: 'Жаңаөзен' }], sources: [sourceId], endedAt: { at: '2022-01-10T12:00+06:00' } });
    expect(after.summary).toMatchObject({ revisionCount: 2, headId: run.out.trim() });
    // The earlier version stays in the history, as it was.
    const history = (JSON.parse(await ok(['show', dir, recordId, '--history', '--json'])) as RecordDetail).history;
    expect(history.map((signed) => signed.revision.data)).toEqual([before.summary.data, after.summary.data]);
  });

  it('removes a field given as null, merges objects member by member and replaces arrays whole', async () => {
    const { recordId, before } = await archiveWithIncident();
    expect((await edit(recordId, { endedAt: null })).code).toBe(0);
    const { endedAt: _removed, ...withoutEnd } = before.summary.data!;
    expect((await shown(recordId)).summary.data).toEqual(withoutEnd);

    expect((await edit(recordId, { legalBasis: { other: 'Order No. 1, 5 January' }, areas: [{ code: 'KZ-71' }] })).code).toBe(0);
    expect((await shown(recordId)).summary.data).toEqual({
      ...withoutEnd,
      legalBasis: { codes: ['kz.communications.41-1'], other: 'Order No. 1, 5 January' },
      areas: [{ code: 'KZ-71' }],
    });
  });

  it("keeps a testimony's person and consent when only its statement is corrected", async () => {
    const { sourceId } = await archiveWithIncident();
    const before = await shown(sourceId);
    expect((await edit(sourceId, { content: 'Терминал не работал четыре дня.' })).code).toBe(0);
    expect((await shown(sourceId)).summary.data).toEqual({ ...before.summary.data, content: 'Терминал не работал четыре дня.' });
  });

  it('saves the JSON as the whole record with --replace, refusing a partial one', async () => {
    const { recordId } = await archiveWithIncident();
    const untouched = await folderContents(dir);
    const partial = await edit(recordId, { title: 'Only a title' }, '--replace');
    expect(partial.code).toBe(1);
    expect(partial.err).toContain('Some fields are not valid. Nothing was saved.');
    expect(partial.err).toMatch(/kinds: /);
    expect(await folderContents(dir)).toEqual(untouched);

    // A whole record replaces the current one: what it leaves out is gone from the current version.
    const whole = sampleIncident({ title: 'Replaced' });
    expect((await edit(recordId, whole, '--replace')).code).toBe(0);
    const data = (await shown(recordId)).summary.data!;
    expect(data).toMatchObject({ title: 'Replaced', areas: whole.areas, sources: [], legalBasis: { codes: [], other: '' } });
    expect(data.endedAt).toBeUndefined();
  });

  it('refuses a patch that makes the record invalid, naming the field, with exit 1 and the archive unchanged', async () => {
    const { recordId, before } = await archiveWithIncident();
    const untouched = await folderContents(dir);

    // An ongoing shutdown has no end: the end time kept from the current version makes this invalid.
    const ongoing = await edit(recordId, { ongoing: true });
    expect(ongoing.code).toBe(1);
    expect(ongoing.err).toContain('Some fields are not valid. Nothing was saved.');
    expect(ongoing.err).toContain('endedAt: An ongoing shutdown has no end yet');
    const untitled = await edit(recordId, { title: null });
    expect(untitled).toMatchObject({ code: 1, err: expect.stringMatching(/title: Required\./) });
    expect(await folderContents(dir)).toEqual(untouched);
    expect((await shown(recordId)).summary).toEqual(before.summary);

    // Both at once is a valid edit.
    expect((await edit(recordId, { ongoing: true, endedAt: null })).code).toBe(0);
  });

  it('says that a patch must be a JSON object, with exit 2, changing nothing', async () => {
    const { recordId } = await archiveWithIncident();
    const untouched = await folderContents(dir);
    for (const patch of ['[{"title": "x"}]', '"x"', 'null']) {
      const run = await edit(recordId, patch);
      expect(run.code).toBe(2);
      expect(run.err).toContain('is not a JSON object');
    }
    expect((await dalel(['edit', dir, recordId, '--json', await jsonFile('[]'), '--lang', 'kk'])).err).toContain('JSON объектісі жоқ');
    expect(await folderContents(dir)).toEqual(untouched);
  });

  it('says a retracted record is retracted, with exit 1, changing nothing', async () => {
    const { recordId } = await archiveWithIncident();
    await ok(['retract', dir, recordId, '--reason', 'Entered twice']);
    const untouched = await folderContents(dir);
    const run = await edit(recordId, { title: 'Corrected' });
    expect(run.code).toBe(1);
    expect(run.err).toContain('This record was retracted');
    expect(run.err).not.toContain('Required');
    expect(await folderContents(dir)).toEqual(untouched);
  });

  it.each([
    ['en', 'en_US.UTF-8', 'give the passphrase with --passphrase-file FILE or DALEL_PASSPHRASE when the JSON comes from standard input'],
    ['ru', 'ru_RU.UTF-8', 'укажите парольную фразу через --passphrase-file FILE или DALEL_PASSPHRASE'],
    ['kk', 'kk_KZ.UTF-8', 'құпия фразаны --passphrase-file FILE немесе DALEL_PASSPHRASE арқылы беріңіз'],
  ])('refuses at once, exit 2, to ask a passphrase on the standard input that gave the JSON (%s)', async (_language, LANG, words) => {
    const secret = { DALEL_PASSPHRASE: 'correct horse battery staple' };
    expect((await dalel(['init', dir], secret)).code).toBe(0);
    const recordId = (await dalel(['add', dir, '--type', 'incident', '--json', await jsonFile(sampleIncident())], secret)).out.trim();
    const untouched = await folderContents(dir);
    const run = await dalelInProcess(['edit', dir, recordId, '--json', '-'], { LANG }, JSON.stringify({ title: 'Corrected' }));
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toContain(words);
    expect(await folderContents(dir)).toEqual(untouched);
  });
});
