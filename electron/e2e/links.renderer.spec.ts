/**
 * Two defenders, one shutdown, in the built UI against the real engine: an
 * incident is linked to another recorded apart by finding it by its words in
 * the form's "Other records of this shutdown"; the incident itself is never
 * offered; both pages show the link, each the right way round; the overview
 * counts the two as one shutdown and says so. The section, the page and the
 * overview read in Kazakh and Russian with no raw key or English left, and
 * axe finds nothing.
 */
import { expect, test } from './harness';
import { expectNoEnglishLeft } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

test('a defender links an incident recorded twice, both pages show it, and the overview counts it once', async ({ dalel }) => {
  test.setTimeout(180_000);
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);
  // Both told in Russian, so that the pages in Kazakh and Russian hold no English of the records' own.
  const mine = await saveIncidentDirectly(page, sampleIncidents[0]!);
  const theirs = await saveIncidentDirectly(page, { ...sampleIncidents[0]!, title: 'Жаңаөзенде интернет өшірілді (запись Ерлана)' });
  const base = () => page.url().split('#')[0];

  await test.step('the form finds the other incident by its words and links it', async () => {
    await page.goto(`${base()}#/incident/${theirs}/edit`);
    const section = page.locator('section[aria-labelledby="section-links"]');
    await section.getByText('Linked to no other incident').click();
    await expect(section.getByLabel('This incident is')).toHaveValue('same_as');
    await section.getByLabel('Find the other incident by its words').fill('Отключение');
    await section.getByRole('button', { name: 'Find', exact: true }).click();
    await expect(section.getByRole('button', { name: /^Link: Same as “Отключение интернета в Жаңаөзен”/ })).toBeVisible();
    // The incident being edited matches its own words too, and is never offered.
    await section.getByLabel('Find the other incident by its words').fill('Ерлана');
    await section.getByRole('button', { name: 'Find', exact: true }).click();
    await expect(section.getByRole('status')).toContainText('No other incident matches these words.');
    await section.getByLabel('Find the other incident by its words').fill('Отключение');
    await section.getByRole('button', { name: 'Find', exact: true }).click();
    await section.getByRole('button', { name: /^Link: Same as “Отключение интернета в Жаңаөзен”/ }).click();
    await expect(section.getByRole('link', { name: 'Отключение интернета в Жаңаөзен' })).toBeVisible();
    await expectNoAxeViolations(page, 'the incident form with a link');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: /запись Ерлана/ })).toBeVisible();
  });

  await test.step('both pages show the link, each the right way round', async () => {
    const linked = page.locator('section[aria-labelledby="linked-incidents-title"]');
    await expect(linked).toContainText('The same shutdown, recorded apart:');
    await expect(linked.getByRole('link', { name: 'Отключение интернета в Жаңаөзен' })).toBeVisible();
    await page.goto(`${base()}#/incident/${mine}`);
    await expect(linked).toContainText('Recorded apart as the same shutdown:');
    await expect(linked.getByRole('link', { name: /запись Ерлана/ })).toBeVisible();
    await expect(linked).toContainText('Counted once with these in the overview and the exports.');
    await expectNoAxeViolations(page, 'the incident page with a link to it');
  });

  await test.step('the overview counts one shutdown and says one more record is counted with it', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    const counts = page.locator('.overview-counts');
    await expect(counts).toContainText('1 incident');
    await expect(counts).toContainText('1 more record of the same shutdowns, counted once');
  });

  await test.step('the overview, the page and the form read in Kazakh and Russian', async () => {
    for (const [label, lng, counted, pageText, formSummary] of [
      ['Language', 'kk', 'сол өшірулер туралы тағы 1 жазба, бір рет саналды', 'Сол өшіру ретінде бөлек жазылған:', 'Тағы 1 оқиғамен байланысты'],
      ['Тіл', 'ru', 'ещё 1 запись о тех же отключениях, учтена один раз', 'Записано отдельно как то же отключение:', 'Связан с 1 другим инцидентом'],
    ] as const) {
      await page.goto(`${base()}#/overview`);
      await page.getByLabel(label, { exact: true }).selectOption(lng);
      await expect(page.locator('.overview-counts')).toContainText(counted);
      await page.goto(`${base()}#/incident/${mine}`);
      await expect(page.locator('section[aria-labelledby="linked-incidents-title"]')).toContainText(pageText);
      await expectNoRawKeys(page, `the incident page (${lng})`);
      await expectNoEnglishLeft(page, lng, 'the incident page');
      await expectNoAxeViolations(page, `the incident page (${lng})`);
      await page.goto(`${base()}#/incident/${theirs}/edit`);
      await expect(page.locator('section[aria-labelledby="section-links"] summary')).toHaveText(formSummary);
      await expectNoRawKeys(page, `the incident form (${lng})`);
    }
    await page.getByLabel('Язык', { exact: true }).selectOption('en');
  });
});
