/**
 * A source's translations, in the built UI against the real engine: a
 * defender adds a translation to a media report from the keyboard (the
 * "add" button moves focus to the new translation's first field, and every
 * field is labelled), is told what a translation without a day lacks, saves,
 * and sees it on the source page with its translator, day and
 * certification, after a reload too; then removes it again. The form and the
 * page read in English, Kazakh and Russian with no raw key and no English
 * left. Axe finds nothing; nothing leaves for the network.
 */
import { expect, test } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

const translated = 'Three pharmacies refused my card; the insulin ran out.\nThe ambulance line did not answer.';

test('a defender adds a translation to a source and sees it on the source page, in en, kk and ru', async ({ dalel }) => {
  test.setTimeout(180_000);
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);
  const incidentId = await saveIncidentDirectly(page, sampleIncidents[0]!);
  await page.goto(`${page.url().split('#')[0]}#/incident/${incidentId}`);

  await test.step('add a media report with a translation, from the keyboard', async () => {
    await page.getByRole('link', { name: 'Add source' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New source' })).toBeFocused();
    await page.locator('#source-kind').selectOption('media_report');
    await page.locator('#source-title').fill('Vlast.kz, 6 January');
    await page.locator('#source-content').fill('Три аптеки не приняли мою карту; инсулин закончился.');
    await page.locator('#source-language').fill('ru');

    const add = page.getByRole('button', { name: 'Add a translation' });
    await add.focus();
    await page.keyboard.press('Enter');
    const first = page.getByRole('group', { name: 'Translation 1' });
    await expect(first).toBeVisible();
    await expect(first.getByLabel('Language of the translation')).toBeFocused();
    await page.keyboard.type('en');
    await page.keyboard.press('Tab');
    await expect(first.getByLabel('Translated text')).toBeFocused();
    await page.keyboard.type('Three pharmacies refused my card; the insulin ran out.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The ambulance line did not answer.');
    await page.keyboard.press('Tab');
    await expect(first.getByLabel('Translator', { exact: true })).toBeFocused();
    await page.keyboard.type('Dana Seitkali');
    await expect(first.getByLabel('Date of translation')).toBeVisible();
    // Every field of the translation is labelled, the checkbox too, and the button says which translation it removes.
    await expect(first.getByLabel('Certified translation (sworn or notarised)')).not.toBeChecked();
    await expect(first.getByRole('button', { name: 'Remove translation 1' })).toBeVisible();
    await expectNoAxeViolations(page, 'the source form with a translation');

    // A translation needs its day: the summary names it, and its link leads to the field.
    await page.keyboard.press('Control+Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'needs attention' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Translation 1: Date of translation');
    await summary.getByRole('link', { name: /Translation 1: Date of translation/ }).click();
    await expect(first.getByLabel('Date of translation')).toBeFocused();
    await first.getByLabel('Date of translation').fill('2022-01-14');
    await first.getByLabel('Certified translation (sworn or notarised)').focus();
    await page.keyboard.press('Space');
    await expect(first.getByLabel('Certified translation (sworn or notarised)')).toBeChecked();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`#/incident/${incidentId}$`));
  });

  const translations = page.locator('section.translations');
  await test.step('the source page shows the translation under the statement, and a reload keeps it', async () => {
    await page.locator('section[aria-labelledby="sources-title"]').getByRole('link', { name: 'Vlast.kz, 6 January' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vlast.kz, 6 January' })).toBeFocused();
    await expect(page.getByRole('heading', { level: 2, name: 'Translations' })).toBeVisible();
    await expect(translations.getByRole('heading', { level: 3 })).toHaveText('Translation into English (en)');
    await expect(translations).toContainText('Dana Seitkali');
    await expect(translations).toContainText('Jan 14, 2022');
    await expect(translations).toContainText('Certified');
    await expect(translations.locator('blockquote[lang="en"]')).toHaveText(translated);
    await page.reload();
    await expect(translations.locator('blockquote[lang="en"]')).toHaveText(translated);
    await expectNoAxeViolations(page, 'the source page with a translation');
  });

  await test.step('the page and the form read in Kazakh and Russian', async () => {
    for (const [label, lng] of [
      ['Language', 'kk'],
      ['Тіл', 'ru'],
    ] as const) {
      await page.getByLabel(label, { exact: true }).selectOption(lng);
      await expect(page.getByRole('heading', { level: 2, name: localeText(lng, 'evidence:source.translation.title') })).toBeVisible();
      await expect(translations).toContainText(localeText(lng, 'evidence:source.translation.fields.translator'));
      await expect(translations).toContainText(localeText(lng, 'evidence:source.translation.certified'));
      await expectNoRawKeys(page, `the source page (${lng})`);
      await expectNoAxeViolations(page, `the source page (${lng})`);

      await page.getByRole('link', { name: localeText(lng, 'common:actions.edit') }).click();
      const first = page.getByRole('group', { name: localeText(lng, 'evidence:source.translation.legend', { number: 1 }) });
      await expect(first.getByLabel(localeText(lng, 'evidence:source.translation.fields.translator'), { exact: true })).toHaveValue('Dana Seitkali');
      await expect(first.getByLabel(localeText(lng, 'evidence:source.translation.fields.translatedAt'), { exact: true })).toHaveValue('2022-01-14');
      await expect(page.getByRole('button', { name: localeText(lng, 'evidence:source.translation.add') })).toBeVisible();
      await expectNoRawKeys(page, `the source form (${lng})`);
      await expectNoEnglishLeft(page, lng, `the source form (${lng})`);
      await expectNoAxeViolations(page, `the source form (${lng})`);
      await page.goBack();
      await expect(translations).toBeVisible();
    }
    await page.getByLabel('Язык', { exact: true }).selectOption('en');
  });

  await test.step('removing the translation saves a source without it', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Remove translation 1' }).click();
    await expect(page.getByRole('group', { name: 'Translation 1' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add a translation' })).toBeFocused();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vlast.kz, 6 January' })).toBeFocused();
    await expect(translations).toHaveCount(0);
    await expect(page.locator('.revision-history')).toContainText('2 revisions');
  });

  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});
