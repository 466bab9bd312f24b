/**
 * `dalel add` and `dalel edit` take any area code the gazetteer holds, a
 * city or district ("KZ-47-ZHANAOZEN") as well as a region, and refuse one
 * it does not hold with a translated message that says the code back; a
 * refused record is not saved. Places given as text are kept as written.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordDetail } from '../../shared/ipc';
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

describe('area codes on dalel add', () => {
  it('accepts a second-level place and shows it by its name', async () => {
    const incident = sampleIncident({ areas: [{ code: 'KZ-47-ZHANAOZEN' }, { code: 'KZ-47' }, { place: 'Жанаозен, площадь' }] });
    const recordId = await succeeds(['add', dir, '--type', 'incident', '--json', await jsonFile(incident)]);
    const detail = JSON.parse(await succeeds(['show', dir, recordId, '--json'])) as RecordDetail;
    expect(detail.summary.data?.areas).toEqual([{ code: 'KZ-47-ZHANAOZEN' }, { code: 'KZ-47' }, { place: 'Жанаозен, площадь' }]);
    expect(await succeeds(['show', dir, recordId], { LANG: 'kk_KZ.UTF-8' })).toContain('Жаңаөзен, Маңғыстау облысы, Жанаозен, площадь');
  });

  it('names the capital as it was named on the incident’s day', async () => {
    const during = await succeeds(['add', dir, '--type', 'incident', '--json', await jsonFile(sampleIncident({ areas: [{ code: 'KZ-71' }] }))]);
    const later = sampleIncident({ areas: [{ code: 'KZ-71' }], startedAt: { at: '2025-03-01T10:00+05:00', precision: 'hour' }, endedAt: { at: '2025-03-01T12:00+05:00', precision: 'hour' } });
    const after = await succeeds(['add', dir, '--type', 'incident', '--json', await jsonFile(later)]);
    expect(await succeeds(['show', dir, during])).toMatch(/: Nur-Sultan$/m);
    expect(await succeeds(['show', dir, during], { LANG: 'ru_RU.UTF-8' })).toMatch(/: Нур-Султан$/m);
    expect(await succeeds(['show', dir, after])).toMatch(/: Astana$/m);
  });

  it('refuses a code the gazetteer does not hold, says which in each language, and saves nothing', async () => {
    const incident = sampleIncident({ areas: [{ code: 'KZ-75' }, { code: 'KZ-47-ZHANAOZN' }] });
    const file = await jsonFile(incident);
    const messages = {
      en: 'areas.1.code: No area in the list has this code: choose an area from the list, or write the place as text. Given: "KZ-47-ZHANAOZN".',
      ru: 'areas.1.code: В списке мест нет такого кода: выберите место из списка или впишите его текстом.',
      kk: 'areas.1.code: Тізімде мұндай коды бар жер жоқ: жерді тізімнен таңдаңыз немесе оны мәтінмен жазыңыз.',
    };
    for (const [lang, message] of Object.entries({ en_US: messages.en, ru_RU: messages.ru, kk_KZ: messages.kk })) {
      const run = await dalelInProcess(['add', dir, '--type', 'incident', '--json', file], { LANG: `${lang}.UTF-8` });
      expect(run.code, run.err).not.toBe(0);
      expect(run.err).toContain(message);
      expect(run.err).toContain('"KZ-47-ZHANAOZN"');
    }
    expect(await recordCount()).toBe(0);
  });

  it('refuses an unknown code in an effect’s area and in an edit, and the record keeps its areas', async () => {
    const recordId = await succeeds(['add', dir, '--type', 'incident', '--json', await jsonFile(sampleIncident({ areas: [{ code: 'KZ-47' }] }))]);
    const effect = { category: 'banking_payments', severity: 'medium', incident: recordId, area: { code: 'KZ-99-NOWHERE' } };
    const refusedEffect = await dalelInProcess(['add', dir, '--type', 'effect', '--json', await jsonFile(effect)]);
    expect(refusedEffect.err).toContain('area.code: No area in the list has this code');
    expect(refusedEffect.err).toContain('"KZ-99-NOWHERE"');
    expect(await recordCount()).toBe(1);

    const refusedEdit = await dalelInProcess(['edit', dir, recordId, '--json', await jsonFile({ areas: [{ code: 'KZ-47-ATLANTIS' }] })]);
    expect(refusedEdit.code).not.toBe(0);
    expect(refusedEdit.err).toContain('KZ-47-ATLANTIS');
    const detail = JSON.parse(await succeeds(['show', dir, recordId, '--json'])) as RecordDetail;
    expect(detail.summary.data?.areas).toEqual([{ code: 'KZ-47' }]);
    expect(detail.summary.revisionCount).toBe(1);
  });
});
