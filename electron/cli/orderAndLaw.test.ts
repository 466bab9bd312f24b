/**
 * `dalel add` keeps an incident's order, legal citations and operator
 * statements exactly as given, and `dalel show` prints them in the user's
 * language with the same sentence the report uses ("Kcell (an operator)
 * invoked … p. 1-2"); an unknown citer or a statement without its operator
 * is refused with the translated message and nothing is saved.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordDetail } from '../../shared/ipc';
import type { IncidentInput } from '../../shared/model';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess } from './testing/inProcess';
import { jsonInputs, succeeds } from './testing/steps';

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
  await succeeds(['init', dir, '--no-encryption']);
});
afterEach(() => folder.remove());

const jsonFile = jsonInputs(() => folder.path);
const recordCount = async () => (JSON.parse(await succeeds(['list', dir, '--json'])) as unknown[]).length;

/** January 2022 as the record holds it: the order, Kcell's citation of art. 41-1 p. 1-2, a campaign's reading, Kcell's message. */
const authority: Pick<IncidentInput, 'order' | 'legalCitations' | 'operatorStatements'> = {
  order: {
    orderedBy: [{ code: 'security_service', name: 'КНБ' }],
    implementedBy: [{ code: 'operator', name: 'Kcell' }],
    document: 'Требование № 17',
    issuedAt: { at: '2022-01-04T00:00+06:00', precision: 'day' },
    published: 'no',
    courtReview: 'no',
    noticeToUsers: 'yes',
  },
  legalCitations: [
    { code: 'kz.communications.41-1.p1-2', role: 'invoked', citedBy: 'operator', citedByName: 'Kcell', citedAt: { at: '2022-01-04T00:00+06:00', precision: 'day' } },
    { code: 'kz.emergency.14-1.p2', role: 'permits', citedBy: 'campaign', citedByName: '' },
  ],
  operatorStatements: [{ operator: 'Kcell', madeAt: { at: '2022-01-04T10:00+06:00', precision: 'minute' }, statement: 'Доступ ограничен по требованию уполномоченного органа.' }],
};

describe('the order and the law on dalel add and show', () => {
  it('round-trip unchanged, and print in each language', async () => {
    const recordId = await succeeds(['add', dir, '--type', 'incident', '--json', await jsonFile(sampleIncident(authority))]);
    const detail = JSON.parse(await succeeds(['show', dir, recordId, '--json'])) as RecordDetail;
    const data = detail.summary.data as Record<string, unknown>;
    expect({ order: data.order, legalCitations: data.legalCitations, operatorStatements: data.operatorStatements }).toEqual(authority);

    const printed = {
      en_US: [
        'Who ordered it: КНБ (Security service)',
        'Order published: No',
        'Users notified: Yes',
        '  Kcell (an operator) invoked Law on Communications, art. 41-1 para. 1-2 (Kazakhstan) on 2022-01-04T00:00+06:00',
        '  A campaign or analyst named Law on the State of Emergency, art. 14-1 para. 2 (Kazakhstan) as a provision that permits shutdowns',
        '  Kcell, 2022-01-04T10:00+06:00: Доступ ограничен по требованию уполномоченного органа.',
      ],
      ru_RU: ['Кто распорядился: КНБ (Спецслужба)', '  Kcell (оператор), 2022-01-04T00:00+06:00: ссылка на Закон «О связи», п. 1-2 ст. 41-1 (Казахстан) как на основание отключения'],
      kk_KZ: ['Кім бұйырды: КНБ (Арнаулы қызмет)', '  Kcell (оператор), 2022-01-04T00:00+06:00: өшірудің негізі ретінде келтірілді — «Байланыс туралы» Заңның 41-1-бабының 1-2-тармағы (Қазақстан)'],
    };
    for (const [lang, lines] of Object.entries(printed)) {
      const shown = (await succeeds(['show', dir, recordId], { LANG: `${lang}.UTF-8` })).split('\n');
      for (const line of lines) expect(shown, lang).toContain(line);
    }
  });

  it('print a statement with control characters as escapes, not as terminal commands (adversarial)', async () => {
    const hostile = { operatorStatements: [{ operator: 'Kcell\u001b]52;c;cGF5\u0007', statement: 'line one\nline two' }] };
    const recordId = await succeeds(['add', dir, '--type', 'incident', '--json', await jsonFile(sampleIncident(hostile))]);
    const shown = await succeeds(['show', dir, recordId]);
    expect(shown).not.toContain('\u001b');
    expect(shown).toContain('Kcell\\u001b]52;c;cGF5\\u0007: line one\\u000aline two');
  });

  it('refuse a citer not in the list and a statement without its operator, in each language, and save nothing', async () => {
    const badCiter = await jsonFile({ ...sampleIncident(), legalCitations: [{ ...authority.legalCitations![0], citedBy: 'kcell' }] });
    const noOperator = await jsonFile(sampleIncident({ operatorStatements: [{ operator: '  ', statement: 'We were told to.' }] }));
    const messages = {
      en_US: ['legalCitations.0.citedBy: Not one of the offered choices', 'operatorStatements.0.operator: Required.'],
      ru_RU: ['legalCitations.0.citedBy: Выберите один из предложенных вариантов', 'operatorStatements.0.operator: Обязательное поле.'],
      kk_KZ: ['legalCitations.0.citedBy: Ұсынылған нұсқалардың бірін таңдаңыз', 'operatorStatements.0.operator: Міндетті өріс.'],
    };
    for (const [lang, [citerMessage, operatorMessage]] of Object.entries(messages)) {
      const citer = await dalelInProcess(['add', dir, '--type', 'incident', '--json', badCiter], { LANG: `${lang}.UTF-8` });
      expect(citer.code, citer.err).not.toBe(0);
      expect(citer.err).toContain(citerMessage);
      const operator = await dalelInProcess(['add', dir, '--type', 'incident', '--json', noOperator], { LANG: `${lang}.UTF-8` });
      expect(operator.code, operator.err).not.toBe(0);
      expect(operator.err).toContain(operatorMessage);
    }
    expect(await recordCount()).toBe(0);
  });
});
