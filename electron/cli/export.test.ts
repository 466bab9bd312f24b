/**
 * `dalel export` never writes to the wrong disk (issue 20): a mistyped or
 * unmounted `--out` folder is refused, in the person's language, with
 * nothing written and no folder made. A bundle written says which profile it
 * is, what it left out, and the sha256 of the file for a covering letter.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
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
  const incident = join(folder.path, 'incident.json');
  await writeFile(incident, JSON.stringify(sampleIncident()));
  for (const args of [['init', dir, '--name', 'Жаңаөзен', '--no-encryption'], ['add', dir, '--type', 'incident', '--json', incident]]) {
    expect((await dalelInProcess(args)).code).toBe(0);
  }
});
afterEach(() => folder.remove());

const sha256sum = (file: string) => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];

describe('dalel export', () => {
  it('refuses a folder that is not there, in every language, making no folder and writing nothing', async () => {
    const stick = join(folder.path, 'media', 'stikc');
    const before = await folderContents(folder.path);
    const messages = {
      en: `There is no folder ${stick}. Is the disk connected`,
      ru: `Папки ${stick} нет. Подключён ли диск`,
      kk: `${stick} қалтасы жоқ. Диск қосылған ба`,
    };
    for (const [language, message] of Object.entries(messages)) {
      const run = await dalelInProcess(['export', dir, '--out', join(stick, 'case.zip'), '--profile', 'legal', '--lang', language]);
      expect(run.code).toBe(1);
      expect(run.out).toBe('');
      expect(run.err).toContain(message);
    }
    expect(existsSync(join(folder.path, 'media'))).toBe(false);
    expect(await folderContents(folder.path)).toEqual(before);
  });

  it('names the profile, what it left out and the sha256 of the bundle file, as sha256sum gives it', async () => {
    const out = join(folder.path, 'case.zip');
    const run = await dalelInProcess(['export', dir, '--out', out, '--profile', 'legal']);
    expect(run.code, run.err).toBe(0);
    const lines = run.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Wrote .*case\.zip: legal bundle dalel-\d{8}-[0-9a-f]{8}, \d+ files\.$/);
    expect(lines[1]).toBe('Nothing needed to be left out for this profile.');
    expect(lines[2]).toBe(`sha256 of the bundle file: ${sha256sum(out)}`);

    const json = join(folder.path, 'case-json.zip');
    const asJson = await dalelInProcess(['export', dir, '--out', json, '--profile', 'public', '--json']);
    expect(asJson.code, asJson.err).toBe(0);
    expect(JSON.parse(asJson.out)).toMatchObject({ path: json, profile: 'public', sha256: sha256sum(json) });

    const russian = await dalelInProcess(['export', dir, '--out', join(folder.path, 'дело.zip'), '--profile', 'internal', '--lang', 'ru']);
    expect(russian.out).toContain(`sha256 файла пакета: ${sha256sum(join(folder.path, 'дело.zip'))}`);
  });
});
