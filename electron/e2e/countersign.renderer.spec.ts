/**
 * A lawyer's countersignature on the check screen, in the built UI against
 * the real engine, in English, Russian and Kazakh. A valid bundle without
 * one says so and offers to countersign it with a key file (PKCS#12) and
 * its password. A wrong password, a key file in the older encryption and a
 * file too large to be a key are refused in words, each leaving the bundle
 * file unchanged byte for byte. The right password adds the signature:
 * checked again, the bundle shows who signed (their ИИН too), the issuing
 * centre and the signer's clock; every file of the bundle is as it was,
 * and OpenSSL verifies the added CMS signature of the tag manifest against
 * the centre's root. Given that root, the certificate chains to it; given
 * another, it does not; a signing time outside the certificate's validity
 * is warned of. Axe finds nothing on any of these states; nothing leaves
 * for the network.
 */
import type { Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { CountersignatureReport, VerifyReport } from '../../shared/bagit';
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

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));
const verifyTexts = (lng: Lng) => flatten(JSON.parse(readFileSync(new URL(`../../shared/i18n/locales/${lng}/verify.json`, import.meta.url), 'utf8')));

/** No verify key shows as itself, no English sentence of the check screen is left in another language, and axe finds nothing. */
async function checkScreen(page: Page, lng: Lng, screen: string) {
  const body = await page.locator('body').innerText();
  const keys = verifyTexts('en').map(([key]) => key.replace(/_(one|few|many|other)$/, '')).filter((key) => key.includes('.') && body.includes(key));
  const namespaced = [...body.matchAll(/\b(?:verify|report|common|errors):[\w.]+/g)].map((m) => m[0]);
  expect([...keys, ...namespaced], `raw keys on ${screen} (${lng})`).toEqual([]);
  if (lng !== 'en') {
    const local = new Map(verifyTexts(lng));
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const english = verifyTexts('en').filter(([key, text]) => !text.includes('{{') && text.length >= 4 && local.get(key) !== text);
    const leftover = english.filter(([, text]) => new RegExp(`(^|[^\\p{L}])${escape(text)}($|[^\\p{L}])`, 'mu').test(body)).map(([key]) => key);
    expect(leftover, `English left on ${screen} (${lng})`).toEqual([]);
    await expectNoEnglishLeft(page, lng, screen);
  }
  await expectNoAxeViolations(page, `${screen} (${lng})`);
}

/** An instant as the UI writes it in `lng` and the browser's zone (renderer/src/incidents/format.ts, formatInstant). */
function localTime(page: Page, iso: string, lng: Lng): Promise<string> {
  return page.evaluate(
    ([iso, lng]) => {
      const knowsMonths = !/^M\d+$/.test(new Intl.DateTimeFormat(lng, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2022, 0, 15))));
      const options: Intl.DateTimeFormatOptions = knowsMonths
        ? { dateStyle: 'medium', timeStyle: 'short' }
        : { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
      return new Intl.DateTimeFormat(lng, options).format(new Date(iso));
    },
    [iso, lng] as const,
  );
}

/** Every file of an unzipped folder, by its path inside it, with its bytes. */
async function filesIn(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(folder, path), await readFile(path));
  }
  return files;
}

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`a lawyer countersigns a bundle: a wrong password and an old key file refused, the right one signs, shown and checked by OpenSSL (${lng})`, async ({
      dalel,
    }, testInfo) => {
      test.setTimeout(240_000);
      const { page } = dalel;
      const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
      await dalel.open();
      await createArchive(dalel);
      await saveIncidentDirectly(page, sampleIncidents[0]!);
      const bundle = join(dalel.dir, `пакет ${lng} 📦.zip`);
      const { bundleId } = await dispatch<{ bundleId: string }>(dalel, 'bundle:export', { out: bundle, profile: 'legal', language: lng });
      const lawyerFolder = join(dalel.dir, 'lawyer');
      await mkdir(lawyerFolder);
      const lawyer = makeTestLawyer(lawyerFolder);
      const unzip = (zip: string, into: string) => execFileSync('unzip', ['-q', zip, '-d', into]);
      const result = page.locator('section.verify-result');
      const section = result.locator('section.countersignature');
      const form = section.locator('.countersign');
      const keyInput = form.locator('.countersign-key input[type="file"]');
      const password = form.getByLabel(text('verify:countersign.password'), { exact: true });
      const submit = form.getByRole('button', { name: text('verify:countersign.submit'), exact: true });
      const mark = (id: string) => result.locator(`li[data-check="${id}"] .check-mark`);

      await test.step('a valid bundle without a countersignature says so, and offers to countersign it', async () => {
        await page.getByRole('navigation').getByRole('link', { name: text('verify:screen.nav'), exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: text('verify:title') })).toBeFocused();
        await expect(page.getByRole('group', { name: text('verify:countersign.anchorsLabel') })).toBeVisible();
        dalel.offerFiles([bundle]);
        await page.locator('.verify-drop input[type="file"]').setInputFiles(bundle);
        await expect(result.locator('.verdict-title')).toHaveText(`! ${text('verify:verdict.unverified')}`, { timeout: 60_000 });
        await expect(section.getByRole('heading', { level: 3, name: text('verify:countersign.title') })).toBeVisible();
        await expect(section.locator('.countersignature-none')).toHaveText(text('verify:countersign.none'));
        await expect(form.getByRole('heading', { level: 4, name: text('verify:countersign.addTitle') })).toBeVisible();
        await expect(form).toContainText(text('verify:countersign.addIntro'));
        await expect(password).toHaveAttribute('type', 'password');
        await expect(password).toHaveAttribute('autocomplete', 'off');
        // Nothing to sign with yet.
        await expect(submit).toBeDisabled();
        await expect(mark('countersignature')).toHaveText('–');
        await expect(mark('countersignatureAnchor')).toHaveText('–');
        await checkScreen(page, lng, 'a valid bundle without a countersignature');
      });

      const before = await readFile(bundle);
      await test.step('a wrong password is refused in words; the bundle file is unchanged byte for byte, the password gone', async () => {
        await keyInput.setInputFiles(lawyer.pkcs12File);
        await expect(form.locator('.key-name')).toHaveText(text('verify:countersign.keyChosen', { name: basename(lawyer.pkcs12File) }));
        await password.fill('не тот пароль');
        await submit.click();
        await expect(form.getByRole('alert')).toHaveText(text('errors:pkcs12WrongPassword'), { timeout: 60_000 });
        await expect(password).toHaveValue('');
        await expect(password).toBeFocused();
        expect((await readFile(bundle)).equals(before)).toBe(true);
        await checkScreen(page, lng, 'a wrong password');
        await page.screenshot({ path: testInfo.outputPath(`wrong-password-${lng}.png`), fullPage: true });
      });

      await test.step('a key file in the older encryption, or one too large to be a key file, is refused in words; the bundle is unchanged', async () => {
        await keyInput.setInputFiles(lawyer.legacyPkcs12File);
        await expect(form.locator('.key-name')).toHaveText(text('verify:countersign.keyChosen', { name: basename(lawyer.legacyPkcs12File) }));
        await password.fill(lawyer.password);
        await submit.click();
        await expect(form.getByRole('alert')).toHaveText(text('errors:pkcs12Unsupported'), { timeout: 60_000 });
        await expect(password).toHaveValue('');
        expect((await readFile(bundle)).equals(before)).toBe(true);
        await checkScreen(page, lng, 'a key file in the older encryption');

        const huge = join(dalel.dir, 'огромный.p12');
        await writeFile(huge, Buffer.alloc(150_000, 1));
        await keyInput.setInputFiles(huge);
        await expect(form.getByRole('alert')).toHaveText(text('verify:countersign.keyTooLarge', { name: 'огромный.p12' }));
        await expect(form.locator('.key-name')).toHaveCount(0);
        await expect(submit).toBeDisabled();
        expect((await readFile(bundle)).equals(before)).toBe(true);
      });

      let signature: CountersignatureReport | undefined;
      await test.step('the right password countersigns; checked again, the bundle shows the signer, the ИИН, the issuer and the signer’s clock', async () => {
        await keyInput.setInputFiles(lawyer.pkcs12File);
        await password.fill(lawyer.password);
        await submit.click();
        await expect(section.locator('.countersignature-subject')).toHaveText(lawyer.subject, { timeout: 60_000 });
        await expect(result.locator('.verdict-title')).toHaveText(`! ${text('verify:verdict.unverified')}`);
        const after = await readFile(bundle);
        await expect(page.locator('.toast-region .toast')).toContainText(text('verify:countersign.added', { name: basename(bundle) }));
        // The file the lawyer sends on is a new one: its SHA-256 is shown, to give with it.
        await expect(page.locator('.countersigned-sha256')).toHaveText(`${text('verify:countersign.newSha256')} ${sha256Hex(after)}`);
        // What the engine itself finds in the bundle file now.
        signature = (await dispatch<VerifyReport>(dalel, 'bundle:verify', { path: bundle })).countersignature;
        expect(signature).toBeDefined();
        expect(signature!.subject).toBe(lawyer.subject);
        expect(signature!.issuer).toContain('Test certification centre');
        expect(signature!.validAtSigning).toBe(true);
        await expect(section.locator('dt', { hasText: text('verify:countersign.iin') })).toBeVisible();
        await expect(section.locator('.countersignature-iin')).toHaveText('880101300123');
        await expect(section.locator('.countersignature-bin')).toHaveCount(0);
        await expect(section.locator('.countersignature-issuer')).toHaveText(signature!.issuer);
        await expect(section.locator('.countersignature-serial')).toHaveText(signature!.serial);
        await expect(section.locator('.countersignature-validity')).toHaveText(
          text('verify:countersign.validityRange', { from: await localTime(page, signature!.validFrom, lng), to: await localTime(page, signature!.validTo, lng) }),
        );
        const signed = section.locator('.countersignature-time time');
        await expect(signed).toHaveAttribute('datetime', signature!.signingTime!);
        await expect(signed).toHaveText(text('verify:countersign.signingTimeLocal', { time: await localTime(page, signature!.signingTime!, lng) }));
        await expect(section.locator('.countersignature-clock')).toHaveText(text('verify:countersign.signerClock'));
        await expect(section.locator('.countersignature-warning')).toHaveCount(0);
        await expect(section.locator('.countersignature-anchoring')).toHaveText(`! ${text('verify:countersign.noAnchors')}`);
        await expect(form).toHaveCount(0);
        await expect(mark('countersignature')).toHaveText('✓');
        await expect(mark('countersignatureAnchor')).toHaveText('–');

        // No file of the bundle changed; one was added, beside the exporter's signature.
        const old = join(dalel.dir, 'unzipped before');
        const now = join(dalel.dir, 'unzipped after');
        await writeFile(join(dalel.dir, 'before.zip'), before);
        unzip(join(dalel.dir, 'before.zip'), old);
        unzip(bundle, now);
        const oldFiles = await filesIn(old);
        const newFiles = await filesIn(now);
        const added = `${bundleId}/tagmanifest-sha256.txt.p7s`;
        expect([...newFiles.keys()].sort()).toEqual([...oldFiles.keys(), added].sort());
        for (const [path, bytes] of oldFiles) expect(newFiles.get(path)!.equals(bytes), path).toBe(true);
        // OpenSSL verifies the countersignature of the tag manifest against the certification centre's root.
        const bag = join(now, bundleId);
        const openssl = spawnSync(
          'openssl',
          ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(bag, 'tagmanifest-sha256.txt.p7s'), '-content', join(bag, 'tagmanifest-sha256.txt'), '-CAfile', lawyer.anchorFile, '-purpose', 'any', '-out', '/dev/null'],
          { encoding: 'utf8' },
        );
        expect(openssl.status, openssl.stderr).toBe(0);
        expect(`${openssl.stdout}${openssl.stderr}`).toContain('Verification successful');
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing wider than the window').toBe(true);
        await checkScreen(page, lng, 'a countersigned bundle');
        await page.screenshot({ path: testInfo.outputPath(`countersigned-${lng}.png`), fullPage: true });
      });

      await test.step('given the centre’s root certificate, the signer’s chains to it; given another root, it does not', async () => {
        const centres = page.locator('.countersignature-anchors');
        await centres.locator('input[type="file"]').setInputFiles(lawyer.anchorFile);
        await expect(centres.locator('.anchors-name')).toHaveText(text('verify:countersign.anchorsChosen', { name: basename(lawyer.anchorFile) }));
        await page.getByRole('button', { name: text('verify:screen.checkAgain') }).click();
        await expect(section.locator('.countersignature-anchoring')).toHaveText(`✓ ${text('verify:countersign.anchored')}`, { timeout: 60_000 });
        await expect(mark('countersignatureAnchor')).toHaveText('✓');
        await checkScreen(page, lng, 'a countersignature that chains to a trusted root');

        await centres.locator('input[type="file"]').setInputFiles(lawyer.strangerAnchorFile);
        await page.getByRole('button', { name: text('verify:screen.checkAgain') }).click();
        await expect(section.locator('.countersignature-anchoring')).toHaveText(`! ${text('verify:countersign.notAnchored')}`, { timeout: 60_000 });
        await expect(mark('countersignatureAnchor')).toHaveText('!');
        await expect(result.locator('.verdict-title')).toHaveText(`! ${text('verify:verdict.unverified')}`);
        await checkScreen(page, lng, 'a countersignature that chains to no trusted root');

        await centres.getByRole('button', { name: text('verify:countersign.removeAnchors') }).click();
        await expect(centres.locator('.anchors-name')).toHaveCount(0);
      });

      await test.step('a signing time outside the certificate’s validity is warned of plainly', async () => {
        // The test centre's certificate is valid now, when the lawyer signed; the page is handed the report as a check would make it
        // for a signer whose clock put the signature after the certificate expired.
        await page.evaluate(() => {
          type Report = { ok: boolean; value?: { countersignature?: { validAtSigning: boolean | null } } };
          const api = (window as unknown as { dalel: { bundle: Record<string, (request: unknown) => Promise<Report>> } }).dalel.bundle;
          const verify = api.verify!;
          api.verify = async (request) => {
            const result = await verify(request);
            if (result.ok && result.value?.countersignature) result.value.countersignature.validAtSigning = false;
            return result;
          };
        });
        await page.getByRole('button', { name: text('verify:screen.checkAgain') }).click();
        await expect(section.locator('.countersignature-warning')).toHaveText(`! ${text('verify:countersign.notValidAtSigning')}`, { timeout: 60_000 });
        await checkScreen(page, lng, 'a countersignature made outside its certificate’s validity');
      });

      expect(dalel.externalRequests).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.missingKeys).toEqual([]);
    });
  });
}
