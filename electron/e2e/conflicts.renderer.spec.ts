/**
 * One organization, two defenders, one incident edited on both sides, in the
 * built UI against the real engine, in English, Russian and Kazakh.
 * Defender A records an incident (Kazakh and Russian text) with an effect
 * on people and sends an internal bundle to defender B; both then change the
 * incident's summary, each in their own words, and its effect's severity; B
 * records an incident of their own; both send internal bundles. The
 * organization imports A then B, a second organization B then A: both end
 * with the same state hash. In the first one's UI the incident list marks
 * the incident "In conflict: 2 versions", the conflicts screen lists it and
 * its effect, and the resolve view shows both versions with their authors
 * (B by the name the organization trusts, A, who made the records, as an
 * unknown key with its fingerprint), where each came from, and the one field that differs. The
 * person keeps B's version and confirms: the mark goes, the record has one
 * version whose parents are both former heads, and the history names the
 * resolution and where every revision came from. The effect, which nobody
 * resolved, is still in conflict. Importing A's bundle again changes
 * nothing and reopens nothing. Axe finds nothing; nothing leaves for the
 * network; no key shows untranslated.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordDetail, RecordSummary } from '../../shared/ipc';
import type { EffectInput, IncidentInput } from '../../shared/model';
import { expect, test, type DalelSession } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { expectNoAxeViolations, expectNoRawKeys, sampleIncidents } from './rendererSteps';

type Lng = 'en' | 'ru' | 'kk';

const languages: { lng: Lng; osLocale: string }[] = [
  { lng: 'en', osLocale: 'en-US' },
  { lng: 'ru', osLocale: 'ru-RU' },
  { lng: 'kk', osLocale: 'kk-KZ' },
];

/** Texts in one language, plurals chosen as i18next chooses them; `pattern` matches a text whatever its date. */
function textsIn(lng: Lng) {
  const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
  const plural = (key: string, count: number, params: Record<string, string | number> = {}) =>
    text(`${key}_${new Intl.PluralRules(lng).select(count)}`, { count, ...params });
  const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = (key: string, params: Record<string, string | number>) =>
    new RegExp(escape(text(key, { ...params, date: '\u0000' })).replace('\u0000', '.+'));
  return { text, plural, pattern };
}

/** The engine's Archive and exportBundle, imported only once the harness has let the engine's JSON imports in. */
async function engineModules() {
  const [{ Archive }, { exportBundle }] = await Promise.all([import('../engine/archive'), import('../engine/bundle/export')]);
  return { Archive, exportBundle };
}

async function dispatch<T>(dalel: DalelSession, channel: string, request: unknown): Promise<T> {
  const result = await dalel.engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const title = 'Жаңаөзен: мобильді интернет өшірілді';
const summaryA = 'Мобильді интернет 4 қаңтар кешінен бері жоқ; банкоматтар істемейді.';
const summaryB = 'Мобильный интернет отключён с вечера 4 января, SMS не доходят.';
const ownIncidentB = 'Ақтау: мессенджерлер бұғатталды';
/**
 * The organizations trust B, not A: A made the records (a record's maker may
 * change it), B may change them because it is trusted. Each version's card
 * then shows one trusted author and one known only by its fingerprint.
 */
const trustedNameB = 'Ерлан (Жаңаөзен)';
const unknownSigner = { allowUntrusted: true };

/**
 * The two defenders' bundles, as in issue 6: A's incident with an effect,
 * sent to B; both edit the incident's summary and the effect's severity
 * differently; B adds an incident of its own; both export internal bundles.
 */
async function defendersBundles(dir: string) {
  const { Archive, exportBundle } = await engineModules();
  const create = (name: string, folder: string) =>
    Archive.create(join(dir, folder), { name, organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
  const exported = async (archive: Awaited<ReturnType<typeof Archive.create>>, name: string) => {
    const result = await exportBundle(archive, { out: join(dir, name), profile: 'internal', language: 'kk', softwareVersion: 'test' });
    return { path: result.path, bundleId: result.bundleId };
  };
  const a = await create('Айгерім, Алматы', 'defender-a');
  const b = await create('Ерлан, Жаңаөзен', 'defender-b');
  try {
    const incidentData: IncidentInput = { ...sampleIncidents[0]!, title, summary: 'Мобильді интернет өшірілді.' };
    const incident = await a.save({ type: 'incident', data: incidentData });
    const effectData: EffectInput = { incident: incident.recordId, category: 'banking_payments', severity: 'high', description: 'Банкоматтар жұмыс істемеді.' };
    const effect = await a.save({ type: 'effect', data: effectData });
    const first = await exported(a, 'a-first.zip');
    const received = await b.importBundle(first.path, unknownSigner);
    expect(received.imported?.kind).toBe('merged');

    await a.save({ type: 'incident', recordId: incident.recordId, parent: incident.revisionId, data: { ...incidentData, summary: summaryA } });
    await a.save({ type: 'effect', recordId: effect.recordId, parent: effect.revisionId, data: { ...effectData, severity: 'critical' } });
    await b.save({ type: 'incident', recordId: incident.recordId, parent: incident.revisionId, data: { ...incidentData, summary: summaryB } });
    await b.save({ type: 'effect', recordId: effect.recordId, parent: effect.revisionId, data: { ...effectData, severity: 'medium' } });
    await b.save({ type: 'incident', data: { ...sampleIncidents[2]!, title: ownIncidentB } });

    return {
      incidentId: incident.recordId,
      effectId: effect.recordId,
      bundleA: await exported(a, 'a-edited.zip'),
      bundleB: await exported(b, 'b-edited.zip'),
      keyA: { line: a.key.publicLine, fingerprint: a.key.fingerprint },
      keyB: { line: b.key.publicLine, fingerprint: b.key.fingerprint },
    };
  } finally {
    a.close();
    b.close();
  }
}

/** Organization 2, on its own: B's bundle, then A's. Its state hash. */
async function importedInOtherOrder(dir: string, keyB: { line: string }, bundles: string[]): Promise<string> {
  const { Archive } = await engineModules();
  const org = await Archive.create(join(dir, 'organization-2'), { name: 'Ұйым 2', organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
  try {
    await org.trust(keyB.line, trustedNameB);
    for (const bundle of bundles) expect((await org.importBundle(bundle, unknownSigner)).imported).toMatchObject({ kind: 'merged', setAside: [] });
    return await org.stateHash();
  } finally {
    org.close();
  }
}

const localeFile = (lng: string) => JSON.parse(readFileSync(new URL(`../../shared/i18n/locales/${lng}/conflicts.json`, import.meta.url), 'utf8'));
const flatten = (tree: Record<string, unknown>, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value as Record<string, unknown>, `${prefix}${key}.`),
  );

/** The shared checks, plus this namespace's own: none of its keys shown raw, none of its English left in another language. */
async function checkScreen(page: Page, lng: Lng, screen: string) {
  await expectNoAxeViolations(page, `${screen} (${lng})`);
  await expectNoRawKeys(page, `${screen} (${lng})`);
  await expectNoEnglishLeft(page, lng, screen);
  const body = await page.locator('body').innerText();
  const english = flatten(localeFile('en'));
  const local = new Map(flatten(localeFile(lng)));
  const rawKeys = english.map(([key]) => key.replace(/_(one|few|many|other)$/, '')).filter((key) => key.includes('.') && body.includes(key));
  expect(rawKeys, `raw conflicts keys on ${screen} (${lng})`).toEqual([]);
  if (lng === 'en') return;
  const leftover = english.filter(([key, value]) => !value.includes('{{') && value.length >= 4 && local.get(key) !== value && body.includes(value));
  expect(leftover.map(([, value]) => value), `English left on ${screen} (${lng})`).toEqual([]);
}

const short = (fingerprint: string) => `${fingerprint.slice(0, 'SHA256:'.length + 8)}…`;

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`two defenders edit one incident; the organization sees the conflict and resolves it by hand (${lng})`, async ({ dalel }, testInfo) => {
      test.setTimeout(240_000);
      const { page } = dalel;
      const { text, plural, pattern } = textsIn(lng);
      const defenders = await defendersBundles(dalel.dir);
      const { incidentId, effectId, bundleA, bundleB, keyA, keyB } = defenders;
      let formerHeads: string[] = [];

      await test.step('organization 1 imports A then B, organization 2 B then A: the same state hash', async () => {
        await dispatch(dalel, 'archive:create', { name: 'Ұйым 1', organization: 'Дәлел', protection: { kind: 'none' } });
        await dispatch(dalel, 'trust:add', { publicKey: keyB.line, name: trustedNameB });
        for (const bundle of [bundleA, bundleB]) {
          const outcome = await dispatch<{ imported: { kind: string } | null }>(dalel, 'bundle:import', { path: bundle.path, ...unknownSigner });
          expect(outcome.imported).toMatchObject({ kind: 'merged', setAside: [] });
        }
        const { stateHash } = await dispatch<{ stateHash: string }>(dalel, 'archive:stateHash', {});
        expect(await importedInOtherOrder(dalel.dir, keyB, [bundleB.path, bundleA.path])).toBe(stateHash);
        const { records } = await dispatch<{ records: RecordSummary[] }>(dalel, 'records:conflicts', {});
        expect(records.map((record) => record.recordId).sort()).toEqual([incidentId, effectId].sort());
        formerHeads = records.find((record) => record.recordId === incidentId)!.heads;
        expect(formerHeads).toHaveLength(2);
      });

      await test.step('the list marks the incident in conflict, in words, with a way to resolve; B’s own incident is not marked', async () => {
        await dalel.open();
        await expect(page.getByRole('heading', { level: 1, name: text('incidents:list.title') })).toBeVisible();
        const row = page.locator('.incident-table tbody tr').filter({ hasText: title });
        await expect(row.locator('.badge-conflict')).toHaveText(plural('conflicts:mark.badge', 2));
        await expect(row.getByRole('link', { name: text('conflicts:mark.resolve') })).toHaveAttribute('href', `#/conflicts/${incidentId}`);
        const own = page.locator('.incident-table tbody tr').filter({ hasText: ownIncidentB });
        await expect(own.locator('.badge-conflict')).toHaveCount(0);
        const nav = page.getByRole('navigation').getByRole('link', { name: text('conflicts:nav') });
        await expect(nav).toHaveAccessibleName(`${text('conflicts:nav')} (${plural('conflicts:navCount', 2)})`);
        await checkScreen(page, lng, 'the incident list with a conflict');
      });

      await test.step('the incident page shows the version made last beside the mark, and offers Resolve instead of Edit', async () => {
        await page.locator('.incident-table').getByRole('link', { name: title, exact: true }).click();
        await expect(page.locator('h1 .badge-conflict')).toHaveText(plural('conflicts:mark.badge', 2));
        await expect(page.locator('.conflict-notice')).toHaveText(plural('conflicts:mark.notice', 2));
        await expect(page.locator('.page-actions').getByRole('link', { name: text('conflicts:mark.resolve') })).toBeVisible();
        await expect(page.locator('.page-actions').getByRole('link', { name: text('common:actions.edit') })).toHaveCount(0);
        await expect(page.locator('.page-actions').getByRole('button', { name: text('common:actions.retract') })).toHaveCount(0);
      });

      await test.step('the conflicts screen lists the incident and its effect, with their number of versions', async () => {
        await page.getByRole('navigation').getByRole('link', { name: text('conflicts:nav') }).click();
        await expect(page.getByRole('heading', { level: 1, name: text('conflicts:list.title') })).toBeFocused();
        await expect(page.getByText(plural('conflicts:list.count', 2))).toBeVisible();
        const incidentRow = page.locator(`tr[data-record-id="${incidentId}"]`);
        await expect(incidentRow.getByRole('rowheader')).toHaveText(title);
        await expect(incidentRow).toContainText(text('conflicts:list.types.incident'));
        await expect(incidentRow).toContainText(plural('conflicts:list.versionCount', 2));
        const effectRow = page.locator(`tr[data-record-id="${effectId}"]`);
        await expect(effectRow).toContainText(text('taxonomy:category.banking_payments'));
        await expect(effectRow).toContainText(text('conflicts:list.types.effect'));
        await checkScreen(page, lng, 'the conflicts list');
        await page.screenshot({ path: testInfo.outputPath(`conflicts-list-${lng}.png`), fullPage: true });
        await incidentRow.getByRole('link', { name: text('conflicts:list.resolve') }).click();
      });

      const cardA = page.locator('.version-card').filter({ hasText: summaryA });
      const cardB = page.locator('.version-card').filter({ hasText: summaryB });
      await test.step('the resolve view: both versions side by side, their authors and origins, the one field that differs', async () => {
        await expect(page.getByRole('heading', { level: 1, name: text('conflicts:resolve.title', { name: title }) })).toBeFocused();
        await expect(page.locator('.version-card')).toHaveCount(2);
        await expect(cardB.locator('.version-author')).toHaveText(text('conflicts:author.trusted', { name: trustedNameB, key: short(keyB.fingerprint) }));
        await expect(cardA.locator('.version-author')).toHaveText(text('conflicts:author.unknown', { key: keyA.fingerprint }));
        await expect(cardB.locator('.version-origin')).toHaveText(
          text('conflicts:provenance.imported', {
            bundleId: bundleB.bundleId,
            signer: text('conflicts:provenance.signerTrusted', { name: trustedNameB, key: short(keyB.fingerprint) }),
          }),
        );
        await expect(cardA.locator('.version-origin')).toHaveText(text('conflicts:provenance.imported', { bundleId: bundleA.bundleId, signer: keyA.fingerprint }));
        const summaryLabel = text('incidents:fields.summary');
        await expect(page.locator('.differing-summary')).toHaveText(plural('conflicts:resolve.differ', 1, { fields: summaryLabel }));
        for (const card of [cardA, cardB]) {
          await expect(card.locator('.field-differs')).toHaveCount(1);
          await expect(card.locator('.field-differs dt')).toHaveText(`${summaryLabel} ${text('conflicts:resolve.differs')}`);
          await expect(card.locator('[data-field="title"] dd')).toHaveText(title);
          await expect(card.locator('[data-field="title"] .differs-mark')).toHaveCount(0);
        }
        // Side by side at the smallest window the app supports.
        const [boxA, boxB] = [await cardA.boundingBox(), await cardB.boundingBox()];
        expect(Math.abs(boxA!.y - boxB!.y)).toBeLessThan(2);
        expect(boxA!.x).not.toBe(boxB!.x);
        await checkScreen(page, lng, 'the resolve view');
        await page.screenshot({ path: testInfo.outputPath(`resolve-view-${lng}.png`), fullPage: true });
        // Only the fields that differ, at the person's wish.
        await page.getByLabel(text('conflicts:resolve.onlyDiffering')).check();
        await expect(cardB.locator('.version-field')).toHaveCount(1);
        await page.getByLabel(text('conflicts:resolve.onlyDiffering')).uncheck();
      });

      await test.step('keep B’s version and confirm: the record has one version, the screen says so', async () => {
        await cardB.getByRole('button', { name: text('conflicts:resolve.keep') }).press('Enter');
        const confirm = page.locator('section.confirm-keep');
        const numberB = (await page.locator('.version-card').first().textContent())?.includes(summaryB) ? 1 : 2;
        await expect(confirm.getByRole('heading', { level: 2 })).toHaveText(text('conflicts:resolve.confirmTitle', { number: numberB }));
        await expect(confirm.getByRole('heading', { level: 2 })).toBeFocused();
        await expect(confirm).toContainText(trustedNameB);
        await expect(cardB).toContainText(text('conflicts:resolve.chosen'));
        await checkScreen(page, lng, 'the resolve view, a version chosen');
        await confirm.getByRole('button', { name: text('conflicts:resolve.confirm') }).click();
        const done = page.locator('section.resolved-notice');
        await expect(done.getByRole('heading', { level: 2, name: text('conflicts:resolve.doneTitle') })).toBeFocused();
        await expect(done).toContainText(text('conflicts:resolve.doneOne'));
        await expect(page.getByRole('navigation').getByRole('link', { name: text('conflicts:nav') })).toHaveAccessibleName(
          `${text('conflicts:nav')} (${plural('conflicts:navCount', 1)})`,
        );
        await checkScreen(page, lng, 'the resolve view, resolved');
      });

      await test.step('engine: one head, whose parents are exactly both former heads, with B’s fields', async () => {
        const detail = await dispatch<RecordDetail>(dalel, 'records:get', { recordId: incidentId });
        expect(detail.summary.conflict).toBe(false);
        expect(detail.summary.heads).toEqual([detail.summary.headId]);
        const last = detail.history.at(-1)!;
        expect(last.id).toBe(detail.summary.headId);
        expect([...last.revision.parents].sort()).toEqual([...formerHeads].sort());
        expect(last.revision.data?.summary).toBe(summaryB);
      });

      await test.step('the incident: no mark, Edit again, and a history that names the resolution and where each revision came from', async () => {
        await page.getByRole('link', { name: text('conflicts:resolve.openRecord') }).click();
        await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
        await expect(page.locator('.badge-conflict')).toHaveCount(1); // the effect's, in the effects section
        await expect(page.locator('h1 .badge-conflict')).toHaveCount(0);
        await expect(page.locator('.conflict-notice')).toHaveCount(0);
        await expect(page.locator('.page-actions').getByRole('link', { name: text('common:actions.edit') })).toBeVisible();
        await expect(page.locator('.incident-details')).toContainText(summaryB);
        const revisions = page.locator('.revision-history .revision');
        await expect(revisions).toHaveCount(4);
        const importedA = text('conflicts:provenance.imported', { bundleId: bundleA.bundleId, signer: keyA.fingerprint });
        await expect(revisions.nth(0).locator('.revision-origin')).toHaveText(importedA);
        await expect(revisions.filter({ hasText: summaryA }).locator('.revision-origin')).toHaveText(importedA);
        await expect(revisions.filter({ hasText: summaryB }).locator('.revision-origin')).toHaveText(
          text('conflicts:provenance.imported', {
            bundleId: bundleB.bundleId,
            signer: text('conflicts:provenance.signerTrusted', { name: trustedNameB, key: short(keyB.fingerprint) }),
          }),
        );
        // Each side's edit is compared with the version it was made from, not with the other side's.
        await expect(revisions.filter({ hasText: summaryB }).locator('.change-before del')).toHaveText('Мобильді интернет өшірілді.');
        await expect(revisions.nth(3).locator('.revision-origin')).toHaveText(text('conflicts:provenance.resolved'));
        await expect(revisions.nth(3).locator('.revision-change')).toHaveText(pattern(`conflicts:history.resolvedKept_${new Intl.PluralRules(lng).select(2)}`, { count: 2 }));
        await checkScreen(page, lng, 'the resolved incident');
        await page.screenshot({ path: testInfo.outputPath(`resolved-incident-${lng}.png`), fullPage: true });
      });

      await test.step('the effect nobody resolved is still in conflict, on its own page too', async () => {
        await page.locator('.evidence-item').getByRole('link').first().click();
        await expect(page.locator('h1 .badge-conflict')).toHaveText(plural('conflicts:mark.badge', 2));
        await expect(page.locator('.page-actions').getByRole('link', { name: text('conflicts:mark.resolve') })).toHaveAttribute('href', `#/conflicts/${effectId}`);
        await expect(page.locator('.page-actions').getByRole('link', { name: text('common:actions.edit') })).toHaveCount(0);
        await checkScreen(page, lng, 'the effect in conflict');
      });

      await test.step('importing A’s bundle again adds nothing and reopens nothing', async () => {
        const again = await dispatch<{ imported: { revisionsAdded: number } | null }>(dalel, 'bundle:import', { path: bundleA.path, ...unknownSigner });
        expect(again.imported?.revisionsAdded).toBe(0);
        const { records } = await dispatch<{ records: RecordSummary[] }>(dalel, 'records:conflicts', {});
        expect(records.map((record) => record.recordId)).toEqual([effectId]);
        await page.getByRole('navigation').getByRole('link', { name: text('conflicts:nav') }).click();
        await expect(page.getByRole('heading', { level: 1, name: text('conflicts:list.title') })).toBeFocused();
        await expect(page.locator('tr[data-record-id]')).toHaveCount(1);
        await expect(page.locator(`tr[data-record-id="${incidentId}"]`)).toHaveCount(0);
      });

      expect(dalel.externalRequests).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.missingKeys).toEqual([]);
    });
  });
}
