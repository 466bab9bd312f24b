/**
 * Verdicts that cannot be misread (issue 21, item 3), in the built UI against
 * the real engine, in English, Russian and Kazakh. A defender's bundle, made
 * with the engine in this process, is checked on the check screen: from a
 * signer nobody verified it is "Intact — signer not verified" with an amber
 * "!", never a green ✓, and its fingerprint is shown in groups of four, as
 * six groups of five digits (computed here another way), and as a QR code
 * whose drawn modules, decoded here by an independent reader, give the
 * `SHA256:…` fingerprint; with the signer's key pasted as trusted, it is
 * "Intact, signed by a key you trust (name)"; with one changed byte, it is
 * "Changed or damaged". The import screen shows the same verdict as a
 * status line under a heading of its own, and its primary button is the
 * comparison ("I compared it: trust this signer"), "Import without
 * trusting" a secondary one. The key step at archive creation shows the
 * same forms. No "valid", «действителен» or «жарамды» anywhere on these
 * screens, and axe finds nothing.
 */
import type { Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type DalelSession } from './harness';
import { localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, sampleIncidents } from './rendererSteps';

type Lng = 'en' | 'ru' | 'kk';
const locales = { en: 'en-US', ru: 'ru-RU', kk: 'kk-KZ' } as const;

/** The words that read as legal validity, in any of the three languages (not the adverb «действительно», "really"). */
const validityWords = /\bvalid\b|действител(?:ен|ьн(?:ый|ая|ое|ые|а)(?![\p{L}]))|жарамды/iu;

/** The six groups of five digits, computed here from the fingerprint's bytes with BigInt (the app computes them another way). */
function digitsOf(fingerprint: string): string {
  const digest = Buffer.from(`${fingerprint.slice('SHA256:'.length)}=`, 'base64');
  return [0, 1, 2, 3, 4, 5].map((group) => (BigInt(`0x${digest.subarray(group * 5, group * 5 + 5).toString('hex')}`) % 100000n).toString().padStart(5, '0')).join(' ');
}

/** The base64 in groups of four, as a person reads it. */
const groupsOf = (fingerprint: string) => fingerprint.slice('SHA256:'.length).match(/.{1,4}/g)!.join(' ');

/**
 * What the QR code drawn on screen says: its modules read back from the SVG
 * path (one unit square per dark module), drawn into a bitmap four pixels a
 * module, and decoded by the `qr` library's reader, which knows nothing of
 * how the screen drew it.
 */
async function decodeQr(svg: Locator): Promise<string> {
  const { viewBox, path } = await svg.evaluate((element) => ({
    viewBox: element.getAttribute('viewBox') ?? '',
    path: element.querySelector('path')?.getAttribute('d') ?? '',
  }));
  const size = Number(viewBox.split(' ')[2]);
  const scale = 4;
  const width = size * scale;
  const data = new Uint8Array(width * width * 4).fill(255);
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        data[at] = data[at + 1] = data[at + 2] = 0;
      }
    }
  }
  const { default: decodeQR } = await import('qr/decode.js');
  return decodeQR({ width, height: width, data });
}

/** Every compared form of a fingerprint inside `scope`, and its QR code when `qr`. */
async function expectFingerprintForms(scope: Locator, fingerprint: string, qr: boolean) {
  await expect(scope.locator('.fingerprint-groups').first()).toHaveText(groupsOf(fingerprint));
  await expect(scope.locator('.fingerprint-numbers').first()).toHaveText(digitsOf(fingerprint));
  await expect(scope.locator('.fingerprint').first()).toHaveText(fingerprint);
  const code = scope.locator('svg.qr-code');
  if (!qr) return expect(code).toHaveCount(0);
  await expect(code).toHaveCount(1);
  expect(await decodeQr(code)).toBe(fingerprint);
}

async function expectHonestScreen(page: Page, lng: Lng, screen: string) {
  // Bag paths (data/incidents.csv, signer.pub) look like keys to the shared raw-key check: missing keys are caught by the harness instead.
  expect(await page.locator('main').innerText(), `a validity word on ${screen} (${lng})`).not.toMatch(validityWords);
  await expectNoAxeViolations(page, `${screen} (${lng})`);
}

/** A defender's archive with one incident, exported as an internal bundle; and a copy with one changed byte. */
async function makeBundles(dalel: DalelSession, lng: Lng) {
  const { Archive } = await import('../engine/archive');
  const { exportBundle } = await import('../engine/bundle/export');
  const archive = await Archive.create(join(dalel.dir, 'defender'), { name: 'Айгерім', organization: '', passphrase: null, scryptCost: 2 ** 12 });
  await archive.save({ type: 'incident', data: { ...sampleIncidents[1]!, title: 'Алматы: байланыс өшірілді', summary: 'Байланыс үзілді.' } });
  const folder = join(dalel.dir, 'bundles');
  await mkdir(folder, { recursive: true });
  const bundle = join(folder, `айгерім-${lng}.zip`);
  await exportBundle(archive, { out: bundle, profile: 'internal', language: lng, softwareVersion: 'test' });
  const key = { fingerprint: archive.key.fingerprint, publicLine: archive.key.publicLine };
  archive.close();

  // One byte of data/incidents.csv changed, same size: only its hash can tell.
  const work = join(dalel.dir, 'tampered');
  await mkdir(work, { recursive: true });
  execFileSync('unzip', ['-q', bundle, '-d', work]);
  const [bagName] = readdirSync(work);
  const csv = join(work, bagName!, 'data', 'incidents.csv');
  const bytes = await readFile(csv);
  const at = bytes.indexOf('2022');
  expect(at).toBeGreaterThan(0);
  bytes[at + 3] = '3'.charCodeAt(0);
  await writeFile(csv, bytes);
  const tampered = join(folder, `өзгертілген-${lng}.zip`);
  execFileSync('zip', ['-qr', tampered, bagName!], { cwd: work });
  return { bundle, tampered, key };
}

for (const lng of ['en', 'ru', 'kk'] as const) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale: locales[lng] });

    test(`one verdict per check, worded as integrity; the fingerprint to compare first (${lng})`, async ({ dalel }, testInfo) => {
      test.setTimeout(240_000);
      const { page } = dalel;
      const text = (key: string, params: Record<string, string> = {}) => localeText(lng, key, params);
      await dalel.open();
      await createArchive(dalel, 'Құқық қорғау бюросы');

      await test.step('the key step shows its fingerprint in groups, digits and a QR code', async () => {
        const step = page.getByRole('region', { name: text('welcome:key.title') });
        const own = await dalel.engine.dispatch('key:show', {});
        if (!own.ok) throw new Error('key:show failed');
        await expectFingerprintForms(step, (own.value as { fingerprint: string }).fingerprint, true);
        await expectNoAxeViolations(page, `the key step (${lng})`);
        await step.getByRole('button', { name: text('welcome:key.done') }).click();
      });

      const { bundle, tampered, key } = await makeBundles(dalel, lng);
      dalel.offerFiles([bundle, tampered]);
      const result = page.locator('section.verify-result');
      const verdict = result.locator('.verdict');
      const choose = (path: string) => page.locator('.verify-drop input[type="file"]').setInputFiles(path);

      await test.step('a signer nobody verified: intact, amber "!", the fingerprint to compare', async () => {
        await page.evaluate(() => (window.location.hash = '#/verify'));
        await choose(bundle);
        await expect(verdict.locator('.verdict-title')).toHaveText(`! ${text('verify:verdict.unverified')}`, { timeout: 60_000 });
        await expect(verdict.locator('.verdict-text')).toHaveText(text('verify:verdict.unverifiedText'));
        await expect(verdict).toHaveClass(/verdict-unverified/);
        await expect(verdict).not.toHaveClass(/verdict-trusted/);
        // Not the green of a trusted signer: the border is another colour than the trusted verdict's.
        expect(await verdict.evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe('dashed');
        await expectFingerprintForms(result, key.fingerprint, true);
        await expect(result.locator('svg.qr-code')).toHaveAccessibleName(text('verify:fingerprint.qrLabel', { fingerprint: key.fingerprint }));
        await expectHonestScreen(page, lng, 'the check of an unverified signer');
        await page.screenshot({ path: testInfo.outputPath(`verify-unverified-${lng}.png`), fullPage: true });
      });

      await test.step('the same bundle with its key pasted as trusted: intact, signed by a key you trust (name)', async () => {
        const [type, base64] = key.publicLine.split(' ');
        await page.locator('#verify-trusted').fill(`${type} ${base64} Айгерім`);
        await page.getByRole('button', { name: text('verify:screen.checkAgain') }).click();
        await expect(verdict.locator('.verdict-title')).toHaveText(`✓ ${text('verify:verdict.trusted', { name: 'Айгерім' })}`, { timeout: 60_000 });
        await expect(verdict).toHaveClass(/verdict-trusted/);
        await expectFingerprintForms(result, key.fingerprint, false);
        await expectHonestScreen(page, lng, 'the check of a trusted signer');
      });

      await test.step('one changed byte: changed or damaged, even from a trusted key', async () => {
        await choose(tampered);
        await expect(verdict.locator('.verdict-title')).toHaveText(`✗ ${text('verify:verdict.changed')}`, { timeout: 60_000 });
        await expect(verdict).toHaveClass(/verdict-changed/);
        await expect(result.locator('.failure-file')).toHaveText('data/incidents.csv');
        await expect(result).not.toContainText(text('verify:verdict.unverified'));
        await expectHonestScreen(page, lng, 'the check of a changed bundle');
      });

      await test.step('import: the verdict is a status under its own heading; comparing comes first, importing without trusting second', async () => {
        await page.evaluate(() => (window.location.hash = '#/import'));
        await page.locator('.bundle-import input[type="file"]').setInputFiles(bundle);
        const decision = page.locator('section.import-decision');
        const heading = decision.getByRole('heading', { level: 2 });
        await expect(heading).toBeFocused({ timeout: 60_000 });
        await expect(heading).toHaveText(text('exchange:import.decisionTitle'));
        await expect(decision.getByRole('status')).toHaveText(`! ${text('verify:verdict.unverified')}`);
        // Not the green box of a trusted signer's bundle.
        await expect(decision).toHaveClass(/signer-not-verified/);
        await expectFingerprintForms(decision, key.fingerprint, true);
        const compared = decision.getByRole('button', { name: text('exchange:signer.compared'), exact: true });
        const withoutTrusting = decision.getByRole('button', { name: text('exchange:import.button.importUnknown'), exact: true });
        await expect(compared).toHaveClass(/\bprimary\b/);
        await expect(withoutTrusting).toBeVisible();
        await expect(withoutTrusting).not.toHaveClass(/\bprimary\b/);
        await expect(decision.locator('button.primary')).toHaveCount(1);
        await expectHonestScreen(page, lng, 'the import of an unverified signer');
        await page.screenshot({ path: testInfo.outputPath(`import-unverified-${lng}.png`), fullPage: true });

        await compared.click();
        const name = decision.getByLabel(text('exchange:signer.trustName'));
        await expect(name).toBeFocused();
        await name.fill('Айгерім, Алматы');
        await decision.getByRole('button', { name: text('exchange:import.button.trustAndImport'), exact: true }).click();
        await expect(page.locator('section.exchange-outcome').getByRole('heading', { level: 2 })).toBeFocused({ timeout: 60_000 });
        const trusted = await dalel.engine.dispatch('trust:list', {});
        expect(trusted.ok && (trusted.value as { signers: { fingerprint: string; name: string }[] }).signers).toEqual([
          expect.objectContaining({ fingerprint: key.fingerprint, name: 'Айгерім, Алматы' }),
        ]);
      });

      await test.step('settings: the trusted signer and the own key in the same forms', async () => {
        await page.evaluate(() => (window.location.hash = '#/settings'));
        const signers = page.locator('section.trusted-signers');
        await expect(signers.locator('.trusted-signer')).toHaveCount(1);
        await expectFingerprintForms(signers.locator('.trusted-signer'), key.fingerprint, false);
        await expect(page.locator('section[aria-labelledby="signing-key-title"] svg.qr-code')).toHaveCount(1);
        await expectHonestScreen(page, lng, 'settings');
      });

      expect(dalel.externalRequests).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.missingKeys).toEqual([]);
    });
  });
}
