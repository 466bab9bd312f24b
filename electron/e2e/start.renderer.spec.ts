/**
 * The start screen: making an archive in a folder picked with the folder
 * dialog (answered by the harness), opening an existing encrypted archive
 * (which asks for its passphrase), and the translated message when a folder
 * holds no archive.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, testPassphrase } from './harness';

test('"Choose…" fills the folder from the dialog, and the archive is made there', async ({ dalel }) => {
  const { page } = dalel;
  await dalel.open();
  const create = page.locator('form[aria-labelledby="create-archive-title"]');
  await expect(create.getByLabel('Folder')).toHaveValue(join(dalel.dir, 'archive'));
  await create.getByRole('button', { name: 'Choose…' }).click();
  await expect(create.getByLabel('Folder')).toHaveValue(join(dalel.dir, 'chosen'));

  // The name is required, and says so next to the field.
  await create.getByRole('button', { name: 'Create archive' }).click();
  await expect(page.locator('#archive-name-error')).toHaveText('Required.');
  await expect(page.locator('#archive-name')).toHaveAttribute('aria-invalid', 'true');

  await page.locator('#archive-name').fill('Field notes');
  await create.getByLabel('Passphrase', { exact: true }).fill(testPassphrase);
  await create.getByLabel('Repeat the passphrase').fill(testPassphrase);
  await create.getByRole('button', { name: 'Create archive' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  await expect(page.locator('footer')).toContainText('Archive: Field notes');
  await expect(page.locator('footer .fingerprint')).toHaveText(/^SHA256:[A-Za-z0-9+/]{43}$/);
  expect(existsSync(join(dalel.dir, 'chosen'))).toBe(true);
  expect(existsSync(join(dalel.dir, 'archive'))).toBe(false);
  expect(dalel.externalRequests).toEqual([]);
});

test('an existing archive opens from the start screen with its passphrase; a folder without one gets a clear message', async ({ dalel }) => {
  const { page } = dalel;
  const existing = join(dalel.dir, 'existing');
  await dalel.createArchiveAt(existing, 'Shared archive');
  await dalel.open();

  const open = page.locator('form[aria-labelledby="open-archive-title"]');
  const missing = join(dalel.dir, 'nothing-here');
  await open.getByLabel('Folder').fill(missing);
  await open.getByRole('button', { name: 'Open archive' }).click();
  await expect(open.getByRole('alert')).toHaveText(`There is no archive at ${missing}.`);

  await open.getByLabel('Folder').fill(existing);
  await open.getByRole('button', { name: 'Open archive' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the archive' })).toBeVisible();
  await expect(page.locator('.unlock-form')).toContainText(existing);
  await page.getByLabel('Passphrase', { exact: true }).fill(testPassphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  await expect(page.locator('footer')).toContainText('Archive: Shared archive');
  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.pageErrors).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});
