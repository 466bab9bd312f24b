/**
 * Honest times, in the built UI against the real engine, in English, Russian
 * and Kazakh, with the viewer's computer in Berlin: a date typed without a
 * time saves as a day (precision `day`) and reads as a day on the incident's
 * page, never as midnight; under every date field the date is written out
 * in words in the app's language (Kazakh by the app's own rules), tied to
 * the field; an Almaty time gets +06:00 in 2022 and +05:00 in 2025, and so
 * do the effect and the complaint forms' times under an Almaty incident
 * (not the viewer's +01:00). The offset's history across other areas and
 * the 2024 change is timeOffsets.renderer.spec.ts's.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { DalelApi } from '../../shared/ipc';
import type { Effect, Incident, Intervention } from '../../shared/model';
import { expect, test } from './harness';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, openFormSections } from './rendererSteps';

const texts = {
  en: {
    words2025: 'Sunday, 5 January 2025: no time given, so only the day is saved.',
    words2022: 'Wednesday, 5 January 2022: no time given, so only the day is saved.',
    effectWords: 'Thursday, 6 January 2022',
  },
  ru: {
    words2025: 'воскресенье, 5 января 2025 г.: время не указано, поэтому сохранится только дата.',
    words2022: 'среда, 5 января 2022 г.: время не указано, поэтому сохранится только дата.',
    effectWords: 'четверг, 6 января 2022 г.',
  },
  kk: {
    // The year's wording is the report's date rule; the day, month and weekday are what Chromium cannot spell in Kazakh.
    words2025: /^2025 .*5 қаңтар, жексенбі: уақыты жазылмаған, сондықтан тек күні сақталады\.$/,
    words2022: /^2022 .*5 қаңтар, сәрсенбі: уақыты жазылмаған, сондықтан тек күні сақталады\.$/,
    effectWords: /^2022 .*6 қаңтар, бейсенбі$/,
  },
} as const;

const locales = { en: 'en-US', ru: 'ru-RU', kk: 'kk-KZ' } as const;

/** A string of the app's own locale, read when the test runs (a static JSON import would stop Playwright loading any spec). */
function appText(lng: string, ns: string, path: string): string {
  const json = JSON.parse(readFileSync(new URL(`../../shared/i18n/locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], json) as string;
}

/** A clock time ("0:00", "12:00"), not the digits of a UTC offset ("+06:00"). */
const clockTime = /(?:^|[^+\-\d])\d{1,2}:\d\d/;

/** The live records of a type, as the engine holds them. */
async function dataOf<T>(page: Page, type: 'incident' | 'effect' | 'intervention'): Promise<T[]> {
  const listed = await page.evaluate(async (recordType) => (window as unknown as { dalel: DalelApi }).dalel.records.list({ type: recordType }), type);
  if (!listed.ok) throw new Error(`list failed: ${JSON.stringify(listed.error)}`);
  return listed.value.records.map((record) => record.data as T);
}

/** Opens a collapsible section of the incident form (closed on a new record), if it is one and closed. */
async function openSection(page: Page, titleId: string) {
  const details = page.locator(`details:has(#${titleId})`);
  if ((await details.count()) > 0 && !(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await page.locator(`#${titleId}`).click();
  await expect(page.locator(`#${titleId}`)).toBeVisible();
}

for (const lng of ['en', 'ru', 'kk'] as const) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale: locales[lng], timezoneId: 'Europe/Berlin' });

    test(`a date without a time is a day, written out in words, and Almaty times take the offset of their date (${lng})`, async ({ dalel }) => {
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

      await test.step('the date in words follows the date typed, and Almaty is +05:00 in 2025, +06:00 in 2022', async () => {
        const date = page.locator('#incident-startedAt-date');
        const words = page.locator('#incident-startedAt-date-words');
        await openSection(page, 'section-place');
        await page.locator('#incident-areas-KZ-75').check();
        await expect(words).toHaveCount(0);
        await date.fill('2025-01-05');
        await expect(page.locator('#incident-startedAt-offset')).toHaveValue('+05:00');
        await expect(words).toHaveText(text.words2025);
        await date.fill('2022-01-05');
        await expect(page.locator('#incident-startedAt-offset')).toHaveValue('+06:00');
        await expect(words).toHaveText(text.words2022);
        // Plain text the field points to, not a live region that speaks at every keystroke.
        await expect(date).toHaveAttribute('aria-describedby', 'incident-startedAt-date-words');
        await expect(words).not.toHaveAttribute('aria-live');
        await openSection(page, 'section-time');
        await page.locator('#incident-endedAt-date').fill('2022-01-10');
        await expect(page.locator('#incident-endedAt-date-words')).toContainText('2022');
        await expectNoAxeViolations(page, `the incident form with dates in words (${lng})`);
      });

      const recordId = await test.step('saved, a date without a time is a day, not midnight to the minute', async () => {
        await page.locator('#incident-title').fill('Almaty, January');
        await page.locator('#incident-scope-local').check();
        await page.locator('#incident-kinds-full_network').check();
        await page.keyboard.press('Control+Enter');
        await expect(page).toHaveURL(/#\/incident\/[0-9a-f-]{36}$/);
        const [saved] = await dataOf<Incident>(page, 'incident');
        expect(saved?.startedAt).toEqual({ at: '2022-01-05T00:00+06:00', precision: 'day' });
        expect(saved?.endedAt).toEqual({ at: '2022-01-10T00:00+06:00', precision: 'day' });
        return page.url().split('/').pop()!;
      });

      await test.step('the page reads the start as a day, with no clock', async () => {
        const label = appText(lng, 'incidents', 'fields.startedAt');
        const started = page.locator('.detail').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
        await expect(started).toContainText('(UTC+06:00)');
        await expect(started).toContainText(appText(lng, 'taxonomy', 'precision.day'));
        await expect(started).not.toHaveText(clockTime);
        await expectNoRawKeys(page, `the incident page (${lng})`);
      });

      await test.step('an effect’s time under the Almaty incident gets +06:00 in 2022, not the viewer’s offset', async () => {
        await page.evaluate((id) => (window.location.hash = `#/incident/${id}/effects/new`), recordId);
        await page.locator('#effect-category').selectOption('family_contact');
        await page.locator('#effect-severity-medium').check();
        await page.locator('#effect-occurredAt-date').fill('2022-01-06');
        await page.locator('#effect-occurredAt-time').fill('14:00');
        await expect(page.locator('#effect-occurredAt-offset')).toHaveValue('+06:00');
        await expect(page.locator('#effect-occurredAt-date-words')).toHaveText(text.effectWords);
        await expectNoAxeViolations(page, `the effect form with a date in words (${lng})`);
        await page.keyboard.press('Control+Enter');
        await expect(page).toHaveURL(new RegExp(`#/incident/${recordId}$`));
        const [effect] = await dataOf<Effect>(page, 'effect');
        expect(effect?.occurredAt).toEqual({ at: '2022-01-06T14:00+06:00', precision: 'minute' });
      });

      await test.step('so does a complaint’s filing date, saved as a day', async () => {
        await page.evaluate((id) => (window.location.hash = `#/incident/${id}/interventions/new`), recordId);
        await page.locator('#intervention-kind').selectOption('complaint');
        await page.locator('#intervention-title').fill('Complaint to the prosecutor');
        await page.locator('#intervention-body').fill('Prosecutor of Almaty');
        await page.locator('#intervention-filedAt-date').fill('2022-01-20');
        await expect(page.locator('#intervention-filedAt-offset')).toHaveValue('+06:00');
        await page.keyboard.press('Control+Enter');
        await expect(page).toHaveURL(new RegExp(`#/incident/${recordId}$`));
        const [intervention] = await dataOf<Intervention>(page, 'intervention');
        expect(intervention?.filedAt).toEqual({ at: '2022-01-20T00:00+06:00', precision: 'day' });
      });
      expect(dalel.missingKeys).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.externalRequests).toEqual([]);
    });
  });
}
