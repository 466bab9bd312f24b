/**
 * The lawyer's screens, in the built UI against the real engine, in English,
 * Russian and Kazakh. A defender's archive holds an incident with its effects
 * on people, a testimony whose person refused lawyers and one who agreed,
 * with evidence files. Through the export wizard they choose the incident,
 * see that the legal profile will name one person by a pseudonym and keep
 * her recording back, and export a legal bundle, with a progress bar, to a
 * file that then passes the standard tools (`unzip -t`, `sha256sum -c`) and
 * holds what the preview promised. Its HTML report, opened on its own, shows
 * the bundle id and Kazakh text. The check screen, given the bundle by drag
 * and drop, says it is valid, lists every check, and names the signer once
 * the key is trusted; a copy with one changed byte in data/incidents.csv is
 * not valid and names that file; a file that is no ZIP says so. A large
 * export is cancelled and leaves no file, and an existing file is never
 * overwritten. Choosing "incidents matching a filter", a filter that matches
 * nothing is refused in words and writes no file; a filter by kind exports
 * exactly the incidents it matches, with their effects, sources and files,
 * and nothing of the incident it leaves out. Axe finds nothing; nothing
 * leaves for the network.
 */
import type { Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { EffectInput, IncidentInput, SourceInput } from '../../shared/model';
import { pngImage } from './evidenceFiles';
import { expect, test, type DalelSession } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { checkIds } from '../../shared/bagit';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, sampleIncidents } from './rendererSteps';

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

/** Who must not be named in a legal bundle, and who may. */
const refusing = { name: 'Айгүл Серікқызы', contact: '+7 701 111 22 33' };
const consenting = { name: 'Ержан Тұрсынұлы', contact: 'erzhan@example.kz' };

async function dispatch<T>(dalel: DalelSession, channel: string, request: unknown): Promise<T> {
  const result = await dalel.engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const save = (dalel: DalelSession, type: 'incident' | 'effect' | 'source', data: IncidentInput | EffectInput | SourceInput) =>
  dispatch<{ recordId: string }>(dalel, 'records:save', { type, data });

async function attach(dalel: DalelSession, recordId: string, name: string, bytes: Buffer, sensitive = false) {
  const folder = join(dalel.dir, 'at-hand');
  await mkdir(folder, { recursive: true });
  const path = join(folder, name);
  await writeFile(path, bytes);
  await dispatch(dalel, 'attachments:add', { recordId, paths: [path], sensitive });
}

/**
 * An incident with three effects, a testimony whose person refused lawyers
 * (with her voice recording), one whose person agreed (with a receipt), a
 * phone's photo (with a location in its metadata) and a larger video on the
 * incident; and another incident, not chosen.
 */
async function seedArchive(dalel: DalelSession, videoBytes = 6 * 2 ** 20) {
  const givenAt = { at: '2022-01-12T11:00+06:00', precision: 'hour' as const };
  const deafFamily = await save(dalel, 'source', {
    kind: 'testimony',
    title: 'Саңырау отбасы, Алматы',
    content: 'Біз жедел жәрдем шақыра алмадық: мәтіндік қызмет тек интернетпен жұмыс істейді.',
    person: { ...refusing, address: 'Абай даңғылы 150', role: 'victim', disability: 'deaf' },
    consent: { keep: true, lawyersAnonymous: false, lawyersNamed: false, unNamed: false, publishAnonymous: false, askedBy: 'A. N.', askedIn: 'kk', givenAt, method: 'recorded' },
  });
  const pharmacist = await save(dalel, 'source', {
    kind: 'testimony',
    title: 'Фармацевт, Медеу ауданы',
    content: 'Карточкой нельзя было расплатиться с 5 января; пациент не смог купить инсулин.',
    person: { ...consenting, address: 'Сәтпаев көшесі 7', role: 'witness' },
    consent: { keep: true, lawyersAnonymous: true, lawyersNamed: true, unNamed: false, publishAnonymous: true, askedBy: 'A. N.', askedIn: 'kk', givenAt, method: 'written' },
  });
  const incident = await save(dalel, 'incident', {
    ...sampleIncidents[1]!,
    title: 'Қаңтар 2022: бүкіл ел бойынша байланыс өшірілді',
    sources: [pharmacist.recordId],
  });
  const effect = (category: EffectInput['category'], description: string, sources: string[]) =>
    save(dalel, 'effect', { incident: incident.recordId, category, severity: 'critical', description, sources });
  await effect('banking_payments', 'Банкоматтар мен терминалдар үш күн жұмыс істемеді.', [pharmacist.recordId]);
  await effect('medical_care', 'Дәріханада карта қабылданбады.', [pharmacist.recordId]);
  await effect('disability_access', 'Саңырау адамдар жедел жәрдем шақыра алмады.', [deafFamily.recordId]);
  // A phone's photo: its metadata records where it was taken, and on what device.
  await attach(dalel, incident.recordId, 'Банкомат жабық 📵.jpg', await readFile(join(import.meta.dirname, '..', 'engine', 'media', 'testing', 'photo.jpg')));
  await attach(dalel, incident.recordId, 'көше бейнесі.webm', randomBytes(videoBytes));
  await attach(dalel, deafFamily.recordId, 'Айгүлдің дауысы.m4a', randomBytes(20_000));
  await attach(dalel, pharmacist.recordId, 'чек аптеки.png', pngImage(24, 24));
  const other = await save(dalel, 'incident', { ...sampleIncidents[2]!, title: 'Мессенджеры блокируются по вечерам' });
  return { incident, other, deafFamily, pharmacist };
}

/**
 * Three incidents of different kinds and areas (sampleIncidents: Zhanaozen,
 * full network, Mangystau; nationwide, full network and SMS, Almaty among
 * others; messengers blocked in Almaty), each with an effect on people and a
 * photo, two of the effects with a source.
 */
async function seedThreeIncidents(dalel: DalelSession) {
  const incidents = [];
  for (const incident of sampleIncidents) incidents.push(await save(dalel, 'incident', incident));
  const [zhanaozen, national, messengers] = incidents;
  const report = await save(dalel, 'source', { kind: 'media_report', title: 'Сеть отключена по всей стране', url: 'https://example.kz/news/1' });
  const witness = await save(dalel, 'source', { kind: 'document', title: 'Хат: отбасымен байланыс үзілді' });
  const effect = (incident: string, category: EffectInput['category'], description: string, sources: string[]) =>
    save(dalel, 'effect', { incident, category, severity: 'high', description, sources });
  const effects = {
    zhanaozen: await effect(zhanaozen!.recordId, 'banking_payments', 'Банкоматы не работали три дня.', []),
    national: await effect(national!.recordId, 'medical_care', 'Скорая не могла принять вызовы.', [report.recordId]),
    messengers: await effect(messengers!.recordId, 'family_contact', 'Отбасылар кешке хабарласа алмады.', [witness.recordId]),
  };
  await attach(dalel, zhanaozen!.recordId, 'жаңаөзен.png', pngImage(20, 20));
  await attach(dalel, national!.recordId, 'national.png', pngImage(30, 30));
  await attach(dalel, messengers!.recordId, 'messengers.png', pngImage(40, 40));
  return { zhanaozen: zhanaozen!, national: national!, messengers: messengers!, effects, report, witness };
}

/** Builds a DataTransfer in the page holding a File with this name, and drops it on `zone`. */
async function dropFile(page: Page, zone: Locator, name: string) {
  const dataTransfer = await page.evaluateHandle((name) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['a bundle'], name, { type: 'application/zip' }));
    return transfer;
  }, name);
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
const localeFile = (lng: string, ns: string): Tree =>
  JSON.parse(readFileSync(new URL(`../../shared/i18n/locales/${lng}/${ns}.json`, import.meta.url), 'utf8'));

/**
 * These screens speak of bagit.txt and bundle.json, which the shared raw-key
 * check would take for keys; this one looks for the verify and report keys
 * themselves, and for their English sentences on a screen in another language.
 */
async function expectOwnTextsTranslated(page: Page, lng: Lng, screen: string) {
  const body = await page.locator('body').innerText();
  const keys = ['verify', 'report'].flatMap((ns) => flatten(localeFile('en', ns)).map(([key]) => key.replace(/_(one|few|many|other)$/, '')));
  const rawKeys = keys.filter((key) => key.includes('.') && body.includes(key));
  const namespaced = [...body.matchAll(/\b(?:verify|report|common|errors|taxonomy):[\w.]+/g)].map((m) => m[0]);
  expect([...rawKeys, ...namespaced], `raw keys on ${screen} (${lng})`).toEqual([]);
  if (lng === 'en') return;
  const local = new Map(flatten(localeFile(lng, 'verify')));
  const english = flatten(localeFile('en', 'verify')).filter(([key, text]) => !text.includes('{{') && text.length >= 4 && local.get(key) !== text);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const leftover = english.filter(([, text]) => new RegExp(`(^|[^\\p{L}])${escape(text)}($|[^\\p{L}])`, 'mu').test(body)).map(([key]) => key);
  expect(leftover, `English left on ${screen} (${lng})`).toEqual([]);
  await expectNoEnglishLeft(page, lng, screen);
}

async function checkScreen(page: Page, lng: Lng, screen: string) {
  await expectOwnTextsTranslated(page, lng, screen);
  await expectNoAxeViolations(page, `${screen} (${lng})`);
}

const sh = (command: string, cwd: string) => execFileSync('sh', ['-c', command], { cwd, encoding: 'utf8' });

/** Unzips a bundle into a new folder and returns the bag inside it. */
function unzipped(zip: string, into: string, bundleId: string): string {
  execFileSync('unzip', ['-q', zip, '-d', into]);
  return join(into, bundleId);
}

/** The verdict and the rows of the check list, as the screen shows them. */
async function shownChecks(page: Page) {
  return page.locator('.check-list li').evaluateAll((items) =>
    items.map((item) => ({
      id: item.getAttribute('data-check'),
      mark: item.querySelector('.check-mark')?.textContent ?? '',
      text: item.querySelector('.check-text')?.textContent ?? '',
      state: item.querySelector('.check-state')?.textContent ?? '',
    })),
  );
}

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`a legal bundle is exported through the wizard, passes the standard tools and checks valid (${lng})`, async ({ dalel, browser }, testInfo) => {
      test.setTimeout(240_000);
      const { page } = dalel;
      const { text, plural } = textsIn(lng);
      await dalel.open();
      await createArchive(dalel);
      const seeded = await seedArchive(dalel);
      const key = await dispatch<{ publicKey: string; fingerprint: string }>(dalel, 'key:show', {});
      const out = join(dalel.dir, `пакет ${lng} 📦.zip`);
      let bundleId = '';
      let withPdf = false;
      let payloadFiles = 0;

      await test.step('the wizard: the incident, the legal profile and its preview, the language, the file', async () => {
        await page.getByRole('navigation').getByRole('link', { name: text('verify:export.nav'), exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: text('verify:export.title') })).toBeFocused();
        const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
        await expect(page.locator('#export-path')).toHaveValue(join(dalel.dir, `dalel-${today}.zip`));
        await expect(page.locator('#export-language')).toHaveValue(lng);
        // All records: both incidents, their effects and both sources.
        await expect(page.locator('#export-scope-all-hint')).toHaveText(
          text('verify:export.records.allCounts', {
            incidents: plural('report:counts.incidents', 2),
            effects: plural('report:counts.effects', 3),
            sources: plural('report:counts.sources', 2),
          }),
        );
        await checkScreen(page, lng, 'the export screen');
        await expectNoRawKeys(page, `the export screen (${lng})`);

        // Choosing incidents and ticking none is refused with a message.
        await page.getByLabel(text('verify:export.records.chosen'), { exact: true }).check();
        await page.getByRole('button', { name: text('verify:export.submit') }).click();
        await expect(page.locator('#export-records-problem')).toHaveText(text('verify:export.records.noneChosen'));
        await expect(page.locator('.export-incidents input').first()).toBeFocused();
        const incidentBox = page.getByRole('checkbox', { name: 'Қаңтар 2022: бүкіл ел бойынша байланыс өшірілді' });
        await incidentBox.check();
        await expect(page.locator('#export-records-problem')).toHaveCount(0);
        await expect(page.locator(`#export-incident-${seeded.incident.recordId}-brings`)).toHaveText(
          text('verify:export.records.brings', { effects: plural('report:counts.effects', 3), sources: plural('report:counts.sources', 2) }),
        );

        // Each profile's preview, for the chosen incident.
        const preview = page.locator('section.export-preview');
        await page.getByLabel(text('report:profile.internal.name'), { exact: true }).check();
        await expect(preview).toContainText(text('report:cover.nothingLeftOut'));
        await expect(preview).toContainText(plural('report:counts.files', 4));
        await page.getByLabel(text('report:profile.public.name'), { exact: true }).check();
        await expect(preview).toContainText(plural('report:redactions.sourcesWithheld', 1));
        // The video too: a kind of file Dalel cannot clean, whose bytes may say where and on what device it was made.
        await expect(preview).toContainText(plural('report:redactions.attachmentsWithheld', 3));
        await expect(preview).toContainText(
          text('verify:export.preview.file', { name: 'көше бейнесі.webm', reason: text('verify:export.preview.reason.mediaMetadata') }),
        );
        // The photo goes as a cleaned copy.
        await expect(preview).toContainText(plural('report:redactions.attachmentsCleaned', 1));
        await expect(preview).toContainText('Банкомат жабық 📵.jpg');
        await expect(preview).toContainText(plural('report:counts.files', 1));
        await expect(preview).toContainText(plural('report:counts.sources', 1));
        // The people it names by a pseudonym are listed, their names hidden until asked for: a screen is read over a shoulder.
        await expect(preview).not.toContainText(consenting.name);
        await expect(preview).not.toContainText(refusing.name);
        await preview.getByRole('button', { name: text('evidence:source.identity.show') }).click();
        await expect(preview).toContainText(consenting.name);
        await preview.getByRole('button', { name: text('evidence:source.identity.hide') }).click();
        await expect(preview).not.toContainText(consenting.name);
        // Legal: a witness who said No to lawyers is left out whole, her recording with her.
        await page.getByLabel(text('report:profile.legal.name'), { exact: true }).check();
        await expect(preview).toContainText(plural('report:redactions.sourcesWithheld', 1));
        await expect(preview).not.toContainText(plural('report:redactions.pseudonymized', 1));
        await expect(preview).toContainText(plural('report:redactions.attachmentsWithheld', 1));
        await expect(preview).toContainText(
          text('verify:export.preview.file', { name: 'Айгүлдің дауысы.m4a', reason: text('verify:export.preview.reason.sourceWithheld') }),
        );
        await expect(preview).toContainText(plural('report:counts.sources', 1));
        await expect(preview).toContainText(plural('report:counts.files', 3));
        // The disability effect rests only on her testimony: flagged before anything leaves.
        await expect(preview.locator('.export-warnings')).toContainText(
          text('verify:export.warnings.onlyWithheldSupport', { record: text('taxonomy:category.disability_access') }),
        );
        // The photo's original records where it was taken; the video could not be read to tell.
        await expect(preview.locator('.export-warnings')).toContainText(text('verify:export.warnings.location', { name: 'Банкомат жабық 📵.jpg' }));
        await expect(preview.locator('.export-warnings')).toContainText(plural('verify:export.warnings.locationUnchecked', 1));
        await expect(preview.locator('.export-warnings')).not.toContainText(text('verify:export.warnings.checkingLocations'));
        await expect(preview).not.toContainText(text('report:cover.nothingLeftOut'));

        // The name lawyers will see: the archive's until the person writes another; legal bundles only.
        const signerName = page.locator('#export-signer-name');
        await expect(signerName).not.toHaveValue('');
        await signerName.fill('А. Сейітова — адвокатқа');
        await page.getByLabel(text('report:profile.public.name'), { exact: true }).check();
        await expect(signerName).toHaveCount(0);
        await page.getByLabel(text('report:profile.legal.name'), { exact: true }).check();
        await expect(signerName).toHaveValue('А. Сейітова — адвокатқа');
        await page.locator('#export-language').selectOption(lng);
        await page.locator('#export-path').fill(out);
        await checkScreen(page, lng, 'the export screen, legal profile chosen');
        await page.screenshot({ path: testInfo.outputPath(`export-screen-${lng}.png`), fullPage: true });
      });

      await test.step('export: a progress bar, then the result with the fingerprint to pass on', async () => {
        // Remembers whether the progress bar was ever drawn, however short the export.
        await page.evaluate(() => {
          const seen = window as unknown as { progressSeen: boolean };
          seen.progressSeen = false;
          new MutationObserver(() => {
            if (document.querySelector('.task-progress progress[max="100"]')) seen.progressSeen = true;
          }).observe(document.body, { subtree: true, childList: true });
        });
        await page.getByRole('button', { name: text('verify:export.submit') }).click();
        const result = page.locator('section.export-result');
        await expect(result.getByRole('heading', { level: 2, name: text('verify:export.done.title') })).toBeFocused({ timeout: 60_000 });
        expect(await page.evaluate(() => (window as unknown as { progressSeen: boolean }).progressSeen)).toBe(true);
        bundleId = (await result.locator('.bundle-id').textContent()) ?? '';
        expect(bundleId).toMatch(/^dalel-\d{8}-[0-9a-f]{8}$/);
        await expect(result.locator('.bundle-path')).toHaveText(out);
        // bundle.json, report.html, the draft UN communication, four CSVs (incidents, effects, stop, sources) and three evidence files (her
        // recording stays out), and report.pdf where the exporting program could print one (the harness prints with this Chromium).
        withPdf = execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).split('\n').includes(`${bundleId}/data/report.pdf`);
        payloadFiles = 10 + (withPdf ? 1 : 0);
        await expect(result.locator('.bundle-files')).toHaveText(String(payloadFiles));
        await expect(result.locator('.bundle-report-kind')).toHaveText(text(withPdf ? 'verify:export.done.pdf' : 'verify:export.done.htmlOnly'));
        await expect(result.locator('.fingerprint')).toHaveText(key.fingerprint);
        await expect(result).toContainText(text('verify:export.done.fingerprintHint'));
        // Which profile was written, and what it left out.
        await expect(result.locator('.bundle-profile')).toHaveText(text('report:profile.legal.name'));
        await expect(result.locator('.bundle-withheld')).toContainText(plural('report:redactions.sourcesWithheld', 1));
        await expect(result.locator('.bundle-withheld')).toContainText(plural('report:redactions.attachmentsWithheld', 1));
        await checkScreen(page, lng, 'the export result');
        await page.screenshot({ path: testInfo.outputPath(`export-result-${lng}.png`) });
      });

      const work = join(dalel.dir, 'work');
      await mkdir(work);
      let bag = '';
      await test.step('the file passes unzip -t and sha256sum -c, and holds what the preview said', async () => {
        expect(existsSync(out)).toBe(true);
        expect(execFileSync('unzip', ['-t', out], { encoding: 'utf8' })).toMatch(/No errors detected/);
        bag = unzipped(out, join(work, 'bundle'), bundleId);
        const checked = sh('sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt', bag);
        expect(checked).not.toMatch(/FAILED/);
        expect(checked.match(/: OK$/gm)).toHaveLength(5 + payloadFiles);
        const bundle = JSON.parse(await readFile(join(bag, 'data/bundle.json'), 'utf8'));
        expect(bundle.profile).toBe('legal');
        expect(bundle.language).toBe(lng);
        expect(bundle.signer.name).toBe('А. Сейітова — адвокатқа');
        // The engine's own redaction agrees with the preview.
        expect(bundle.redactions).toMatchObject({ pseudonymized: 0, sourcesWithheld: 1, attachmentsWithheld: 1, confidentialTextWithheld: 0, unsignedHeads: 0 });
        // Every record carries the signed head its author made, so a lawyer can check it against the author's key.
        expect(bundle.records.every((record: { signedHead?: unknown }) => record.signedHead)).toBe(true);
        const ids = bundle.records.map((record: { recordId: string }) => record.recordId);
        expect(ids).toContain(seeded.incident.recordId);
        expect(ids).not.toContain(seeded.other.recordId);
        expect(bundle.records).toHaveLength(5);
        const everything = sh('cat bundle.json report.html incidents.csv effects.csv stop.csv sources.csv', join(bag, 'data'));
        for (const secret of Object.values(refusing)) expect(everything, secret).not.toContain(secret);
        expect(everything).toContain(consenting.name);
        // He told lawyers who he is but said no to the UN: the draft UN communication names neither of them.
        const unDraft = await readFile(join(bag, 'data/un-communication.html'), 'utf8');
        for (const secret of [...Object.values(refusing), ...Object.values(consenting)]) expect(unDraft, secret).not.toContain(secret);
      });

      await test.step('the HTML report, opened on its own, shows the bundle id and Kazakh text', async () => {
        const html = await readFile(join(bag, 'data/report.html'), 'utf8');
        // A fresh context that may reach nothing: the report is self-contained.
        const reportContext = await browser.newContext({ viewport: { width: 1024, height: 900 } });
        const reached: string[] = [];
        await reportContext.route('**/*', (route) => {
          reached.push(route.request().url());
          return route.abort('blockedbyclient');
        });
        const reportPage = await reportContext.newPage();
        await reportPage.setContent(html);
        const shown = await reportPage.locator('body').innerText();
        expect(shown).toContain(bundleId);
        expect(shown).toMatch(/[әғқңөұүһі]/i);
        expect(shown).toContain('Қаңтар 2022');
        expect(shown).toContain(key.fingerprint);
        // In the chosen language, saying what the profile left out, as the preview did.
        const written = await reportPage.locator('body').textContent();
        expect(written).toContain(text('report:cover.fingerprintNote'));
        expect(written).toContain(plural('report:redactions.sourcesWithheld', 1));
        expect(written).toContain(plural('report:redactions.attachmentsWithheld', 1));
        // The original photo records where it was taken: the report warns the lawyer too.
        expect(written).toContain(plural('report:attachments.locationWarning', 1));
        expect(written).toContain(text('report:attachments.locationPresent'));
        const screenshot = testInfo.outputPath(`bundle-report-${lng}.png`);
        await reportPage.screenshot({ path: screenshot, fullPage: false });
        expect(statSync(screenshot).size).toBeGreaterThan(10_000);
        await testInfo.attach(`bundle report (${lng})`, { path: screenshot, contentType: 'image/png' });
        expect(reached).toEqual([]);
        await reportContext.close();
      });

      await test.step('the check screen: the dropped bundle is valid, every check listed, the signer trusted once pasted', async () => {
        await page.getByRole('navigation').getByRole('link', { name: text('verify:screen.nav'), exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: text('verify:title') })).toBeFocused();
        await checkScreen(page, lng, 'the check screen');
        dalel.offerFiles([out]);
        await dropFile(page, page.locator('main'), basename(out));
        const result = page.locator('section.verify-result');
        await expect(result.getByRole('heading', { level: 2, name: text('verify:screen.resultTitle') })).toBeFocused({ timeout: 60_000 });
        // Intact, but nobody has verified who signed: amber "!", never a green ✓.
        await expect(result.locator('.verdict-title')).toHaveText(`! ${text('verify:verdict.unverified')}`);
        await expect(result.locator('.verdict-text')).toHaveText(text('verify:verdict.unverifiedText'));
        await expect(result.locator('.bundle-id')).toHaveText(bundleId);
        await expect(result).toContainText(text('report:profile.legal.name'));
        await expect(result.locator('dl .fingerprint')).toHaveText(key.fingerprint);
        // Who signed the records: every one of the five by this archive's key, not yet trusted.
        const authors = result.locator('section.author-keys');
        await expect(authors.locator('.author-count')).toHaveText(
          text(`verify:screen.authorsCount_${new Intl.PluralRules(lng).select(5)}`, { signed: 5, count: 5 }),
        );
        await expect(authors.locator('li')).toHaveText(`${key.fingerprint} ${plural('verify:screen.authorRecords', 5)} — ${text('verify:screen.authorUntrusted')}`);
        expect(await shownChecks(page)).toEqual(
          checkIds.map((id) =>
            id === 'trust'
              ? { id, mark: '!', text: text(`verify:check.${id}`), state: text('verify:screen.notTrusted') }
              : // A legal bundle carries no revisions, only each record's signed head; this one has no proof of time and no countersignature.
                id === 'revisions' || id === 'timestamp' || id === 'timestampAnchor' || id === 'countersignature' || id === 'countersignatureAnchor'
                ? { id, mark: '–', text: text(`verify:check.${id}`), state: text('verify:screen.notRun') }
                : { id, mark: '✓', text: text(`verify:check.${id}`), state: text('verify:screen.passed') },
          ),
        );
        await checkScreen(page, lng, 'a valid bundle');
        await page.screenshot({ path: testInfo.outputPath(`check-valid-${lng}.png`), fullPage: true });

        const [type, base64] = key.publicKey.split(' ');
        await page.getByLabel(text('verify:screen.trustedLabel')).fill(`# ${lng}\n${type} ${base64} Алматы қорғаушылары`);
        await page.getByRole('button', { name: text('verify:screen.checkAgain') }).click();
        await expect(result.locator('.verdict-title')).toHaveText(`✓ ${text('verify:verdict.trusted', { name: 'Алматы қорғаушылары' })}`);
        await expect(result.locator('li[data-check="trust"] .check-mark')).toHaveText('✓');
        await expect(authors.locator('li')).toContainText(text('verify:screen.authorTrusted', { name: 'Алматы қорғаушылары' }));
      });

      await test.step('one changed byte in data/incidents.csv: not valid, naming the file', async () => {
        const tampered = join(work, 'tampered');
        await cp(join(work, 'bundle'), tampered, { recursive: true });
        const csvPath = join(tampered, bundleId, 'data/incidents.csv');
        const csv = await readFile(csvPath);
        const at = csv.indexOf('2022');
        expect(at).toBeGreaterThan(0);
        csv[at + 3] = '3'.charCodeAt(0); // 2022 → 2023, same size: only the hash can tell
        await writeFile(csvPath, csv);
        const tamperedZip = join(dalel.dir, `өзгертілген ${lng}.zip`);
        sh(`zip -qr '${tamperedZip}' '${bundleId}'`, tampered);
        dalel.offerFiles([tamperedZip]);
        await dropFile(page, page.locator('h1'), basename(tamperedZip));
        const result = page.locator('section.verify-result');
        await expect(result.locator('.verdict-title')).toHaveText(`✗ ${text('verify:verdict.changed')}`, { timeout: 60_000 });
        await expect(result.locator('.verdict-text')).toHaveText(text('verify:verdict.changedText'));
        await expect(result.locator('.failure-file')).toHaveText('data/incidents.csv');
        await expect(result.locator('.failure-text')).toHaveText(text('verify:failure.hashMismatch', { file: 'data/incidents.csv' }));
        await expect(result.locator('.verify-failure')).toContainText(text('verify:check.payloadManifest'));
        const rows = await shownChecks(page);
        const failedAt = checkIds.indexOf('payloadManifest');
        // Before the failure every check passed, but the proof of time's and the countersignature's, which a bundle without them does not run.
        const notRun = new Set(['timestamp', 'countersignature']);
        expect(rows.map((row) => row.mark)).toEqual(checkIds.map((id, index) => (index < failedAt && !notRun.has(id) ? '✓' : index === failedAt ? '✗' : '–')));
        expect(rows[failedAt]!.state).toBe(text('verify:screen.failed'));
        await checkScreen(page, lng, 'a tampered bundle');
        await page.screenshot({ path: testInfo.outputPath(`check-tampered-${lng}.png`), fullPage: true });
      });

      await test.step('a file that is no ZIP at all', async () => {
        const notZip = join(dalel.dir, 'not-a-bundle.zip');
        await writeFile(notZip, 'Бұл ZIP емес, жай мәтін.\n');
        dalel.offerFiles([notZip]);
        await page.locator('.verify-drop input[type="file"]').setInputFiles(notZip);
        const result = page.locator('section.verify-result');
        await expect(result.locator('.verdict-title')).toHaveText(`✗ ${text('verify:verdict.changed')}`, { timeout: 60_000 });
        await expect(result.locator('.failure-text')).toHaveText(text('verify:failure.zipDamaged'));
        await expect(result.locator('li[data-check="zipStructure"] .check-mark')).toHaveText('✗');
        await checkScreen(page, lng, 'a file that is no ZIP');
      });

      await test.step('a dropped file that is not on this computer is refused in words', async () => {
        await dropFile(page, page.locator('main'), 'из браузера.zip');
        await expect(page.getByRole('alert')).toHaveText(text('errors:fileNotOnDisk', { name: 'из браузера.zip' }));
        await expect(page.locator('section.verify-result')).toHaveCount(0);
      });

      expect(dalel.externalRequests).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.missingKeys).toEqual([]);
    });

    test(`incidents matching a filter: nothing matching is refused, a filter by kind exports exactly its incidents (${lng})`, async ({ dalel }, testInfo) => {
      test.setTimeout(180_000);
      const { page } = dalel;
      const { text, plural } = textsIn(lng);
      await dalel.open();
      await createArchive(dalel);
      const seeded = await seedThreeIncidents(dalel);
      const out = join(dalel.dir, `сүзгі ${lng}.zip`);
      const status = page.locator('#export-filter-matches');
      const previewCounts = page.locator('section.export-preview .export-counts');
      const found = (incidents: number, effects: number, sources: number) =>
        text('verify:export.records.matching', {
          incidents: plural('report:counts.incidents', incidents),
          effects: plural('report:counts.effects', effects),
          sources: plural('report:counts.sources', sources),
        });

      await test.step('the filter scope starts with every incident and counts live as the filter changes', async () => {
        await page.getByRole('navigation').getByRole('link', { name: text('verify:export.nav'), exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: text('verify:export.title') })).toBeFocused();
        await page.getByLabel(text('verify:export.records.filter'), { exact: true }).check();
        const filterGroup = page.getByRole('group', { name: text('verify:export.records.filterLegend') });
        await expect(filterGroup).toBeVisible();
        await expect(status).toHaveText(found(3, 3, 2));
        await expect(previewCounts).toContainText(plural('report:counts.incidents', 3));
        // Words, as in the incident list: any case, Kazakh letters included.
        await filterGroup.getByLabel(text('incidents:list.search'), { exact: true }).fill('ЖАҢАӨЗЕН');
        await expect(status).toHaveText(found(1, 1, 0));
        await expect(previewCounts).toContainText(plural('report:counts.files', 1));
        await filterGroup.getByLabel(text('incidents:list.search'), { exact: true }).fill('');
        // An area: Almaty city has the nationwide shutdown and the blocked messengers.
        await filterGroup.getByLabel(text('incidents:list.filterArea'), { exact: true }).selectOption('code:KZ-75');
        await expect(status).toHaveText(found(2, 2, 2));
        await filterGroup.getByLabel(text('incidents:list.filterArea'), { exact: true }).selectOption('');
        await checkScreen(page, lng, 'the export screen, filter chosen');
        await expectNoRawKeys(page, `the export screen, filter chosen (${lng})`);
      });

      await test.step('a filter matching nothing is refused in words and writes no file', async () => {
        const search = page.getByLabel(text('incidents:list.search'), { exact: true });
        await search.fill('Shymkent 1999');
        await expect(status).toHaveText(text('verify:export.records.noMatch'));
        await expect(previewCounts).toContainText(plural('report:counts.incidents', 0));
        await page.locator('#export-path').fill(out);
        await page.getByRole('button', { name: text('verify:export.submit') }).click();
        await expect(page.locator('#export-records-problem')).toHaveText(text('verify:export.records.noneMatch'));
        await expect(search).toBeFocused();
        await checkScreen(page, lng, 'the export screen, a filter matching nothing');
        await page.screenshot({ path: testInfo.outputPath(`export-filter-none-${lng}.png`), fullPage: true });
        await expect(page.locator('section.export-result')).toHaveCount(0);
        expect(existsSync(out)).toBe(false);
        // Keyboard only: clear the words, and the message goes as soon as something matches.
        await search.press('ControlOrMeta+a');
        await search.press('Backspace');
        await expect(page.locator('#export-records-problem')).toHaveCount(0);
        await expect(status).toHaveText(found(3, 3, 2));
      });

      let bundleId = '';
      await test.step('a filter by kind: two of the three incidents, exported', async () => {
        await page.getByLabel(text('incidents:list.filterKind'), { exact: true }).selectOption('full_network');
        await expect(status).toHaveText(found(2, 2, 1));
        await expect(previewCounts).toContainText(plural('report:counts.incidents', 2));
        await expect(previewCounts).toContainText(plural('report:counts.files', 2));
        await page.getByRole('button', { name: text('verify:export.submit') }).click();
        const result = page.locator('section.export-result');
        await expect(result.getByRole('heading', { level: 2, name: text('verify:export.done.title') })).toBeFocused({ timeout: 90_000 });
        bundleId = (await result.locator('.bundle-id').textContent()) ?? '';
        await expect(result.locator('.bundle-path')).toHaveText(out);
      });

      await test.step('the bundle holds exactly the matching incidents, their effects, sources and files', async () => {
        const bag = unzipped(out, join(dalel.dir, 'filtered'), bundleId);
        expect(sh('sha256sum -c manifest-sha256.txt', bag)).not.toMatch(/FAILED/);
        const bundle = JSON.parse(await readFile(join(bag, 'data/bundle.json'), 'utf8')) as {
          records: { recordId: string; type: string }[];
          attachments: { recordId: string; originalName: string }[];
        };
        const ofType = (type: string) => bundle.records.filter((record) => record.type === type).map((record) => record.recordId).sort();
        expect(ofType('incident')).toEqual([seeded.zhanaozen.recordId, seeded.national.recordId].sort());
        expect(ofType('effect')).toEqual([seeded.effects.zhanaozen.recordId, seeded.effects.national.recordId].sort());
        expect(ofType('source')).toEqual([seeded.report.recordId]);
        expect(bundle.attachments.map((file) => file.originalName).sort()).toEqual(['national.png', 'жаңаөзен.png'].sort());
        const everything = sh('cat bundle.json incidents.csv effects.csv stop.csv sources.csv', join(bag, 'data'));
        expect(everything).not.toContain(sampleIncidents[2]!.title);
        expect(everything).not.toContain(seeded.messengers.recordId);
        expect(everything).not.toContain(seeded.witness.recordId);
      });

      expect(dalel.externalRequests).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.missingKeys).toEqual([]);
    });
  });
}

test('a large export shows its progress and can be cancelled, leaving no file; an existing file is never overwritten', async ({ dalel }) => {
  test.setTimeout(240_000);
  const { page } = dalel;
  const { text } = textsIn('en');
  await dalel.open();
  await createArchive(dalel, 'Almaty defenders', null);
  await seedArchive(dalel, 300 * 2 ** 20);
  await page.getByRole('navigation').getByRole('link', { name: text('verify:export.nav'), exact: true }).click();
  await expect(page.locator('section.export-preview')).toContainText(text('report:redactions.sourcesWithheld_one', { count: 1 }));

  // The native save dialog (answered by the harness) fills the path; the field stays editable.
  await page.getByRole('button', { name: text('verify:export.path.choose') }).click();
  await expect(page.locator('#export-path')).toHaveValue(join(dalel.dir, 'saved bundle.zip'));
  await expect(page.locator('#export-path')).toBeFocused();

  const existing = join(dalel.dir, 'earlier bundle.zip');
  await writeFile(existing, 'an earlier bundle');
  await page.locator('#export-path').fill(existing);
  await page.getByRole('button', { name: text('verify:export.submit') }).click();
  await expect(page.getByRole('alert')).toHaveText(text('errors:fileExists', { path: existing }));
  await expect(page.locator('#export-path')).toBeFocused();
  expect(readFileSync(existing, 'utf8')).toBe('an earlier bundle');

  const out = join(dalel.dir, 'large.zip');
  await page.locator('#export-path').fill(out);
  await page.getByRole('button', { name: text('verify:export.submit') }).click();
  const progress = page.locator('.task-progress');
  const cancel = progress.getByRole('button', { name: text('verify:progress.cancel') });
  await expect(cancel).toBeFocused();
  await expect(progress.locator('progress')).toHaveAccessibleName(text('verify:export.running'));
  await expect(progress.locator('.task-progress-status')).toHaveText(/^\d+% done/);
  // Cancelled at once: a 300 MB export takes only seconds, and the check below must not outlast it.
  await cancel.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(text('errors:cancelled'), { timeout: 60_000 });
  await expect(page.getByRole('button', { name: text('verify:export.submit') })).toBeFocused();
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dalel.dir).filter((name) => name.includes('large'))).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
  expect(dalel.pageErrors).toEqual([]);
  expect(dalel.missingKeys).toEqual([]);
});
