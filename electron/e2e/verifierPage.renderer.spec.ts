/**
 * The standalone verifier page (verifier/, out/verifier/dalel-verify.html),
 * opened from file:// in Chromium with every network request refused and
 * recorded: a real signed bundle is reported intact with its signer's
 * fingerprint, in en, ru and kk, axe-clean; and every bundle of the project's
 * hostile corpus is refused for the same reason, naming the same file, as
 * `dalel verify` refuses it (electron/engine/bundle/verify.ts) — the page and
 * the command run the same shared checks (shared/verify/).
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VerifyReport } from '../../shared/bagit';
import type { HostileBundle } from '../engine/bundle/testing/hostileCorpus';
import { expect, test, withJsonModules } from './harness';
import { localeText } from './localeTexts';

const page = resolve(import.meta.dirname, '../../out/verifier/dalel-verify.html');
const pageUrl = pathToFileURL(page).href;

let folder: { path: string; remove(): Promise<void> };
let valid: { path: string; fingerprint: string };
let corpus: HostileBundle[];
let verifyBundle: (path: string) => Promise<VerifyReport>;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  expect(existsSync(page), 'the verifier page is built (node scripts/build.js)').toBe(true);
  const [{ writeHostileCorpus }, { archiveZip, makeBag }, { fingerprintOfLine }, { temporaryFolder }, verify] = await withJsonModules(() =>
    Promise.all([
      import('../engine/bundle/testing/hostileCorpus'),
      import('../engine/bundle/testing/makeBundle'),
      import('../engine/signingKey'),
      import('../engine/testing/fixtures'),
      import('../engine/bundle/verify'),
    ]),
  );
  verifyBundle = (path) => verify.verifyBundle(path);
  folder = await temporaryFolder();
  const bag = await makeBag();
  const path = join(folder.path, `${bag.name}.zip`);
  await archiveZip(bag, path);
  valid = { path, fingerprint: fingerprintOfLine(bag.key.publicLine) };
  corpus = await writeHostileCorpus(folder.path, 'small');
});
test.afterAll(() => folder?.remove());

/** A context in which every request but for the page's own file is refused, and recorded. */
async function offline(context: BrowserContext): Promise<string[]> {
  const attempts: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pageUrl || url.startsWith(`${pageUrl}?`)) return route.continue();
    attempts.push(url);
    return route.abort();
  });
  return attempts;
}

async function check(tab: Page, path: string): Promise<void> {
  await tab.locator('#file').setInputFiles(path);
  await expect(tab.locator('body')).toHaveAttribute('data-state', /^(valid|invalid)$/, { timeout: 60_000 });
}

test('the page is one self-contained file, published with its own sha256', () => {
  const bytes = readFileSync(page);
  const text = bytes.toString('utf8');
  // Nothing loaded from elsewhere, and a policy that lets nothing load: no fetch, no image, no font, no other script.
  expect(text).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img|<iframe/i);
  expect(text).toMatch(/Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+='; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'">/);
  const published = readFileSync(`${page}.sha256`, 'utf8');
  expect(published).toBe(`${createHash('sha256').update(bytes).digest('hex')}  dalel-verify.html\n`);
});

for (const lng of ['en', 'ru', 'kk'] as const) {
  test(`reports a signed bundle intact, with its signer, offline (${lng})`, async ({ browser }) => {
    const context = await browser.newContext();
    const attempts = await offline(context);
    const tab = await context.newPage();
    await tab.goto(`${pageUrl}?lang=${lng}`);
    await expect(tab.locator('body')).toHaveAttribute('data-state', 'ready');
    await expect(tab.locator('h1')).toHaveText(localeText(lng, 'verify:page.title'));
    await check(tab, valid.path);
    await expect(tab.locator('body')).toHaveAttribute('data-state', 'valid');
    // The page holds no trusted keys: intact, but the signer is never called verified here.
    await expect(tab.locator('.verdict')).toHaveText(`! ${localeText(lng, 'verify:verdict.unverified')}`);
    await expect(tab.locator('.verdict-text')).toHaveText(localeText(lng, 'verify:verdict.unverifiedText'));
    await expect(tab.locator('.signer')).toContainText(valid.fingerprint);
    await expect(tab.locator('.fingerprint-numbers')).toHaveText(new RegExp(`^${localeText(lng, 'verify:fingerprint.numbers')}: \\d{5}( \\d{5}){5}$`));
    await expect(tab.locator('#result')).not.toContainText(/\bvalid\b|действител|жарамды/i);
    await expect(tab.locator('ol.checks li[data-ok="false"]')).toHaveCount(0);
    await expect(tab.locator('.not-checked li')).toContainText([localeText(lng, 'verify:page.notChecked.records')]);
    const { violations } = await new AxeBuilder({ page: tab }).analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
    expect(attempts).toEqual([]);
    await context.close();
  });
}

test('refuses every hostile bundle for the reason dalel verify gives, naming the same file', async ({ browser }) => {
  test.setTimeout(600_000);
  const context = await browser.newContext();
  const attempts = await offline(context);
  const tab = await context.newPage();
  await tab.goto(`${pageUrl}?lang=en`);
  for (const bundle of corpus) {
    const expected = (await verifyBundle(bundle.path)).failure!;
    await tab.reload();
    await expect(tab.locator('body')).toHaveAttribute('data-state', 'ready');
    await check(tab, bundle.path);
    await expect(tab.locator('body'), bundle.id).toHaveAttribute('data-state', 'invalid');
    await expect(tab.locator('[data-reason]'), bundle.id).toHaveAttribute('data-reason', expected.reason);
    if (expected.file !== undefined) await expect(tab.locator('#result dl'), bundle.id).toContainText(expected.file.slice(0, 200));
    // The corpus's own expectation too: the page names the file the attack is about.
    expect(expected.reason, bundle.id).toBe(bundle.reason);
  }
  expect(attempts).toEqual([]);
  await context.close();
});
