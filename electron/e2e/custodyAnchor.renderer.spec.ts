/**
 * The custody log's proof of time on a record's page, in the built UI
 * against the real engine, in English, Russian and Kazakh. The log has no
 * proof at first, and says so. The person saves a request for the log as
 * it is now where the save dialog answers (offered
 * `dalel-custody-<date>.tsq`): a request `openssl ts -query` reads, holding
 * the SHA-256 of the statement naming the log's last line, with the curl
 * line to send it. A test authority (Debian's OpenSSL, `openssl ts -reply`)
 * answers it; the answer is added and listed with its line, the
 * authority's time (in the UI language and in UTC) and name, and that it
 * checks, and the record's history is said to be covered. An answer to
 * another request, and the authority's refusal, are refused in words with
 * nothing added. Axe finds nothing in any of these states; nothing leaves
 * for the network.
 */
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTestAuthority, refusal } from '../engine/timestamp/testing/testAuthority';
import { expect, test, type DalelSession } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

type Lng = 'en' | 'ru' | 'kk';

const languages: { lng: Lng; osLocale: string }[] = [
  { lng: 'en', osLocale: 'en-US' },
  { lng: 'ru', osLocale: 'ru-RU' },
  { lng: 'kk', osLocale: 'kk-KZ' },
];

interface ListedAnchor {
  seq: number;
  hash: string;
  timestamp?: { time: string; authority: string };
  problem?: string;
}

async function listedAnchors(dalel: DalelSession): Promise<ListedAnchor[]> {
  const result = await dalel.engine.dispatch('custody:anchors', {});
  if (!result.ok) throw new Error(`custody:anchors failed: ${JSON.stringify(result.error)}`);
  return (result.value as { anchors: ListedAnchor[] }).anchors;
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

/** No key of the part shows as itself, no English is left in another language, and axe finds nothing. */
async function checkPart(page: Page, lng: Lng, state: string) {
  const body = await page.locator('body').innerText();
  expect([...body.matchAll(/\b(?:common|errors|verify):[\w.]+|custody\.proof\.[\w.]+/g)].map((m) => m[0]), `raw keys: ${state} (${lng})`).toEqual([]);
  await expectNoEnglishLeft(page, lng, state);
  await expectNoAxeViolations(page, `${state} (${lng})`);
}

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`the custody log gets a proof of time: request saved, answer added and listed, another request's answer refused (${lng})`, async ({ dalel }, testInfo) => {
      test.setTimeout(180_000);
      const { page } = dalel;
      const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
      await dalel.open();
      await createArchive(dalel);
      const recordId = await saveIncidentDirectly(page, sampleIncidents[0]!);
      await mkdir(join(dalel.dir, 'authority'));
      const authority = makeTestAuthority(join(dalel.dir, 'authority'));
      const part = page.getByRole('region', { name: text('common:custody.proof.title') });
      const status = part.locator('.custody-proof-status');
      const answerInput = part.locator('input[type="file"]');

      await test.step('the record’s page shows the part; the log has no proof of time yet', async () => {
        await page.evaluate((id) => (window.location.hash = `#/incident/${id}`), recordId);
        await expect(page.getByRole('heading', { level: 2, name: text('common:custody.title') })).toBeVisible();
        await expect(part.getByRole('heading', { level: 3, name: text('common:custody.proof.title') })).toBeVisible();
        await expect(part.locator('.custody-proof-none')).toHaveText(text('common:custody.proof.none'));
        await expect(status).toHaveAttribute('role', 'status');
        await expect(part.getByRole('button', { name: text('common:custody.proof.saveRequest') })).toBeEnabled();
        await expect(part.getByRole('button', { name: text('common:custody.proof.chooseAnswer') })).toBeEnabled();
        await checkPart(page, lng, 'a log without proof of time');
      });

      const requestFile = join(dalel.dir, 'saved bundle.zip');
      let lastSeq = -1;
      await test.step('the request: offered dalel-custody-<date>.tsq, it holds the SHA-256 of the statement naming the log’s last line', async () => {
        // Notes what the page asks the save dialog to propose (the harness's dialog answers "saved bundle.zip").
        await page.evaluate(() => {
          const api = (window as unknown as { dalel: { bundle: Record<string, (request: { suggested: string }) => Promise<unknown>> } }).dalel.bundle;
          const chooseOut = api.chooseOut!;
          api.chooseOut = (request) => {
            (window as unknown as { suggestedOut: string }).suggestedOut = request.suggested;
            return chooseOut(request);
          };
        });
        // From the keyboard: the button takes focus and Enter presses it.
        await part.getByRole('button', { name: text('common:custody.proof.saveRequest') }).focus();
        await page.keyboard.press('Enter');
        await expect(part.locator('.custody-request-path')).toHaveText(requestFile);
        expect(await page.evaluate(() => (window as unknown as { suggestedOut: string }).suggestedOut)).toMatch(/^dalel-custody-\d{4}-\d{2}-\d{2}\.tsq$/);

        const log = await dalel.engine.dispatch('custody:list', {});
        if (!log.ok) throw new Error('custody:list failed');
        const events = (log.value as { events: { seq: number; hash: string }[] }).events;
        const last = events.at(-1)!;
        lastSeq = last.seq;
        await expect(status).toHaveText(text('common:custody.proof.requestSavedStatus', { seq: last.seq, name: 'saved bundle.zip' }));
        await expect(part.locator('.custody-proof-command')).toHaveText(
          'curl -H "content-type: application/timestamp-query" --data-binary "@saved bundle.zip" AUTHORITY_URL -o "saved bundle.tsr"',
        );
        expect(existsSync(requestFile)).toBe(true);
        const shown = execFileSync('openssl', ['ts', '-query', '-in', requestFile, '-text'], { encoding: 'utf8', stdio: 'pipe' });
        expect(shown).toMatch(/Hash Algorithm: sha256/);
        expect(shown).toMatch(/Nonce: 0x[0-9A-F]+/i);
        const statement = Buffer.from(`Dalel custody log\nseq ${last.seq}\nhash ${last.hash}\n`, 'utf8');
        expect((await readFile(requestFile)).includes(createHash('sha256').update(statement).digest())).toBe(true);
        // Saving a request keeps nothing in the archive.
        expect(await listedAnchors(dalel)).toEqual([]);
        await checkPart(page, lng, 'a request saved');
      });

      await test.step('the authority’s answer is added and listed with its line, time, authority and check', async () => {
        const answer = join(dalel.dir, `ответ ${lng}.tsr`);
        await writeFile(answer, authority.reply(await readFile(requestFile)));
        await answerInput.setInputFiles(answer);
        const rows = part.getByRole('table', { name: text('common:custody.proof.caption') }).locator('tbody tr');
        await expect(rows).toHaveCount(1, { timeout: 30_000 });
        const [anchor] = await listedAnchors(dalel);
        expect(anchor).toBeDefined();
        expect(anchor!.seq).toBe(lastSeq);
        const stamp = anchor!.timestamp!;
        expect(stamp.authority).toContain('Dalel Test TSA');
        expect(Math.abs(Date.parse(stamp.time) - Date.now())).toBeLessThan(10 * 60_000);
        const local = await localTime(page, stamp.time, lng);
        const utc = `${stamp.time.replace('T', ' ').replace(/\.0+Z$/, 'Z').replace(/Z$/, '')} UTC`;

        await expect(rows.first().getByRole('rowheader')).toHaveText(String(lastSeq));
        await expect(rows.first().locator('.custody-anchor-time')).toHaveAttribute('datetime', stamp.time);
        await expect(rows.first().locator('.custody-anchor-time')).toHaveText(local);
        await expect(rows.first().locator('.custody-anchor-utc')).toHaveText(utc);
        await expect(rows.first().locator('.custody-anchor-authority')).toHaveText(stamp.authority);
        await expect(rows.first().locator('.custody-anchor-check')).toHaveText(`✓ ${text('common:custody.proof.holds')}`);
        await expect(status).toHaveText(text('common:custody.proof.added', { seq: lastSeq, time: `${local} (${utc})`, authority: stamp.authority }));
        await expect(part.locator('.custody-proof-coverage')).toHaveText(text('common:custody.proof.covered', { seq: lastSeq, time: local, authority: stamp.authority }));
        await expect(part.getByRole('alert')).toHaveCount(0);
        await checkPart(page, lng, 'a proof of time kept');
        await page.screenshot({ path: testInfo.outputPath(`custody-proof-${lng}.png`), fullPage: true });
      });

      await test.step('an answer to another request, or the authority’s refusal, is refused in words; nothing is added', async () => {
        const before = await listedAnchors(dalel);
        const otherData = join(dalel.dir, 'другое.txt');
        await writeFile(otherData, 'not this archive’s log\n');
        const otherRequest = join(dalel.dir, 'другой.tsq');
        execFileSync('openssl', ['ts', '-query', '-data', otherData, '-sha256', '-cert', '-out', otherRequest], { stdio: 'pipe' });
        const wrong = join(dalel.dir, `чужой ответ ${lng}.tsr`);
        await writeFile(wrong, authority.reply(await readFile(otherRequest)));
        await answerInput.setInputFiles(wrong);
        await expect(part.getByRole('alert')).toHaveText(text('errors:anchorNotForLog'), { timeout: 30_000 });
        expect(await listedAnchors(dalel)).toEqual(before);
        await expect(part.getByRole('table', { name: text('common:custody.proof.caption') }).locator('tbody tr')).toHaveCount(1);
        await checkPart(page, lng, 'an answer to another request');

        const refused = join(dalel.dir, `отказ ${lng}.tsr`);
        await writeFile(refused, refusal());
        await answerInput.setInputFiles(refused);
        await expect(part.getByRole('alert')).toHaveText(text('errors:timeStampNotGranted'), { timeout: 30_000 });
        expect(await listedAnchors(dalel)).toEqual(before);
      });

      expect(dalel.externalRequests).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.missingKeys).toEqual([]);
    });
  });
}
