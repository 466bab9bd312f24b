/**
 * A countersignature made elsewhere, on the check screen, in the built UI
 * against the real engine, in English, Russian and Kazakh. Beside the key
 * file way, a valid bundle without a countersignature offers to save the
 * file to sign (its tagmanifest-sha256.txt, through the save dialog) and to
 * add a .p7s made with the lawyer's own NCALayer-based tool, stood in for by
 * `openssl cms -sign` (detached) and the suite's test lawyer. A signature of
 * another bundle, and an attached one, are refused in words, the bundle
 * byte for byte; the detached signature of the saved file is added: checked
 * again, the bundle shows the signer and ИИН, every original file is as it
 * was, and OpenSSL verifies the bag's .p7s. Axe finds nothing; nothing
 * leaves for the network.
 */
import type { Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { VerifyReport } from '../../shared/bagit';
import { signElsewhere } from '../engine/countersign/testing/signElsewhere';
import { makeTestLawyer } from '../engine/countersign/testing/testLawyer';
import { expect, test, type DalelSession } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

type Lng = 'en' | 'ru' | 'kk';

const languages: { lng: Lng; osLocale: string }[] = [
  { lng: 'en', osLocale: 'en-US' },
  { lng: 'ru', osLocale: 'ru-RU' },
  { lng: 'kk', osLocale: 'kk-KZ' },
];

async function dispatch<T>(dalel: DalelSession, channel: string, request: unknown): Promise<T> {
  const result = await dalel.engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Each entry of a ZIP with the SHA-256 of its bytes, as `unzip` reads them. */
function entryHashes(zip: string): Map<string, string> {
  const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
  return new Map(names.map((name) => [name, sha256Hex(execFileSync('unzip', ['-p', zip, name], { maxBuffer: 1 << 30 }))]));
}

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));
const verifyTexts = (lng: Lng) => flatten(JSON.parse(readFileSync(new URL(`../../shared/i18n/locales/${lng}/verify.json`, import.meta.url), 'utf8')));

/** No verify key shows as itself, no English sentence of the check screen is left in another language, and axe finds nothing. */
async function checkScreen(page: Page, lng: Lng, screen: string) {
  const body = await page.locator('body').innerText();
  const keys = verifyTexts('en').map(([key]) => key).filter((key) => key.includes('.') && body.includes(key));
  const namespaced = [...body.matchAll(/\b(?:verify|report|common|errors):[\w.]+/g)].map((m) => m[0]);
  expect([...keys, ...namespaced], `raw keys on ${screen} (${lng})`).toEqual([]);
  if (lng !== 'en') {
    const local = new Map(verifyTexts(lng));
    const english = verifyTexts('en').filter(([key, text]) => !text.includes('{{') && text.length >= 4 && local.get(key) !== text);
    expect(english.filter(([, text]) => body.includes(text)).map(([key]) => key), `English left on ${screen} (${lng})`).toEqual([]);
    await expectNoEnglishLeft(page, lng, screen);
  }
  await expectNoAxeViolations(page, `${screen} (${lng})`);
}

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`a lawyer adds a countersignature made with their own tool: the file to sign saved, wrong signatures refused, the right one added (${lng})`, async ({
      dalel,
    }, testInfo) => {
      test.setTimeout(240_000);
      const { page } = dalel;
      const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
      await dalel.open();
      await createArchive(dalel);
      await saveIncidentDirectly(page, sampleIncidents[0]!);
      const bundle = join(dalel.dir, `пакет ${lng}.zip`);
      const other = join(dalel.dir, `другой ${lng}.zip`);
      const { bundleId } = await dispatch<{ bundleId: string }>(dalel, 'bundle:export', { out: bundle, profile: 'legal', language: lng });
      const { bundleId: otherId } = await dispatch<{ bundleId: string }>(dalel, 'bundle:export', { out: other, profile: 'legal', language: lng });
      const lawyerFolder = join(dalel.dir, 'lawyer');
      await mkdir(lawyerFolder);
      const lawyer = makeTestLawyer(lawyerFolder);
      const tagManifestOf = (zip: string, id: string) => execFileSync('unzip', ['-p', zip, `${id}/tagmanifest-sha256.txt`]);
      const result = page.locator('section.verify-result');
      const section = result.locator('section.countersignature');
      const elsewhere = section.locator('.countersign-elsewhere');
      const signatureInput = elsewhere.locator('input[type="file"]');

      await test.step('a valid bundle without a countersignature offers, beside the key file, to add one made elsewhere', async () => {
        await page.getByRole('navigation').getByRole('link', { name: text('verify:screen.nav'), exact: true }).click();
        dalel.offerFiles([bundle]);
        await page.locator('.verify-drop input[type="file"]').setInputFiles(bundle);
        await expect(result.locator('.verdict-title')).toHaveText(`! ${text('verify:verdict.unverified')}`, { timeout: 60_000 });
        await expect(section.getByRole('heading', { level: 4, name: text('verify:countersign.addTitle') })).toBeVisible();
        await expect(elsewhere.getByRole('heading', { level: 4, name: text('verify:countersign.elsewhereTitle') })).toBeVisible();
        await expect(elsewhere).toContainText(text('verify:countersign.elsewhereIntro'));
        await expect(elsewhere).toContainText(text('verify:countersign.stepSign'));
        await expect(elsewhere.getByRole('button', { name: text('verify:countersign.chooseSignature'), exact: true })).toBeEnabled();
        await expect(signatureInput).toHaveAttribute('accept', '.p7s,.cms,.sig,application/pkcs7-signature');
        await checkScreen(page, lng, 'a bundle that can be countersigned elsewhere');
      });

      const before = await readFile(bundle);
      const savedFile = join(dalel.dir, 'saved bundle.zip');
      await test.step('the file to sign is saved where the save dialog says, byte for byte the tag manifest; the bundle is unchanged', async () => {
        await page.evaluate(() => {
          const api = (window as unknown as { dalel: { bundle: Record<string, (request: { suggested: string }) => Promise<unknown>> } }).dalel.bundle;
          const chooseOut = api.chooseOut!;
          api.chooseOut = (request) => {
            (window as unknown as { suggestedOut: string }).suggestedOut = request.suggested;
            return chooseOut(request);
          };
        });
        await elsewhere.getByRole('button', { name: text('verify:countersign.saveFileToSign'), exact: true }).click();
        await expect(elsewhere.locator('.countersign-saved')).toHaveText(`${text('verify:countersign.fileToSignSaved')} ${savedFile}`, { timeout: 60_000 });
        expect(await page.evaluate(() => (window as unknown as { suggestedOut: string }).suggestedOut)).toBe('tagmanifest-sha256.txt');
        expect((await readFile(savedFile)).equals(tagManifestOf(bundle, bundleId))).toBe(true);
        expect((await readFile(bundle)).equals(before)).toBe(true);
        await checkScreen(page, lng, 'the file to sign saved');
      });

      await test.step('a signature of another bundle, or an attached one, is refused in words; the bundle is unchanged', async () => {
        const foreign = join(dalel.dir, `чужая ${lng}.p7s`);
        await writeFile(foreign, signElsewhere(lawyer, tagManifestOf(other, otherId)));
        await signatureInput.setInputFiles(foreign);
        await expect(elsewhere.getByRole('alert')).toHaveText(text('errors:countersignatureNotForBundle'), { timeout: 60_000 });
        expect((await readFile(bundle)).equals(before)).toBe(true);
        await checkScreen(page, lng, 'a signature of another bundle');

        const attached = join(dalel.dir, `присоединённая ${lng}.p7s`);
        await writeFile(attached, signElsewhere(lawyer, await readFile(savedFile), { attached: true }));
        await signatureInput.setInputFiles(attached);
        await expect(elsewhere.getByRole('alert')).toHaveText(text('errors:countersignatureAttached'), { timeout: 60_000 });
        expect((await readFile(bundle)).equals(before)).toBe(true);
        await page.screenshot({ path: testInfo.outputPath(`attached-refused-${lng}.png`), fullPage: true });
      });

      await test.step('the detached signature of the saved file is added: the signer and ИИН shown, no file changed, OpenSSL agrees', async () => {
        const entriesBefore = entryHashes(bundle);
        const detached = join(dalel.dir, `подпись ${lng}.p7s`);
        await writeFile(detached, signElsewhere(lawyer, await readFile(savedFile)));
        await signatureInput.setInputFiles(detached);
        await expect(section.locator('.countersignature-subject')).toHaveText(lawyer.subject, { timeout: 60_000 });
        await expect(page.locator('.toast-region .toast')).toContainText(text('verify:countersign.added', { name: basename(bundle) }));
        await expect(page.locator('.countersigned-sha256')).toHaveText(`${text('verify:countersign.newSha256')} ${sha256Hex(await readFile(bundle))}`);
        await expect(section.locator('.countersignature-iin')).toHaveText('880101300123');
        await expect(elsewhere).toHaveCount(0);
        const report = await dispatch<VerifyReport>(dalel, 'bundle:verify', { path: bundle });
        expect(report.valid).toBe(true);
        expect(report.countersignature?.subject).toBe(lawyer.subject);

        const entriesAfter = entryHashes(bundle);
        expect([...entriesAfter.keys()].sort()).toEqual([...entriesBefore.keys(), `${bundleId}/tagmanifest-sha256.txt.p7s`].sort());
        for (const [name, hash] of entriesBefore) expect(entriesAfter.get(name), name).toBe(hash);
        const unpacked = join(dalel.dir, 'unpacked');
        execFileSync('unzip', ['-q', bundle, '-d', unpacked]);
        const bag = join(unpacked, bundleId);
        const openssl = spawnSync(
          'openssl',
          ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(bag, 'tagmanifest-sha256.txt.p7s'), '-content', join(bag, 'tagmanifest-sha256.txt'), '-CAfile', lawyer.anchorFile, '-purpose', 'any', '-out', '/dev/null'],
          { encoding: 'utf8' },
        );
        expect(`${openssl.stdout}${openssl.stderr}`).toContain('Verification successful');
        await checkScreen(page, lng, 'a bundle countersigned elsewhere');
        await page.screenshot({ path: testInfo.outputPath(`countersigned-elsewhere-${lng}.png`), fullPage: true });
      });

      expect(dalel.externalRequests).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.missingKeys).toEqual([]);
    });
  });
}
