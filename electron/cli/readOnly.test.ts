/**
 * A command that only reads never says "Nothing was changed": it changed
 * nothing by design, and the sentence would suggest it might have. A
 * command that writes still says it. In en, ru and kk; for every error a
 * read-only command can meet, and for every read-only command there is.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, errorPlaceholders } from '../../shared/ipc';
import { resources } from '../../shared/i18n';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { commands } from './commands';
import { readOnlyWording, translator } from './output';
import { dalelInProcess as dalel } from './testing/inProcess';
import { isReadOnly } from './usage';

const languages = ['en', 'ru', 'kk'] as const;
const locale = { en: 'en_US.UTF-8', ru: 'ru_RU.UTF-8', kk: 'kk_KZ.UTF-8' } as const;
/** "Nothing was changed" as each language says it (kk has two wordings). */
const nothingChanged = { en: /nothing was changed/i, ru: /ничего не изменено/i, kk: /ештеңе өзгерт(ілген жоқ|ілмеді)/i } as const;
const wrongPassphrase = { en: 'Wrong passphrase.', ru: 'Неверная парольная фраза.', kk: 'Құпия фраза қате.' } as const;

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
let wrongFile: string;
let recordId: string;
beforeAll(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
  const env = { DALEL_PASSPHRASE: 'Жаңаөзен 2022 қаңтар' };
  expect((await dalel(['init', dir], env)).code).toBe(0);
  const incident = join(folder.path, 'incident.json');
  await writeFile(incident, JSON.stringify(sampleIncident()));
  recordId = (await dalel(['add', dir, '--type', 'incident', '--json', incident], env)).out.trim();
  wrongFile = join(folder.path, 'wrong.txt');
  await writeFile(wrongFile, 'not the passphrase\n', { mode: 0o600 });
});
afterAll(() => folder.remove());

describe('a wrong passphrase', () => {
  it.each(languages)('is only "Wrong passphrase." for a command that reads, and still says nothing was changed for one that writes (%s)', async (language) => {
    const env = { LANG: locale[language] };
    expect(await dalel(['list', dir, '--passphrase-file', wrongFile], env)).toEqual({ code: 1, out: '', err: `${wrongPassphrase[language]}\n` });
    for (const args of [['show', dir, recordId], ['key', dir], ['state-hash', dir], ['check', dir]]) {
      const read = await dalel([...args, '--passphrase-file', wrongFile], env);
      expect(read.code, args[0]).not.toBe(0);
      expect(read.err, args[0]).toContain(wrongPassphrase[language]);
      expect(read.err, args[0]).not.toMatch(nothingChanged[language]);
    }
    const incident = join(folder.path, 'incident.json');
    const write = await dalel(['add', dir, '--type', 'incident', '--json', incident, '--passphrase-file', wrongFile], env);
    expect(write.code).toBe(1);
    expect(write.err).toContain(wrongPassphrase[language]);
    expect(write.err).toMatch(nothingChanged[language]);
  });
});

describe('the wording of a read-only command', () => {
  it.each(languages)('says no error with "Nothing was changed" (%s)', async (language) => {
    const t = readOnlyWording(await translator(language));
    for (const code of errorCodes) {
      const params = Object.fromEntries(errorPlaceholders[code].map((name) => [name, `<${name}>`]));
      const text = t(`errors:${code}`, { ...params, count: 2 });
      expect(text, `${language} errors:${code}`).not.toMatch(nothingChanged[language]);
    }
    expect(t('cli:passphrase.gaveUp'), `${language} cli:passphrase.gaveUp`).not.toMatch(nothingChanged[language]);
  });

  it('keeps the placeholders of the message it stands for', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
    for (const language of languages) {
      const messages = resources[language].errors as Record<string, string>;
      for (const [key, text] of Object.entries(messages).filter(([name]) => name.endsWith('_readOnly'))) {
        const base = messages[key.replace(/_readOnly$/, '')];
        expect(base, `${language} errors:${key} stands for a message`).toBeDefined();
        expect(placeholders(text), `${language} errors:${key}`).toEqual(placeholders(base!));
      }
    }
  });
});

describe('which commands are read-only', () => {
  const reading = ['list', 'show', 'key', 'check', 'state-hash', 'verify', 'schema', 'custody', 'received', 'trusted', 'settings', 'timestamp', 'anchor', 'anchors'];
  const writing = ['init', 'add', 'edit', 'attach', 'export', 'import', 'merge', 'trust', 'encrypt', 'rekey', 'repair', 'resolve', 'retract', 'untrust', 'countersign'];
  it('says so in each command definition, and an option that changes the archive makes it a writing one', () => {
    for (const name of reading.filter((each) => commands[each])) expect(isReadOnly(commands[name]!, {}), name).toBe(true);
    for (const name of writing.filter((each) => commands[each])) expect(isReadOnly(commands[name]!, {}), name).toBe(false);
    if (commands.settings) expect(isReadOnly(commands.settings, { set: ['quickDelete=true'] })).toBe(false);
    // A time-stamp request is a new file; adding an answer changes the bundle.
    expect(isReadOnly(commands.timestamp!, { response: 'answer.tsr' })).toBe(false);
    expect(isReadOnly(commands.timestamp!, { authority: 'https://tsa.example' })).toBe(false);
  });
});
