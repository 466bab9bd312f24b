/**
 * Claims that cite sources (issue 19), in the built UI against the real
 * engine: a defender opens "Which source says what" on the incident form
 * (closed while nothing is cited), cites the akimat's letter for
 * "acknowledged by the authorities" and the ministry's statement that
 * contradicts it; choosing them lists both among the incident's sources.
 * The incident's page shows both citations beside the claim, linked to the
 * sources, the count of sources that support it, and the contested flag in
 * words; the letter's page says what it is cited for and, once graded on its
 * form, its grade. In Kazakh and Russian the same with no raw key and no
 * English left; axe finds nothing on any of these screens.
 */
import type { Page } from '@playwright/test';
import type { DalelApi } from '../../shared/ipc';
import { expect, test } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

async function saveSource(page: Page, data: Record<string, unknown>): Promise<string> {
  const result = await page.evaluate((source) => (window as unknown as { dalel: DalelApi }).dalel.records.save({ type: 'source', data: source }), data);
  if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result.error)}`);
  return result.value.recordId;
}

async function incidentData(page: Page, recordId: string): Promise<Record<string, unknown>> {
  const result = await page.evaluate((id) => (window as unknown as { dalel: DalelApi }).dalel.records.get({ recordId: id }), recordId);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.summary.data as Record<string, unknown>;
}

test('a defender cites two sources that disagree on whether the authorities acknowledged the shutdown', async ({ dalel }) => {
  test.setTimeout(180_000);
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);
  const incidentId = await saveIncidentDirectly(page, { ...sampleIncidents[0]!, acknowledged: 'yes' });
  const letter = await saveSource(page, { kind: 'document', title: 'Письмо акимата № 12', content: 'By order of the akim, mobile data is suspended.' });
  const statement = await saveSource(page, { kind: 'official_statement', title: 'Заявление министерства от 3 января', content: 'No restrictions were ordered.' });
  const base = page.url().split('#')[0];

  await test.step('cite both sources for "acknowledged" on the incident form', async () => {
    await page.goto(`${base}#/incident/${incidentId}/edit`);
    const section = page.locator('details#field-citations');
    await expect(section).toBeVisible();
    // Nothing cited yet: the section starts closed.
    await expect(section).not.toHaveAttribute('open', '');
    await section.getByText('Which source says what', { exact: true }).click();
    await expect(section.getByRole('button', { name: 'Cite a source' })).toBeVisible();
    await section.getByRole('button', { name: 'Cite a source' }).click();
    await page.locator('#incident-citations-0-field').selectOption('acknowledged');
    // A claim without its source is not saved: the summary names the section, the row says what it lacks.
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Which source says what:' })).toBeFocused();
    await expect(section.getByRole('group', { name: 'Citation 1' })).toContainText('Choose the claim and the source, or remove this citation.');
    await expect(page).toHaveURL(/\/edit$/);
    expect((await incidentData(page, incidentId)).citations).toBeUndefined();
    await page.locator('#incident-citations-0-source').selectOption(letter);
    await page.locator('#incident-citations-0-locator').fill('page 2, paragraph 1');
    await section.getByRole('button', { name: 'Cite a source' }).click();
    await page.locator('#incident-citations-1-field').selectOption('acknowledged');
    await page.locator('#incident-citations-1-source').selectOption(statement);
    await page.locator('#incident-citations-1-stance').selectOption('contradicts');
    await page.locator('#incident-citations-1-locator').fill('paragraph 3');
    await expect(section.getByRole('group', { name: 'Citation 2' })).toBeVisible();
    await expectNoAxeViolations(page, 'the incident form with two citations');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`#/incident/${incidentId}$`));
    const saved = await incidentData(page, incidentId);
    // Choosing a source listed it among the incident's sources, as the schema requires.
    expect(saved.sources).toEqual([letter, statement]);
    expect(saved.citations).toEqual([
      { field: 'acknowledged', source: letter, stance: 'supports', locator: 'page 2, paragraph 1' },
      { field: 'acknowledged', source: statement, stance: 'contradicts', locator: 'paragraph 3' },
    ]);
  });

  const claim = page.locator('.detail', { has: page.getByText('Acknowledged by the authorities', { exact: true }) });
  await test.step('the page shows both citations beside the claim, the count and the contested flag in words', async () => {
    await expect(claim).toContainText('Supported by 1 source');
    await expect(claim).toContainText('Contested: the sources contradict each other');
    await expect(claim.getByRole('link', { name: 'Письмо акимата № 12' })).toHaveAttribute('href', `#/source/${letter}`);
    await expect(claim.getByRole('listitem').filter({ hasText: 'Письмо акимата № 12' })).toContainText('Supports, at page 2, paragraph 1');
    await expect(claim.getByRole('listitem').filter({ hasText: 'Заявление министерства от 3 января' })).toContainText('Contradicts, at paragraph 3');
    await expectNoAxeViolations(page, 'the incident page with a contested claim');
  });

  await test.step('the letter\'s page says what it is cited for, and shows its grade once graded', async () => {
    await claim.getByRole('link', { name: 'Письмо акимата № 12' }).click();
    await expect(page).toHaveURL(new RegExp(`#/source/${letter}$`));
    const citedFor = page.locator('section.cited-for');
    await expect(citedFor.getByRole('link', { name: `Incident: ${sampleIncidents[0]!.title}` })).toHaveAttribute('href', `#/incident/${incidentId}`);
    await expect(citedFor).toContainText('Acknowledged by the authorities: Supports, at page 2, paragraph 1');
    await expect(page.locator('section.source-grade')).toContainText('Not graded');
    await page.goto(`${base}#/source/${letter}/edit`);
    await page.locator('#source-grade-reliability').selectOption('B');
    await page.locator('#source-grade-credibility').selectOption('2');
    await page.locator('#source-grade-access-first_hand').check();
    await page.locator('#source-grade').fill('Compared with the stamp on the akimat\'s other letters.');
    await expectNoAxeViolations(page, 'the source form with a grade');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).not.toHaveURL(/\/edit$/);
    await page.goto(`${base}#/source/${letter}`);
    const grade = page.locator('section.source-grade');
    await expect(grade).toContainText('B — usually reliable');
    await expect(grade).toContainText('2 — probably true');
    await expect(grade).toContainText('First-hand');
    await expect(grade).toContainText('Compared with the stamp');
    await expectNoAxeViolations(page, 'the graded source page');
  });

  await test.step('in Kazakh and Russian: the same flag and count, no raw key, no English left', async () => {
    await page.goto(`${base}#/incident/${incidentId}`);
    await expect(claim).toContainText('Contested');
    for (const [label, lng] of [
      ['Language', 'kk'],
      ['Тіл', 'ru'],
    ] as const) {
      await page.getByLabel(label, { exact: true }).selectOption(lng);
      const translated = page.locator('.detail', { has: page.getByText(localeText(lng, 'incidents:fields.acknowledged'), { exact: true }) });
      await expect(translated).toContainText(localeText(lng, 'evidence:citations.page.contested'));
      await expect(translated).toContainText(localeText(lng, 'evidence:citations.page.corroboration_one', { count: 1 }));
      await expect(translated).toContainText(localeText(lng, 'taxonomy:stance.contradicts'));
      await expectNoRawKeys(page, `the incident page (${lng})`);
      await expectNoEnglishLeft(page, lng, 'the incident page');
      await expectNoAxeViolations(page, `the incident page (${lng})`);
      await page.goto(`${base}#/incident/${incidentId}/edit`);
      await expect(page.locator('details#field-citations')).toHaveAttribute('open', '');
      await expectNoRawKeys(page, `the incident form (${lng})`);
      await expectNoEnglishLeft(page, lng, 'the incident form');
      await expectNoAxeViolations(page, `the incident form (${lng})`);
      await page.goto(`${base}#/incident/${incidentId}`);
    }
  });
});
