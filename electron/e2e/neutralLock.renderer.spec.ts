/**
 * The neutral lock screen (issue 21, item 7), in the built UI against the
 * real engine, in English, Russian and Kazakh: once "Neutral lock screen" is
 * ticked in Settings, the locked screen and the window title say only
 * "Locked" (no app name, no tagline, no folder, no word of deleting),
 * while quick delete stays reachable from the keyboard behind "Other
 * options", with its one confirmation, and the screen has no axe violation.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, testPassphrase } from './harness';
import { createArchive, expectNoAxeViolations } from './rendererSteps';

const texts = {
  en: {
    setting: 'Neutral lock screen',
    saved: 'Saved.',
    locked: 'Locked',
    more: 'Other options',
    quickDelete: 'Quick delete…',
    deleteWord: /delet|destroy/i,
  },
  ru: {
    setting: 'Нейтральный экран блокировки',
    saved: 'Сохранено.',
    locked: 'Заблокировано',
    more: 'Другие действия',
    quickDelete: 'Быстрое удаление…',
    deleteWord: /удал|уничтож|delete/i,
  },
  kk: {
    setting: 'Бейтарап құлып экраны',
    saved: 'Сақталды.',
    locked: 'Құлыпталған',
    more: 'Басқа әрекеттер',
    quickDelete: 'Жылдам жою…',
    deleteWord: /жою|жойыл|delete/i,
  },
} as const;

const locales = { en: 'en-US', ru: 'ru-RU', kk: 'kk-KZ' } as const;

/** The app's tagline in that language, read from its strings so that a reworded one is still caught. */
const taglineOf = (lng: string): string =>
  (JSON.parse(readFileSync(new URL(`../../shared/i18n/locales/${lng}/common.json`, import.meta.url), 'utf8')) as { tagline: string }).tagline;

/** Presses Tab until the focused element's accessible text is `name` (at most a screen's worth of stops). */
async function tabTo(page: Page, name: string) {
  for (let stop = 0; stop < 15; stop += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === name) return;
  }
  throw new Error(`"${name}" is not reachable with Tab`);
}

for (const lng of ['en', 'ru', 'kk'] as const) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale: locales[lng] });

    test(`the neutral lock screen says nothing, and quick delete stays reachable (${lng})`, async ({ dalel }) => {
      test.setTimeout(180_000);
      const text = texts[lng];
      const { page } = dalel;
      const folder = join(dalel.dir, 'archive');
      await dalel.open();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await createArchive(dalel);
      await page.evaluate(() =>
        (window as unknown as { dalel: import('../../shared/ipc').DalelApi }).dalel.archive.setSafety({ quickDelete: true, unlockAttemptLimit: null }),
      );

      await test.step('ticked in Settings, saved at once', async () => {
        await page.evaluate(() => (window.location.hash = '#/settings'));
        await page.getByLabel(text.setting).check();
        await expect(page.locator('section[aria-labelledby="settings-preferences-title"] .save-note')).toHaveText(text.saved);
      });

      await test.step('locked: only "Locked", the passphrase field and Unlock', async () => {
        await page.keyboard.press('Control+L');
        await expect(page.getByRole('heading', { level: 1, name: text.locked })).toBeVisible();
        await expect(page.locator('#unlock-passphrase')).toBeFocused();
        const visible = await page.locator('body').innerText();
        // Nor anywhere in the page's source, hidden dialogs included: what is not shown is not there.
        const source = await page.locator('body').innerHTML();
        for (const shown of [visible, source]) {
          expect(shown).not.toContain(taglineOf(lng));
          expect(shown).not.toContain(folder);
          expect(shown).not.toContain('Dalel');
          expect(shown).not.toMatch(text.deleteWord);
        }
        expect(await page.title()).toBe(text.locked);
        await expect(page.locator('button.danger')).toHaveCount(0);
        await expectNoAxeViolations(page, `the neutral lock screen (${lng})`);
      });

      await test.step('quick delete: behind "Other options", by keyboard, with its confirmation', async () => {
        await tabTo(page, text.more);
        await expect(page.getByRole('button', { name: text.more })).toHaveAttribute('aria-expanded', 'false');
        await page.keyboard.press('Enter');
        await expect(page.getByRole('button', { name: text.more })).toHaveAttribute('aria-expanded', 'true');
        await tabTo(page, text.quickDelete);
        await expect(page.getByRole('button', { name: text.quickDelete })).not.toHaveClass(/danger/);
        await expectNoAxeViolations(page, `the neutral lock screen, options open (${lng})`);
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('alertdialog');
        await expect(dialog).toBeVisible();
        // Cancel has the focus: a stray Enter destroys nothing.
        await page.keyboard.press('Enter');
        await expect(dialog).toBeHidden();
      });

      await test.step('the passphrase opens the archive as before', async () => {
        await page.locator('#unlock-passphrase').fill(testPassphrase);
        await page.locator('#unlock-passphrase').press('Enter');
        await expect(page.getByRole('navigation').first()).toBeVisible();
        // Kept with this computer's preferences, outside the archive, so it is known before the next unlock.
        const settings = await page.evaluate(() => (window as unknown as { dalel: import('../../shared/ipc').DalelApi }).dalel.settings.get({}));
        expect(settings).toMatchObject({ ok: true, value: { neutralLock: true } });
      });
    });
  });
}
