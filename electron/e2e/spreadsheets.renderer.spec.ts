/**
 * Importing a spreadsheet through the import screen, in the built UI against
 * the real engine, in English, Russian and Kazakh. An organization's own
 * sheet, with headers of its own, is read first (nothing written): its
 * columns are mapped with the keyboard-reachable lists, a bad date is named
 * with its row and column in the person's language, and Import stays off
 * until the corrected file is chosen again. Then every row is imported and
 * the result said in words; the same file again adds nothing (the engine's
 * state hash). STOP's export is told by its header and imported with no
 * mapping to make. axe finds nothing on the screen.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type DalelSession } from './harness';
import { localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations } from './rendererSteps';

const stopFixture = fileURLToPath(new URL('../../shared/csv/testing/stop-fixture.csv', import.meta.url));

type Lng = 'en' | 'ru' | 'kk';
const languages: { lng: Lng; osLocale: string }[] = [
  { lng: 'en', osLocale: 'en-US' },
  { lng: 'ru', osLocale: 'ru-RU' },
  { lng: 'kk', osLocale: 'kk-KZ' },
];

const header = 'Нөмірі,Оқиға,Күні,Түрі,Ауқымы,Дереккөз';
const goodRows = [
  'AN-1,Жаңаөзендегі мобильді интернет,02.01.2022,Мобильді интернетті өшіру,Жергілікті,https://example.org/zhanaozen',
  'AN-2,"Бүкіл ел бойынша өшіру, 5 қаңтар",05.01.2022 16:00,Full network shutdown|Throttling,national,',
];
const badRow = 'AN-3,Алматы,31.02.2022,Throttling,local,';
const mapping: [string, string][] = [
  ['Нөмірі', 'externalId'],
  ['Оқиға', 'title'],
  ['Күні', 'startedAt'],
  ['Түрі', 'kinds'],
  ['Ауқымы', 'scope'],
  ['Дереккөз', 'sourceUrl'],
];

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));
const csvTexts = (lng: string) => new Map(flatten(JSON.parse(readFileSync(new URL(`../../shared/i18n/locales/${lng}/csv.json`, import.meta.url), 'utf8'))));

/** No key of the `csv` namespace on the screen, and in another language none of its English sentences. */
async function expectTranslated(page: Page, lng: Lng, screen: string) {
  const body = await page.locator('section.spreadsheet-import').innerText();
  const keys = [...csvTexts('en').keys()].filter((key) => body.includes(key) || body.includes(`csv:${key}`));
  expect(keys, `raw keys on ${screen}`).toEqual([]);
  if (lng === 'en') return;
  const local = csvTexts(lng);
  const english = [...csvTexts('en')].filter(([key, text]) => !text.includes('{{') && text.length >= 4 && local.get(key) !== text && body.includes(text));
  expect(english, `English left on ${screen} (${lng})`).toEqual([]);
}

async function stateHash(dalel: DalelSession): Promise<string> {
  const result = await dalel.engine.dispatch('archive:stateHash', {});
  if (!result.ok) throw new Error(result.error.code);
  return (result.value as { stateHash: string }).stateHash;
}

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`an organization's own spreadsheet is mapped, checked and imported all at once (${lng})`, async ({ dalel }) => {
      test.setTimeout(180_000);
      const { page } = dalel;
      const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
      await dalel.open();
      await createArchive(dalel, 'Құқық қорғау ұйымы', null);
      const atHand = join(dalel.dir, 'at-hand');
      await mkdir(atHand, { recursive: true });
      const sheet = join(atHand, 'оқиғалар.csv');
      await writeFile(sheet, `\uFEFF${[header, ...goodRows, badRow].join('\r\n')}\r\n`);
      dalel.offerFiles([sheet]);
      const section = page.locator('section.spreadsheet-import');
      const chooseSheet = () => section.locator('input[type="file"]').setInputFiles(sheet);
      const importButton = section.getByRole('button', { name: text('csv:screen.import', { rows: 3 }) });

      await page.getByRole('navigation').getByRole('link', { name: text('exchange:nav'), exact: true }).click();
      await expect(section.getByRole('heading', { level: 2, name: text('csv:screen.title') })).toBeVisible();
      const before = await stateHash(dalel);

      await test.step('the sheet is read, its columns offered to map; nothing is written', async () => {
        await chooseSheet();
        await expect(section.locator('.csv-kind')).toHaveText(text('csv:screen.kindOwn', { rows: 3 }));
        for (const [column] of mapping) await expect(section.getByLabel(column, { exact: true })).toHaveValue('ignore');
        await expect(importButton).toBeDisabled();
        expect(await stateHash(dalel)).toBe(before);
      });

      await test.step('each column mapped from the keyboard; the bad date is named in the person language', async () => {
        for (const [column, field] of mapping) {
          const select = section.getByLabel(column, { exact: true });
          await select.focus();
          await select.selectOption({ label: text(`csv:field.${field}`) });
          await expect(select).toHaveValue(field);
        }
        const problem = text('csv:problemAt', { row: 4, column: 'Күні', message: text('csv:row.badDate', { given: '31.02.2022' }) });
        await expect(section.locator('.csv-problems li')).toHaveText([problem]);
        await expect(section.locator('.csv-problems h3')).toHaveText(text('csv:screen.problemsTitle', { count: 1 }));
        await expect(section.locator('.csv-preview tbody tr')).toHaveCount(2);
        await expect(section.locator('.csv-preview tbody tr').first()).toContainText(text('csv:screen.status.new'));
        await expect(importButton).toBeDisabled();
        expect(await stateHash(dalel)).toBe(before);
        await expectNoAxeViolations(page, `the spreadsheet import with a problem (${lng})`);
        await expectTranslated(page, lng, 'the spreadsheet import');
      });

      await test.step('the corrected file, chosen again, keeps its mapping and imports every row', async () => {
        await writeFile(sheet, [header, ...goodRows, badRow.replace('31.02.2022', '28.02.2022')].join('\n'));
        await chooseSheet();
        await expect(section.locator('.csv-problems')).toHaveCount(0);
        await expect(section.getByLabel('Оқиға', { exact: true })).toHaveValue('title');
        await expect(importButton).toBeEnabled();
        await importButton.click();
        const outcome = section.locator('.csv-outcome');
        await expect(outcome).toHaveText(text('csv:screen.result', { incidents: 3, sources: 1, revised: 0, unchanged: 0 }));
        await expect(outcome).toBeFocused();
        const listed = await dalel.engine.dispatch('records:list', { type: 'incident' });
        if (!listed.ok) throw new Error(listed.error.code);
        const titles = (listed.value as { records: { data: { title: string; kinds: string[] } }[] }).records.map((record) => record.data.title).sort();
        expect(titles).toEqual(['Алматы', 'Бүкіл ел бойынша өшіру, 5 қаңтар', 'Жаңаөзендегі мобильді интернет']);
        await expectNoAxeViolations(page, `the spreadsheet imported (${lng})`);
      });

      await test.step('the same file again adds nothing', async () => {
        const imported = await stateHash(dalel);
        await chooseSheet();
        await expect(section.locator('.csv-preview tbody tr').first()).toContainText(text('csv:screen.status.unchanged'));
        await importButton.click();
        await expect(section.locator('.csv-outcome')).toHaveText(text('csv:screen.result', { incidents: 0, sources: 0, revised: 0, unchanged: 4 }));
        expect(await stateHash(dalel)).toBe(imported);
      });

      await test.step("STOP's export is told by its header and read with the STOP mapping, no columns to map", async () => {
        dalel.offerFiles([stopFixture]);
        await section.locator('input[type="file"]').setInputFiles(stopFixture);
        await expect(section.locator('.csv-kind')).toHaveText(text('csv:screen.kindStop', { rows: 4 }));
        await expect(section.locator('.csv-mapping')).toHaveCount(0);
        await expect(section.locator('.csv-preview tbody tr')).toHaveCount(4);
        await section.getByRole('button', { name: text('csv:screen.import', { rows: 4 }) }).click();
        await expect(section.locator('.csv-outcome')).toHaveText(text('csv:screen.result', { incidents: 4, sources: 6, revised: 0, unchanged: 0 }));
        await expectNoAxeViolations(page, `a STOP sheet imported (${lng})`);
        await expectTranslated(page, lng, 'a STOP sheet imported');
      });
    });
  });
}
