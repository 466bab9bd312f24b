/**
 * What the command says when its input is wrong, in en, ru and kk: each
 * refused field with what is allowed and what was given; an effect without
 * its incident; an unknown record type; JSON with a typo, by line and
 * column. Input refused before the archive is touched changes nothing.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { firstMistake, mistakeAt, parseJsonText } from './jsonText';
import { dalelInProcess as dalel } from './testing/inProcess';

const locale = { en: 'en_US.UTF-8', ru: 'ru_RU.UTF-8', kk: 'kk_KZ.UTF-8' } as const;

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
const files = () => readdir(dir, { recursive: true }).then((names) => names.sort());
const input = async (name: string, text: string) => {
  const path = join(folder.path, name);
  await writeFile(path, text);
  return path;
};
beforeAll(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
  expect((await dalel(['init', dir, '--no-encryption'])).code).toBe(0);
});
afterAll(() => folder.remove());

describe('a refused record', () => {
  const expected = {
    en: [
      'Some fields are not valid. Nothing was saved.',
      '  scope: Not one of the offered choices: national, regional, local. Given: "planetary".',
      '  kinds: Not the right kind of value: a list expected. Given: "mobile_data".',
      '  startedAt.at: Not a valid date and time with its UTC offset (e.g. 2022-01-05T14:00+06:00). Given: "5 January".',
      '  title: Required.',
    ],
    ru: [
      'Некоторые поля заполнены неверно. Ничего не сохранено.',
      '  scope: Выберите один из предложенных вариантов: national, regional, local. Указано: "planetary".',
      '  kinds: Значение неверного типа: ожидается список. Указано: "mobile_data".',
      '  startedAt.at: Ожидаются корректные дата и время со смещением относительно UTC (например, 2022-01-05T14:00+06:00). Указано: "5 January".',
      '  title: Обязательное поле.',
    ],
    kk: [
      'Кейбір өрістер жарамсыз. Ештеңе сақталған жоқ.',
      '  scope: Ұсынылған нұсқалардың бірін таңдаңыз: national, regional, local. Берілгені: "planetary".',
      '  kinds: Мәннің түрі дұрыс емес: тізім керек. Берілгені: "mobile_data".',
      '  startedAt.at: UTC ығысуы көрсетілген жарамды күн мен уақыт күтіледі (мысалы, 2022-01-05T14:00+06:00). Берілгені: "5 January".',
      '  title: Міндетті өріс.',
    ],
  };
  it.each(Object.keys(expected) as (keyof typeof expected)[])('names each field, what is allowed and what was given, exit 1 (%s)', async (language) => {
    const wrong = { ...sampleIncident({ scope: 'planetary' as never, kinds: 'mobile_data' as never, startedAt: { at: '5 January', precision: 'day' } }), title: undefined };
    const before = await files();
    const refused = await dalel(['add', dir, '--type', 'incident', '--json', await input('wrong.json', JSON.stringify(wrong))], { LANG: locale[language] });
    expect(refused.code).toBe(1);
    expect(refused.err.trimEnd().split('\n').sort()).toEqual([...expected[language]].sort());
    expect(await files()).toEqual(before);
  });

  it.each([
    ['en', '  severity: Required. One of: low, medium, high, critical.'],
    ['ru', '  severity: Обязательное поле. Возможные значения: low, medium, high, critical.'],
    ['kk', '  severity: Міндетті өріс. Мүмкін мәндер: low, medium, high, critical.'],
  ] as const)('says the choices of a missing choice (%s)', async (language, line) => {
    const incidentId = (await dalel(['add', dir, '--type', 'incident', '--json', await input('incident.json', JSON.stringify(sampleIncident()))])).out.trim();
    const refused = await dalel(['add', dir, '--type', 'effect', '--parent', incidentId, '--json', await input('effect.json', '{"category": "medical_care"}')], { LANG: locale[language] });
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n')).toContain(line);
  });
});

describe('an effect without its incident', () => {
  it.each([
    ['en', 'An effect belongs to an incident: give the incident\'s id with --parent INCIDENT_ID, or as "incident" in the JSON.'],
    ['ru', 'Последствие относится к инциденту: укажите идентификатор инцидента в --parent INCIDENT_ID или в поле "incident" в JSON.'],
    ['kk', 'Әсер оқиғаға жатады: оқиғаның идентификаторын --parent INCIDENT_ID арқылы немесе JSON-дағы "incident" өрісінде көрсетіңіз.'],
  ] as const)('says how to give it, not "incident: Required", exit 2 (%s)', async (language, message) => {
    const before = await files();
    const effect = await input('orphan.json', JSON.stringify({ category: 'medical_care', severity: 'high' }));
    expect(await dalel(['add', dir, '--type', 'effect', '--json', effect], { LANG: locale[language] })).toEqual({ code: 2, out: '', err: `${message}\n` });
    expect(await files()).toEqual(before);
  });
});

describe('an unknown record type', () => {
  it.each([
    ['en', 'Unknown record type “person”. Use one of: incident, effect, source, intervention.'],
    ['ru', 'Неизвестный тип записи «person». Возможные типы: incident, effect, source, intervention.'],
    ['kk', 'Белгісіз жазба түрі: «person». Мыналардың бірін қолданыңыз: incident, effect, source, intervention.'],
  ] as const)('is listed with the types there are, exit 2, in add and list (%s)', async (language, message) => {
    const incident = await input('incident.json', JSON.stringify(sampleIncident()));
    const env = { LANG: locale[language] };
    expect(await dalel(['add', dir, '--type', 'person', '--json', incident], env)).toEqual({ code: 2, out: '', err: `${message}\n` });
    expect(await dalel(['list', dir, '--type', 'person'], env)).toEqual({ code: 2, out: '', err: `${message}\n` });
  });
});

describe('JSON with a typo', () => {
  const typo = '{\n  "title": "Mobile data cut",\n  "scope": \'local\',\n  "kinds": ["mobile_data"]\n}\n';
  it.each([
    ['en', 'is not valid JSON: line 3, column 12.'],
    ['ru', 'не содержит корректного JSON: строка 3, столбец 12.'],
    ['kk', 'файлы жарамды JSON емес: 3-жол, 12-баған.'],
  ] as const)('names the file, the line and the column, and shows the line, exit 2 (%s)', async (language, words) => {
    const file = await input('typo.json', typo);
    const env = { LANG: locale[language] };
    expect(await dalel(['add', dir, '--type', 'incident', '--json', file], env)).toEqual({
      code: 2,
      out: '',
      err: `${file} ${words}\n  "scope": 'local',\n           ^\n`,
    });
    expect((await dalel(['add', dir, '--type', 'incident', '--json', await input('comma.json', '{"title": "x",}')], env)).err).toContain(`1${language === 'kk' ? '-жол, 15-баған' : language === 'ru' ? ', столбец 15' : ', column 15'}.`);
  });

  it('finds the mistake whatever Node says: a position, a line and column, or neither', () => {
    expect(mistakeAt(typo, 'Unexpected token \'\'\', ..."scope": \'local\',..." is not valid JSON')).toEqual({ line: 3, column: 12 });
    expect(mistakeAt(typo, 'Unexpected token \' in JSON at position 43')).toEqual({ line: 3, column: 12 });
    expect(mistakeAt(typo, 'Unexpected token (line 3 column 12)')).toEqual({ line: 3, column: 12 });
    expect(mistakeAt('{"a": 1', 'Unexpected end of JSON input')).toEqual({ line: 1, column: 8 });
    // Where Node gives a position, the reading of the grammar finds the same one.
    for (const text of ['{ not json', '{"a": 1,}', '{"a":\n "b" "c"}', '{"a": 1} x', '{"a": "tab\there"}', '[1, 2,, 3]', '{"a": -}', '{"a": 01}', '"\\x"', '{"é": [true, fals]}']) {
      let message = '';
      try {
        JSON.parse(text);
      } catch (error) {
        message = (error as Error).message;
      }
      const position = /at position (\d+)/.exec(message);
      if (position) expect(firstMistake(text), text).toBe(Number(position[1]));
      else expect(firstMistake(text), text).toBeLessThan(text.length);
    }
    expect(firstMistake('[1, {"a": "b"}, null, -0.5e+3, "\\u00e9"] x')).toBe(41);
  });

  it('never shows the text of a file that is not JSON at all: a passphrase given as --json by mistake', async () => {
    const secret = 'correct horse battery staple 7Q!x';
    const file = await input('passphrase.txt', `${secret}\n`);
    const run = await dalel(['edit', dir, '0b7e6f53-5d0e-4d8b-9a51-3f1f1f9d3c11', '--json', file]);
    expect(run).toEqual({ code: 2, out: '', err: `${file} is not valid JSON: line 1, column 1.\n` });
    expect(run.err).not.toContain('horse');
  });

  it('shows at most 40 characters of a long line, around the mistake', async () => {
    const line = `{"title": "${'a'.repeat(200)}", "scope": 'local', "summary": "${'b'.repeat(200)}"}`;
    const run = await dalel(['add', dir, '--type', 'incident', '--json', await input('long.json', line)]);
    const [, excerpt, caret] = run.err.split('\n');
    expect(run.code).toBe(2);
    expect(excerpt!.length).toBeLessThanOrEqual(40);
    expect(excerpt).toContain("'local'");
    expect(excerpt![caret!.length - 1]).toBe("'");
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(parseJsonText('\uFEFF{"title": "Жаңаөзен"}')).toEqual({ ok: true, value: { title: 'Жаңаөзен' } });
  });
});

describe('a word that is a name of every JavaScript object', () => {
  it.each([
    [['toString', 'x'], 'Unknown command “toString”.'],
    [['hasOwnProperty', 'a', 'b'], 'Unknown command “hasOwnProperty”.'],
    [['help', 'constructor'], 'Unknown command “constructor”.'],
    [['__proto__', 'x'], 'Unknown command “__proto__”.'],
    [['settings', 'x', '--set', 'quick-delete=__proto__'], '“__proto__”'],
    [['settings', 'x', '--set', 'quick-delete=constructor'], '“constructor”'],
    [['add', 'x', '--type', 'constructor', '--json', 'x.json'], 'Unknown record type “constructor”'],
  ])('is refused as unknown, exit 2, without a stack (%j)', async (args, words) => {
    const run = await dalel(args);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain(words);
    expect(run.err).not.toMatch(/TypeError|\n\s+at /);
  });
});
