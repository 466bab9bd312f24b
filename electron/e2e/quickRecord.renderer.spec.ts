/**
 * Quick to record, in the built UI against the real engine, in English,
 * Russian and Kazakh: Alt+N opens a new incident whose quick record (title,
 * summary, country, scope, kinds, start) comes first, with no more than 15
 * Tab stops from "Started" to Save; the details wait in closed sections, and
 * one holding an error opens when the error summary links to it; the action
 * bar stays in view with what is still required; Ctrl+S saves a record of
 * only the required fields. On the list "/" and Ctrl+F reach the search, the
 * filters sit behind one button and the first row starts in the window's top
 * half. The navigation is a sidebar at the usual text size and a "Menu"
 * button, one row high, at 200 % text. axe finds nothing throughout.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys } from './rendererSteps';

const locales = { en: 'en-US', ru: 'ru-RU', kk: 'kk-KZ' } as const;

/** Presses Tab from the focused control until Save has focus; returns each control it stopped on, once. */
async function tabStopsToSave(page: Page): Promise<string[]> {
  const stops: string[] = [];
  for (let press = 0; press < 80; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return { name: 'none', save: false };
      const name = element.id || `${element.tagName.toLowerCase()}:${(element.textContent ?? '').trim().slice(0, 40)}`;
      return { name, save: element.matches('button[type="submit"]') };
    });
    if (stops.at(-1) !== focused.name) stops.push(focused.name);
    if (focused.save) return stops;
  }
  throw new Error(`Save never took focus; stopped on: ${stops.join(', ')}`);
}

/** The bottom of the element is inside the window. */
async function expectInWindow(page: Page, selector: string) {
  const box = (await page.locator(selector).boundingBox())!;
  const height = page.viewportSize()!.height;
  expect(box.y, `${selector} top in the window`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${selector} bottom in the window`).toBeLessThanOrEqual(height + 1);
}

for (const lng of ['en', 'ru', 'kk'] as const) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale: locales[lng] });

    test(`a quick record, a bar that stays, shortcuts, filters behind one button and a menu that fits (${lng})`, async ({ dalel }) => {
      test.setTimeout(240_000);
      const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
      const field = (name: string) => text(`incidents:fields.${name}`);
      const { page } = dalel;
      await dalel.open();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await createArchive(dalel);
      // The new key's fingerprint, noted once.
      await page.getByRole('region', { name: text('welcome:key.title') }).getByRole('button', { name: text('welcome:key.done') }).click();
      const bar = page.locator('.sticky-actions');
      const save = bar.getByRole('button', { name: text('common:actions.save'), exact: true });

      await test.step('Alt+N opens a new incident: the quick record first, at most 15 Tab stops from Started to Save', async () => {
        await page.keyboard.press('Alt+n');
        await expect(page).toHaveURL(/#\/new$/);
        await expect(page.getByRole('heading', { level: 2, name: text('incidents:form.sections.quick') })).toBeVisible();
        // The details are closed on a new record: their fields are not in the way.
        await expect(page.locator('#incident-areas-KZ-75')).toBeHidden();
        await expect(page.locator('#incident-operators')).toBeHidden();
        await expect(page.locator('#incident-country')).toHaveValue('KZ');
        await expect(page.locator('#incident-country option:checked')).toHaveText(text('incidents:countries.KZ'));
        await page.locator('#incident-startedAt-date').focus();
        const stops = await tabStopsToSave(page);
        expect(stops.length, `Tab stops from Started to Save: ${stops.join(', ')}`).toBeLessThanOrEqual(15);
        await expectNoAxeViolations(page, `the new incident form (${lng})`);
      });

      await test.step('the action bar stays in view and says what is still required', async () => {
        const missing = ['title', 'scope', 'kinds', 'startedAt'].map(field).join(', ');
        const plural = new Intl.PluralRules(lng).select(4);
        await expect(bar.locator('.required-left')).toHaveText(text(`incidents:form.requiredLeft_${plural}`, { count: 4, fields: missing }));
        await page.locator('#incident-title').fill('Mobile internet cut in Zhanaozen');
        await expect(bar.locator('.required-left')).toContainText(['scope', 'kinds', 'startedAt'].map(field).join(', '));
        // Open every section so the form is long, then look at the bar from the form's top, its middle and its end.
        for (const summary of await page.locator('details.form-details > summary').all()) await summary.click();
        await expect(page.locator('#incident-operators')).toBeVisible();
        await page.locator('#incident-title').evaluate((title) => title.scrollIntoView({ block: 'start' }));
        await expectInWindow(page, '.sticky-actions');
        for (const position of [0.5, 1]) {
          await page.evaluate((at) => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * at), position);
          await expect(save).toBeVisible();
          await expectInWindow(page, '.sticky-actions');
        }
        // A focused field near the bottom is never hidden under the bar.
        await page.locator('#incident-operators').focus();
        const fieldBox = (await page.locator('#incident-operators').boundingBox())!;
        const barBox = (await bar.boundingBox())!;
        expect(fieldBox.y + fieldBox.height).toBeLessThanOrEqual(barBox.y + 1);
        // Operators already in the archive or known to the app are offered.
        await expect(page.locator('#incident-operators-suggestions option[value="Kcell"]')).toHaveCount(1);
      });

      await test.step('an error in a closed section opens it when the error summary links to it', async () => {
        // Whole but for an end before its start, which sits in the "When" section.
        await page.locator('#incident-scope-local').check();
        await page.locator('#incident-kinds-mobile_data').check();
        await page.locator('#incident-startedAt-date').fill('2022-01-05');
        await page.locator('#incident-endedAt-date').fill('2022-01-04');
        await page.locator('#section-time').click();
        await expect(page.locator('#incident-endedAt-date')).toBeHidden();
        await page.keyboard.press('Control+s');
        const summary = page.locator('.error-summary');
        await expect(summary).toBeFocused();
        const link = summary.getByRole('link', { name: new RegExp(`^${field('endedAt')}`) });
        await expect(summary.getByRole('link')).toHaveCount(1);
        await link.click();
        await expect(page.locator('#incident-endedAt-date')).toBeFocused();
        await expect(page.locator('#section-time').locator('xpath=ancestor::details')).toHaveAttribute('open', '');
        await expectNoAxeViolations(page, `the error summary (${lng})`);
      });

      await test.step('Ctrl+S saves a record of only the required fields', async () => {
        await page.locator('#incident-endedAt-date').fill('');
        await expect(bar.locator('.required-left')).toHaveText(text('incidents:form.requiredDone'));
        await page.locator('#incident-title').focus();
        await page.keyboard.press('Control+s');
        await expect(page).toHaveURL(/#\/incident\/[0-9a-f-]{36}$/);
        await expect(page.getByRole('heading', { level: 1, name: 'Mobile internet cut in Zhanaozen' })).toBeVisible();
      });

      await test.step('the list: "/" and Ctrl+F reach the search, the filters wait behind one button, rows start high', async () => {
        await page.setViewportSize({ width: 1024, height: 800 });
        await page.locator('main h1').first().focus();
        await page.keyboard.press('Control+f');
        await expect(page).toHaveURL(/#\/(\?.*)?$/);
        await expect(page.locator('#incident-search')).toBeFocused();
        await page.locator('main h1').first().focus();
        await page.keyboard.press('/');
        await expect(page.locator('#incident-search')).toBeFocused();
        const toggle = page.getByRole('button', { name: text('common:filters.toggle'), exact: true });
        await expect(toggle).toHaveAttribute('aria-expanded', 'false');
        await expect(page.locator('#incident-filter-kind')).toBeHidden();
        const row = page.getByRole('link', { name: 'Mobile internet cut in Zhanaozen' });
        await expect(row).toBeVisible();
        expect((await row.boundingBox())!.y, 'first row in the top half').toBeLessThan(400);
        await toggle.click();
        await expect(toggle).toHaveAttribute('aria-expanded', 'true');
        await page.locator('#incident-filter-kind').selectOption('mobile_data');
        await expect(page.getByRole('button', { name: text('common:filters.toggleActive_one', { count: 1 }) })).toBeVisible();
        await expectNoAxeViolations(page, `the list with its filters open (${lng})`);
      });

      await test.step('the navigation: a sidebar in groups at the usual size, one row with a Menu button at 200 % text', async () => {
        const nav = page.getByRole('navigation', { name: text('common:nav.label') });
        const menu = nav.getByRole('button', { name: text('common:nav.menu') });
        await expect(menu).toBeHidden();
        await expect(nav.getByRole('link', { name: text('common:nav.incidents'), exact: true })).toHaveAttribute('aria-current', 'page');
        await expect(nav.getByRole('list', { name: text('common:nav.groups.bundles') })).toBeVisible();
        // Every link on its own line, none broken over two rows of the sidebar beside another.
        const boxes = await nav.getByRole('link').evaluateAll((links) => links.map((link) => link.getBoundingClientRect().left));
        expect(new Set(boxes.map(Math.round)).size).toBe(1);

        await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
        await expect(menu).toBeVisible();
        await expect(menu).toHaveAttribute('aria-expanded', 'false');
        await expect(nav.getByRole('link', { name: text('common:nav.settings'), exact: true })).toBeHidden();
        const header = (await page.locator('header.app-header').boundingBox())!;
        expect(header.height, 'the banner at 200 % text').toBeLessThanOrEqual(120);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await menu.click();
        await expect(menu).toHaveAttribute('aria-expanded', 'true');
        await nav.getByRole('link', { name: text('common:nav.settings'), exact: true }).click();
        await expect(page).toHaveURL(/#\/settings$/);
        await expect(menu).toHaveAttribute('aria-expanded', 'false');
        await menu.click();
        await page.keyboard.press('Escape');
        await expect(menu).toHaveAttribute('aria-expanded', 'false');
        await expect(menu).toBeFocused();
        await expectNoAxeViolations(page, `settings at 200 % text (${lng})`);
        await page.evaluate(() => (document.documentElement.style.fontSize = ''));
      });

      await test.step('Settings lists the shortcuts, translated', async () => {
        const section = page.getByRole('region', { name: text('common:shortcuts.title') });
        await expect(section).toContainText(text('common:shortcuts.newRecord'));
        await expect(section).toContainText('Alt+N');
        await expect(section).toContainText(text('common:shortcuts.save'));
        await expectNoRawKeys(page, `settings (${lng})`);
      });
      expect(dalel.missingKeys).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.externalRequests).toEqual([]);
    });
  });
}
