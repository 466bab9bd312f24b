/**
 * A legal bundle as a submission, in the built UI against the real engine,
 * in English, Russian and Kazakh. On the export screen the submission is
 * offered for the legal profile only, off until the person adds it; its
 * declaration and methodology start from the texts of the report's
 * language. Asked to export without a submitter's name, it says so beside
 * the field and moves focus there, writing nothing. Filled in, the bundle's
 * report names the submitter and gives the declaration as written, line
 * breaks kept, and the methodology; bundle.json carries the submission.
 * What was typed is kept nowhere else: not in web storage, not in the
 * app's settings. Axe finds nothing on the step; nothing leaves for the
 * network.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

type Lng = 'en' | 'ru' | 'kk';

const languages: { lng: Lng; osLocale: string }[] = [
  { lng: 'en', osLocale: 'en-US' },
  { lng: 'ru', osLocale: 'ru-RU' },
  { lng: 'kk', osLocale: 'kk-KZ' },
];

const submitter = { name: 'Құқық қорғау бюросы «Дәлел»', contact: 'bureau@example.kz, +7 727 000 00 00' };
const collector = 'Әйгерім Нұрланқызы';
const ownLine = 'Жазбаларды 2022 жылғы 12–15 қаңтарда Алматыда жинадым.';

/** Every file under a folder, as text: where a submission must not be found. */
function textsUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`a legal bundle carries the submission filled in on the export screen (${lng})`, async ({ dalel }) => {
      test.setTimeout(180_000);
      const { page } = dalel;
      const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
      await dalel.open();
      await createArchive(dalel);
      await saveIncidentDirectly(page, sampleIncidents[1]!);
      const out = join(dalel.dir, `submission ${lng}.zip`);

      await page.getByRole('navigation').getByRole('link', { name: text('verify:export.nav'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: text('verify:export.title') })).toBeFocused();
      const add = page.getByRole('checkbox', { name: text('verify:export.submission.add') });

      // Offered for a legal bundle only, and off until the person adds it.
      await expect(add).not.toBeChecked();
      await page.getByLabel(text('report:profile.public.name'), { exact: true }).check();
      await expect(add).toHaveCount(0);
      await page.getByLabel(text('report:profile.legal.name'), { exact: true }).check();
      await add.check();

      const group = page.locator('fieldset.export-submission');
      // Each control is named by its label (a screen reader says it; axe below checks the rest).
      await expect(page.locator('#export-submitter-name')).toHaveAccessibleName(`${text('verify:export.submission.submitter.name')} *`);
      await expect(page.locator('#export-submitter-contact')).toHaveAccessibleName(text('verify:export.submission.submitter.contact'));
      await expect(page.locator('#export-remedies')).toHaveAccessibleName(text('verify:export.submission.remedies.label'));
      await expect(group).toContainText(text('verify:export.submission.notKept'));
      await expect(group).toContainText(text('verify:export.submission.submitter.contactHint'));
      // The declaration and the methodology start from the report language's texts.
      const declaration = page.locator('#export-declaration-text');
      await expect(declaration).toHaveValue(text('verify:export.submission.defaults.declaration'));
      await expect(page.locator('#export-methodology-definition')).toHaveValue(text('verify:export.submission.defaults.definition'));
      await expect(page.locator('#export-declaration-date')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);

      // Without the submitter's name: said beside the field, focus there, nothing written.
      await page.locator('#export-path').fill(out);
      await page.getByRole('button', { name: text('verify:export.submit') }).click();
      const name = page.locator('#export-submitter-name');
      await expect(name).toBeFocused();
      await expect(name).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#export-submitter-name-problem')).toHaveText(text('verify:export.submission.submitter.nameRequired'));
      await expect(page.locator('#export-declaration-by-problem')).toHaveText(text('verify:export.submission.declaration.byRequired'));
      expect(existsSync(out)).toBe(false);
      await expectNoAxeViolations(page, `the submission step with problems (${lng})`);

      // Filled in by keyboard, as a person would.
      await page.getByLabel(text('verify:export.submission.submitter.organization'), { exact: true }).check();
      await name.fill(submitter.name);
      await expect(page.locator('#export-submitter-name-problem')).toHaveCount(0);
      await page.locator('#export-submitter-contact').fill(submitter.contact);
      await page.locator('#export-declaration-by').fill(collector);
      await page.locator('#export-declaration-date').fill('2022-02-01');
      await declaration.press('ControlOrMeta+End');
      await declaration.press('Enter');
      await declaration.pressSequentially(ownLine);
      await page.locator('#export-methodology-limits').fill('');
      await page.locator('#export-remedies').fill('Прокуратураға шағым, 2022 жылғы 1 ақпан: жауап жоқ.');
      await expect(page.locator('.field-error')).toHaveCount(0);
      await expectNoEnglishLeft(page, lng, 'the submission step');
      await expectNoAxeViolations(page, `the submission step (${lng})`);

      await page.getByRole('button', { name: text('verify:export.submit') }).click();
      const result = page.locator('section.export-result');
      await expect(result.getByRole('heading', { level: 2, name: text('verify:export.done.title') })).toBeFocused({ timeout: 60_000 });
      const bundleId = (await result.locator('.bundle-id').textContent()) ?? '';

      const read = (path: string) => execFileSync('unzip', ['-p', out, `${bundleId}/${path}`], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
      const bundle = JSON.parse(read('data/bundle.json'));
      const declared = `${text('verify:export.submission.defaults.declaration')}\n${ownLine}`;
      expect(bundle.submission).toEqual({
        submitter: { kind: 'organization', ...submitter },
        declaration: { by: collector, date: '2022-02-01', text: declared },
        methodology: {
          collection: text('verify:export.submission.defaults.collection'),
          definition: text('verify:export.submission.defaults.definition'),
          verification: text('verify:export.submission.defaults.verification'),
          limits: '',
        },
        remedies: 'Прокуратураға шағым, 2022 жылғы 1 ақпан: жауап жоқ.',
      });
      const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      const report = read('data/report.html');
      expect(report).toContain(`<dt>${text('report:submission.submitter')}</dt><dd><strong><bdi>${escapeHtml(submitter.name)}</bdi></strong> (${text('report:submission.kind.organization')})</dd>`);
      expect(report).toContain(escapeHtml(submitter.contact));
      expect(report).toContain(`<h2 id="declaration-title">${text('report:submission.declaration.heading')}</h2>`);
      expect(report).toContain(escapeHtml(declared));
      expect(report).toContain(`<h2 id="methodology-title">${text('report:submission.methodology.heading')}</h2>`);
      expect(report).toContain(escapeHtml(text('verify:export.submission.defaults.definition')));
      expect(report).toContain(text('report:submission.notStated'));
      expect(report).toContain(`<h2 id="remedies-title">${text('report:submission.remedies.heading')}</h2>`);

      // Kept nowhere but the bundle: not in the page's storage, not in the app's settings.
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
      for (const secret of [submitter.contact, submitter.name, collector]) {
        expect(stored).not.toContain(secret);
        for (const file of textsUnder(join(dalel.dir, 'config'))) expect(file).not.toContain(secret);
      }
      expect(dalel.externalRequests).toEqual([]);
      expect(dalel.missingKeys).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
    });
  });
}
