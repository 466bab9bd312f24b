/**
 * Evidence on an incident's page, in the built UI against the real engine:
 * a defender records what the shutdown did to a patient (an effect, shown
 * under its category), adds a testimony that cannot be saved until every
 * consent question is answered (and who asked, in which language) and is
 * refused when keeping is not allowed, sees what the consent allows, links
 * the testimony from the effect (a new revision), finds it all after a
 * reload, and records the person taking back publication; the page reads in Kazakh and
 * Russian with no raw key. Axe finds nothing; nothing leaves for the network.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { expectNoEnglishLeft } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

async function answer(page: Page, question: string, value: 'yes' | 'no') {
  await page.locator(`#source-consent-${question}-${value}`).check();
}

test('a defender records an effect on people and a testimony with consent', async ({ dalel }) => {
  test.setTimeout(180_000);
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);
  // An incident with Russian and Kazakh data only, so that English on the translated page is the UI's own.
  const incidentId = await saveIncidentDirectly(page, sampleIncidents[0]!);
  await page.goto(`${page.url().split('#')[0]}#/incident/${incidentId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Effects on people' })).toBeVisible();

  await test.step('add an effect: a diabetic patient could not buy insulin', async () => {
    await page.getByRole('link', { name: 'Add effect' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New effect on people' })).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`#/incident/${incidentId}/effects/new$`));
    await expectNoAxeViolations(page, 'the effect form');
    // Saving with nothing chosen names what is missing, translated.
    await page.keyboard.press('Control+Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'fields need attention' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Category: Required.');
    await expect(summary).toContainText('Severity: Required.');
    await page.locator('#effect-category').selectOption('medical_care');
    await page.locator('#effect-severity-critical').check();
    await page
      .locator('#effect-description')
      .fill('A pharmacy in Almaty could not take card payments; a diabetic patient could not buy insulin.');
    await page.locator('#effect-peopleAffected-exact').check();
    await page.locator('#effect-peopleCount').fill('1');
    await page.locator('#effect-groups-patients').check();
    await page.locator('#effect-area').selectOption('KZ-75');
    await page.locator('#effect-occurredAt-date').fill('2022-01-06');
    await page.locator('#effect-economicLoss').fill('25000');
    await expectNoAxeViolations(page, 'the filled effect form');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`#/incident/${incidentId}$`));
  });

  const effects = page.locator('section[aria-labelledby="effects-title"]');
  await test.step('the effect shows under its category', async () => {
    const category = effects.locator('section', { has: page.getByRole('heading', { level: 3, name: 'Medical care' }) });
    await expect(category).toContainText('could not buy insulin');
    await expect(category).toContainText('Critical');
    await expect(category).toContainText('1 person (exact)');
    await expect(category).toContainText('Patients');
    await expect(category).toContainText('Almaty');
    await expect(category).toContainText(/KZT|₸/);
  });

  await test.step('a testimony needs every consent answer, and "store: no" refuses', async () => {
    await page.getByRole('link', { name: 'Add source' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New source' })).toBeFocused();
    await page.locator('#source-kind').selectOption('testimony');
    await page.locator('#source-title').fill('Patient, Almaty, 6 January');
    await page.locator('#source-content').fill('I went to three pharmacies; none could take my card.');
    await page.locator('#source-language').fill('ru');
    // Nothing that names the person can be typed before they agree that we keep their testimony.
    await expect(page.locator('#source-person-name')).toBeDisabled();
    // The person's identifying fields sit in their own fieldset, apart from the statement.
    await expect(page.getByRole('group', { name: 'The person (identifying details)' })).toContainText('Contact');
    await expect(page.locator('#source-consent-keep-yes')).not.toBeChecked();
    await expect(page.locator('#source-consent-keep-no')).not.toBeChecked();
    await expectNoAxeViolations(page, 'the source form');

    await page.keyboard.press('Control+Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'fields need attention' });
    await expect(summary).toBeFocused();
    for (const question of ['Consent to keep', 'Lawyers without the name', 'Lawyers with the name', 'UN with identity', 'Publishing without the name']) {
      await expect(summary).toContainText(`${question}: Required.`);
    }
    await expect(summary).toContainText('Who asked: Say who asked the person.');
    await expect(summary).toContainText('Language of the questions: Say which language the questions were asked in.');
    await expect(page).toHaveURL(/sources\/new$/);

    await answer(page, 'keep', 'no');
    await answer(page, 'lawyersAnonymous', 'yes');
    await answer(page, 'lawyersNamed', 'no');
    await answer(page, 'unNamed', 'no');
    await answer(page, 'publishAnonymous', 'yes');
    await page.locator('#source-consent-askedBy').fill('Aigerim N.');
    await page.locator('#source-consent-askedIn').selectOption('ru');
    await page.locator('#source-consent-givenAt-date').fill('2022-01-06');
    await page.locator('#source-consent-method').selectOption('verbal');
    // The answer "no" says at once, next to the question, that the testimony cannot be kept.
    await expect(page.locator('#source-field-consent-keep-error')).toHaveText('Without consent to keep it, this testimony cannot be kept.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(/sources\/new$/);
    await expect(page.getByRole('alert').filter({ hasText: 'needs attention' })).toContainText(
      'Consent to keep: Without consent to keep it, this testimony cannot be kept.',
    );
    await expect(await page.evaluate(async () => (await (window as never as { dalel: import('../../shared/ipc').DalelApi }).dalel.records.list({ type: 'source' })))).toMatchObject({ ok: true, value: { records: [] } });

    await answer(page, 'keep', 'yes');
    await page.locator('#source-person-name').fill('A. K.');
    await page.locator('#source-person-contact').fill('+7 700 000 0000');
    await page.locator('#source-person-role').selectOption('victim');
    await expectNoAxeViolations(page, 'the answered source form');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`#/incident/${incidentId}$`));
  });

  const sources = page.locator('section[aria-labelledby="sources-title"]');
  const answered = 'Keep: Yes · Lawyers, no name: Yes · Lawyers, named: No · UN, named: No · Publish, no name: Yes';
  await test.step('the source shows what the consent allows', async () => {
    await expect(sources).toContainText('Patient, Almaty, 6 January');
    await expect(sources).toContainText(answered);
    await expectNoAxeViolations(page, 'the incident page with evidence');
  });

  await test.step('link the source from the effect: a new revision', async () => {
    await effects.getByRole('link', { name: /could not buy insulin/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Medical care' })).toBeFocused();
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit effect on people' })).toBeFocused();
    await page.getByLabel('Patient, Almaty, 6 January (Testimony)').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`#/incident/${incidentId}$`));
    await expect(effects).toContainText('1 source');
    await effects.getByRole('link', { name: /could not buy insulin/ }).click();
    await expect(page.locator('.revision-history')).toContainText('2 revisions');
    await expect(page.locator('.revision-history')).toContainText('Changed: Sources');
  });

  await test.step('a reload finds all of it', async () => {
    await page.goto(`${page.url().split('#')[0]}#/incident/${incidentId}`);
    await page.reload();
    await expect(effects.getByRole('heading', { level: 3, name: 'Medical care' })).toBeVisible();
    await expect(sources).toContainText(answered);
    await sources.getByRole('link', { name: 'Patient, Almaty, 6 January' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Patient, Almaty, 6 January' })).toBeFocused();
    await expect(page.getByRole('group', { name: "What the person's consent allows" })).toHaveText(answered);
    await expectNoAxeViolations(page, 'the source page');
  });

  await test.step('the person takes back publication: a new revision, and the answer reads "No"', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.locator('#source-consent-askedBy')).toHaveValue('Aigerim N.');
    await page.getByRole('button', { name: 'Record a withdrawal' }).click();
    const withdrawal = page.getByRole('group', { name: 'The person takes back consent' });
    // Only what is allowed now can be taken back.
    await expect(withdrawal.getByRole('checkbox')).toHaveCount(2);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'need attention' })).toContainText('What is taken back: Required.');
    await withdrawal.getByLabel('it may be published without the name').check();
    await page.locator('#source-consent-withdrawal-at-date').fill('2022-02-01');
    await page.locator('#source-consent-withdrawal-method').selectOption('written');
    await expectNoAxeViolations(page, 'the source form recording a withdrawal');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Patient, Almaty, 6 January' })).toBeFocused();
    await expect(page.getByRole('group', { name: "What the person's consent allows" })).toHaveText(
      'Keep: Yes · Lawyers, no name: Yes · Lawyers, named: No · UN, named: No · Publish, no name: No · Withdrawn: it may be published without the name',
    );
    await expect(page.locator('.revision-history')).toContainText('2 revisions');
  });

  await test.step('the incident page reads in Kazakh and Russian', async () => {
    await page.goto(`${page.url().split('#')[0]}#/incident/${incidentId}`);
    for (const [label, lng, heading] of [
      ['Language', 'kk', 'Адамдарға тигізген әсері'],
      ['Тіл', 'ru', 'Последствия для людей'],
    ] as const) {
      await page.getByLabel(label, { exact: true }).selectOption(lng);
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
      await expectNoRawKeys(page, `the incident page (${lng})`);
      await expectNoEnglishLeft(page, lng, 'the incident page');
      await expectNoAxeViolations(page, `the incident page (${lng})`);
    }
  });

  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});
