/**
 * `dalel export --submission FILE`: a legal bundle made with a submission
 * from a JSON file carries it in bundle.json and its report; a missing,
 * unreadable, non-JSON or invalid file, or a submission asked for in
 * another profile, is refused in the person's language (exit 2), naming
 * the file and what is wrong, with the archive and the output folder
 * exactly as they were.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionInput } from '../../shared/model';
import { folderContents } from '../engine/testing/folderContents';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess as dalel } from './testing/inProcess';

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'архив');
  const incident = join(folder.path, 'incident.json');
  await writeFile(incident, JSON.stringify(sampleIncident()));
  for (const args of [['init', dir, '--name', 'Жаңаөзен', '--no-encryption'], ['add', dir, '--type', 'incident', '--json', incident]]) {
    expect((await dalel(args)).code).toBe(0);
  }
});
afterEach(() => folder.remove());

const submission: SubmissionInput = {
  submitter: { kind: 'organization', name: 'Бюро «Дәлел»', contact: '' },
  declaration: { by: 'Ержан Тұрсынұлы', date: '2022-02-01', text: 'Мен бұл жазбаларды өзім жинадым.\nЕш файл өзгертілген жоқ.' },
  methodology: { collection: 'Сұхбаттар, Жаңаөзен.', definition: 'Интернетті әдейі өшіру.', verification: 'Екі дереккөзбен.', limits: '' },
  remedies: '',
};

async function file(name: string, content: string): Promise<string> {
  const path = join(folder.path, name);
  await writeFile(path, content);
  return path;
}

/** Runs an export that must be refused: exit 2, nothing on stdout, the message on stderr, and nothing changed. */
async function refused(args: string[], message: string) {
  const before = await folderContents(folder.path);
  const out = join(folder.path, 'case.zip');
  const run = await dalel(['export', dir, '--out', out, ...args]);
  expect(run.code, run.err).toBe(2);
  expect(run.out).toBe('');
  expect(run.err).toContain(message);
  expect(existsSync(out)).toBe(false);
  expect(await folderContents(folder.path)).toEqual(before);
  return run.err;
}

describe('dalel export --submission', () => {
  it('puts the submission into a legal bundle: bundle.json carries it and the report names the submitter and gives the declaration', async () => {
    const good = await file('submission.json', JSON.stringify(submission));
    const out = join(folder.path, 'case.zip');
    const run = await dalel(['export', dir, '--out', out, '--profile', 'legal', '--submission', good, '--lang', 'kk']);
    expect(run.code, run.err).toBe(0);
    const unzipped = join(folder.path, 'unzipped');
    execFileSync('unzip', ['-q', out, '-d', unzipped]);
    const [bag] = await readdir(unzipped);
    const bundle = JSON.parse(await readFile(join(unzipped, bag!, 'data/bundle.json'), 'utf8'));
    expect(bundle.submission).toEqual(submission);
    const report = await readFile(join(unzipped, bag!, 'data/report.html'), 'utf8');
    expect(report).toContain('<bdi>Бюро «Дәлел»</bdi></strong> (ұйым)');
    expect(report).toContain('Байланыс деректері берілмеген');
    expect(report).toContain('Жазбаларды жинаған адамның мәлімдемесі');
    expect(report).toContain('Мен бұл жазбаларды өзім жинадым.\nЕш файл өзгертілген жоқ.');
    expect((await dalel(['verify', out])).code).toBe(0);
  });

  it('takes the example of docs/spec/cli.md ("A submission as JSON") as it is written there', async () => {
    const doc = await readFile(join(import.meta.dirname, '../../docs/spec/cli.md'), 'utf8');
    const example = /^```json submission\n([\s\S]*?)^```$/m.exec(doc)?.[1];
    expect(example).toBeDefined();
    const out = join(folder.path, 'example.zip');
    const run = await dalel(['export', dir, '--out', out, '--profile', 'legal', '--submission', await file('example.json', example!)]);
    expect(run.code, run.err).toBe(0);
  });

  it('refuses a file that is not there, naming it, in the person\'s language', async () => {
    const missing = join(folder.path, 'submision.json');
    await refused(['--profile', 'legal', '--submission', missing], `There is no file ${missing} (given with --submission). Nothing was written.`);
    await refused(['--profile', 'legal', '--submission', missing, '--lang', 'ru'], `Файла ${missing} (указан в --submission) нет. Ничего не записано.`);
    await refused(['--profile', 'legal', '--submission', missing, '--lang', 'kk'], `${missing} файлы (--submission арқылы берілген) жоқ.`);
  });

  it('refuses a file that cannot be read', async () => {
    const folderGiven = join(folder.path, 'a folder.json');
    await mkdir(folderGiven);
    await refused(['--profile', 'legal', '--submission', folderGiven], `Could not read ${folderGiven}.`);
  });

  it('refuses a file that is not JSON, saying where it stops being JSON', async () => {
    const broken = await file('broken.json', '{\n  "submitter": { "kind": "person", }\n}\n');
    await refused(['--profile', 'legal', '--submission', broken], `${broken} is not valid JSON: line 2, column`);
    await refused(['--profile', 'legal', '--submission', broken, '--lang', 'ru'], `${broken} не содержит корректного JSON: строка 2`);
  });

  it('refuses a submission that does not match the schema, field by field', async () => {
    const invalid = await file('invalid.json', JSON.stringify({ ...submission, submitter: { kind: 'company', name: '' }, declaration: { ...submission.declaration, date: '1 Feb 2022' } }));
    const err = await refused(['--profile', 'legal', '--submission', invalid], `${invalid} is not a valid submission, field by field below`);
    expect(err).toContain('submitter.kind: Not one of the offered choices: person, organization.');
    expect(err).toContain('submitter.name: Required.');
    expect(err).toContain('declaration.date:');
    const russian = await refused(['--profile', 'legal', '--submission', invalid, '--lang', 'ru'], `${invalid} не является корректным описанием подачи`);
    expect(russian).toContain('submitter.name: Обязательное поле.');
    const notAnObject = await file('list.json', '[]');
    await refused(['--profile', 'legal', '--submission', notAnObject, '--lang', 'kk'], `${notAnObject} жарамды ұсыну мәліметі емес`);
  });

  it('refuses a submission for an internal or public bundle, before reading the file', async () => {
    const good = await file('submission.json', JSON.stringify(submission));
    await refused(['--profile', 'public', '--submission', good], 'A submission (submitter, declaration, methodology) goes only into a legal bundle, not into a public one');
    await refused(['--profile', 'internal', '--submission', good, '--lang', 'kk'], 'тек заңгерлік пакетке кіреді, internal пакетіне емес');
  });
});
