/**
 * Nothing typed is lost (issue 21), in the built UI against the real engine,
 * in English, Russian and Kazakh: an incident form filled halfway asks before
 * a menu link leaves it ("Keep editing" focused first); Ctrl+L locks at once,
 * without asking, and what was typed a moment before is in the draft; after
 * unlocking, and after a restart (the archive closed, the app reloaded), the
 * form comes back filled, with a notice saying so; saving deletes the draft.
 * A testimony's draft: Cancel and the browser's Back ask too, "Leave — the
 * draft stays saved" keeps it, a lock while the question is open does not
 * wait for it, "Discard draft" empties the form. axe finds nothing on the
 * dialog or the notice.
 */
import type { Page } from '@playwright/test';
import type { DalelApi } from '../../shared/ipc';
import { expect, test, testPassphrase } from './harness';
import { localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations } from './rendererSteps';

const locales = { en: 'en-US', ru: 'ru-RU', kk: 'kk-KZ' } as const;

async function unlock(page: Page) {
  await page.locator('#unlock-passphrase').fill(testPassphrase);
  await page.locator('#unlock-passphrase').press('Enter');
  await expect(page.getByRole('navigation')).toBeVisible();
}

/** The draft the engine keeps for a form, as the page would read it. */
async function storedDraft(page: Page, key: string): Promise<unknown> {
  const result = await page.evaluate((draftKey) => (window as unknown as { dalel: DalelApi }).dalel.drafts.get({ key: draftKey }), key);
  if (!result.ok) throw new Error(`drafts:get failed: ${result.error.code}`);
  return result.value.draft;
}

for (const lng of ['en', 'ru', 'kk'] as const) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale: locales[lng] });

    test(`a form filled halfway survives leaving, a lock and a restart (${lng})`, async ({ dalel }) => {
      test.setTimeout(240_000);
      const text = (key: string) => localeText(lng, key);
      const { page } = dalel;
      const title = `Жаңаөзен — ${lng}`;
      await dalel.open();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await createArchive(dalel);
      const dialog = page.getByRole('dialog', { name: text('common:drafts.leave.title') });
      const notice = page.locator('.draft-notice');
      let incidentUrl = '';

      await test.step('a menu link asks before leaving a changed form; "Keep editing" is the default', async () => {
        await page.getByRole('navigation').locator('a[href="#/new"]').first().click();
        await expect(page.locator('#incident-title')).toBeVisible();
        await expect(notice).toHaveCount(0);
        // An untouched form is left without a question.
        await page.getByRole('navigation').locator('a[href="#/"]').first().click();
        await expect(page).toHaveURL(/#\/$/);
        await page.getByRole('navigation').locator('a[href="#/new"]').first().click();
        await page.locator('#incident-title').fill(title);
        await page.getByRole('navigation').locator('a[href="#/"]').first().click();
        await expect(dialog).toBeVisible();
        await expect(dialog.getByRole('button', { name: text('common:drafts.leave.stay'), exact: true })).toBeFocused();
        await expect(dialog.getByRole('button', { name: text('common:drafts.leave.keep'), exact: true })).toBeVisible();
        await expect(dialog.getByRole('button', { name: text('common:drafts.leave.discard'), exact: true })).toBeVisible();
        await expectNoAxeViolations(page, `the leave dialog (${lng})`);
        // Its words, not keys (the whole page's check would read the form's own hints behind it).
        await expect(dialog.locator('p')).toHaveText(text('common:drafts.leave.body'));
        await dialog.getByRole('button', { name: text('common:drafts.leave.stay'), exact: true }).click();
        await expect(dialog).toBeHidden();
        await expect(page).toHaveURL(/#\/new$/);
        await expect(page.locator('#incident-title')).toHaveValue(title);
      });

      await test.step('Ctrl+L locks at once, and what was typed just before is in the draft', async () => {
        await page.locator('#incident-summary').fill('Mobile data cut at 16:00');
        await page.keyboard.press('Control+L');
        await expect(page.locator('#unlock-passphrase')).toBeVisible();
        await expect(dialog).toBeHidden();
        // SECURITY: locked, the engine gives no draft back.
        const locked = await page.evaluate(() => (window as unknown as { dalel: DalelApi }).dalel.drafts.get({ key: 'new' }));
        expect(locked).toEqual({ ok: false, error: { code: 'noArchive' } });
        await unlock(page);
        await page.getByRole('navigation').locator('a[href="#/new"]').first().click();
        await expect(page.locator('#incident-title')).toHaveValue(title);
        await expect(page.locator('#incident-summary')).toHaveValue('Mobile data cut at 16:00');
        await expect(notice).toContainText(localeText(lng, 'common:drafts.restored', { date: '@' }).split('@')[0]!.trim());
        await expectNoAxeViolations(page, `the restored draft notice (${lng})`);
        await expect(notice.getByRole('button')).toHaveText(text('common:drafts.discard'));
      });

      await test.step('after a restart the form is still restored; saving deletes the draft', async () => {
        await dalel.engine.close();
        await page.reload();
        await unlock(page);
        await page.getByRole('navigation').locator('a[href="#/new"]').first().click();
        await expect(page.locator('#incident-title')).toHaveValue(title);
        await expect(notice).toBeVisible();
        await page.locator('#incident-scope-local').check();
        await page.locator('#incident-kinds-mobile_data').check();
        await page.locator('#incident-startedAt-date').fill('2022-01-05');
        await page.getByRole('button', { name: text('common:actions.save'), exact: true }).first().click();
        await expect(page).toHaveURL(/#\/incident\/[0-9a-f-]{36}$/);
        await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
        incidentUrl = page.url();
        expect(await storedDraft(page, 'new')).toBeNull();
        await page.getByRole('navigation').locator('a[href="#/new"]').first().click();
        await expect(page.locator('#incident-title')).toHaveValue('');
        await expect(notice).toHaveCount(0);
      });

      await test.step('a testimony: Cancel and Back ask; leaving keeps the draft, discarding empties the form', async () => {
        const incidentId = /#\/incident\/([0-9a-f-]{36})$/.exec(incidentUrl)![1]!;
        const newSource = (id: string) => (window.location.hash = `#/incident/${id}/sources/new`);
        await page.evaluate(newSource, incidentId);
        await page.locator('#source-kind').selectOption('testimony');
        await page.locator('#source-title').fill(`Pharmacist, Almaty (${lng})`);
        await page.locator('#source-content').fill('Card payments stopped on 5 January.');
        await page.getByRole('link', { name: text('common:actions.cancel'), exact: true }).first().click();
        await expect(dialog).toBeVisible();
        await dialog.getByRole('button', { name: text('common:drafts.leave.keep'), exact: true }).click();
        await expect(page).toHaveURL(incidentUrl);
        expect(await storedDraft(page, `newSource:${incidentId}`)).toMatchObject({ data: { title: `Pharmacist, Almaty (${lng})` } });

        await page.evaluate(newSource, incidentId);
        await expect(page.locator('#source-title')).toHaveValue(`Pharmacist, Almaty (${lng})`);
        await expect(page.locator('#source-content')).toHaveValue('Card payments stopped on 5 January.');
        await expect(notice).toBeVisible();
        // The browser's Back asks too, and the form stays as it was.
        await page.goBack();
        await expect(dialog).toBeVisible();
        await dialog.getByRole('button', { name: text('common:drafts.leave.stay'), exact: true }).click();
        await expect(page.locator('#source-title')).toHaveValue(`Pharmacist, Almaty (${lng})`);

        // SECURITY: a lock while the question is open does not wait for an answer.
        await page.locator('#source-content').fill('Card payments stopped on 5 January, at 16:00.');
        await page.goBack();
        await expect(dialog).toBeVisible();
        await page.keyboard.press('Control+L');
        await expect(page.locator('#unlock-passphrase')).toBeVisible();
        await expect(dialog).toBeHidden();
        await unlock(page);
        await page.evaluate(newSource, incidentId);
        await expect(page.locator('#source-content')).toHaveValue('Card payments stopped on 5 January, at 16:00.');

        await notice.getByRole('button', { name: text('common:drafts.discard'), exact: true }).click();
        await expect(notice).toHaveCount(0);
        await expect(page.locator('#source-title')).toHaveValue('');
        expect(await storedDraft(page, `newSource:${incidentId}`)).toBeNull();
        // Nothing left to lose: Cancel leaves without asking.
        await page.getByRole('link', { name: text('common:actions.cancel'), exact: true }).first().click();
        await expect(page).toHaveURL(incidentUrl);
        await expect(dialog).toBeHidden();
      });

      expect(dalel.missingKeys).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.externalRequests).toEqual([]);
    });
  });
}
