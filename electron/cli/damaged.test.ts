/**
 * A damaged record file, as issue 17 found it: four bytes of one record file
 * overwritten. Every command that would skip the record says so: `list`
 * warns on stderr naming the file, `show` says the record is damaged, and
 * `export` refuses unless told to leave it out, when the bundle and its
 * report say how many files were left out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess } from './testing/inProcess';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

const dalel = (args: string[], lang = 'en_US.UTF-8') => dalelInProcess(args, { LANG: lang });

it('a record whose file was damaged is named by list, show and export, never skipped in silence', async () => {
  const dir = join(folder.path, 'archive');
  await dalel(['init', dir, '--no-encryption']);
  const ids: string[] = [];
  for (const title of ['Almaty', 'Zhanaozen']) {
    const input = join(folder.path, `${title}.json`);
    await writeFile(input, JSON.stringify(sampleIncident({ title })));
    ids.push((await dalel(['add', dir, '--type', 'incident', '--json', input])).out.trim());
  }
  const [damagedId, intactId] = ids as [string, string];
  const file = `records/${damagedId.slice(0, 2)}/${damagedId}.json`;
  const handle = await open(join(dir, file), 'r+');
  await handle.write(Buffer.from('XXXX'), 0, 4, 200);
  await handle.close();

  const list = await dalel(['list', dir]);
  expect(list.code).toBe(0);
  expect(list.out).toContain(intactId);
  expect(list.out).not.toContain(damagedId);
  expect(list.err).toContain('Warning: 1 record file of this archive is damaged or was altered');
  expect(list.err).toContain(file);

  const show = await dalel(['show', dir, damagedId]);
  expect(show.code).toBe(1);
  expect(show.err).toContain(`The record ${damagedId} is stored in a file that is damaged or was altered (${file})`);
  const inRussian = await dalel(['show', dir, damagedId], 'ru_RU.UTF-8');
  expect(inRussian.err).toContain(`Запись ${damagedId} хранится в повреждённом или изменённом файле`);

  const out = join(folder.path, 'bundle.zip');
  const refused = await dalel(['export', dir, '--out', out, '--profile', 'legal']);
  expect(refused.code).toBe(1);
  expect(refused.err).toContain('1 record file of this archive is damaged or was altered, so its records cannot be exported. Nothing was written.');
  expect(existsSync(out)).toBe(false);

  const leftOut = await dalel(['export', dir, '--out', out, '--profile', 'legal', '--leave-out-damaged']);
  expect(leftOut.code, leftOut.err).toBe(0);
  expect(leftOut.out).toContain('1 damaged or altered record file of the archive left out');
  const bundle = JSON.parse(execFileSync('unzip', ['-p', out, '*/data/bundle.json']).toString());
  expect(bundle.redactions.damagedLeftOut).toBe(1);
  expect(bundle.records.map((record: { recordId: string }) => record.recordId)).toEqual([intactId]);
  expect(execFileSync('unzip', ['-p', out, '*/data/report.html']).toString()).toContain('1 damaged or altered record file of the archive left out');
  expect((await dalel(['verify', out])).code).toBe(0);
}, 120_000);
