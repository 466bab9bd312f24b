/**
 * Countersigning through NCALayer on the check screen, in the built UI
 * against the real engine, in English, Russian and Kazakh, with the suite's
 * own NCALayer on 127.0.0.1 (electron/engine/countersign/testing/fakeNcaLayer.ts,
 * signing with the test lawyer's key as NCALayer would). The screen says the
 * address before anything connects; a cancel in NCALayer is said in words,
 * the bundle byte for byte; a signature is added, asked for in the person's
 * language: the signer and ИИН shown, every original file as it was. Axe
 * finds nothing; nothing leaves for the network (NCALayer's connection is
 * the engine's, on this computer).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VerifyReport } from '../../shared/bagit';
import type { FakeNcaLayer } from '../engine/countersign/testing/fakeNcaLayer';
import { expect, test, withJsonModules, type DalelSession } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

type Lng = 'en' | 'ru' | 'kk';
const languages: { lng: Lng; osLocale: string }[] = [
  { lng: 'en', osLocale: 'en-US' },
  { lng: 'ru', osLocale: 'ru-RU' },
  { lng: 'kk', osLocale: 'kk-KZ' },
];

let ncaLayer: FakeNcaLayer;
let lawyerSubject: string;

test.beforeAll(async () => {
  const [{ startFakeNcaLayer }, { makeTestLawyer }, { temporaryFolder }] = await withJsonModules(() =>
    Promise.all([import('../engine/countersign/testing/fakeNcaLayer'), import('../engine/countersign/testing/testLawyer'), import('../engine/testing/fixtures')]),
  );
  const folder = await temporaryFolder();
  await mkdir(join(folder.path, 'lawyer'));
  const lawyer = makeTestLawyer(join(folder.path, 'lawyer'));
  lawyerSubject = lawyer.subject;
  ncaLayer = await startFakeNcaLayer(folder.path, lawyer);
  process.env.DALEL_NCALAYER = ncaLayer.address;
});
test.afterAll(async () => {
  delete process.env.DALEL_NCALAYER;
  await ncaLayer?.close();
});

async function dispatch<T>(dalel: DalelSession, channel: string, request: unknown): Promise<T> {
  const result = await dalel.engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`a lawyer countersigns through NCALayer on this computer (${lng})`, async ({ dalel }) => {
      test.setTimeout(240_000);
      const { page } = dalel;
      const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
      await dalel.open();
      await createArchive(dalel);
      await saveIncidentDirectly(page, sampleIncidents[0]!);
      const bundle = join(dalel.dir, `пакет ${lng}.zip`);
      await dispatch(dalel, 'bundle:export', { out: bundle, profile: 'legal', language: lng });
      const result = page.locator('section.verify-result');
      const section = result.locator('section.countersignature');
      const way = section.locator('.countersign-ncalayer');
      const sign = way.getByRole('button', { name: text('verify:countersign.ncaLayerSign'), exact: true });

      await test.step('the screen says where it will connect, before anything does', async () => {
        await page.getByRole('navigation').getByRole('link', { name: text('verify:screen.nav'), exact: true }).click();
        dalel.offerFiles([bundle]);
        await page.locator('.verify-drop input[type="file"]').setInputFiles(bundle);
        await expect(result.locator('.verdict-title')).toHaveText(`! ${text('verify:verdict.unverified')}`, { timeout: 60_000 });
        await expect(way.getByRole('heading', { level: 4, name: text('verify:countersign.ncaLayerTitle') })).toBeVisible();
        await expect(way).toContainText(text('verify:countersign.ncaLayerIntro', { address: 'wss://127.0.0.1:13579/' }));
        expect(ncaLayer.requests.filter((request) => (request.args as { locale: string }).locale === lng)).toHaveLength(0);
        if (lng !== 'en') await expectNoEnglishLeft(page, lng, 'NCALayer offered');
        await expectNoAxeViolations(page, `NCALayer offered (${lng})`);
      });

      const before = await readFile(bundle);
      await test.step('a cancel in NCALayer is said in words, the bundle byte for byte', async () => {
        ncaLayer.answer = (_request, socket) => socket.send(JSON.stringify({ status: false, code: 'USER_CANCELED' }));
        await sign.click();
        await expect(way.getByRole('alert')).toHaveText(text('errors:ncaLayerCancelled'), { timeout: 60_000 });
        expect((await readFile(bundle)).equals(before)).toBe(true);
        await expectNoAxeViolations(page, `NCALayer cancelled (${lng})`);
      });

      await test.step('NCALayer signs: the signer and ИИН shown, asked in the person’s language', async () => {
        ncaLayer.answer = ncaLayer.signs;
        await sign.click();
        await expect(section.locator('.countersignature-subject')).toHaveText(lawyerSubject, { timeout: 60_000 });
        await expect(section.locator('.countersignature-iin')).toHaveText('880101300123');
        expect((ncaLayer.requests.at(-1)!.args as { locale: string }).locale).toBe(lng);
        const report = await dispatch<VerifyReport>(dalel, 'bundle:verify', { path: bundle });
        expect(report.valid).toBe(true);
        expect(report.countersignature?.subject).toBe(lawyerSubject);
        await expectNoAxeViolations(page, `countersigned through NCALayer (${lng})`);
      });

      expect(dalel.externalRequests).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.missingKeys).toEqual([]);
    });
  });
}
