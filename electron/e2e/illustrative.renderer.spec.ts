/**
 * The "Illustrative — not evidence" badge in the built UI against the real
 * engine, in English, Russian and Kazakh: the sample archive opened from the
 * welcome shows it on every incident and source row and on each record's
 * page; and the sample's bundle, imported into a person's own archive, keeps
 * it there on every sample record while the person's own incident has none,
 * and a bundle of that archive, checked on the verify screen, counts them.
 */
import { join } from 'node:path';
import { expect, test, withJsonModules } from './harness';
import { localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

type Lng = 'en' | 'ru' | 'kk';
const languages: { lng: Lng; osLocale: string }[] = [
  { lng: 'en', osLocale: 'en-US' },
  { lng: 'ru', osLocale: 'ru-RU' },
  { lng: 'kk', osLocale: 'kk-KZ' },
];

/** The sample's internal bundle, exported by the engine in this process into `dir`. */
async function sampleBundle(dir: string): Promise<string> {
  const [{ sampleArchive }, { exportBundle }] = await withJsonModules(() => Promise.all([import('../engine/testing/sampleArchive'), import('../engine/bundle/export')]));
  const { archive } = await sampleArchive(dir, { evidence: false });
  const out = join(dir, 'sample.zip');
  await exportBundle(archive, { out, profile: 'internal', language: 'en', softwareVersion: 'test' });
  await archive.close();
  return out;
}

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });
    const text = (key: string) => localeText(lng, key);

    test('the sample archive marks every record illustrative, not evidence, in its rows and on its pages', async ({ dalel }) => {
      const { page } = dalel;
      await dalel.open();
      const sample = page.getByRole('region', { name: text('welcome:sample.title') });
      await sample.getByRole('button', { name: text('welcome:sample.button') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('incidents:list.title'));

      const rows = page.locator('.incident-table [role="row"]').filter({ has: page.getByRole('link', { name: /^\[Illustrative sample\]/ }) });
      await expect(rows).toHaveCount(4);
      for (const row of await rows.all()) await expect(row.locator('.badge-illustrative')).toHaveText(text('common:illustrative.badge'));
      await expect(page.locator('.badge-illustrative').first()).toHaveAttribute('title', text('common:illustrative.explanation'));

      await page.getByRole('link', { name: /Zhanaozen and Mangystau/ }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(text('common:illustrative.badge'));
      await expectNoAxeViolations(page, `an illustrative incident (${lng})`);

      await page.evaluate(() => {
        window.location.hash = '#/sources';
      });
      const sources = page.locator('.source-table [role="row"]').filter({ has: page.getByRole('link', { name: /^\[Illustrative sample\]/ }) });
      await expect(sources).toHaveCount(7);
      for (const row of await sources.all()) await expect(row.locator('.badge-illustrative')).toHaveText(text('common:illustrative.badge'));
      await sources.first().getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(text('common:illustrative.badge'));

      expect(dalel.missingKeys).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.externalRequests).toEqual([]);
    });

    test('the sample merged into a person’s own archive stays marked, and their own incident does not', async ({ dalel }) => {
      const { page } = dalel;
      const bundle = await sampleBundle(dalel.dir);
      await dalel.open();
      await createArchive(dalel, 'Almaty defenders', null);
      const own = sampleIncidents[0]!;
      await saveIncidentDirectly(page, own);
      const imported = await dalel.engine.dispatch('bundle:import', { path: bundle, allowUntrusted: true });
      expect(imported.ok && (imported.value as { imported: { kind: string } | null }).imported?.kind, JSON.stringify(imported)).toBe('merged');
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('incidents:list.title'));

      const markedRows = page.locator('.incident-table [role="row"]').filter({ has: page.getByRole('link', { name: /^\[Illustrative sample\]/ }) });
      await expect(markedRows).toHaveCount(4);
      for (const row of await markedRows.all()) await expect(row.locator('.badge-illustrative')).toHaveText(text('common:illustrative.badge'));
      const ownRow = page.locator('.incident-table [role="row"]').filter({ has: page.getByRole('link', { name: own.title, exact: true }) });
      await expect(ownRow).toHaveCount(1);
      await expect(ownRow.locator('.badge-illustrative')).toHaveCount(0);

      // A bundle of the merged archive, checked on the app's verify screen: how many of its records are illustrative.
      const legal = join(dalel.dir, 'merged-legal.zip');
      const exported = await dalel.engine.dispatch('bundle:export', { out: legal, profile: 'legal', language: lng });
      expect(exported.ok, JSON.stringify(exported)).toBe(true);
      dalel.offerFiles([legal]);
      await page.evaluate(() => {
        window.location.hash = '#/verify';
      });
      await page.locator('input[type="file"]').first().setInputFiles(legal);
      const count = page.locator('section.verify-result .verify-illustrative');
      await expect(count).toBeVisible({ timeout: 60_000 });
      await expect(count.locator('dt')).toHaveText(text('common:illustrative.badge'));
      let marked = 0;
      for (const type of ['incident', 'effect', 'source']) {
        const listed = await dalel.engine.dispatch('records:list', { type });
        const { records } = (listed.ok ? listed.value : { records: [] }) as { records: { data: { illustrative?: boolean } | null }[] };
        marked += records.filter((record) => record.data?.illustrative === true).length;
      }
      expect(marked).toBeGreaterThan(4);
      await expect(count.locator('dd')).toHaveText(String(marked));
      expect(dalel.missingKeys).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
    });
  });
}
