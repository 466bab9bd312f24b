/**
 * `dalel import-csv` and `dalel export-csv` as a person runs them: the
 * preview and each row's problems in their language, exit codes, nothing
 * written when any row is wrong, nothing added by a second run, and an
 * Uwazi CSV written by export-csv read back by import-csv as the same records.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderContents } from '../engine/testing/folderContents';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess } from './testing/inProcess';

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'архив');
  expect((await dalelInProcess(['init', dir, '--name', 'Жаңаөзен', '--no-encryption'])).code).toBe(0);
});
afterEach(() => folder.remove());

async function file(name: string, text: string): Promise<string> {
  const path = join(folder.path, name);
  await writeFile(path, text);
  return path;
}

const stateHash = async () => (await dalelInProcess(['state-hash', dir])).out.trim();

const sheet = ['Номер,Атауы,Басталуы,Түрі,Ауқымы', 'KZ-1,Жаңаөзендегі мобильді интернет,02.01.2022,Мобильді интернетті өшіру,Жергілікті', 'KZ-2,Алматы,05.01.2022 16:00,Full network shutdown,local'].join('\n');
const mapping = JSON.stringify({ columns: { Номер: 'externalId', Атауы: 'title', Басталуы: 'startedAt', Түрі: 'kinds', Ауқымы: 'scope' } });

describe('dalel import-csv', () => {
  it('shows what it read in the person language, imports, and adds nothing the second time', async () => {
    const csv = await file('sheet.csv', sheet);
    const map = await file('mapping.json', mapping);
    const dry = await dalelInProcess(['import-csv', dir, csv, '--mapping', map, '--dry-run', '--lang', 'kk']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Ұйымның өз кестесі оқылды: жолдар — 2.');
    expect(dry.out).toContain('  Атауы → Атауы');
    expect(dry.out).toContain('2-жол [жаңа] KZ-1: Жаңаөзендегі мобильді интернет (2022-01-02T00:00+05:00)');
    expect(dry.out).toContain('Сынақ іске қосу, ештеңе жазылған жоқ.');
    const empty = await stateHash();

    const run = await dalelInProcess(['import-csv', dir, csv, '--mapping', map]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain('Imported: 2 new incidents and 0 new sources; 0 records updated, 0 already here.');
    const imported = await stateHash();
    expect(imported).not.toBe(empty);

    const again = await dalelInProcess(['import-csv', dir, csv, '--mapping', map, '--lang', 'ru']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Строка 3 [уже есть] KZ-2');
    expect(again.out).toContain('новых инцидентов — 0, новых источников — 0; обновлено записей — 0, уже были — 2.');
    expect(await stateHash()).toBe(imported);
  });

  it('names every bad row and column in the person language, exits 1, and writes nothing', async () => {
    const csv = await file('bad.csv', `${sheet}\nKZ-3,Bad,31.02.2022,Slow internet,local\nKZ-4,Short`);
    const map = await file('mapping.json', mapping);
    const before = await folderContents(dir);
    const run = await dalelInProcess(['import-csv', dir, csv, '--mapping', map, '--lang', 'ru']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('Строка 4, столбец «Басталуы»: Это не дата: «31.02.2022».');
    expect(run.err).toContain('Строка 4, столбец «Түрі»: «Slow internet» нет среди вариантов этого поля');
    expect(run.err).toContain('Строка 5: В этой строке ячеек: 2, а в заголовке: 5.');
    expect(run.err).toContain('Проблем в файле: 3. Ничего не импортировано');
    expect(await folderContents(dir)).toEqual(before);
  });

  it('refuses a mapping that is not JSON or names no field, and a file that is not UTF-8, changing nothing', async () => {
    const csv = await file('sheet.csv', sheet);
    const before = await folderContents(dir);
    const notJson = await dalelInProcess(['import-csv', dir, csv, '--mapping', await file('m.json', '{columns')]);
    expect(notJson.code).toBe(2);
    const wrongField = await dalelInProcess(['import-csv', dir, csv, '--mapping', await file('w.json', JSON.stringify({ columns: { Номер: 'person.name' } })), '--lang', 'kk']);
    expect(wrongField.code).toBe(1);
    expect(wrongField.err).toContain('Бағандарды сәйкестендіру дұрыс емес');
    const latin = join(folder.path, 'latin.csv');
    await writeFile(latin, Buffer.from('externalId,title\nx,Caf\xe9\n', 'latin1'));
    const notUtf8 = await dalelInProcess(['import-csv', dir, latin]);
    expect(notUtf8.code).toBe(1);
    expect(notUtf8.err).toContain('is not saved as UTF-8 text');
    expect(await folderContents(dir)).toEqual(before);
  });
});

describe('dalel help', () => {
  it('explains both commands in the person language', async () => {
    const help = await dalelInProcess(['help', 'import-csv', '--lang', 'kk']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('dalel import-csv DIR FILE.csv [--mapping MAPPING.json] [--dry-run] [--json]');
    expect(help.out).toContain('бәрі немесе ештеңе');
    const list = await dalelInProcess(['help']);
    expect(list.out).toContain('export-csv');
    expect(list.out).toContain("in Uwazi's conventions");
  });
});

describe('dalel export-csv', () => {
  it('writes incidents in Uwazi conventions that import-csv reads back as the same records, leaving out confidential ones', async () => {
    const secret = await file('secret.json', JSON.stringify(sampleIncident({ title: 'Құпия оқиға', confidential: true })));
    const open = await file('open.json', JSON.stringify(sampleIncident({ kinds: ['mobile_data', 'throttling'], context: ['protests'], rights: ['iccpr.19'], endedAt: { at: '2022-01-10T00:00+06:00', precision: 'day' } })));
    for (const data of [secret, open]) expect((await dalelInProcess(['add', dir, '--type', 'incident', '--json', data])).code).toBe(0);
    const out = join(folder.path, 'uwazi.csv');
    const run = await dalelInProcess(['export-csv', dir, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Wrote 1 incidents to ${out}`);
    const text = await readFile(out, 'utf8');
    expect(text).not.toContain('Құпия');
    const [header, row] = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain('externalId,title,summary');
    expect(header).toContain('kinds__en,kinds__ru,kinds__kk');
    expect(row).toContain('Mobile data cut|Throttling');
    expect(row).toContain('Мобильді интернетті өшіру|');
    expect(row).toContain('2022-01-10+06:00');

    const before = await stateHash();
    const back = await dalelInProcess(['import-csv', dir, out]);
    expect(back.code).toBe(0);
    expect(back.out).toContain('0 new incidents and 0 new sources; 0 records updated, 1 already here.');
    expect(await stateHash()).toBe(before);
    const refused = await dalelInProcess(['export-csv', dir, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('already exists');
  });

  it('writes a title a spreadsheet would run as a formula as text, and reads it back unchanged', async () => {
    const title = '=HYPERLINK("http://example.invalid","Алматы")';
    const summary = 'Алматы;=1+2\n@SUM(1)';
    const data = await file('formula.json', JSON.stringify(sampleIncident({ title, summary })));
    expect((await dalelInProcess(['add', dir, '--type', 'incident', '--json', data])).code).toBe(0);
    const out = join(folder.path, 'uwazi.csv');
    expect((await dalelInProcess(['export-csv', dir, '--out', out])).code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""Алматы"")"`);
    expect(text).toContain("Алматы;'=1+2\n'@SUM(1)");
    const before = await stateHash();
    const back = await dalelInProcess(['import-csv', dir, out]);
    expect(back.code).toBe(0);
    expect(back.out).toContain('1 already here');
    expect(await stateHash()).toBe(before);
  });
});
