/**
 * A lawyer records the order and the law behind a shutdown, in the built UI
 * against the real engine: an older record's "legal basis" is carried into
 * the new fields; the order's groups start closed and open on a problem; a
 * legal basis half filled is refused with a message and nothing is saved;
 * the order (who ordered it, not published, no court review), Kcell's
 * citation of art. 41-1 p. 1-2 and its statement are saved; the page says
 * "Kcell (an operator) invoked … para. 1-2" in English, Russian and Kazakh,
 * with no raw key or English left, and axe finds nothing.
 */
import { expect, test } from './harness';
import { expectNoEnglishLeft } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

test('a lawyer records who ordered a shutdown, the law an operator cited and what it said; the page states it in three languages', async ({ dalel }) => {
  test.setTimeout(180_000);
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);
  // The sample holds an older, article-level "legal basis cited" (the laws the authorities relied on).
  // Its summary in Russian: the check for English left on a Russian or Kazakh screen reads the user's text too.
  const recordId = await saveIncidentDirectly(page, { ...sampleIncidents[1]!, summary: 'Все сети отключены по всему Казахстану во время протестов.' });
  const base = () => page.url().split('#')[0];
  const order = page.locator('details#field-order');
  const legal = page.locator('details#field-legalCitations');
  const statements = page.locator('details#field-operatorStatements');

  await test.step('the older legal basis is carried into the new fields, and the new groups start closed', async () => {
    await page.goto(`${base()}#/incident/${recordId}/edit`);
    await expect(order).not.toHaveAttribute('open');
    await expect(legal).not.toHaveAttribute('open');
    await expect(statements).not.toHaveAttribute('open');
    await page.getByRole('button', { name: 'Carry into the new fields' }).click();
    await expect(legal).toHaveAttribute('open');
    await expect(page.locator('#incident-legalCitations-0-code')).toHaveValue('kz.communications.41-1');
    await expect(page.locator('#incident-legalCitations-0-citedBy')).toHaveValue('authority');
    await expect(page.getByLabel('Law on Communications, art. 41-1 (Kazakhstan)')).not.toBeChecked();
    await expect(page.getByRole('button', { name: 'Carry into the new fields' })).toHaveCount(0);
  });

  await test.step('a legal basis without who named it is refused, and its group says so', async () => {
    await legal.getByRole('button', { name: 'Add a legal basis' }).click();
    await page.locator('#incident-legalCitations-1-code').selectOption({ label: 'Law on Communications, art. 41-1 para. 1-2 (Kazakhstan)' });
    await page.keyboard.press('Control+Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'Legal bases as named' });
    await expect(summary).toBeFocused();
    await expect(page.locator('#field-legalCitations-error')).toBeVisible();
    await expect(page).toHaveURL(/\/edit$/);
  });

  await test.step('fill the order, Kcell\'s citation and its statement, and save', async () => {
    await page.locator('#incident-legalCitations-1-citedBy').selectOption({ label: 'An operator' });
    await page.locator('#incident-legalCitations-1-citedByName').fill('Kcell');
    await page.locator('#incident-legalCitations-1-citedAt-date').fill('2022-01-04');
    await expect(page.locator('#incident-legalCitations-1-citedAt-precision')).toHaveValue('day');
    await expect(page.locator('#field-legalCitations-error')).toHaveCount(0);

    await order.locator('summary').click();
    await order.getByRole('button', { name: 'Add who ordered it' }).click();
    await page.locator('#incident-order-orderedBy-0-code').selectOption('security_service');
    await page.locator('#incident-order-orderedBy-0-name').fill('КНБ');
    await order.getByRole('button', { name: 'Add who carried it out' }).click();
    await page.locator('#incident-order-implementedBy-0-code').selectOption('operator');
    await page.locator('#incident-order-implementedBy-0-name').fill('Kcell');
    await page.locator('#incident-order-document').fill('Требование уполномоченного органа');
    await order.getByRole('radiogroup', { name: 'Was the order published?' }).getByLabel('No', { exact: true }).check();
    await order.getByRole('radiogroup', { name: 'Was it reviewed by a court?' }).getByLabel('No', { exact: true }).check();

    await statements.locator('summary').click();
    await statements.getByRole('button', { name: 'Add a statement' }).click();
    await page.locator('#incident-operatorStatements-0-operator').fill('Kcell');
    await page.locator('#incident-operatorStatements-0-madeAt-date').fill('2022-01-04');
    await page.locator('#incident-operatorStatements-0-text').fill('Доступ ограничен по требованию уполномоченного органа.');
    await expectNoAxeViolations(page, 'the incident form with the order and the law');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nationwide shutdown, January 2022' })).toBeVisible();
  });

  const details = page.locator('section.order-details');
  await test.step('the page states the order, who invoked which paragraph and what Kcell said', async () => {
    await expect(details).toContainText('КНБ (Security service)');
    await expect(details).toContainText('Требование уполномоченного органа');
    await expect(details.locator('.detail').filter({ hasText: 'Order published' })).toContainText('No');
    await expect(details.locator('.detail').filter({ hasText: 'Order reviewed by a court' })).toContainText('No');
    await expect(details.locator('.detail').filter({ hasText: 'Users notified' })).toContainText('Unknown');
    await expect(details).toContainText('The authorities invoked Law on Communications, art. 41-1 (Kazakhstan)');
    await expect(details).toContainText(/Kcell \(an operator\) invoked Law on Communications, art\. 41-1 para\. 1-2 \(Kazakhstan\) on Jan 4, 2022/);
    await expect(details).toContainText('Доступ ограничен по требованию уполномоченного органа.');
    await expectNoAxeViolations(page, 'the incident page with the order and the law');
  });

  await test.step('the page and the form read in Russian and Kazakh', async () => {
    for (const [label, lng, sentence] of [
      ['Language', 'ru', 'ссылка на Закон «О связи», п. 1-2 ст. 41-1 (Казахстан) как на основание отключения'],
      ['Язык', 'kk', 'өшірудің негізі ретінде келтірілді — «Байланыс туралы» Заңның 41-1-бабының 1-2-тармағы (Қазақстан)'],
    ] as const) {
      await page.getByLabel(label, { exact: true }).selectOption(lng);
      await expect(details).toContainText(sentence);
      await expectNoRawKeys(page, `the incident page (${lng})`);
      await expectNoEnglishLeft(page, lng, 'the incident page');
      await expectNoAxeViolations(page, `the incident page (${lng})`);
      await page.goto(`${base()}#/incident/${recordId}/edit`);
      await expect(order).toHaveAttribute('open');
      await expectNoRawKeys(page, `the incident form (${lng})`);
      await expectNoEnglishLeft(page, lng, 'the incident form');
      await expectNoAxeViolations(page, `the incident form (${lng})`);
      await page.goto(`${base()}#/incident/${recordId}`);
    }
    await page.getByLabel('Тіл', { exact: true }).selectOption('en');
  });
});
