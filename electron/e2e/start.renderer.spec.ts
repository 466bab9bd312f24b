/**
 * The start screen: making an archive in a folder picked with the folder
 * dialog (answered by the harness), opening an existing encrypted archive
 * (which asks for its passphrase), and the translated message when a folder
 * holds no archive; the notice that names a damaged record while the rest
 * of the archive stays usable, and its export refused until the person
 * chooses to leave that record out; an archive whose custody log was forked,
 * which the open offers to check and repair; and the same check and repair
 * from Settings on an open archive.
 */
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, testPassphrase } from './harness';
import { expectNoAxeViolations } from './rendererSteps';

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

test('an archive with a damaged record opens, names that record, and shows the rest', async ({ dalel }) => {
  const { page, engine } = dalel;
  const path = join(dalel.dir, 'damaged');
  await dalel.createArchiveAt(path, 'Damaged archive', null);
  await engine.dispatch('archive:open', { path });
  const incident = (title: string) => ({
    title,
    scope: 'local',
    kinds: ['mobile_data'],
    startedAt: { at: '2022-01-05T10:00+06:00', precision: 'hour' },
  });
  const kept = await engine.dispatch('records:save', { type: 'incident', data: incident('Kept record') });
  const altered = await engine.dispatch('records:save', { type: 'incident', data: incident('Record to alter') });
  if (!kept.ok || !altered.ok) throw new Error('could not save the records');
  const { recordId } = altered.value as { recordId: string };
  const file = join(path, 'records', recordId.slice(0, 2), `${recordId}.json`);
  await writeFile(file, (await readFile(file, 'utf8')).replace('Record to alter', 'Record altered!'));
  await engine.dispatch('archive:open', { path });

  await dalel.open();
  const notice = page.locator('.damage-notice');
  await expect(notice.getByRole('heading', { name: '1 record of this archive could not be read' })).toBeVisible();
  await expect(notice).toContainText(`Record ${recordId} — its content does not match its signature (altered)`);
  await expect(page.getByRole('link', { name: 'Kept record' })).toBeVisible();
  await expect(page.getByText('Record altered!')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the damage notice');

  // Its export is refused until the person chooses to leave the damaged record out; then the bundle says so.
  await page.getByRole('navigation').getByRole('link', { name: 'Export', exact: true }).click();
  const leaveOut = page.getByLabel('Leave out the records of the 1 damaged record file, and say so in the bundle and its report');
  await expect(leaveOut).not.toBeChecked();
  await page.getByRole('button', { name: 'Export bundle', exact: true }).click();
  await expect(page.locator('.error-message')).toContainText(
    '1 record file of this archive is damaged or was altered, so its records cannot be exported.',
    { timeout: 60_000 },
  );
  await leaveOut.check();
  await expectNoAxeViolations(page, 'the export of a damaged archive');
  await page.getByRole('button', { name: 'Export bundle', exact: true }).click();
  await expect(page.locator('.export-result')).toContainText('1 damaged or altered record file of the archive left out', { timeout: 60_000 });
  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});

test('an archive whose custody log two writers forked: the open offers a check and a repair, and then opens with every record', async ({ dalel }) => {
  const { page } = dalel;
  const path = join(dalel.dir, 'forked');
  const { Archive } = await import('../engine/archive');
  const archive = await Archive.create(path, { name: 'Forked archive', organization: '', passphrase: null, scryptCost: 2 ** 12 });
  const titles = ['Almaty', 'Zhanaozen', 'Aktau'];
  for (const title of titles) await archive.save({ type: 'incident', data: { title, scope: 'local', kinds: ['mobile_data'], startedAt: { at: '2022-01-05T10:00+06:00', precision: 'hour' } } });
  await archive.close();
  // The last line written as a second writer would have: after the same line as the one before it.
  const log = join(path, 'custody.log');
  const lines = (await readFile(log, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
  const [before, last] = lines.slice(-2);
  const { hash: _hash, ...body } = { ...last, seq: before.seq, prev: before.prev };
  lines[lines.length - 1] = { ...body, hash: createHash('sha256').update(canonicalize(body)!).digest('hex') };
  await writeFile(log, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');

  await dalel.open();
  const open = page.locator('form[aria-labelledby="open-archive-title"]');
  await open.getByLabel('Folder').fill(path);
  await open.getByRole('button', { name: 'Open archive' }).click();
  await expect(open.getByRole('alert')).toContainText('The custody log is broken at line 4');
  const repair = page.locator('section[aria-labelledby="open-repair-title"]');
  await repair.getByRole('button', { name: 'Check the archive' }).click();
  await expect(repair.locator('.repair-problems')).toHaveText('Custody log: at line 4 two programs wrote at the same time (a fork).');
  await expectNoAxeViolations(page, 'a check that found a fork');
  await repair.getByRole('button', { name: 'Repair the archive' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible({ timeout: 60_000 });
  for (const title of titles) await expect(page.getByRole('link', { name: title })).toBeVisible();
  const repaired = (await readFile(log, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
  expect(repaired.at(-1)).toMatchObject({ action: 'archive_repaired', seq: 4 });
  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});

test('Settings check the open archive and repair it: the altered record is set aside and the archive opens again without it', async ({ dalel }) => {
  const { page, engine } = dalel;
  const path = join(dalel.dir, 'to-repair');
  await dalel.createArchiveAt(path, 'Archive to repair', null);
  await engine.dispatch('archive:open', { path });
  const incident = (title: string) => ({ title, scope: 'local', kinds: ['mobile_data'], startedAt: { at: '2022-01-05T10:00+06:00', precision: 'hour' } });
  await engine.dispatch('records:save', { type: 'incident', data: incident('Kept record') });
  const altered = await engine.dispatch('records:save', { type: 'incident', data: incident('Record to alter') });
  if (!altered.ok) throw new Error('could not save the record');
  const { recordId } = altered.value as { recordId: string };
  const file = join(path, 'records', recordId.slice(0, 2), `${recordId}.json`);
  await writeFile(file, (await readFile(file, 'utf8')).replace('Record to alter', 'Record altered!'));
  await engine.dispatch('archive:open', { path });

  await dalel.open();
  await expect(page.locator('.damage-notice')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
  const section = page.locator('section[aria-labelledby="settings-repair-title"]');
  await section.getByRole('button', { name: 'Check the archive' }).click();
  await expect(section.locator('.repair-problems')).toHaveText(`Record file records/${recordId.slice(0, 2)}/${recordId}.json was altered: a signature does not match.`);
  await expectNoAxeViolations(page, 'Settings, a check that found an altered record');
  await section.getByRole('button', { name: 'Repair the archive' }).click();
  await expect(section.locator('.repair-done')).toContainText('Repaired.', { timeout: 60_000 });
  await expect(page.locator('.damage-notice')).toHaveCount(0);
  // The altered file itself is kept, set aside inside the archive.
  expect(existsSync(file)).toBe(false);
  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});
