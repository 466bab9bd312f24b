/**
 * The overview and the first run, in the built UI against the real engine:
 * the overview's numbers read from the charts' text alternatives, a bar that
 * leads to the filtered list; the welcome in the OS language or the one
 * chosen, the new archive's fingerprint as `key:show` gives it, and the
 * illustrative sample archive opened with its incidents listed. axe, raw
 * keys and English left over are checked on each new screen in en, ru, kk.
 */
import type { Page } from '@playwright/test';
import type { DalelApi } from '../../shared/ipc';
import { expect, test } from './harness';
import { localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

/** The rows of a chart's text alternative (the visually hidden table), cell by cell. */
async function chartTable(page: Page, chart: string): Promise<string[][]> {
  return page
    .locator(`#${chart} table.chart-data tbody tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? '')));
}

async function saveEffect(page: Page, data: Record<string, unknown>): Promise<void> {
  const result = await page.evaluate(
    (effect) => (window as unknown as { dalel: DalelApi }).dalel.records.save({ type: 'effect', data: effect }),
    data,
  );
  if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result.error)}`);
}

test('the overview counts incidents, effects and people, and a category bar opens the effects of that category', async ({ dalel }) => {
  test.setTimeout(120_000); // three axe runs and nine saves, on a busy machine
  const { page } = dalel;
  await dalel.open();
  await expectNoAxeViolations(page, 'the welcome (en)');
  await createArchive(dalel, 'Almaty defenders', null);
  const ids: string[] = [];
  for (const incident of sampleIncidents) ids.push(await saveIncidentDirectly(page, incident));
  const effect = (category: string, day: string, extra: Record<string, unknown> = {}) => ({
    incident: ids[1],
    category,
    severity: 'high',
    occurredAt: { at: `${day}T12:00+06:00`, precision: 'hour' },
    ...extra,
  });
  await saveEffect(page, effect('medical_care', '2022-01-06', { area: { code: 'KZ-75' }, peopleAffected: { count: 40, precision: 'estimate' } }));
  await saveEffect(page, effect('medical_care', '2022-01-07', { area: { code: 'KZ-75' } }));
  await saveEffect(page, effect('banking_payments', '2022-01-12', { area: { code: 'KZ-71' }, peopleAffected: { count: 2, precision: 'exact' } }));

  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const counts = page.locator('.overview-counts');
  await expect(counts).toContainText('3 incidents');
  await expect(counts).toContainText('1 still ongoing');
  await expect(counts).toContainText('3 effects on people');
  await expect(counts).toContainText('42 people affected');
  await expect(counts).toContainText('counted in 2 effects');

  expect(await chartTable(page, 'chart-by-category')).toEqual([
    ['Medical care', '2'],
    ['Banking and payments', '1'],
  ]);
  expect(await chartTable(page, 'chart-by-area')).toEqual([
    ['Almaty', '2'],
    ['Astana', '1'],
  ]);
  // Almaty is named by the nationwide incident and the evening blocking, which is still going on.
  const timeline = await chartTable(page, 'chart-timeline');
  expect(timeline).toContainEqual(['Almaty', '2', 'Jan 5, 2022', 'ongoing']);
  expect(timeline).toContainEqual(['Mangystau Region', '1', 'Jan 2, 2022', 'Jan 3, 2022']);
  expect(await chartTable(page, 'chart-over-time')).toEqual([
    ['week of Jan 3, 2022', '2'],
    ['week of Jan 10, 2022', '1'],
  ]);
  await expectNoAxeViolations(page, 'the overview (en)');
  await expectNoRawKeys(page, 'the overview (en)');

  await page.getByRole('link', { name: 'Medical care: 2 effects, show them' }).click();
  await expect(page).toHaveURL(/#\/effects\?category=medical_care$/);
  await page.goBack();
  await page.getByRole('link', { name: 'Almaty: 2 incidents, show them' }).click();
  await expect(page).toHaveURL(/#\/\?area=KZ-75$/);
  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.pageErrors).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});

test('first run in the language chosen on the welcome: the archive is made and its fingerprint is the one key:show gives', async ({ dalel }) => {
  test.setTimeout(120_000);
  const { page, engine } = dalel;
  const ru = (key: string, params?: Record<string, string | number>) => localeText('ru', key, params);
  await dalel.open();
  await page.getByLabel('Language of the app').selectOption('ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru('common:start.title'));
  await expect(page.locator('.welcome-steps li')).toHaveText([ru('welcome:steps.language'), ru('welcome:steps.create'), ru('welcome:steps.key')]);
  await expect(page.getByRole('button', { name: ru('welcome:sample.button') })).toBeVisible();
  await expectNoRawKeys(page, 'the welcome (ru)');
  await expectNoAxeViolations(page, 'the welcome (ru)');

  await createArchive(dalel, 'Правозащитники Алматы');
  const step = page.getByRole('region', { name: ru('welcome:key.title') });
  const shown = await engine.dispatch('key:show', {});
  if (!shown.ok) throw new Error('key:show failed');
  await expect(step.locator('.fingerprint')).toHaveText((shown.value as { fingerprint: string }).fingerprint);
  await expect(step).toContainText(ru('welcome:key.share'));
  await expectNoRawKeys(page, 'the key step (ru)');
  await expectNoAxeViolations(page, 'the key step (ru)');
  await step.getByRole('button', { name: ru('welcome:key.done') }).click();
  await expect(step).toHaveCount(0);

  await page.getByRole('link', { name: ru('overview:nav') }).click();
  await expect(page.getByRole('heading', { level: 2, name: ru('overview:empty.title') })).toBeVisible();
  await expectNoAxeViolations(page, 'the empty overview (ru)');
  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.pageErrors).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});

test.describe('with a Kazakh OS', () => {
  test.use({ osLocale: 'kk-KZ' });

  test('the welcome speaks Kazakh, and the sample archive opens, marked illustrative, with its incidents listed', async ({ dalel }) => {
    const { page } = dalel;
    const kk = (key: string) => localeText('kk', key);
    await dalel.open();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(kk('common:start.title'));
    await expect(page.getByLabel(kk('welcome:language.label'))).toHaveValue('kk');
    const sample = page.getByRole('region', { name: kk('welcome:sample.title') });
    await expect(sample).toContainText(kk('welcome:sample.illustrative'));
    await expectNoRawKeys(page, 'the welcome (kk)');
    await expectNoAxeViolations(page, 'the welcome (kk)');

    await sample.getByRole('button', { name: kk('welcome:sample.button') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(kk('incidents:list.title'));
    await expect(page.locator('footer')).toContainText(kk('welcome:sample.archiveName'));
    await expect(page.getByRole('link', { name: /^\[Illustrative sample\]/ })).toHaveCount(3);
    await expect(page.getByRole('link', { name: /Near-total nationwide internet shutdown/ })).toBeVisible();

    await page.getByRole('link', { name: kk('overview:nav') }).click();
    await expect(page.locator('.overview-counts')).toContainText(`3 ${localeText('kk', 'overview:counts.incidents_other')}`);
    const timeline = await chartTable(page, 'chart-timeline');
    expect(timeline.map((row) => row.slice(0, 2))).toContainEqual([kk('overview:area.national'), '1']);
    await expectNoRawKeys(page, 'the overview (kk)');
    await expectNoAxeViolations(page, 'the overview (kk)');
    expect(dalel.missingKeys).toEqual([]);
    expect(dalel.pageErrors).toEqual([]);
    expect(dalel.externalRequests).toEqual([]);
  });
});
