/**
 * SECURITY (issue 21, items 4 and 7, adversarial): once locked, the page
 * holds nothing of what was typed a moment before — a witness's name in a
 * testimony form, the words of the testimony, a name searched for — not in
 * the markup (hidden parts, live regions and head included), not in any
 * field's value, not in the window title, not in the address. What was
 * typed is in the sealed draft only, and comes back after unlocking. In the
 * built UI against the real engine, in English, Russian and Kazakh.
 */
import type { Page } from '@playwright/test';
import { expect, test, testPassphrase } from './harness';
import { createArchive, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

const locales = { en: 'en-US', ru: 'ru-RU', kk: 'kk-KZ' } as const;
const name = 'Aigerim Nurlanovna';
const words = 'They took my phone at the checkpoint';

/** Everything of the page a person at the screen, or a script in it, could read. */
const everything = (page: Page) =>
  page.evaluate(() =>
    [
      document.documentElement.outerHTML,
      document.title,
      window.location.href,
      ...[...document.querySelectorAll('input, textarea, select')].map((field) => (field as HTMLInputElement).value),
    ].join('\n'),
  );

for (const lng of ['en', 'ru', 'kk'] as const) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale: locales[lng] });
    test(`a lock leaves nothing typed in the page (${lng})`, async ({ dalel }) => {
      test.setTimeout(120_000);
      const { page } = dalel;
      await dalel.open();
      await createArchive(dalel);
      const incidentId = await saveIncidentDirectly(page, sampleIncidents[1]!);

      // A name searched for is in the address of the list; a lock leaves it behind.
      await page.evaluate((q) => (window.location.hash = `#/sources?q=${encodeURIComponent(q)}`), name);
      await expect(page.locator('#unlock-passphrase')).toHaveCount(0);
      await page.keyboard.press('Control+L');
      await expect(page.locator('#unlock-passphrase')).toBeVisible();
      const afterSearch = await everything(page);
      expect(afterSearch).not.toContain(encodeURIComponent(name));
      expect(afterSearch).not.toContain(name);
      await page.locator('#unlock-passphrase').fill(testPassphrase);
      await page.locator('#unlock-passphrase').press('Enter');
      await expect(page.locator('#unlock-passphrase')).toHaveCount(0);


      await page.evaluate((id) => (window.location.hash = `#/incident/${id}/sources/new`), incidentId);
      await page.locator('#source-kind').selectOption('testimony');
      await page.locator('#source-consent-keep-yes').check();
      await page.locator('#source-person-name').fill(name);
      await page.locator('#source-content').fill(words);
      expect(await everything(page)).toContain(name);

      await page.keyboard.press('Control+L');
      await expect(page.locator('#unlock-passphrase')).toBeVisible();
      const locked = await everything(page);
      expect(locked).not.toContain(name);
      expect(locked).not.toContain(words);

      await page.locator('#unlock-passphrase').fill(testPassphrase);
      await page.locator('#unlock-passphrase').press('Enter');
      await expect(page.locator('#unlock-passphrase')).toHaveCount(0);
      // Unlocked, the form comes back from its sealed draft.
      await page.evaluate((id) => (window.location.hash = `#/incident/${id}/sources/new`), incidentId);
      await expect(page.locator('#source-person-name')).toHaveValue(name);
      await expect(page.locator('#source-content')).toHaveValue(words);
    });
  });
}
