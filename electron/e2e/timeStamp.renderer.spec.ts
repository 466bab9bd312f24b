/**
 * Proof of time on the check screen, in the built UI against the real
 * engine, in English, Russian and Kazakh. A valid bundle without one says
 * so plainly, as no fault. The person saves a time-stamp request where the
 * save dialog answers (the dialog is offered `<bundle id>.tsq`); the file is
 * an RFC 3161 request `openssl ts -query` reads, holding the SHA-256 of the
 * bundle's tag manifest. A test authority answers it. The response made for
 * another bundle is refused in words and leaves the bundle file unchanged
 * byte for byte, as does a file too large to be a response; the right one
 * is added and the bundle, checked again, shows the authority's time (in
 * the UI language and in UTC) and name, and, once the person gives its
 * root certificate, that it chains to it (and, given another root, that it
 * does not). Axe finds nothing on any of these states; nothing leaves for
 * the network.
 */
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { TimeStampReport, VerifyReport } from '../../shared/bagit';
import { makeTestAuthority } from '../engine/timestamp/testing/testAuthority';
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

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** A legal bundle of the archive's records, written by the engine as the export screen would. */
async function exportBundle(dalel: DalelSession, out: string, lng: Lng): Promise<string> {
  const { bundleId } = await dispatch<{ bundleId: string }>(dalel, 'bundle:export', { out, profile: 'legal', language: lng });
  return bundleId;
}

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

/** The authority's time as the UI writes it in `lng` and the browser's zone (renderer/src/incidents/format.ts, formatInstant). */
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

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`a bundle gets a proof of time: request saved, a wrong response refused, the right one added and shown (${lng})`, async ({ dalel }, testInfo) => {
      test.setTimeout(240_000);
      const { page } = dalel;
      const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
      await dalel.open();
      await createArchive(dalel);
      await saveIncidentDirectly(page, sampleIncidents[0]!);
      const bundle = join(dalel.dir, `пакет ${lng} 📦.zip`);
      const bundleId = await exportBundle(dalel, bundle, lng);
      await mkdir(join(dalel.dir, 'authority'));
      const authority = makeTestAuthority(join(dalel.dir, 'authority'));
      const entriesOf = (zip: string) => execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
      const result = page.locator('section.verify-result');
      const proof = result.locator('section.proof-of-time');
      const mark = (id: string) => result.locator(`li[data-check="${id}"] .check-mark`);

      await test.step('a valid bundle without proof of time says so, as no fault', async () => {
        await page.getByRole('navigation').getByRole('link', { name: text('verify:screen.nav'), exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: text('verify:title') })).toBeFocused();
        await expect(page.getByRole('group', { name: text('verify:timestamp.anchorsLabel') })).toBeVisible();
        dalel.offerFiles([bundle]);
        await page.locator('.verify-drop input[type="file"]').setInputFiles(bundle);
        await expect(result.locator('.verdict-title')).toHaveText(`! ${text('verify:verdict.unverified')}`, { timeout: 60_000 });
        await expect(proof.getByRole('heading', { level: 3, name: text('verify:timestamp.title') })).toBeVisible();
        await expect(proof.locator('.proof-none')).toHaveText(text('verify:timestamp.none'));
        await expect(mark('timestamp')).toHaveText('–');
        await expect(mark('timestampAnchor')).toHaveText('–');
        await expect(proof.locator('.proof-command')).toHaveText(
          `curl -H "content-type: application/timestamp-query" --data-binary "@${bundleId}.tsq" AUTHORITY_URL -o "${bundleId}.tsr"`,
        );
        await checkScreen(page, lng, 'a valid bundle without proof of time');
      });

      const before = await readFile(bundle);
      const entriesBefore = entriesOf(bundle);
      const requestFile = join(dalel.dir, 'saved bundle.zip');
      await test.step('the request: the save dialog is offered <bundle id>.tsq; the file holds the tag manifest’s SHA-256', async () => {
        // Notes what the page asks the save dialog to propose (the harness's dialog answers "saved bundle.zip").
        await page.evaluate(() => {
          const api = (window as unknown as { dalel: { bundle: Record<string, (request: { suggested: string }) => Promise<unknown>> } }).dalel.bundle;
          const chooseOut = api.chooseOut!;
          api.chooseOut = (request) => {
            (window as unknown as { suggestedOut: string }).suggestedOut = request.suggested;
            return chooseOut(request);
          };
        });
        await proof.getByRole('button', { name: text('verify:timestamp.saveRequest') }).click();
        await expect(proof.locator('.proof-request-path')).toHaveText(requestFile);
        expect(await page.evaluate(() => (window as unknown as { suggestedOut: string }).suggestedOut)).toBe(`${bundleId}.tsq`);
        await expect(proof.locator('.proof-command')).toHaveText(
          'curl -H "content-type: application/timestamp-query" --data-binary "@saved bundle.zip" AUTHORITY_URL -o "saved bundle.tsr"',
        );
        expect(existsSync(requestFile)).toBe(true);
        const shown = execFileSync('openssl', ['ts', '-query', '-in', requestFile, '-text'], { encoding: 'utf8', stdio: 'pipe' });
        expect(shown).toMatch(/Hash Algorithm: sha256/);
        expect(shown).toMatch(/Nonce: 0x[0-9A-F]+/i);
        const tagManifest = execFileSync('unzip', ['-p', bundle, `${bundleId}/tagmanifest-sha256.txt`]);
        expect((await readFile(requestFile)).includes(sha256(tagManifest))).toBe(true);
        // Saving a request changes nothing in the bundle.
        expect((await readFile(bundle)).equals(before)).toBe(true);
        await checkScreen(page, lng, 'a time-stamp request saved');
        await page.screenshot({ path: testInfo.outputPath(`request-saved-${lng}.png`), fullPage: true });
      });

      await test.step('a response for another bundle, or a file too large to be one, is refused in words; the bundle is unchanged', async () => {
        const other = join(dalel.dir, 'другой.zip');
        await exportBundle(dalel, other, lng);
        const otherRequest = join(dalel.dir, 'другой.tsq');
        await dispatch(dalel, 'bundle:timeStampRequest', { path: other, out: otherRequest });
        const wrong = join(dalel.dir, `чужой ответ ${lng}.tsr`);
        await writeFile(wrong, authority.reply(await readFile(otherRequest)));
        await proof.locator('.add-time-stamp input[type="file"]').setInputFiles(wrong);
        await expect(proof.getByRole('alert')).toHaveText(text('errors:timeStampNotForBundle'), { timeout: 60_000 });
        expect((await readFile(bundle)).equals(before)).toBe(true);
        await checkScreen(page, lng, 'a response for another bundle');

        const huge = join(dalel.dir, 'огромный.tsr');
        await writeFile(huge, Buffer.alloc(200_000, 1));
        await proof.locator('.add-time-stamp input[type="file"]').setInputFiles(huge);
        await expect(proof.getByRole('alert')).toHaveText(text('verify:timestamp.responseTooLarge', { name: 'огромный.tsr' }));
        expect((await readFile(bundle)).equals(before)).toBe(true);
      });

      let stamp: TimeStampReport | undefined;
      await test.step('the authority’s response is added; checked again, the bundle shows its time and authority', async () => {
        const response = join(dalel.dir, `ответ ${lng}.tsr`);
        await writeFile(response, authority.reply(await readFile(requestFile)));
        await proof.locator('.add-time-stamp input[type="file"]').setInputFiles(response);
        await expect(page.locator('.toast-region .toast')).toContainText(text('verify:timestamp.added', { name: basename(bundle) }), { timeout: 60_000 });
        await expect(proof.locator('.proof-time time')).toBeVisible({ timeout: 60_000 });
        await expect(result.locator('.verdict-title')).toHaveText(`! ${text('verify:verdict.unverified')}`);
        // What the engine itself finds in the bundle file now.
        stamp = (await dispatch<VerifyReport>(dalel, 'bundle:verify', { path: bundle })).timestamp;
        expect(stamp).toBeDefined();
        expect(stamp!.authority).toContain('Dalel Test TSA');
        expect(Math.abs(Date.parse(stamp!.time) - Date.now())).toBeLessThan(10 * 60_000);
        await expect(proof.locator('.proof-time time')).toHaveAttribute('datetime', stamp!.time);
        await expect(proof.locator('.proof-time time')).toHaveText(text('verify:timestamp.timeLocal', { time: await localTime(page, stamp!.time, lng) }));
        await expect(proof.locator('.proof-time-utc')).toHaveText(`${stamp!.time.replace('T', ' ').replace(/\.000Z$/, '')} UTC`);
        // The test authority states an accuracy of one second.
        expect(stamp!.accuracy).toBe(1);
        await expect(proof.locator('.proof-accuracy')).toHaveText(text('verify:timestamp.accuracyValue', { seconds: '1' }));
        await expect(proof.locator('.proof-authority')).toHaveText(stamp!.authority);
        await expect(proof.locator('.proof-serial')).toHaveText(stamp!.serial);
        await expect(proof.locator('.proof-anchoring')).toHaveText(`! ${text('verify:timestamp.noAnchors')}`);
        await expect(proof.locator('.add-time-stamp')).toHaveCount(0);
        await expect(mark('timestamp')).toHaveText('✓');
        await expect(mark('timestampAnchor')).toHaveText('–');
        // One file was added to the ZIP: the token, beside the signature.
        expect(entriesOf(bundle).sort()).toEqual([...entriesBefore, `${bundleId}/tagmanifest-sha256.txt.tsr`].sort());
        await checkScreen(page, lng, 'a bundle with a proof of time');
        await page.screenshot({ path: testInfo.outputPath(`proof-of-time-${lng}.png`), fullPage: true });
      });

      await test.step('given the authority’s root certificate, the proof chains to it; given another root, it does not', async () => {
        const anchorsField = page.locator('.time-stamp-anchors');
        await anchorsField.locator('input[type="file"]').setInputFiles(authority.anchorFile);
        await expect(anchorsField.locator('.anchors-name')).toHaveText(text('verify:timestamp.anchorsChosen', { name: basename(authority.anchorFile) }));
        await page.getByRole('button', { name: text('verify:screen.checkAgain') }).click();
        await expect(proof.locator('.proof-anchoring')).toHaveText(`✓ ${text('verify:timestamp.anchored')}`, { timeout: 60_000 });
        await expect(mark('timestampAnchor')).toHaveText('✓');
        await checkScreen(page, lng, 'a proof of time that chains to a trusted root');

        await anchorsField.locator('input[type="file"]').setInputFiles(authority.strangerAnchorFile);
        await page.getByRole('button', { name: text('verify:screen.checkAgain') }).click();
        await expect(proof.locator('.proof-anchoring')).toHaveText(`! ${text('verify:timestamp.notAnchored')}`, { timeout: 60_000 });
        await expect(mark('timestampAnchor')).toHaveText('!');
        await expect(result.locator('.verdict-title')).toHaveText(`! ${text('verify:verdict.unverified')}`);
        await checkScreen(page, lng, 'a proof of time that chains to no trusted root');

        await anchorsField.getByRole('button', { name: text('verify:timestamp.removeAnchors') }).click();
        await expect(anchorsField.locator('.anchors-name')).toHaveCount(0);
      });

      expect(dalel.externalRequests).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.missingKeys).toEqual([]);
    });
  });
}
