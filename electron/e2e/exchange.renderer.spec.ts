/**
 * An organization brings in defenders' work, in the built UI against the
 * real engine, in English, Russian and Kazakh. A defender's archive, made
 * with the engine in this process, holds an incident with an effect on
 * people, a testimony whose person refused lawyers, and a photo; it is
 * exported as an internal and as a legal bundle. In the organization's
 * archive, the import screen checks the internal bundle first: an unknown
 * signer with its fingerprint and the advice to compare it; the person
 * trusts it under a name and imports (progress, then the counts), and the
 * incident is in the list. Importing again adds nothing; a copy with one
 * changed byte in its photo is not valid, names the file, offers no Import
 * and writes nothing. The legal bundle is kept apart as received evidence:
 * listed with its signer, valid when checked again, readable (the refusing
 * person only under a pseudonym). Merging the defender's folder, edited on
 * both sides, adds her edit and links to the conflict; an encrypted archive
 * asks for its passphrase, refuses a wrong one and merges with the right
 * one. Settings list the trusted signers and add one from a key line. The
 * engine's state hash and trusted list are asserted along the way; axe finds
 * nothing on any screen, and nothing leaves for the network. A large import
 * shows its progress and, cancelled, writes nothing.
 */
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { TrustedSigner } from '../../shared/model';
import { pngImage } from './evidenceFiles';
import { expect, test, testPassphrase, type DalelSession } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, sampleIncidents } from './rendererSteps';

type Lng = 'en' | 'ru' | 'kk';

const languages: { lng: Lng; osLocale: string }[] = [
  { lng: 'en', osLocale: 'en-US' },
  { lng: 'ru', osLocale: 'ru-RU' },
  { lng: 'kk', osLocale: 'kk-KZ' },
];

/** Texts in one language, plurals chosen as i18next chooses them. */
function textsIn(lng: Lng) {
  const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
  const plural = (key: string, count: number) => text(`${key}_${new Intl.PluralRules(lng).select(count)}`, { count });
  return { text, plural };
}

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
const localeFile = (lng: string, ns: string): Tree =>
  JSON.parse(readFileSync(new URL(`../../shared/i18n/locales/${lng}/${ns}.json`, import.meta.url), 'utf8'));

/**
 * These screens show file names and bag paths (bundle.zip, data/…), which
 * the shared raw-key check would take for keys; this one looks for the keys
 * of the namespaces they use, and for their English sentences on a screen
 * in another language.
 */
async function expectTranslated(page: Page, lng: Lng, screen: string) {
  const body = await page.locator('body').innerText();
  const namespaces = ['exchange', 'verify', 'report'];
  const keys = namespaces.flatMap((ns) => flatten(localeFile('en', ns)).map(([key]) => key.replace(/_(one|few|many|other)$/, '')));
  const rawKeys = keys.filter((key) => key.includes('.') && body.includes(key));
  const prefixed = [...body.matchAll(/\b(?:exchange|verify|report|common|errors|taxonomy|evidence|incidents|conflicts):[\w.]+/g)].map((m) => m[0]);
  expect([...rawKeys, ...prefixed], `raw i18n keys on ${screen} (${lng})`).toEqual([]);
  if (lng !== 'en') {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const ns of namespaces) {
      const local = new Map(flatten(localeFile(lng, ns)));
      const english = flatten(localeFile('en', ns)).filter(([key, text]) => !text.includes('{{') && text.length >= 4 && local.get(key) !== text);
      const leftover = english.filter(([, text]) => new RegExp(`(^|[^\\p{L}])${escape(text)}($|[^\\p{L}])`, 'mu').test(body)).map(([key]) => key);
      expect(leftover, `English left on ${screen} (${lng}, ${ns})`).toEqual([]);
    }
  }
  await expectNoEnglishLeft(page, lng, screen);
}

async function checkScreen(page: Page, lng: Lng, screen: string) {
  await expectTranslated(page, lng, screen);
  await expectNoAxeViolations(page, `${screen} (${lng})`);
}

async function dispatch<T>(dalel: DalelSession, channel: string, request: unknown = {}): Promise<T> {
  const result = await dalel.engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const stateHash = async (dalel: DalelSession) => (await dispatch<{ stateHash: string }>(dalel, 'archive:stateHash')).stateHash;

const sh = (command: string, cwd: string) => execFileSync('sh', ['-c', command], { cwd, encoding: 'utf8' });

/** Who must not be named in a legal bundle. */
const refusing = { name: 'Айгүл Серікқызы', contact: '+7 701 111 22 33' };
const defenderName = 'Айгерім, Алматы';
const defenderOrganization = 'Алматы қорғаушылары';
const incidentTitle = 'Алматы: байланыс толық өшірілді, 5 қаңтар';

/**
 * The engine is imported here, inside a test: the harness's JSON import hook
 * is in place only once its fixture has loaded the engine.
 */
const engineModules = async () => ({
  Archive: (await import('../engine/archive')).Archive,
  exportBundle: (await import('../engine/bundle/export')).exportBundle,
});

/**
 * The defender's archive, unencrypted, in the folder the harness's folder
 * dialog answers: a testimony whose person refused lawyers, an incident
 * citing it with an effect on people and a photo. Exported as an internal
 * and as a legal bundle.
 */
async function makeDefender(dalel: DalelSession, lng: Lng) {
  const { Archive, exportBundle } = await engineModules();
  const archive = await Archive.create(join(dalel.dir, 'chosen'), {
    name: defenderName,
    organization: defenderOrganization,
    passphrase: null,
    scryptCost: 2 ** 12,
  });
  const givenAt = { at: '2022-01-12T11:00+06:00', precision: 'hour' as const };
  const testimony = await archive.save({
    type: 'source',
    data: {
      kind: 'testimony',
      title: 'Жедел жәрдем шақыра алмаған отбасы',
      content: 'Мы не могли вызвать скорую помощь всю ночь.',
      person: { ...refusing, role: 'victim' },
      consent: { keep: true, lawyersAnonymous: false, lawyersNamed: false, unNamed: false, publishAnonymous: false, askedBy: 'A. N.', askedIn: 'kk', givenAt, method: 'recorded' },
    },
  });
  // Written in Kazakh, as a defender would: English words in the record would read as untranslated UI on a ru or kk screen.
  const incident = await archive.save({
    type: 'incident',
    data: { ...sampleIncidents[1]!, title: incidentTitle, summary: 'Наразылық кезінде бүкіл ел бойынша байланыс үзілді.', sources: [testimony.recordId] },
  });
  await archive.save({
    type: 'effect',
    data: { incident: incident.recordId, category: 'medical_care', severity: 'critical', description: 'Жедел жәрдем 103 нөмірі жұмыс істемеді.' },
  });
  const atHand = join(dalel.dir, 'at-hand');
  await mkdir(atHand, { recursive: true });
  await writeFile(join(atHand, 'банкомат.png'), pngImage());
  await archive.attach(incident.recordId, [{ path: join(atHand, 'банкомат.png') }]);
  const bundles = join(dalel.dir, 'bundles');
  await mkdir(bundles, { recursive: true });
  const internal = join(bundles, `Айгерім ішкі ${lng}.zip`);
  const legal = join(bundles, `Айгерім заңгерлік ${lng}.zip`);
  await exportBundle(archive, { out: internal, profile: 'internal', language: lng, softwareVersion: 'test' });
  await exportBundle(archive, { out: legal, profile: 'legal', language: lng, softwareVersion: 'test' });
  return { archive, incidentId: incident.recordId, internal, legal };
}

/** Another defender's archive, encrypted, with one incident and a photo. */
async function makeEncryptedArchive(dalel: DalelSession): Promise<{ path: string; publicKey: string; fingerprint: string }> {
  const { Archive } = await engineModules();
  const path = join(dalel.dir, 'Ерлан мұрағаты');
  const archive = await Archive.create(path, { name: 'Ерлан, Жаңаөзен', organization: '', passphrase: testPassphrase, scryptCost: 2 ** 12 });
  const incident = await archive.save({ type: 'incident', data: sampleIncidents[0]! });
  const photo = join(dalel.dir, 'at-hand', 'жаңаөзен.png');
  await writeFile(photo, pngImage(20, 20));
  await archive.attach(incident.recordId, [{ path: photo }]);
  const key = { path, publicKey: archive.key.publicLine, fingerprint: archive.key.fingerprint };
  archive.close();
  return key;
}

/** A copy of a bundle with one byte of its evidence file changed; the file's path in the bag. */
async function tamperedCopy(dalel: DalelSession, zip: string, lng: Lng): Promise<{ path: string; file: string }> {
  const work = join(dalel.dir, `tampered-${lng}`);
  await mkdir(work, { recursive: true });
  execFileSync('unzip', ['-q', zip, '-d', work]);
  const [bundleId] = readdirSync(work);
  const attachments = join(work, bundleId!, 'data', 'attachments');
  const [stored] = readdirSync(attachments);
  const bytes = await readFile(join(attachments, stored!));
  bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff; // same size: only the hash can tell
  await writeFile(join(attachments, stored!), bytes);
  const path = join(dalel.dir, 'bundles', `өзгертілген ${lng}.zip`);
  sh(`zip -qr '${path}' '${bundleId}'`, work);
  return { path, file: `data/attachments/${stored}` };
}

/** Remembers whether a progress bar was ever drawn, however short the task. */
async function watchForProgress(page: Page) {
  await page.evaluate(() => {
    const seen = window as unknown as { progressSeen: boolean };
    seen.progressSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('.task-progress progress')) seen.progressSeen = true;
    }).observe(document.body, { subtree: true, childList: true });
  });
}
const progressWasSeen = (page: Page) => page.evaluate(() => (window as unknown as { progressSeen: boolean }).progressSeen);

const chooseBundle = (page: Page, path: string) => page.locator('.bundle-import input[type="file"]').setInputFiles(path);

/** Drops a File with this name on the screen, as a file dragged from a folder (the harness maps the name to the offered path). */
async function dropBundle(page: Page, name: string) {
  const dataTransfer = await page.evaluateHandle((name) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['a bundle'], name, { type: 'application/zip' }));
    return transfer;
  }, name);
  const zone = page.locator('main');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(page.locator('.import-drop .drop-hint')).toHaveText(localeText(await page.evaluate(() => document.documentElement.lang), 'exchange:import.dropNow'));
  await zone.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`an organization imports and merges defenders' work, trusting signers by name, losing nothing (${lng})`, async ({ dalel }, testInfo) => {
      test.setTimeout(300_000);
      const { page } = dalel;
      const { text, plural } = textsIn(lng);
      await dalel.open();
      await createArchive(dalel, 'Құқық қорғау ұйымы');
      const defender = await makeDefender(dalel, lng);
      const { fingerprint, publicLine } = defender.archive.key;
      const trustName = 'Айгерім (Алматы)';
      dalel.offerFiles([defender.internal, defender.legal]);
      const decision = page.locator('section.import-decision');
      const outcome = page.locator('section.exchange-outcome');
      const importButtons = [
        text('exchange:import.button.import'),
        text('exchange:import.button.importUnknown'),
        text('exchange:import.button.trustAndImport'),
        text('exchange:signer.compared'),
      ];

      await test.step('the import screen, from the navigation', async () => {
        await page.getByRole('navigation').getByRole('link', { name: text('exchange:nav'), exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: text('exchange:screen.title') })).toBeFocused();
        await expect(page.getByRole('link', { name: text('exchange:nav'), exact: true })).toHaveAttribute('aria-current', 'page');
        await checkScreen(page, lng, 'the import screen');
      });

      const before = await stateHash(dalel);
      await test.step('an internal bundle from an unknown signer: valid, the fingerprint shown, the person decides', async () => {
        await chooseBundle(page, defender.internal);
        await expect(decision.getByRole('heading', { level: 2 })).toBeFocused({ timeout: 60_000 });
        // The heading names the step; the verdict is a status line under it, never the heading.
        await expect(decision.getByRole('heading', { level: 2 })).toHaveText(text('exchange:import.decisionTitle'));
        await expect(decision.getByRole('status')).toHaveText(`! ${text('verify:verdict.unverified')}`);
        await expect(decision).toContainText(text('exchange:import.willMerge'));
        await expect(decision.locator('.import-signer-status')).toHaveText(`! ${text('exchange:signer.unknownTitle')}`);
        await expect(decision.locator('.import-signer .fingerprint')).toHaveText(fingerprint);
        await expect(decision.locator('.signer-advice')).toHaveText(text('exchange:signer.unknownAdvice'));
        await expect(decision.getByRole('button', { name: text('exchange:import.button.importUnknown'), exact: true })).not.toHaveClass(/primary/);
        await expect(decision.getByRole('button', { name: text('exchange:signer.compared'), exact: true })).toHaveClass(/primary/);
        // The full report is there too, with its own verdict.
        await expect(page.locator('section.verify-result .verdict-title')).toHaveText(`! ${text('verify:verdict.unverified')}`);
        expect(await stateHash(dalel), 'checking writes nothing').toBe(before);
        await checkScreen(page, lng, 'an unknown signer');
        await page.screenshot({ path: testInfo.outputPath(`import-unknown-${lng}.png`), fullPage: true });
      });

      await test.step('trust the signer under a name, then import: a progress bar, then what was added', async () => {
        await decision.getByRole('button', { name: text('exchange:signer.compared'), exact: true }).click();
        await expect(decision.getByLabel(text('exchange:signer.trustName'))).toBeFocused();
        // Asked for a name before anything is written.
        await decision.getByRole('button', { name: text('exchange:import.button.trustAndImport'), exact: true }).click();
        await expect(decision.locator('#import-trust-name-error')).toHaveText(text('exchange:signer.trustNameMissing'));
        await expect(decision.getByLabel(text('exchange:signer.trustName'))).toBeFocused();
        expect(await dispatch<{ signers: TrustedSigner[] }>(dalel, 'trust:list')).toEqual({ signers: [] });
        await decision.getByLabel(text('exchange:signer.trustName')).fill(trustName);
        await watchForProgress(page);
        await decision.getByRole('button', { name: text('exchange:import.button.trustAndImport'), exact: true }).click();
        await expect(outcome.getByRole('heading', { level: 2 })).toBeFocused({ timeout: 60_000 });
        expect(await progressWasSeen(page)).toBe(true);
        await expect(outcome.getByRole('heading', { level: 2 })).toHaveText(`✓ ${text('exchange:outcome.importedTitle')}`);
        // The testimony, the incident and the effect: three versions; one photo.
        await expect(outcome.locator('.outcome-text')).toHaveText(
          text('exchange:outcome.merged', { revisions: plural('exchange:outcome.revisions', 3), files: plural('exchange:outcome.files', 1) }),
        );
        await expect(outcome.locator('.outcome-conflicts')).toHaveCount(0);
        const { signers } = await dispatch<{ signers: TrustedSigner[] }>(dalel, 'trust:list');
        const own = await dispatch<{ fingerprint: string }>(dalel, 'key:show');
        expect(signers).toEqual([expect.objectContaining({ name: trustName, fingerprint, addedBy: own.fingerprint })]);
        expect(await stateHash(dalel)).not.toBe(before);
        await checkScreen(page, lng, 'an import result');
      });

      await test.step('the incident is now in the list', async () => {
        await page.getByRole('navigation').getByRole('link', { name: text('common:nav.incidents'), exact: true }).click();
        await expect(page.getByRole('link', { name: incidentTitle })).toBeVisible();
        const { records } = await dispatch<{ records: { recordId: string }[] }>(dalel, 'records:list', { type: 'incident' });
        expect(records.map((record) => record.recordId)).toEqual([defender.incidentId]);
        await page.getByRole('navigation').getByRole('link', { name: text('exchange:nav'), exact: true }).click();
      });

      await test.step('the same bundle again: the signer by its trusted name, and nothing new', async () => {
        const hash = await stateHash(dalel);
        await chooseBundle(page, defender.internal);
        await expect(decision.locator('.import-signer-status')).toHaveText(`✓ ${text('exchange:signer.trusted', { name: trustName })}`, { timeout: 60_000 });
        await expect(decision.getByRole('status')).toHaveText(`✓ ${text('verify:verdict.trusted', { name: trustName })}`);
        await expect(decision.getByRole('button', { name: text('exchange:signer.compared') })).toHaveCount(0);
        await decision.getByRole('button', { name: text('exchange:import.button.import'), exact: true }).click();
        await expect(outcome.locator('.outcome-text')).toHaveText(text('exchange:outcome.nothingNew'), { timeout: 60_000 });
        expect(await stateHash(dalel)).toBe(hash);
      });

      await test.step('one changed byte in its photo: not valid, naming the file, no Import, nothing written', async () => {
        const hash = await stateHash(dalel);
        const tampered = await tamperedCopy(dalel, defender.internal, lng);
        dalel.offerFiles([tampered.path]);
        await chooseBundle(page, tampered.path);
        const refused = page.locator('section.import-refused');
        await expect(refused.getByRole('heading', { level: 2 })).toBeFocused({ timeout: 60_000 });
        await expect(refused.getByRole('heading', { level: 2 })).toHaveText(text('exchange:import.notValidTitle'));
        await expect(refused.getByRole('status')).toHaveText(`✗ ${text('verify:verdict.changed')}`);
        await expect(refused.locator('.import-refused-text')).toHaveText(text('exchange:import.notValid'));
        await expect(page.locator('section.verify-result .failure-file')).toHaveText(tampered.file);
        await expect(page.locator('section.verify-result .failure-text')).toHaveText(text('verify:failure.hashMismatch', { file: tampered.file }));
        for (const name of importButtons) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
        expect(await stateHash(dalel)).toBe(hash);
        await checkScreen(page, lng, 'a tampered bundle');
        await page.screenshot({ path: testInfo.outputPath(`import-tampered-${lng}.png`), fullPage: true });
      });

      let legalId = '';
      await test.step('a legal bundle is kept whole as received evidence, apart from the records', async () => {
        const incidentsBefore = (await dispatch<{ records: unknown[] }>(dalel, 'records:list', { type: 'incident' })).records;
        // Dragged from a folder and dropped anywhere on the screen.
        await dropBundle(page, basename(defender.legal));
        await expect(decision.getByRole('heading', { level: 2 })).toBeFocused({ timeout: 60_000 });
        legalId = (await page.locator('section.verify-result .bundle-id').textContent()) ?? '';
        expect(legalId).toMatch(/^dalel-\d{8}-[0-9a-f]{8}$/);
        await expect(decision).toContainText(text('exchange:import.willKeep', { profile: text('report:profile.legal.name') }));
        await decision.getByRole('button', { name: text('exchange:import.button.import'), exact: true }).click();
        await expect(outcome.locator('.outcome-text')).toHaveText(text('exchange:outcome.received', { profile: text('report:profile.legal.name') }), {
          timeout: 60_000,
        });
        // Never mixed into the records.
        expect((await dispatch<{ records: unknown[] }>(dalel, 'records:list', { type: 'incident' })).records).toEqual(incidentsBefore);
        const { bundles } = await dispatch<{ bundles: { bundleId: string; profile: string }[] }>(dalel, 'bundle:received');
        expect(bundles).toEqual([expect.objectContaining({ bundleId: legalId, profile: 'legal' })]);
        await checkScreen(page, lng, 'a bundle kept as received');
      });

      await test.step('received bundles: listed with the signer, valid when checked again, readable', async () => {
        await outcome.getByRole('link', { name: text('exchange:outcome.toReceived') }).click();
        await expect(page.getByRole('heading', { level: 1, name: text('exchange:received.title') })).toBeFocused();
        const item = page.locator('article.received-bundle');
        await expect(item).toHaveCount(1);
        await expect(item.locator('h2 .bundle-id')).toHaveText(legalId);
        await expect(item).toContainText(text('report:profile.legal.name'));
        await expect(item.locator('.received-signer')).toHaveText(`${defenderName}, ${defenderOrganization}`);
        await expect(item.locator('.received-trusted')).toHaveText(trustName);
        await expect(item.locator('.fingerprint')).toHaveText(fingerprint);
        await expect(item.locator('.received-counts')).toHaveText(
          // The testimony of the person who refused lawyers is not in a legal bundle at all.
          text('exchange:received.counts', { records: plural('exchange:received.records', 2), files: plural('report:counts.files', 1) }),
        );
        // Dates through Intl in the UI language, never the stored ISO text.
        for (const time of await item.locator('time').all()) await expect(time).not.toHaveText(/T\d\d:/);
        await checkScreen(page, lng, 'received bundles');

        await item.getByRole('button', { name: text('exchange:received.checkAgain') }).click();
        await expect(item.locator('.recheck-verdict .verdict-title')).toHaveText(`✓ ${text('verify:verdict.trusted', { name: trustName })}`, { timeout: 60_000 });
        await expect(item.locator('.recheck-verdict .verdict-text')).toHaveText(text('exchange:received.recheckedIntact'));

        const read = item.getByRole('button', { name: text('exchange:received.read') });
        await read.click();
        await expect(read).toHaveAttribute('aria-expanded', 'true');
        const contents = item.locator('section.received-contents');
        await expect(contents.getByRole('heading', { level: 4, name: incidentTitle })).toBeVisible();
        await expect(contents).toContainText(text('taxonomy:category.medical_care'));
        // The person who refused lawyers is not there: not her testimony, not even under a pseudonym.
        await expect(contents).not.toContainText('Жедел жәрдем шақыра алмаған отбасы');
        await expect(contents).not.toContainText(text('exchange:read.pseudonym', { pseudonym: '' }).trim());
        for (const secret of Object.values(refusing)) await expect(contents).not.toContainText(secret);
        await checkScreen(page, lng, 'a received bundle, read');
        await page.screenshot({ path: testInfo.outputPath(`received-${lng}.png`), fullPage: true });
        await page.getByRole('link', { name: text('exchange:received.toImport') }).click();
      });

      await test.step("merge the defender's folder, edited on both sides: her edit comes in, and the conflict is linked", async () => {
        const head = (await dispatch<{ summary: { headId: string; data: Record<string, unknown> } }>(dalel, 'records:get', { recordId: defender.incidentId })).summary;
        await dispatch(dalel, 'records:save', { type: 'incident', recordId: defender.incidentId, parent: head.headId, data: { ...head.data, summary: 'Ұйым нақтылады.' } });
        const theirs = defender.archive.getRecord(defender.incidentId).summary;
        await defender.archive.save({ type: 'incident', recordId: defender.incidentId, parent: theirs.headId, data: { ...theirs.data, summary: 'Айгерім нақтылады.' } });
        defender.archive.close();

        const merge = page.locator('section.archive-merge');
        await merge.getByRole('button', { name: text('exchange:merge.submit') }).click();
        await expect(merge.locator('#merge-path-error')).toHaveText(text('exchange:merge.pathMissing'));
        // The native folder dialog (answered by the harness) fills the field.
        await merge.getByRole('button', { name: text('common:actions.choose'), exact: true }).click();
        await expect(merge.locator('#merge-path')).toHaveValue(join(dalel.dir, 'chosen'));
        const hash = await stateHash(dalel);
        await merge.getByRole('button', { name: text('exchange:merge.submit') }).click();
        const merged = merge.locator('section.exchange-outcome');
        await expect(merged.getByRole('heading', { level: 2 })).toBeFocused({ timeout: 60_000 });
        await expect(merged.getByRole('heading', { level: 2 })).toHaveText(`✓ ${text('exchange:outcome.mergedTitle')}`);
        await expect(merged.locator('.outcome-text')).toHaveText(
          text('exchange:outcome.merged', { revisions: plural('exchange:outcome.revisions', 1), files: plural('exchange:outcome.files', 0) }),
        );
        expect(await stateHash(dalel)).not.toBe(hash);
        const { records } = await dispatch<{ records: { recordId: string; heads: string[] }[] }>(dalel, 'records:conflicts');
        expect(records.map((record) => [record.recordId, record.heads.length])).toEqual([[defender.incidentId, 2]]);
        const link = merged.locator('.outcome-conflicts a');
        await expect(link).toHaveText(plural('exchange:outcome.conflicts', 1));
        await expect(link).toHaveAttribute('href', '#/conflicts');
        await checkScreen(page, lng, 'a merge with a conflict');
      });

      const erlan = await makeEncryptedArchive(dalel);
      await test.step('an encrypted archive: its passphrase is asked for, a wrong one refused, the right one merges', async () => {
        const merge = page.locator('section.archive-merge');
        await merge.locator('#merge-path').fill(erlan.path);
        const hash = await stateHash(dalel);
        await merge.getByRole('button', { name: text('exchange:merge.submit') }).click();
        const passphrase = merge.getByLabel(text('exchange:merge.passphrase'));
        await expect(passphrase).toBeFocused({ timeout: 60_000 });
        await expect(merge.locator('#merge-passphrase-hint')).toHaveText(text('exchange:merge.passphraseHint'));
        await expect(merge.getByRole('alert')).toHaveCount(0);
        await checkScreen(page, lng, 'a merge asking for a passphrase');

        await passphrase.fill('not the passphrase');
        await merge.getByRole('button', { name: text('exchange:merge.submit') }).click();
        await expect(merge.getByRole('alert')).toHaveText(text('errors:wrongPassphrase'), { timeout: 60_000 });
        await expect(passphrase).toBeFocused();
        await expect(passphrase).toHaveValue('');
        expect(await stateHash(dalel)).toBe(hash);

        await passphrase.fill(testPassphrase);
        await merge.getByRole('button', { name: text('exchange:merge.submit') }).click();
        const merged = merge.locator('section.exchange-outcome');
        await expect(merged.locator('.outcome-text')).toHaveText(
          text('exchange:outcome.merged', { revisions: plural('exchange:outcome.revisions', 1), files: plural('exchange:outcome.files', 1) }),
          { timeout: 60_000 },
        );
        await expect(merge.getByLabel(text('exchange:merge.passphrase'))).toHaveCount(0);
        const { records } = await dispatch<{ records: unknown[] }>(dalel, 'records:list', { type: 'incident' });
        expect(records).toHaveLength(2);
        await page.screenshot({ path: testInfo.outputPath(`merge-${lng}.png`), fullPage: true });
      });

      await test.step('Settings: the trusted signer, added by this archive; another added from its key line', async () => {
        await page.getByRole('navigation').getByRole('link', { name: text('common:nav.settings'), exact: true }).click();
        const section = page.locator('section.trusted-signers');
        const listed = section.locator('li.trusted-signer');
        await expect(listed).toHaveCount(1);
        await expect(listed.locator('.trusted-signer-name')).toHaveText(trustName);
        await expect(listed.locator('.fingerprint')).toHaveText(fingerprint);
        await expect(listed.locator('.trusted-signer-added-by')).toHaveText(text('exchange:trust.thisArchive'));

        const key = section.getByLabel(text('exchange:trust.add.publicKey'));
        const name = section.getByLabel(text('exchange:trust.add.name'));
        await key.fill('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 not-ed25519');
        await name.fill('Ерлан');
        await section.getByRole('button', { name: text('exchange:trust.add.submit') }).click();
        await expect(section.getByRole('alert')).toHaveText(text('errors:invalidPublicKey'));
        await expect(key).toBeFocused();

        await key.fill(`${erlan.publicKey} erlan@laptop`);
        await section.getByRole('button', { name: text('exchange:trust.add.submit') }).click();
        await expect(section.getByRole('status')).toHaveText(text('exchange:trust.add.added', { name: 'Ерлан', fingerprint: erlan.fingerprint }));
        await expect(listed).toHaveCount(2);
        await expect(listed.first().locator('.trusted-signer-name')).toHaveText('Ерлан');

        // A key listed already keeps its first name.
        await key.fill(publicLine);
        await name.fill('Another name');
        await section.getByRole('button', { name: text('exchange:trust.add.submit') }).click();
        await expect(section.getByRole('status')).toHaveText(text('exchange:trust.add.alreadyTrusted', { name: trustName, fingerprint }));
        const { signers } = await dispatch<{ signers: TrustedSigner[] }>(dalel, 'trust:list');
        expect(signers.map((signer) => [signer.name, signer.fingerprint]).sort()).toEqual([[trustName, fingerprint], ['Ерлан', erlan.fingerprint]].sort());
        await checkScreen(page, lng, 'settings with trusted signers');
        await page.screenshot({ path: testInfo.outputPath(`trusted-signers-${lng}.png`), fullPage: true });

        // Ерлан's laptop was seized: his key comes off the list, after a second question.
        const erlanItem = listed.filter({ hasText: erlan.fingerprint });
        await erlanItem.getByRole('button', { name: text('exchange:trust.remove.ask', { name: 'Ерлан' }) }).click();
        await erlanItem.getByRole('button', { name: text('exchange:trust.remove.cancel') }).click();
        await expect(listed).toHaveCount(2);
        await erlanItem.getByRole('button', { name: text('exchange:trust.remove.ask', { name: 'Ерлан' }) }).click();
        await expect(erlanItem.getByRole('group')).toContainText(text('exchange:trust.remove.explain', { name: 'Ерлан' }));
        await checkScreen(page, lng, 'settings, stop trusting a signer');
        await erlanItem.getByRole('button', { name: text('exchange:trust.remove.confirm') }).click();
        await expect(listed).toHaveCount(1);
        const after = await dispatch<{ signers: TrustedSigner[] }>(dalel, 'trust:list');
        expect(after.signers.map((signer) => signer.fingerprint)).toEqual([fingerprint]);
      });

      await test.step('the conflict link leads to the conflicts screen', async () => {
        await page.getByRole('navigation').getByRole('link', { name: text('exchange:nav'), exact: true }).click();
        await page.locator('.bundle-import input[type="file"]').setInputFiles(defender.internal);
        await decision.getByRole('button', { name: text('exchange:import.button.import'), exact: true }).click({ timeout: 60_000 });
        await outcome.locator('.outcome-conflicts a').click();
        await expect(page).toHaveURL(/#\/conflicts$/);
      });

      expect(dalel.externalRequests).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.missingKeys).toEqual([]);
    });
  });
}

test('a large import shows its progress and can be cancelled, writing nothing', async ({ dalel }) => {
  test.setTimeout(240_000);
  const { page } = dalel;
  const { text } = textsIn('en');
  await dalel.open();
  await createArchive(dalel, 'Organization', null);
  const { Archive, exportBundle } = await engineModules();
  const defender = await Archive.create(join(dalel.dir, 'large defender'), { name: defenderName, organization: '', passphrase: null, scryptCost: 2 ** 12 });
  const incident = await defender.save({ type: 'incident', data: sampleIncidents[2]! });
  const video = join(dalel.dir, 'evening.webm');
  await writeFile(video, randomBytes(150 * 2 ** 20));
  await defender.attach(incident.recordId, [{ path: video }]);
  const bundle = join(dalel.dir, 'large.zip');
  await exportBundle(defender, { out: bundle, profile: 'internal', language: 'en', softwareVersion: 'test' });
  defender.close();
  dalel.offerFiles([bundle]);

  await page.getByRole('navigation').getByRole('link', { name: text('exchange:nav'), exact: true }).click();
  await chooseBundle(page, bundle);
  const decision = page.locator('section.import-decision');
  await expect(decision.getByRole('heading', { level: 2 })).toBeFocused({ timeout: 120_000 });
  const before = await stateHash(dalel);

  await decision.getByRole('button', { name: text('exchange:import.button.importUnknown'), exact: true }).click();
  const progress = page.locator('.task-progress');
  const cancel = progress.getByRole('button', { name: text('verify:progress.cancel') });
  await expect(cancel).toBeFocused();
  await expect(progress.locator('progress')).toHaveAccessibleName(text('exchange:import.importing', { name: 'large.zip' }));
  await expect(progress.locator('.task-progress-status')).toHaveText(/^\d+% done/);
  await cancel.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(text('errors:cancelled'), { timeout: 60_000 });
  // The decision is back, to import again if the person wants to.
  await expect(decision.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(decision.getByRole('button', { name: text('exchange:import.button.importUnknown'), exact: true })).toBeEnabled();
  expect(await stateHash(dalel)).toBe(before);
  expect((await dispatch<{ records: unknown[] }>(dalel, 'records:list', { type: 'incident' })).records).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
  expect(dalel.pageErrors).toEqual([]);
  expect(dalel.missingKeys).toEqual([]);
});
