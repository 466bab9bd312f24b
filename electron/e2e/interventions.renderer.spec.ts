/**
 * Complaints, court cases and UN communications in the built UI against the
 * real engine: the incident page's "Complaints and cases" section starts
 * empty; the form refuses to save without a kind, title and body, and
 * refuses a decision dated before the filing, saving nothing; a court case
 * about two incidents is recorded with its body, reference, dates, outcome
 * and summary, marked confidential; both incidents list it; its page shows
 * its facts; an edit of the outcome is a second revision; a retraction
 * takes it off the incident's list and keeps its page. The section, the
 * form and the page read in Kazakh and Russian with no raw key and no
 * English left. Axe finds nothing; nothing leaves for the network.
 */
import type { Page } from '@playwright/test';
import type { DalelApi } from '../../shared/ipc';
import { expect, test } from './harness';
import { expectNoEnglishLeft } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

const caseTitle = 'Жалоба на приостановление связи в Жанаозене';
const body = 'Специализированный межрайонный административный суд Мангистауской области';

const interventionsIn = (page: Page) =>
  page.evaluate(async () => {
    const result = await (window as unknown as { dalel: DalelApi }).dalel.records.list({ type: 'intervention' });
    return result.ok ? result.value.records : [];
  });

test('a lawyer records a court case about two shutdowns, edits its outcome and retracts it', async ({ dalel }) => {
  test.setTimeout(180_000);
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);
  const zhanaozen = await saveIncidentDirectly(page, sampleIncidents[0]!);
  const nationwide = await saveIncidentDirectly(page, sampleIncidents[1]!);
  const base = () => page.url().split('#')[0];
  await page.goto(`${base()}#/incident/${zhanaozen}`);
  const section = page.locator('section[aria-labelledby="interventions-title"]');
  await expect(section.getByRole('heading', { level: 2, name: 'Complaints and cases' })).toBeVisible();
  await expect(section).toContainText('No complaint, court case or communication about this incident is recorded yet.');

  await test.step('the form refuses what is missing or out of order, and saves nothing', async () => {
    await section.getByRole('link', { name: 'Add complaint or case' }).click();
    await expect(page).toHaveURL(new RegExp(`#/incident/${zhanaozen}/interventions/new$`));
    await expect(page.getByRole('heading', { level: 1, name: 'New complaint or case' })).toBeFocused();
    // The incident whose page opened the form is already chosen.
    await expect(page.locator(`#intervention-incidents-${zhanaozen}`)).toBeChecked();
    await expectNoAxeViolations(page, 'the intervention form');
    await page.keyboard.press('Control+Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'fields need attention' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Kind: Required.');
    await expect(summary).toContainText('Title:');
    await expect(summary).toContainText('Body:');
    await page.locator('#intervention-kind').selectOption('court_case');
    await page.locator('#intervention-title').fill(caseTitle);
    await page.locator('#intervention-body').fill(body);
    await page.locator('#intervention-filedAt-date').fill('2022-02-01');
    await page.locator('#intervention-decidedAt-date').fill('2022-01-20');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'needs attention' })).toContainText('Decided:');
    await expect(page).toHaveURL(/interventions\/new$/);
    expect(await interventionsIn(page)).toEqual([]);
  });

  await test.step('a court case about both shutdowns, confidential', async () => {
    await page.locator('#intervention-decidedAt-date').fill('2022-03-15');
    await page.locator('#intervention-reference').fill('7599-22-00-2а/31');
    await page.locator('#intervention-outcome').selectOption('rejected');
    await page.locator('#intervention-summary').fill('Суд признал приказ законным, не истребовав его.');
    await page.locator(`#intervention-incidents-${nationwide}`).check();
    await page.locator('#intervention-confidential-confidential').check();
    await expectNoAxeViolations(page, 'the filled intervention form');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`#/incident/${zhanaozen}$`));
    const [saved] = await interventionsIn(page);
    expect(saved?.data).toMatchObject({ kind: 'court_case', outcome: 'rejected', confidential: true, incidents: [zhanaozen, nationwide] });
    for (const incident of [zhanaozen, nationwide]) {
      await page.goto(`${base()}#/incident/${incident}`);
      const item = section.getByRole('listitem').filter({ hasText: caseTitle });
      await expect(item).toContainText(body);
      await expect(item).toContainText('7599-22-00-2а/31');
      await expect(item).toContainText('Rejected');
      await expect(item).toContainText('Court case');
      await expect(item).toContainText('Confidential');
    }
    await expectNoAxeViolations(page, 'the incident page with a court case');
  });

  await test.step('its page, and an edit of the outcome is a second revision', async () => {
    await section.getByRole('link', { name: caseTitle }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(caseTitle) })).toBeFocused();
    await expect(page.getByRole('link', { name: sampleIncidents[0]!.title })).toBeVisible();
    await expect(page.getByRole('link', { name: sampleIncidents[1]!.title })).toBeVisible();
    await expectNoAxeViolations(page, 'the intervention page');
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit complaint or case' })).toBeFocused();
    await expect(page.locator('#intervention-reference')).toHaveValue('7599-22-00-2а/31');
    await page.locator('#intervention-outcome').selectOption('partly_upheld');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(caseTitle) })).toBeFocused();
    await expect(page.locator('.evidence-facts')).toContainText('Partly upheld');
    await expect(page.locator('.revision-history')).toContainText('2 revisions');
    await expect(page.locator('.revision-history')).toContainText('Changed: Outcome');
  });

  await test.step('the section, the form and the page read in Kazakh and Russian', async () => {
    const pageUrl = page.url();
    for (const [label, lng, heading, formTitle] of [
      ['Language', 'kk', 'Шағымдар мен сот істері', 'Жаңа шағым немесе іс'],
      ['Тіл', 'ru', 'Жалобы и судебные дела', 'Новая жалоба или дело'],
    ] as const) {
      await page.getByLabel(label, { exact: true }).selectOption(lng);
      await expectNoRawKeys(page, `the intervention page (${lng})`);
      await expectNoEnglishLeft(page, lng, 'the intervention page');
      await expectNoAxeViolations(page, `the intervention page (${lng})`);
      await page.goto(`${base()}#/incident/${zhanaozen}`);
      await expect(section.getByRole('heading', { level: 2, name: heading })).toBeVisible();
      await expectNoRawKeys(page, `the incident page (${lng})`);
      await expectNoEnglishLeft(page, lng, 'the incident page');
      await expectNoAxeViolations(page, `the incident page (${lng})`);
      await page.goto(`${base()}#/incident/${zhanaozen}/interventions/new`);
      await expect(page.getByRole('heading', { level: 1, name: formTitle })).toBeVisible();
      await expectNoRawKeys(page, `the intervention form (${lng})`);
      await expectNoEnglishLeft(page, lng, 'the intervention form');
      await expectNoAxeViolations(page, `the intervention form (${lng})`);
      await page.goto(pageUrl);
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(caseTitle) })).toBeVisible();
    }
    await page.getByLabel('Язык', { exact: true }).selectOption('en');
  });

  await test.step('a retraction takes it off the incident, and its page stays', async () => {
    await page.getByRole('button', { name: 'Retract…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retract this complaint or case?' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Reason for retracting').fill('Entered under the wrong incident');
    await dialog.getByRole('button', { name: 'Retract complaint or case' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Retracted');
    await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
    await page.goto(`${base()}#/incident/${zhanaozen}`);
    await expect(section).toContainText('No complaint, court case or communication about this incident is recorded yet.');
  });

  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});
