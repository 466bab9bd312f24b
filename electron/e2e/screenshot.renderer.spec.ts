/**
 * The screenshots the README shows (resources/screenshots/*.png), in English
 * and the light theme at 1280×800 (the overview and an incident page whole),
 * of one archive: the sample archive (Kazakhstan, January 2022) opened from
 * the welcome, with a few illustrative effects on people and a testimony
 * added (shared/sample/kzJanuary2022Evidence.ts, which `npm run demo` builds
 * too), then two defenders' bundles imported that edited one incident each
 * in their own way. Record ids, bundle ids, signing keys and the times the
 * records were saved are new on each run; the rest is fixed, so a rerun
 * changes little beyond them. Runs only from `npm run screenshot` (or with
 * DALEL_SCREENSHOTS=1), so an ordinary test run never rewrites a tracked file.
 */
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordDetail, RecordSummary } from '../../shared/ipc';
import type { IncidentInput } from '../../shared/model';
import { expect, test, withJsonModules, type DalelSession } from './harness';

/** The sample reads its records from resources/ as JSON: loaded through the harness's JSON hook, only when this spec runs. */
const loadSample = () =>
  withJsonModules(() => Promise.all([import('../../shared/sample/kzJanuary2022'), import('../../shared/sample/kzJanuary2022Evidence')]));

const screenshots = fileURLToPath(new URL('../../resources/screenshots/', import.meta.url));

test.use({ osLocale: 'en-US' });

async function dispatch<T>(dalel: DalelSession, channel: string, request: unknown): Promise<T> {
  const result = await dalel.engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Writes resources/screenshots/<name>.png once the page has settled (fonts loaded, no animation). */
async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(screenshots, `${name}.png`), animations: 'disabled', caret: 'hide', fullPage });
}

/** Scrolls so that the element's top sits a little below the window's top, with what comes before it still in view. */
async function scrollNear(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().top - 96));
}

/** The sample archive with effects and one testimony (with consent) linked to the Almaty incident; its incidents, in order. */
async function sampleWithEffects(dalel: DalelSession): Promise<RecordSummary[]> {
  const [{ sampleIncidentIds, sampleIncidents, sampleSources, withRecordIds }, { sampleEffects, sampleTestimony }] = await loadSample();
  const { records } = await dispatch<{ records: RecordSummary[] }>(dalel, 'records:list', { type: 'incident' });
  const { records: sources } = await dispatch<{ records: RecordSummary[] }>(dalel, 'records:list', { type: 'source' });
  // The sample's records as the welcome saved them, found by title: in the sample's order, and their ids by placeholder.
  const ordered = sampleIncidents.map((incident) => records.find((record) => record.data?.title === incident.title)!);
  const ids = new Map([
    ...sampleIncidentIds.map((placeholder, index) => [placeholder, ordered[index]!.recordId] as const),
    ...sampleSources.map(({ id, source }) => [id, sources.find((record) => record.data?.title === source.title)!.recordId] as const),
  ]);
  for (const { incident, effect } of sampleEffects) {
    await dispatch(dalel, 'records:save', { type: 'effect', data: { ...withRecordIds(effect, ids), incident: ordered[incident]!.recordId } });
  }
  const source = await dispatch<{ recordId: string }>(dalel, 'records:save', { type: 'source', data: sampleTestimony.source });
  const almaty = ordered[sampleTestimony.incident]!;
  const detail = await dispatch<RecordDetail>(dalel, 'records:get', { recordId: almaty.recordId });
  const data = detail.history.at(-1)!.revision.data as IncidentInput & { sources: string[] };
  await dispatch(dalel, 'records:save', { type: 'incident', recordId: almaty.recordId, parent: detail.summary.headId, data: { ...data, sources: [...data.sources, source.recordId] } });
  return ordered;
}

/** Two defenders' internal bundles: A's incident, sent to B, then edited on both sides. */
async function defendersBundles(dir: string) {
  const [{ Archive }, { exportBundle }] = await Promise.all([import('../engine/archive'), import('../engine/bundle/export')]);
  const create = (name: string, folder: string) => Archive.create(join(dir, folder), { name, organization: 'Almaty defenders', passphrase: null, scryptCost: 2 ** 12 });
  const exported = async (archive: Awaited<ReturnType<typeof Archive.create>>, name: string) =>
    (await exportBundle(archive, { out: join(dir, name), profile: 'internal', language: 'en', softwareVersion: '0.1.0' })).path;
  const a = await create('Aigerim, Almaty', 'defender-a');
  const b = await create('Yerlan, Zhanaozen', 'defender-b');
  try {
    const incident: IncidentInput = {
      title: '[Illustrative sample] Zhanaozen: mobile internet cut on the evening of 4 January',
      summary: 'Mobile internet stopped in Zhanaozen.',
      areas: [{ code: 'KZ-47' }, { place: 'Zhanaozen' }],
      scope: 'local',
      kinds: ['mobile_data'],
      operators: ['Kcell', 'Beeline'],
      startedAt: { at: '2022-01-04T18:00+05:00', precision: 'hour' },
      endedAt: { at: '2022-01-05T09:00+05:00', precision: 'hour' },
    };
    const saved = await a.save({ type: 'incident', data: incident });
    await b.importBundle(await exported(a, 'aigerim-first.zip'), { allowUntrusted: true });
    await a.save({ type: 'incident', recordId: saved.recordId, parent: saved.revisionId, data: { ...incident, summary: 'Mobile internet stopped in Zhanaozen from 18:00; cash machines stopped too.' } });
    await b.save({ type: 'incident', recordId: saved.recordId, parent: saved.revisionId, data: { ...incident, summary: 'Mobile internet and SMS stopped in Zhanaozen from about 18:00.' } });
    return { incidentId: saved.recordId, bundleA: await exported(a, 'aigerim.zip'), bundleB: await exported(b, 'yerlan.zip'), keyB: b.key.publicLine };
  } finally {
    a.close();
    b.close();
  }
}

test('screenshots of the main screens for the README', async ({ dalel }) => {
  // npm sets npm_lifecycle_event to the script's name, so `npm run screenshot` needs no variable on any OS.
  const asked = process.env.DALEL_SCREENSHOTS === '1' || process.env.npm_lifecycle_event === 'screenshot';
  test.skip(!asked, 'run `npm run screenshot` (or set DALEL_SCREENSHOTS=1) to write resources/screenshots/');
  test.setTimeout(300_000);
  const [, { sampleIncidentIndex }] = await loadSample();
  const { page } = dalel;
  mkdirSync(screenshots, { recursive: true });
  // Larger than the harness's 1024×640 (the smallest supported size), so that each screen shows more of itself.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  const heading = (name: string) => page.getByRole('heading', { level: 1, name });

  await dalel.open();
  await page.getByRole('button', { name: 'Open the sample archive' }).click();
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 60_000 });
  const incidents = await sampleWithEffects(dalel);
  const { incidentId, bundleA, bundleB, keyB } = await defendersBundles(dalel.dir);

  await page.goto(`${page.url().split('#')[0]}#/overview`);
  await page.reload();
  await expect(heading('Overview')).toBeVisible();
  await expect(page.locator('.overview-counts')).toContainText('8 effects on people');
  await shoot(page, 'overview', true);

  await page.getByRole('navigation').getByRole('link', { name: 'Incidents', exact: true }).click();
  await expect(heading('Incidents')).toBeVisible();
  await expect(page.getByText('Near-total nationwide internet shutdown')).toBeVisible();
  await shoot(page, 'incidents');

  // The Almaty incident: its effects, the testimony and a history of two versions, on one tall page.
  await page.getByRole('link', { name: String(incidents[sampleIncidentIndex.almaty]!.data?.title) }).first().click();
  await expect(page.locator('h1')).toContainText('Almaty');
  await expect(page.locator('#sources-title')).toBeVisible();
  await shoot(page, 'incident', true);

  await page.getByRole('navigation').getByRole('link', { name: 'Export', exact: true }).click();
  await expect(heading('Export a signed bundle')).toBeVisible();
  await page.locator('#export-profile-public').check();
  await expect(page.getByText('What this bundle will hold')).toBeVisible();
  await shoot(page, 'export');

  const legal = join(dalel.dir, 'kz-january-2022-legal.zip');
  await dispatch(dalel, 'bundle:export', { out: legal, profile: 'legal', language: 'en', only: [incidents[sampleIncidentIndex.nationwideShutdown]!.recordId] });
  dalel.offerFiles([legal, bundleA]);
  await page.getByRole('navigation').getByRole('link', { name: 'Check a bundle', exact: true }).click();
  await expect(heading('Check a bundle')).toBeVisible();
  await page.locator('input[type="file"]').first().setInputFiles(legal);
  await expect(page.locator('section.verify-result .verdict-title')).toBeVisible({ timeout: 60_000 });
  await shoot(page, 'verify');

  await page.getByRole('navigation').getByRole('link', { name: 'Import and merge', exact: true }).click();
  await expect(heading('Import and merge')).toBeVisible();
  await page.locator('.bundle-import input[type="file"]').setInputFiles(bundleA);
  await expect(page.locator('section.import-decision h2')).toBeFocused({ timeout: 60_000 });
  await scrollNear(page, '.bundle-import');
  await shoot(page, 'import');

  await page.locator('section.import-decision').getByRole('button', { name: /^Import/ }).first().click();
  await expect(page.locator('section.exchange-outcome')).toBeVisible({ timeout: 60_000 });
  // Yerlan changed a record Aigerim made: his edit counts only from a key the archive trusts.
  await dispatch(dalel, 'trust:add', { publicKey: keyB, name: 'Yerlan (Zhanaozen)' });
  await dispatch(dalel, 'bundle:import', { path: bundleB, allowUntrusted: true });
  await page.goto(`${page.url().split('#')[0]}#/conflicts/${incidentId}`);
  await page.reload();
  await expect(page.locator('h1')).toContainText('Resolve a conflict');
  await shoot(page, 'conflict');

  expect(dalel.externalRequests).toEqual([]);
});
