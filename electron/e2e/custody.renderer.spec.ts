/**
 * The chain of custody on a record's page, in the built UI against the real
 * engine: every save and the retraction of an incident show as lines of the
 * archive's custody log, signed by this archive's key, each with its own
 * hash as the log holds it; the table reads in Kazakh too, passes axe, and
 * nothing leaves for the network.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, openFormSections } from './rendererSteps';

const custodyTable = (page: Page) => page.getByRole('table', { name: localeText('en', 'common:custody.caption') });

test('the custody chain lists each save and the retraction, with their hashes, in English and Kazakh', async ({ dalel }) => {
  test.setTimeout(120_000);
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);

  await test.step('record an incident through the form, then edit it once', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'New incident' }).click();
    await page.locator('#incident-title').fill('Mobile internet cut in Almaty');
    await page.locator('#incident-summary').fill('Mobile data stopped at 16:00.');
    await page.locator('#incident-scope-regional').check();
    await openFormSections(page);
    await page.getByLabel('Almaty', { exact: true }).check();
    await page.getByLabel('Mobile data cut').check();
    await page.locator('#incident-startedAt-date').fill('2022-01-05');
    await page.locator('#incident-startedAt-time').fill('16:00');
    await page.locator('#incident-startedAt-offset').selectOption('+06:00');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mobile internet cut in Almaty' })).toBeVisible();

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.locator('#incident-title').fill('Mobile internet cut in Almaty and Zhanaozen');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mobile internet cut in Almaty and Zhanaozen' })).toBeVisible();
  });

  const rows = custodyTable(page).locator('tbody tr');
  await test.step('the page shows both saves, by this archive’s key, with the log’s own hashes', async () => {
    await expect(page.getByRole('heading', { level: 2, name: 'Chain of custody' })).toBeVisible();
    await expect(page.locator('.custody-chain')).toContainText('carries the hash of the line before it');
    await expect(custodyTable(page).getByRole('columnheader')).toHaveText(['No.', 'When', 'What', 'By', 'Line hash']);
    await expect(rows).toHaveCount(2);
    for (const row of await rows.all()) {
      await expect(row.getByRole('cell').nth(1)).toHaveText('Record saved');
      await expect(row.getByRole('cell').nth(2)).toContainText("this archive's key SHA256:");
    }
    await expectNoAxeViolations(page, 'the incident page with its custody chain');
  });

  await test.step('retracting adds a third line, without a reload', async () => {
    await page.getByRole('button', { name: 'Retract…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retract this incident?' });
    // In Kazakh, so that no English on the Kazakh screen below comes from the user's own words.
    await dialog.getByLabel('Reason for retracting').fill('Қате екі рет енгізілген');
    await dialog.getByRole('button', { name: 'Retract incident' }).click();
    await expect(dialog).toBeHidden();
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(2).getByRole('cell').nth(1)).toHaveText('Record retracted');
    await expect(rows.nth(2).getByRole('cell').nth(2)).toContainText("this archive's key SHA256:");

    // Each line shows the first 12 hex of the hash the engine's log holds for it, the whole hash in its title.
    const recordId = decodeURIComponent(new URL(page.url()).hash.replace('#/incident/', ''));
    const listed = await dalel.engine.dispatch('custody:list', { recordId });
    if (!listed.ok) throw new Error(`custody:list failed: ${listed.error.code}`);
    const events = (listed.value as { events: { seq: number; hash: string }[] }).events;
    expect(events).toHaveLength(3);
    for (const [index, event] of events.entries()) {
      const row = rows.nth(index);
      await expect(row.getByRole('rowheader')).toHaveText(String(event.seq));
      await expect(row.locator('code')).toHaveAttribute('title', event.hash);
      await expect(row.locator('code [aria-hidden="true"]')).toHaveText(`${event.hash.slice(0, 12)}…`);
    }
    await expectNoAxeViolations(page, 'a retracted incident with its custody chain');
  });

  await test.step('in Kazakh, the table reads in Kazakh with no raw key', async () => {
    await page.getByLabel('Language', { exact: true }).selectOption('kk');
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    const kkTable = page.getByRole('table', { name: localeText('kk', 'common:custody.caption') });
    await expect(kkTable.getByRole('columnheader')).toHaveText(
      ['seq', 'at', 'action', 'actor', 'hash'].map((column) => localeText('kk', `common:custody.columns.${column}`)),
    );
    const actions = kkTable.locator('tbody tr td:nth-of-type(2)');
    await expect(actions).toHaveText([
      localeText('kk', 'taxonomy:custodyAction.record_saved'),
      localeText('kk', 'taxonomy:custodyAction.record_saved'),
      localeText('kk', 'taxonomy:custodyAction.record_retracted'),
    ]);
    await expect(kkTable.locator('tbody tr td:nth-of-type(3)').first()).toContainText(localeText('kk', 'common:custody.byOwn', { key: 'SHA256:' }).trim());
    await expectNoRawKeys(page, 'the incident page (kk)');
    await expectNoEnglishLeft(page, 'kk', 'the incident page');
    await expectNoAxeViolations(page, 'the incident page (kk)');
  });

  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.pageErrors).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});
