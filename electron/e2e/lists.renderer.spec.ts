/**
 * The incidents, effects and sources lists as a lawyer uses them, in the
 * built UI against the real engine: links in the overview's exact formats
 * open the lists filtered (`#/?kind=…&area=…&from=…&to=…`,
 * `#/effects?category=…&area=…&severity=…`, `#/sources?kind=…&consent=…`),
 * what is typed and chosen goes back into the address, headers sort, a
 * saved view is a link that lasts until the archive is locked, and every
 * list passes axe with no raw keys, in English and Kazakh.
 */
import type { Page } from '@playwright/test';
import type { DalelApi } from '../../shared/ipc';
import { appOrigin, expect, test, testPassphrase } from './harness';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, openListFilters, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

async function save(page: Page, type: 'effect' | 'source', data: Record<string, unknown>): Promise<string> {
  const result = await page.evaluate(({ type, data }) => (window as unknown as { dalel: DalelApi }).dalel.records.save({ type, data }), { type, data });
  if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result.error)}`);
  return result.value.recordId;
}

const consent = (shareWithLawyers: boolean, publish: boolean) => ({
  store: true,
  shareWithLawyers,
  publish,
  givenAt: { at: '2022-01-08T12:00+06:00' },
  method: 'verbal',
});

async function fillArchive(page: Page): Promise<void> {
  const [zhanaozen, nationwide] = [await saveIncidentDirectly(page, sampleIncidents[0]!), await saveIncidentDirectly(page, sampleIncidents[1]!)];
  await saveIncidentDirectly(page, sampleIncidents[2]!);
  await save(page, 'effect', {
    incident: nationwide,
    category: 'medical_care',
    severity: 'critical',
    description: 'Ambulances could not be called in Almaty',
    area: { code: 'KZ-75' },
    occurredAt: { at: '2022-01-06T02:00+06:00' },
  });
  await save(page, 'effect', {
    incident: nationwide,
    category: 'banking_payments',
    severity: 'high',
    description: 'Карты не принимались, банкоматы не работали',
    area: { code: 'KZ-75' },
    occurredAt: { at: '2022-01-07T10:00+06:00' },
  });
  await save(page, 'effect', {
    incident: zhanaozen,
    category: 'medical_care',
    severity: 'medium',
    description: 'Pharmacy could not check prescriptions',
    area: { code: 'KZ-47' },
    occurredAt: { at: '2022-02-03T10:00+05:00' },
  });
  await save(page, 'source', { kind: 'official_statement', title: 'Statement of the ministry', content: 'Ограничения связи введены' });
  await save(page, 'source', { kind: 'testimony', title: 'Nurse at the city hospital', person: { name: 'Айгүл', role: 'witness' }, consent: consent(false, false) });
  await save(page, 'source', { kind: 'testimony', title: 'Taxi driver', consent: consent(true, true) });
}

const rowsOf = (page: Page, table: string) => page.locator(`.${table} tbody tr`);

test('the lists open filtered from links, keep their filters in the address, sort, and save views for the session', async ({ dalel }) => {
  test.setTimeout(180_000);
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);
  await fillArchive(page);

  await test.step('effects: the nav link, then a link in the overview format', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Effects', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Effects on people' })).toBeFocused();
    await expect(rowsOf(page, 'effect-table')).toHaveCount(3);
    await expect(page.getByRole('status')).toHaveText('Showing 3 of 3 effects');
    await expectNoAxeViolations(page, 'the effects list');

    await page.goto(`${appOrigin}/#/effects?category=medical_care&area=KZ-75&from=2022-01-01&to=2022-01-31`);
    await expect(page.locator('#effect-filter-category')).toHaveValue('medical_care');
    await expect(page.locator('#effect-filter-area')).toHaveValue('code:KZ-75');
    await expect(page.locator('#effect-range-from')).toHaveValue('2022-01-01');
    await expect(page.locator('#effect-range-to')).toHaveValue('2022-01-31');
    await expect(rowsOf(page, 'effect-table')).toHaveCount(1);
    await expect(rowsOf(page, 'effect-table').first()).toContainText('Ambulances could not be called in Almaty');
    await expect(rowsOf(page, 'effect-table').first()).toContainText('Nationwide shutdown, January 2022');

    await openListFilters(page);
    await page.getByLabel('Category').selectOption('');
    await expect(page).toHaveURL(/#\/effects\?area=KZ-75&from=2022-01-01&to=2022-01-31$/);
    await expect(rowsOf(page, 'effect-table')).toHaveCount(2);
    await page.getByLabel('Severity', { exact: true }).selectOption('critical');
    await expect(rowsOf(page, 'effect-table')).toHaveCount(1);
    await expect(page).toHaveURL(/severity=critical/);
  });

  await test.step('effects: a header sorts, and says so', async () => {
    await page.goto(`${appOrigin}/#/effects`);
    const severity = page.getByRole('columnheader', { name: 'Severity' });
    await severity.getByRole('button').click();
    await expect(severity).toHaveAttribute('aria-sort', 'descending');
    await expect(page).toHaveURL(/#\/effects\?sort=severity$/);
    await expect(rowsOf(page, 'effect-table').first()).toContainText('Critical');
    await severity.getByRole('button').click();
    await expect(severity).toHaveAttribute('aria-sort', 'ascending');
    await expect(rowsOf(page, 'effect-table').first()).toContainText('Medium');
    await expect(page).toHaveURL(/sort=severity&order=asc$/);
  });

  await test.step('sources: kind and consent from the address, search into the address after a pause', async () => {
    await page.goto(`${appOrigin}/#/sources?kind=testimony&consent=share_with_lawyers`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
    await expect(rowsOf(page, 'source-table')).toHaveCount(1);
    await expect(rowsOf(page, 'source-table').first()).toContainText('Taxi driver');
    await expect(rowsOf(page, 'source-table').first()).toContainText('Lawyers, no name: Yes · Lawyers, named: No');
    await openListFilters(page);
    await page.getByLabel('Consent', { exact: true }).selectOption({ label: 'No consent recorded' });
    await expect(page.getByText('Nothing matches')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(rowsOf(page, 'source-table')).toHaveCount(3);
    await page.getByLabel('Search', { exact: true }).fill('айгүл');
    await expect(rowsOf(page, 'source-table')).toHaveCount(1);
    await expect(page).toHaveURL(/#\/sources\?q=%D0%B0/);
    await expectNoAxeViolations(page, 'the sources list');
  });

  await test.step('incidents: every filter of the overview link, and the controls show them', async () => {
    await page.goto(`${appOrigin}/#/?kind=full_network&area=KZ-75&from=2022-01-06&to=2022-01-06`);
    await expect(page.locator('#incident-filter-kind')).toHaveValue('full_network');
    await expect(page.locator('#incident-filter-area')).toHaveValue('code:KZ-75');
    await expect(rowsOf(page, 'incident-table')).toHaveCount(1);
    await expect(rowsOf(page, 'incident-table').first()).toContainText('Nationwide shutdown, January 2022');
    // The Zhanaozen shutdown ended on the 3rd: not going on from the 4th.
    await page.goto(`${appOrigin}/#/?from=2022-01-04`);
    await expect(rowsOf(page, 'incident-table')).toHaveCount(2);
    await page.goto(`${appOrigin}/#/?q=kcell&sort=title`);
    await expect(page.getByLabel('Search', { exact: true })).toHaveValue('kcell');
    await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'ascending');
    await expect(rowsOf(page, 'incident-table')).toHaveCount(1);
    await expectNoAxeViolations(page, 'the filtered incident list');
  });

  await test.step('a saved view is a link that lasts while moving around, until the archive is locked', async () => {
    await page.goto(`${appOrigin}/#/?kind=full_network&sort=title`);
    await page.locator('.saved-views summary').click();
    await page.getByLabel('Name of this view').fill('Full shutdowns A–Z');
    await page.getByRole('button', { name: 'Save view' }).click();
    const view = page.getByRole('link', { name: 'Full shutdowns A–Z' });
    await expect(view).toHaveAttribute('href', '#/?kind=full_network&sort=title');
    await page.getByRole('navigation').getByRole('link', { name: 'Sources' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Incidents' }).click();
    await expect(page.getByLabel('Kind', { exact: true })).toHaveValue('');
    await view.click();
    await expect(page.getByLabel('Kind', { exact: true })).toHaveValue('full_network');
    await expect(rowsOf(page, 'incident-table')).toHaveCount(2);
    await expect(rowsOf(page, 'incident-table').first()).toContainText('Nationwide shutdown, January 2022');
    await expectNoAxeViolations(page, 'the list with a saved view');

    await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
    await page.locator('#unlock-passphrase').fill(testPassphrase);
    await page.locator('#unlock-passphrase').press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
    await expect(page.getByText('No saved views yet.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Full shutdowns A–Z' })).toHaveCount(0);
    const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
    expect(stored).toEqual({ local: 0, session: 0 });
  });

  await test.step('in Kazakh', async () => {
    await page.getByLabel('Language', { exact: true }).selectOption('kk');
    for (const [href, screen] of [
      ['#/effects', 'the effects list'],
      ['#/sources', 'the sources list'],
      ['#/?from=2022-01-01', 'the incident list'],
    ] as const) {
      await page.goto(`${appOrigin}/${href}`);
      await expect(page.locator('.result-count')).toContainText('Көрсетілгені');
      await expectNoRawKeys(page, `${screen} in Kazakh`);
      await expectNoAxeViolations(page, `${screen} in Kazakh`);
    }
  });

  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.pageErrors).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});
