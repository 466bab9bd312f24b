/**
 * The overview and the first run, in the built UI against the real engine:
 * the overview's numbers read from the charts' text alternatives, bars for a
 * category and an area that, clicked or activated from the keyboard, open
 * the effects list showing only those effects, and the overview of a bulk
 * archive of 100k incidents; the welcome in the OS language or the one
 * chosen, the new archive's fingerprint as `key:show` gives it, and the
 * illustrative sample archive opened with its incidents listed. axe, raw
 * keys and English left over are checked on each new screen in en, ru, kk.
 */
import { register } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { DalelApi } from '../../shared/ipc';
import { appUrl, expect, test } from './harness';
import { localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

/** The rows of a chart's text alternative (the visually hidden table), cell by cell. */
async function chartTable(page: Page, chart: string): Promise<string[][]> {
  return page
    .locator(`#${chart} table.chart-data tbody tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? '')));
}

async function saveEffect(page: Page, data: Record<string, unknown>): Promise<string> {
  const result = await page.evaluate(
    (effect) => (window as unknown as { dalel: DalelApi }).dalel.records.save({ type: 'effect', data: effect }),
    data,
  );
  if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result.error)}`);
  return result.value.recordId;
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
  await expect(counts).toContainText('1 ongoing, as recorded');
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
  expect(timeline).toContainEqual(['Almaty', '2', 'Jan 5, 2022', 'Jan 10, 2022; ongoing: 1']);
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
    await expect(page.getByRole('link', { name: /^\[Illustrative sample\]/ })).toHaveCount(4);
    await expect(page.getByRole('link', { name: /Near-total nationwide internet shutdown/ })).toBeVisible();

    await page.getByRole('link', { name: kk('overview:nav') }).click();
    // Zhanaozen, Nur-Sultan and Almaty link to the nationwide shutdown: one shutdown, three more records about it.
    await expect(page.locator('.overview-counts')).toContainText(`1 ${localeText('kk', 'overview:counts.incidents_one')}`);
    await expect(page.locator('.overview-counts')).toContainText(localeText('kk', 'overview:counts.linked_other', { number: 3 }));
    // Zhanaozen's end was not recorded: counted as such, never as ongoing.
    await expect(page.locator('.overview-counts')).toContainText(localeText('kk', 'overview:counts.endNotRecorded_other', { number: 1 }));
    await expect(page.locator('.overview-counts')).not.toContainText(localeText('kk', 'overview:counts.ongoing_other', { number: 1 }));
    const timeline = await chartTable(page, 'chart-timeline');
    expect(timeline.map((row) => row.slice(0, 2))).toContainEqual([localeText('kk', 'overview:area.national', { country: localeText('kk', 'incidents:countries.KZ') }), '1']);
    await expectNoRawKeys(page, 'the overview (kk)');
    await expectNoAxeViolations(page, 'the overview (kk)');
    expect(dalel.missingKeys).toEqual([]);
    expect(dalel.pageErrors).toEqual([]);
    expect(dalel.externalRequests).toEqual([]);
  });
});

/** The effects list's rows and its count, as a user sees them. */
const effectRows = (page: Page) => page.locator('.effect-table tbody tr');
const effectsShowing = (shown: number, count: number) => localeText('en', `evidence:lists.effects.showing_${count === 1 ? 'one' : 'other'}`, { shown, count });

async function retractEffect(page: Page, recordId: string): Promise<void> {
  const result = await page.evaluate(async (id) => {
    const { dalel } = window as unknown as { dalel: DalelApi };
    const got = await dalel.records.get({ recordId: id });
    if (!got.ok) return got;
    return dalel.records.retract({ recordId: id, parent: got.value.summary.headId, reason: 'duplicate' });
  }, recordId);
  if (!result.ok) throw new Error(`retract failed: ${JSON.stringify(result.error)}`);
}

/** Follows a bar's link by a click or from the keyboard (focus, then Enter), and checks where it led. */
async function follow(page: Page, bar: Locator, how: 'click' | 'keyboard', url: RegExp): Promise<void> {
  if (how === 'click') await bar.click();
  else {
    await bar.focus();
    await expect(bar).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page).toHaveURL(url);
}

test('a category bar and an area bar, clicked or activated from the keyboard, open the effects list showing only those effects', async ({ dalel }) => {
  test.setTimeout(150_000);
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel, 'Almaty defenders', null);
  const incident = await saveIncidentDirectly(page, sampleIncidents[1]!);
  const effect = (category: string, code: string, description: string) => ({
    incident,
    category,
    severity: 'high',
    description,
    area: { code },
    occurredAt: { at: '2022-01-06T12:00+06:00', precision: 'hour' },
  });
  await saveEffect(page, effect('medical_care', 'KZ-75', 'Ambulances could not be called in Almaty'));
  await saveEffect(page, effect('medical_care', 'KZ-71', 'Hospital in Astana lost its patient records'));
  await saveEffect(page, effect('banking_payments', 'KZ-75', 'Card payments failed in Almaty shops'));
  await saveEffect(page, effect('education', 'KZ-79', 'Schools in Shymkent closed their online classes'));
  // Retracted: counted nowhere, listed nowhere.
  await retractEffect(page, await saveEffect(page, effect('medical_care', 'KZ-75', 'Entered twice by mistake')));

  const overview = `${appUrl}#/overview`;
  const byCategory = page.locator('#chart-by-category');
  const byArea = page.locator('#chart-by-area');
  for (const how of ['click', 'keyboard'] as const) {
    await test.step(`a category bar (${how})`, async () => {
      await page.goto(overview);
      await follow(page, byCategory.getByRole('link', { name: 'Medical care: 2 effects, show them' }), how, /#\/effects\?category=medical_care$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Effects on people' })).toBeVisible();
      await expect(page.locator('#effect-filter-category')).toHaveValue('medical_care');
      await expect(effectRows(page)).toHaveCount(2);
      await expect(page.getByRole('status')).toHaveText(effectsShowing(2, 4));
      for (const row of await effectRows(page).all()) await expect(row).toContainText('Medical care');
      await expect(effectRows(page).filter({ hasText: 'Ambulances could not be called in Almaty' })).toHaveCount(1);
      await expect(effectRows(page).filter({ hasText: 'Hospital in Astana lost its patient records' })).toHaveCount(1);
    });

    await test.step(`an area bar (${how})`, async () => {
      await page.goto(overview);
      await follow(page, byArea.getByRole('link', { name: 'Almaty: 2 effects, show them' }), how, /#\/effects\?area=KZ-75$/);
      await expect(page.locator('#effect-filter-area')).toHaveValue('code:KZ-75');
      await expect(effectRows(page)).toHaveCount(2);
      await expect(page.getByRole('status')).toHaveText(effectsShowing(2, 4));
      for (const row of await effectRows(page).all()) await expect(row).toContainText('Almaty');
      await expect(effectRows(page).filter({ hasText: 'Card payments failed in Almaty shops' })).toHaveCount(1);
      await expect(effectRows(page).filter({ hasText: 'Ambulances could not be called in Almaty' })).toHaveCount(1);
    });
  }
  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.pageErrors).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});

test.describe('with a bulk archive of 100k incidents', () => {
  const counts = { incidents: 100_000, effects: 10_000 };
  let folder = '';
  let archivePath = '';

  test.beforeAll(async () => {
    test.setTimeout(1_200_000);
    // As the harness does before loading the engine: Node's ESM loader wants JSON imports marked (harness.ts, jsonImportHook).
    register(
      `data:text/javascript,${encodeURIComponent(`export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.endsWith('.json') && !context.importAttributes?.type) return { ...result, importAttributes: { type: 'json' } };
  return result;
}`)}`,
    );
    const { createBulkArchive } = await import('../engine/testing/bulkArchive');
    folder = await mkdtemp(join(tmpdir(), 'dalel-overview-bulk-'));
    const started = performance.now();
    archivePath = (await createBulkArchive(join(folder, 'archive'), counts)).path;
    console.log(`bulk archive of ${counts.incidents} incidents and ${counts.effects} effects made in ${Math.round(performance.now() - started)} ms`);
  });

  test.afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  test('the overview renders its counts and charts, with the answer kept small', async ({ dalel }) => {
    test.setTimeout(900_000);
    const { page, engine } = dalel;
    const opened = await engine.dispatch('archive:open', { path: archivePath });
    expect(opened.ok).toBe(true);

    const started = performance.now();
    await page.goto(`${appUrl}#/overview`);
    const tiles = page.locator('.overview-counts');
    await expect(tiles).toContainText('100,000 incidents', { timeout: 120_000 });
    await expect(tiles).toContainText('10,000 effects on people');
    await expect(page.locator('#chart-timeline svg.chart-svg')).toBeVisible();
    await expect(page.locator('#chart-by-category svg')).toBeVisible();
    await expect(page.locator('#chart-by-area svg')).toBeVisible();
    await expect(page.locator('#chart-over-time svg')).toBeVisible();
    const elapsed = Math.round(performance.now() - started);
    // Only shown: the bench measures P8 in ratios; this proves the screen works at this size (the waits above bound it).
    console.log(`overview of ${counts.incidents} incidents rendered in ${elapsed} ms`);

    const timeline = await chartTable(page, 'chart-timeline');
    expect(timeline.length).toBeGreaterThan(0);
    expect(timeline.length).toBeLessThanOrEqual(12);
    const answer = await engine.dispatch('records:overview', {});
    const bytes = JSON.stringify(answer).length;
    console.log(`records:overview answer: ${bytes} bytes`);
    expect(bytes).toBeLessThan(1_000_000);
    expect(dalel.missingKeys).toEqual([]);
    expect(dalel.pageErrors).toEqual([]);
    expect(dalel.externalRequests).toEqual([]);
  });
});
