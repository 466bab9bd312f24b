/**
 * STOP's sheet through Dalel and back (issue 19): `dalel import-csv` of a
 * fixture in STOP's header, then `dalel export`: the bundle's stop.csv has
 * the same columns, and the same value in every cell both sides can
 * express (a cell the STOP mapping says no Dalel field holds is left out
 * of the comparison, and only those). Importing the file again adds nothing.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/csv/parse';
import { incidentFromStopRow, stopColumns } from '../../shared/csv/stop';
import { temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess } from './testing/inProcess';

const fixture = join(__dirname, '../../shared/csv/testing/stop-fixture.csv');

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'архив');
  expect((await dalelInProcess(['init', dir, '--name', 'KeepItOn', '--no-encryption'])).code).toBe(0);
});
afterEach(() => folder.remove());

function table(text: string) {
  const read = readCsv(text);
  if (!read.ok) throw new Error(read.error);
  return read;
}

describe('a STOP sheet imported and exported again', () => {
  it('comes back in the bundle stop.csv with the same columns and values', async () => {
    const imported = await dalelInProcess(['import-csv', dir, fixture]);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain("Read STOP's export");
    const hash = (await dalelInProcess(['state-hash', dir])).out;
    const again = await dalelInProcess(['import-csv', dir, fixture]);
    expect(again.out).toMatch(/0 new incidents and 0 new sources; 0 records updated, \d+ already here/);
    expect((await dalelInProcess(['state-hash', dir])).out).toBe(hash);

    const out = join(folder.path, 'case.zip');
    expect((await dalelInProcess(['export', dir, '--out', out, '--profile', 'internal'])).code).toBe(0);
    const unzipped = join(folder.path, 'unzipped');
    execFileSync('unzip', ['-q', out, '-d', unzipped]);
    const [bag] = await readdir(unzipped);
    const exported = table(await readFile(join(unzipped, bag!, 'data', 'stop.csv'), 'utf8'));
    const original = table(await readFile(fixture, 'utf8'));

    expect(exported.header).toEqual([...stopColumns]);
    expect(original.header).toEqual([...stopColumns]);
    expect(exported.rows).toHaveLength(original.rows.length);
    let compared = 0;
    for (const row of original.rows) {
      const read = incidentFromStopRow(row);
      if ('problems' in read) throw new Error(JSON.stringify(read.problems));
      const unmapped = new Set(Object.keys(read.unmapped));
      const back = exported.rows.find((candidate) => candidate.start_date === row.start_date && candidate.area_name === row.area_name);
      expect(back, `row of ${row.start_date}`).toBeDefined();
      for (const column of stopColumns) {
        if (unmapped.has(column) || !row[column]) continue;
        expect({ column, value: back![column] }).toEqual({ column, value: row[column] });
        compared += 1;
      }
    }
    // Most of each row is compared, not only the cells that are easy to carry.
    expect(compared).toBeGreaterThan(original.rows.length * 12);
  });
});
