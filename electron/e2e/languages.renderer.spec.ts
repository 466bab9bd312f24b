/**
 * The UI in Kazakh and Russian: chosen from the OS locale until the user
 * picks a language, switchable at any time, remembered across reloads, and
 * complete on every screen (no raw key, no English left over, no missing
 * key, no axe violation).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { expectNoEnglishLeft } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

async function checkScreen(page: Page, lng: string, screen: string) {
  await expectNoRawKeys(page, `${screen} (${lng})`);
  await expectNoEnglishLeft(page, lng, screen);
  await expectNoAxeViolations(page, `${screen} (${lng})`);
}

async function chooseLanguage(page: Page, label: string, lng: string) {
  await page.getByLabel(label, { exact: true }).selectOption(lng);
  await expect(page.locator('html')).toHaveAttribute('lang', lng);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
}

test('every screen reads in Kazakh and in Russian, with nothing left untranslated', async ({ dalel }) => {
  test.setTimeout(180_000);
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);
  // Russian and Kazakh data only, so any English on screen is the UI's own.
  const recordId = await saveIncidentDirectly(page, sampleIncidents[0]!);
  await saveIncidentDirectly(page, {
    title: 'Жаппай өшіру, 2022 жылғы қаңтар',
    summary: 'Бүкіл елде байланыс өшірілді.',
    areas: [{ code: 'KZ-75' }, { code: 'KZ-71' }],
    scope: 'national',
    kinds: ['full_network', 'service_blocking'],
    services: ['whatsapp', 'Мессенджер'],
    startedAt: { at: '2022-01-05T16:00+06:00', precision: 'minute' },
    ongoing: true,
    justification: { codes: ['counter_terrorism'], statement: '«Террористік шабуылдар»' },
    legalBasis: { codes: ['kz.communications.41-1', 'other'], other: 'Жарлық' },
    rights: ['iccpr.19', 'crpd.9'],
    confidential: true,
  });
  // Quick delete on, so that Settings shows its button and its dialog can be checked too.
  await page.evaluate(() =>
    (window as unknown as { dalel: import('../../shared/ipc').DalelApi }).dalel.archive.setSafety({ quickDelete: true, unlockAttemptLimit: null }),
  );
  await page.reload();

  const screens = [
    { lng: 'kk', language: 'Language', list: 'Оқиғалар', showing: 'Көрсетілгені: 2, барлығы 2 оқиға', required: 'Міндетті өріс.' },
    { lng: 'ru', language: 'Тіл', list: 'Инциденты', showing: 'Показано 2 из 2 инцидентов', required: null },
  ];
  for (const { lng, language, list, showing, required } of screens) {
    await test.step(`in ${lng}`, async () => {
      await chooseLanguage(page, language, lng);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(list);
      await expect(page.getByRole('status')).toHaveText(showing);
      await checkScreen(page, lng, 'the list');

      await page.locator(`a[href="#/incident/${recordId}"]`).click();
      await expect(page.locator('.revision')).toHaveCount(1);
      await checkScreen(page, lng, 'the incident page');

      await page.getByRole('navigation').locator('a[href="#/new"]').click();
      await expect(page.locator('#incident-title')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
      await page.keyboard.press('Control+Enter');
      await expect(page.locator('.error-summary')).toBeFocused();
      if (required) await expect(page.locator('#field-title-error')).toHaveText(required);
      await checkScreen(page, lng, 'the form with its problems');

      await page.getByRole('navigation').locator('a[href="#/settings"]').click();
      await expect(page.locator('#settings-lock-after')).toBeVisible();
      await checkScreen(page, lng, 'the settings');
      await page.locator('.danger-zone > button.danger').click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await checkScreen(page, lng, 'the quick delete dialog');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('alertdialog')).toBeHidden();

      await page.getByRole('navigation').locator('a[href="#/"]').click();
    });
  }

  // The choice is remembered (settings:set), not only applied.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Инциденты');

  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.pageErrors).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});

test.describe('with a Kazakh OS', () => {
  test.use({ osLocale: 'kk-KZ' });

  test('the start screen is in Kazakh until the user picks another language', async ({ dalel }) => {
    const { page } = dalel;
    await dalel.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dalel-ге қош келдіңіз');
    await checkScreen(page, 'kk', 'the start screen');

    await chooseLanguage(page, 'Тіл', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Dalel');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(dalel.missingKeys).toEqual([]);
    expect(dalel.externalRequests).toEqual([]);
  });
});
