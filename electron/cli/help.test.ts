/**
 * The command explains itself: every command has its help in every
 * language (so a new command cannot ship without it), the help names every
 * option the command takes and gives an example its parser accepts; the
 * version; the global options before the command's name; and usage errors
 * that name the wrong word and where the help is.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { resources } from '../../shared/i18n';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { commonOptions } from './argv';
import { commands } from './commands';
import { dalelInProcess as dalel } from './testing/inProcess';

const languages = ['en', 'ru', 'kk'] as const;
const locale = { en: 'en_US.UTF-8', ru: 'ru_RU.UTF-8', kk: 'kk_KZ.UTF-8' } as const;
/** "Example:" as each language's help heads it. */
const exampleHeading = { en: 'Example:', ru: 'Пример:', kk: 'Мысал:' } as const;

type Help = { summary?: string; usage?: string; example?: string };
const helpOf = (language: (typeof languages)[number], name: string): Help | undefined =>
  ((resources[language].cli as unknown as { commandHelp?: Record<string, Help> }).commandHelp ?? {})[name];

/** A command line as a shell splits it (double quotes, no expansions), up to a redirection or a pipe. */
function shellWords(line: string): string[] {
  const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
  const end = words.findIndex((word) => ['>', '<', '|', '&&', '>>'].includes(word));
  return end < 0 ? words : words.slice(0, end);
}

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
let incidentFile: string;
beforeAll(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
  incidentFile = join(folder.path, 'incident.json');
  await writeFile(incidentFile, JSON.stringify(sampleIncident()));
  expect((await dalel(['init', dir, '--no-encryption'])).code).toBe(0);
  expect((await dalel(['add', dir, '--type', 'incident', '--json', incidentFile])).code).toBe(0);
});
afterAll(() => folder.remove());

describe('the help texts of cli.json', () => {
  it.each(Object.keys(commands))('of %s: a summary, a usage naming each of its options, and an example that parses, in en, ru and kk', (name) => {
    const command = commands[name]!;
    for (const language of languages) {
      const help = helpOf(language, name);
      const where = `${language}/cli.json commandHelp.${name}`;
      expect(help, `${where} is missing`).toBeDefined();
      for (const part of ['summary', 'usage', 'example'] as const) expect(help![part]?.trim(), `${where}.${part}`).toBeTruthy();
      expect(help!.summary, `${where}.summary is one line`).not.toContain('\n');
      expect(help!.usage!.split('\n')[0], `${where}.usage starts with its synopsis`).toMatch(new RegExp(`^dalel ${name}( |$)`));
      for (const option of Object.keys(command.options ?? {})) expect(help!.usage, `${where}.usage names --${option}`).toMatch(new RegExp(`--${option}(?![\\w-])`));

      const words = shellWords(help!.example!);
      expect(words.slice(0, 2), `${where}.example runs dalel ${name}`).toEqual(['dalel', name]);
      const { positionals } = parseArgs({ args: words.slice(2), options: { ...commonOptions, ...command.options }, allowPositionals: true, strict: true });
      const count = command.positionals.length;
      expect(command.variadic ? positionals.length >= count : positionals.length === count, `${where}.example gives ${command.positionals.join(' ')}`).toBe(true);
    }
  });
});

describe('dalel --help', () => {
  it.each(languages)('lists every command with its summary, in %s, on stdout, exit 0', async (language) => {
    const env = { LANG: locale[language] };
    const general = await dalel(['--help'], env);
    expect(general).toMatchObject({ code: 0, err: '' });
    const lines = general.out.split('\n');
    for (const name of Object.keys(commands)) {
      const summary = helpOf(language, name)!.summary!;
      // "  name   summary": the name, spaces to line the summaries up, the summary.
      const listed = lines.filter((line) => line.startsWith(`  ${name}  `) && line.endsWith(summary) && !line.slice(2 + name.length, -summary.length).trim());
      expect(listed, `${language}: ${name}`).toHaveLength(1);
    }
    expect(general.out).toContain('--passphrase-file');
    expect((await dalel(['help'], env)).out).toBe(general.out);
    expect((await dalel(['-h'], env)).out).toBe(general.out);
    // Nothing at all is a usage error: the same listing, on stderr, exit 2.
    expect(await dalel([], env)).toMatchObject({ code: 2, out: '', err: general.out });
  });

  it.each(languages)('of one command prints its synopsis, one line per option, and an example, in %s', async (language) => {
    const env = { LANG: locale[language] };
    const help = helpOf(language, 'export')!;
    const shown = await dalel(['export', '--help'], env);
    expect(shown).toMatchObject({ code: 0, err: '' });
    expect(shown.out).toContain(help.summary);
    expect(shown.out).toContain(`  ${help.usage!.split('\n')[0]}`);
    for (const option of ['--out FILE.zip', '--profile PROFILE', '--only ID,...', '--signer-name NAME', '--leave-out-damaged', '--json']) {
      expect(shown.out.split('\n').filter((line) => line.trimStart().startsWith(`${option} `))).toHaveLength(1);
    }
    expect(shown.out).toContain(`${exampleHeading[language]}\n  ${help.example}\n`);
    // The same help however it is asked for, even with the command's arguments missing or wrong.
    for (const args of [['export', '-h'], ['help', 'export'], ['export', dir, '--colour', '--help'], ['--help', 'export']]) {
      expect(await dalel(args, env), args.join(' ')).toEqual(shown);
    }
  });

  it('of an unknown command says so, exit 2', async () => {
    expect(await dalel(['help', 'frobnicate'])).toMatchObject({ code: 2, out: '', err: expect.stringContaining('frobnicate') });
  });
});

describe('dalel --version', () => {
  it('prints the package version, exit 0, however it is asked', async () => {
    for (const flag of ['--version', '-V']) expect(await dalel([flag])).toEqual({ code: 0, out: `dalel ${packageJson.version}\n`, err: '' });
    expect(packageJson.version).toBe('0.1.0');
  });
});

describe('the options of every command', () => {
  it('may come before the command name: --lang, --passphrase-file, --json', async () => {
    const after = await dalel(['list', dir, '--lang', 'ru']);
    expect(after.err).toMatch(/[а-я]/);
    expect(await dalel(['--lang', 'ru', 'list', dir])).toEqual(after);
    expect(await dalel(['--lang=kk', 'list', dir])).toEqual(await dalel(['list', dir, '--lang', 'kk']));
    const json = await dalel(['--json', 'list', dir]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)[0].data.title).toBe(sampleIncident().title);

    const encrypted = join(folder.path, 'encrypted');
    const passphraseFile = join(folder.path, 'passphrase.txt');
    await writeFile(passphraseFile, 'Жаңаөзен 2022 қаңтар\n', { mode: 0o600 });
    expect((await dalel(['--passphrase-file', passphraseFile, 'init', encrypted])).code).toBe(0);
    expect(await dalel(['--passphrase-file', passphraseFile, '--lang', 'kk', 'list', encrypted])).toMatchObject({ code: 0, out: 'Жазбалар жоқ.\n' });
  });

  it.each(languages)('--json before a command that prints no JSON is refused, naming the command, in %s', async (language) => {
    const refused = await dalel(['--json', 'add', dir, '--type', 'incident', '--json', incidentFile], { LANG: locale[language] });
    expect(refused).toMatchObject({ code: 2, out: '' });
    expect(refused.err).toContain('--json');
    expect(refused.err).toContain('dalel add --help');
  });
});

describe('a command line that cannot run', () => {
  const cases = {
    en: { unknownCommand: 'Unknown command “frobnicate”. Run “dalel --help”', unknownOption: '“--colour” is not an option of dalel list.', needsValue: '--type needs a value.', help: 'Run “dalel list --help” for its usage and an example.' },
    ru: { unknownCommand: 'Неизвестная команда «frobnicate». Выполните «dalel --help»', unknownOption: 'У команды dalel list нет параметра «--colour».', needsValue: 'Параметру --type нужно значение.', help: '«dalel list --help»' },
    kk: { unknownCommand: 'Белгісіз команда: «frobnicate». Тізімді көру үшін «dalel --help»', unknownOption: 'dalel list командасында «--colour» параметрі жоқ.', needsValue: '--type параметріне мән керек.', help: '«dalel list --help»' },
  };
  it.each(languages)('names the unknown command or option and where the help is, exit 2, in %s', async (language) => {
    const env = { LANG: locale[language] };
    const expected = cases[language];
    expect(await dalel(['frobnicate', dir], env)).toMatchObject({ code: 2, out: '', err: expect.stringContaining(expected.unknownCommand) });
    const unknown = await dalel(['list', dir, '--colour'], env);
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err).toContain(expected.unknownOption);
    expect(unknown.err).toContain(expected.help);
    const valueless = await dalel(['list', dir, '--type'], env);
    expect(valueless).toMatchObject({ code: 2, err: expect.stringContaining(expected.needsValue) });
    expect((await dalel(['list', dir, 'extra'], env)).err).toContain('extra');
    expect((await dalel(['--colour', 'list', dir], env))).toMatchObject({ code: 2, err: expect.stringContaining('--colour') });
  });
});
