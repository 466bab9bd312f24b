/**
 * Time done right, in the built UI against the real engine, in English,
 * Russian and Kazakh, with the viewer's computer in Berlin: a time's default
 * offset is the one its area had on the date typed (Almaty +06:00 in 2022,
 * +05:00 after 1 March 2024; Mangystau +05:00 in 2022), not the viewer's;
 * an offset the person picks stays theirs; the "Times it was off" section
 * is closed until opened, refuses an interval ending before it starts with
 * the translated message, and three nightly cut-offs show their total hours
 * and "curfew style", on the form, in the saved record and on its page.
 */
import type { Page } from '@playwright/test';
import type { DalelApi, RecordDetail } from '../../shared/ipc';
import type { Incident } from '../../shared/model';
import { expect, test } from './harness';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, openFormSections } from './rendererSteps';

const texts = {
  en: {
    section: 'Times it was off',
    add: 'Add a time it was off',
    endBeforeStart: 'The end is before the start.',
    duration: 'Total time off: 36 h.',
    curfew: 'Curfew style: cut at about the same hours on several days.',
  },
  ru: {
    section: 'Периоды отключения',
    add: 'Добавить период отключения',
    endBeforeStart: 'Окончание указано раньше начала.',
    duration: 'Всего без связи: 36 ч.',
    curfew: 'Режим «комендантского часа»: связь отключали примерно в одни и те же часы несколько дней.',
  },
  kk: {
    section: 'Өшірілген уақыт аралықтары',
    add: 'Өшірілген уақыт аралығын қосу',
    endBeforeStart: 'Аяқталуы басталуынан бұрын көрсетілген.',
    duration: 'Барлығы байланыссыз: 36 сағ.',
    curfew: '«Коменданттық сағат» тәртібі: байланыс бірнеше күн бойы шамамен бір уақытта өшірілді.',
  },
} as const;

const locales = { en: 'en-US', ru: 'ru-RU', kk: 'kk-KZ' } as const;

async function fillTime(page: Page, base: string, date: string, time: string) {
  await page.locator(`#${base}-date`).fill(date);
  await page.locator(`#${base}-time`).fill(time);
}

for (const lng of ['en', 'ru', 'kk'] as const) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale: locales[lng], timezoneId: 'Europe/Berlin' });

    test(`times default to the area's offset on their date, and nightly cut-offs read as curfew style (${lng})`, async ({ dalel }) => {
      test.setTimeout(180_000);
      const text = texts[lng];
      const { page } = dalel;
      await dalel.open();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await createArchive(dalel);
      await page.evaluate(() => (window.location.hash = '#/new'));
      await expect(page.locator('#incident-title')).toBeVisible();
      // The details wait in closed sections below the quick record.
      await openFormSections(page);

      await test.step('the start follows Almaty across the 2024 change, and Mangystau', async () => {
        await page.locator('#incident-areas-KZ-75').check();
        await fillTime(page, 'incident-startedAt', '2022-01-05', '16:00');
        await expect(page.locator('#incident-startedAt-offset')).toHaveValue('+06:00');
        // An end not yet dated shows its start's offset.
        await expect(page.locator('#incident-endedAt-offset')).toHaveValue('+06:00');
        await page.locator('#incident-startedAt-date').fill('2025-01-05');
        await expect(page.locator('#incident-startedAt-offset')).toHaveValue('+05:00');
        await page.locator('#incident-startedAt-date').fill('2022-01-05');
        await expect(page.locator('#incident-startedAt-offset')).toHaveValue('+06:00');
        await page.locator('#incident-areas-KZ-75').uncheck();
        await page.locator('#incident-areas-KZ-47').check();
        await expect(page.locator('#incident-startedAt-offset')).toHaveValue('+05:00');
      });

      await test.step('an offset the person picks stays theirs', async () => {
        await page.locator('#incident-endedAt-offset').selectOption('+04:00');
        await page.locator('#incident-endedAt-date').fill('2022-01-09');
        await page.locator('#incident-areas-KZ-75').check();
        await expect(page.locator('#incident-endedAt-offset')).toHaveValue('+04:00');
        await page.locator('#incident-areas-KZ-75').uncheck();
        await page.locator('#incident-endedAt-offset').selectOption('+05:00');
        await page.locator('#incident-endedAt-time').fill('08:00');
      });

      await test.step('the intervals section is closed until opened', async () => {
        const add = page.getByRole('button', { name: text.add });
        await expect(page.getByRole('heading', { name: text.section })).toBeVisible();
        await expect(add).toBeHidden();
        await page.locator('#section-intervals').click();
        await expect(add).toBeVisible();
        for (let night = 0; night < 3; night += 1) await add.click();
        await fillTime(page, 'incident-interval-0-start', '2022-01-06', '19:00');
        await fillTime(page, 'incident-interval-0-end', '2022-01-07', '07:00');
        await fillTime(page, 'incident-interval-1-start', '2022-01-07', '19:00');
        // Ends before it starts: the message is translated and sits under that interval's end.
        await fillTime(page, 'incident-interval-1-end', '2022-01-07', '07:00');
        await expect(page.locator('#incident-interval-1-end-error')).toHaveText(text.endBeforeStart);
        await expect(page.locator('#incident-interval-1-end-date')).toHaveAttribute('aria-invalid', 'true');
        await page.locator('#incident-interval-1-end-date').fill('2022-01-08');
        await expect(page.locator('#incident-interval-1-end-error')).toHaveCount(0);
        await fillTime(page, 'incident-interval-2-start', '2022-01-08', '19:00');
        await fillTime(page, 'incident-interval-2-end', '2022-01-09', '07:00');
        // Mangystau's offset in 2022, for every interval.
        for (const part of ['0-start', '0-end', '1-start', '2-end']) await expect(page.locator(`#incident-interval-${part}-offset`)).toHaveValue('+05:00');
        await expect(page.locator('#incident-intervals-duration')).toHaveText(`${text.duration} ${text.curfew}`);
        // The form's own hints say "e.g.", which the page-wide raw-key check takes for a key: check the section alone.
        expect(await page.locator('details.intervals').innerText()).not.toMatch(/\b(?:intervals|incidents|validation)[.:][a-zA-Z]/);
        await expectNoAxeViolations(page, `the incident form with intervals (${lng})`);
      });

      const recordId = await test.step('save, and the record keeps the offsets and the intervals', async () => {
        await page.locator('#incident-title').fill('Nightly cut-offs, Mangystau');
        await page.locator('#incident-scope-regional').check();
        await page.locator('#incident-kinds-full_network').check();
        await page.keyboard.press('Control+Enter');
        await expect(page).toHaveURL(/#\/incident\/[0-9a-f-]{36}$/);
        const id = page.url().split('/').pop()!;
        const detail = await page.evaluate(
          async (recordId) => (await (window as unknown as { dalel: DalelApi }).dalel.records.get({ recordId })) as { ok: boolean; value?: RecordDetail },
          id,
        );
        const saved = detail.value?.summary.data as Incident;
        expect(saved.startedAt.at).toBe('2022-01-05T16:00+05:00');
        expect(saved.endedAt?.at).toBe('2022-01-09T08:00+05:00');
        expect(saved.intervals?.map((interval) => [interval.start.at, interval.end?.at])).toEqual([
          ['2022-01-06T19:00+05:00', '2022-01-07T07:00+05:00'],
          ['2022-01-07T19:00+05:00', '2022-01-08T07:00+05:00'],
          ['2022-01-08T19:00+05:00', '2022-01-09T07:00+05:00'],
        ]);
        return id;
      });

      await test.step('the incident page lists the intervals with the duration', async () => {
        await expect(page.locator('#incident-duration')).toHaveText(`${text.duration} ${text.curfew}`);
        await expect(page.getByRole('list', { name: text.section })).toBeVisible();
        await expect(page.getByRole('list', { name: text.section }).getByRole('listitem')).toHaveCount(3);
        await expectNoRawKeys(page, `the incident page (${lng})`);
        await expectNoAxeViolations(page, `the incident page (${lng})`);
      });

      await test.step('an edit opens the section and keeps every offset as saved', async () => {
        await page.evaluate((id) => (window.location.hash = `#/incident/${id}/edit`), recordId);
        await expect(page.locator('#incident-interval-2-end-offset')).toHaveValue('+05:00');
        await page.locator('#incident-areas-KZ-75').check();
        await expect(page.locator('#incident-startedAt-offset')).toHaveValue('+05:00');
        await expect(page.locator('#incident-interval-0-start-offset')).toHaveValue('+05:00');
      });
      expect(dalel.missingKeys).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.externalRequests).toEqual([]);
    });
  });
}
