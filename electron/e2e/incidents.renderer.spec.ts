/**
 * A defender's whole first session, in the built UI against the real engine:
 * create an archive, record an incident with the keyboard (seeing a
 * translated validation message as they type), find it again by search and
 * filters, edit it, reload, retract it; the history keeps every revision
 * and shows what each one changed, from what to what, in the UI language.
 * Throughout, axe finds no violations and nothing leaves for the network.
 */
import { appOrigin, expect, test } from './harness';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, openFormSections, openListFilters, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

test('a defender records, finds, edits and retracts an incident, offline', async ({ dalel }) => {
  test.setTimeout(180_000);
  const { page } = dalel;
  await dalel.open();
  await expectNoAxeViolations(page, 'the start screen');
  await createArchive(dalel);

  await test.step('the empty archive says what to do first', async () => {
    await expect(page.getByRole('heading', { name: 'No incidents recorded yet' })).toBeVisible();
    await expectNoAxeViolations(page, 'the empty list');
    await page.getByRole('link', { name: 'Record the first incident' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New incident' })).toBeFocused();
  });

  await test.step('fill the form, partly with the keyboard', async () => {
    await page.keyboard.press('Tab');
    await expect(page.locator('#incident-title')).toBeFocused();
    await page.keyboard.type('Mobile internet cut in Almaty');
    await page.keyboard.press('Tab');
    await expect(page.locator('#incident-summary')).toBeFocused();
    // Enter in a multi-line field is a new line, never a save.
    await page.keyboard.type('Mobile data stopped at 16:00.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Card payments failed across the city.');
    await expect(page.locator('#incident-summary')).toHaveValue('Mobile data stopped at 16:00.\nCard payments failed across the city.');
    await expect(page).toHaveURL(/#\/new$/);

    // Validation as you type: clearing the title shows the translated message next to it.
    await page.locator('#incident-title').fill('');
    await expect(page.locator('#field-title-error')).toHaveText('Required.');
    await expect(page.locator('#incident-title')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#incident-title')).toHaveAttribute('aria-describedby', /field-title-error/);
    await page.locator('#incident-title').fill('Mobile internet cut in Almaty');
    await expect(page.locator('#field-title-error')).toHaveCount(0);

    // Saving too early lists what is missing, in an alert that takes focus.
    await page.keyboard.press('Control+Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'fields need attention' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Scope: Required.');
    await expect(summary).toContainText('Kind of disruption: Required.');
    await expect(summary).toContainText('Started: Required.');
    await summary.getByRole('link', { name: /^Scope/ }).click();
    await expect(page.locator('#incident-scope-national')).toBeFocused();
    // Arrow keys move within a radio group and choose.
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#incident-scope-regional')).toBeChecked();

    // The details wait in closed sections below the quick record.
    await openFormSections(page);
    await page.getByLabel('Almaty', { exact: true }).check();
    await page.locator('#incident-places').fill('Zhanaozen');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('list', { name: 'Other places' })).toContainText('Zhanaozen');
    await page.getByLabel('Mobile data cut').check();
    await page.getByLabel('WhatsApp').check();
    await page.locator('#incident-operators').fill('Kcell');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Beeline');
    await page.keyboard.press('Enter');
    await page.locator('#incident-startedAt-date').fill('2022-01-05');
    await page.locator('#incident-startedAt-time').fill('16:00');
    await page.locator('#incident-startedAt-offset').selectOption('+06:00');
    // The end follows the start's offset until it is given its own.
    await expect(page.locator('#incident-endedAt-offset')).toHaveValue('+06:00');
    await page.locator('#incident-endedAt-date').fill('2022-01-04');
    await expect(page.locator('#field-endedAt-error')).toHaveText('The end is before the start.');
    await page.locator('#incident-endedAt-date').fill('2022-01-10');
    await page.locator('#incident-endedAt-precision').selectOption('day');
    await page.getByLabel('Counter-terrorism').check();
    await page.locator('#incident-justification-statement').fill('“Attacks on the communications network”, official statement of 5 January.');
    await page.getByLabel('Protests').check();
    await page.locator('#incident-orderedBy').fill('Ministry of Digital Development');
    await page.getByRole('radiogroup', { name: 'Acknowledged by the authorities' }).getByLabel('Yes').check();
    await page.getByLabel('Law on Communications, art. 41-1 (Kazakhstan)').check();
    await page.getByLabel('ICCPR art. 19: expression and information').check();
    await page.locator('#incident-tags').fill('January 2022');
    await expect(summary).toHaveCount(0);
    await expectNoAxeViolations(page, 'the incident form');

    // Ctrl+Enter saves from anywhere; the tag still being typed is kept.
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Mobile internet cut in Almaty' })).toBeVisible();
  });

  await test.step('the incident page shows every detail, translated', async () => {
    const details = page.locator('.incident-details');
    await expect(details).toContainText('Almaty, Zhanaozen');
    await expect(details).toContainText('Regional');
    await expect(details).toContainText('Mobile data cut');
    await expect(details).toContainText('WhatsApp');
    await expect(details).toContainText('Kcell, Beeline');
    await expect(details).toContainText('Jan 5, 2022, 4:00 PM (UTC+06:00), to the minute');
    await expect(details).toContainText('Jan 10, 2022 (UTC+06:00), day only');
    await expect(details).toContainText('Counter-terrorism');
    await expect(details).toContainText('Ministry of Digital Development');
    await expect(details).toContainText('Law on Communications, art. 41-1 (Kazakhstan)');
    await expect(details).toContainText('January 2022');
    await expect(page.locator('.revision')).toHaveCount(1);
    await expectNoAxeViolations(page, 'the incident page');
  });

  await test.step('find it in the list by search and filters', async () => {
    for (const incident of sampleIncidents) await saveIncidentDirectly(page, incident);
    await page.getByRole('navigation').getByRole('link', { name: 'Incidents' }).click();
    const rows = page.locator('.incident-table tbody tr');
    await expect(rows).toHaveCount(4);
    await expect(page.getByRole('status')).toHaveText('Showing 4 of 4 incidents');
    await expectNoAxeViolations(page, 'the incident list');

    const search = page.getByLabel('Search', { exact: true });
    await search.fill('beeline');
    await expect(rows).toHaveCount(2);
    await search.fill('ЖАҢАӨЗЕН');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Отключение интернета в Жаңаөзен');
    await search.fill('қаңтар');
    await expect(rows).toHaveCount(1);
    await search.fill('card payments');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Mobile internet cut in Almaty');
    await search.fill('');

    await openListFilters(page);
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Mobile data cut' });
    await expect(rows).toHaveCount(1);
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Full network shutdown' });
    await expect(rows).toHaveCount(2);
    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Almaty' });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Nationwide shutdown, January 2022');
    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Mangystau Region' });
    await expect(rows).toHaveCount(1);
    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Zhanaozen' });
    await expect(page.getByText('No incident matches')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(rows).toHaveCount(4);

    await page.getByLabel('Sort by').selectOption({ label: 'Title' });
    await expect(rows.first()).toContainText('Messengers blocked');
    await page.getByLabel('Sort by').selectOption({ label: 'Start date' });
    await expect(rows.first()).toContainText('Messengers blocked');
    await expect(rows.last()).toContainText('Отключение интернета');
    await page.getByLabel('Sort by').selectOption({ label: 'Last updated' });
    await expect(rows.first()).toContainText('Messengers blocked');
    await expect(rows.last()).toContainText('Mobile internet cut in Almaty');
  });

  await test.step('edit it: a second revision, with what changed from what to what', async () => {
    await page.getByRole('link', { name: 'Mobile internet cut in Almaty' }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit: Mobile internet cut in Almaty');
    await expect(page.locator('#incident-startedAt-offset')).toHaveValue('+06:00');
    await expect(page.getByLabel('Almaty', { exact: true })).toBeChecked();
    await page.locator('#incident-title').fill('Mobile internet cut in Almaty and Zhanaozen');
    await page.getByLabel('Almaty', { exact: true }).uncheck();
    await page.locator('#incident-operators').fill('Tele2');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mobile internet cut in Almaty and Zhanaozen' })).toBeVisible();
    await expect(page.locator('.revision')).toHaveCount(2);
    await expect(page.locator('.revision-history')).toContainText('2 revisions');
    await expect(page.locator('.revision').nth(0)).toContainText('Created');
    const edit = page.locator('.revision').nth(1);
    await expect(edit).toContainText('Changed: Title, Areas, Operators and ISPs');
    await expect(edit).toContainText("by this archive's key SHA256:");

    // Each changed field, old value then new, in words: the area code reads as its name.
    const changes = edit.locator('.field-change');
    await expect(changes).toHaveCount(3);
    await expect(changes.nth(0).getByRole('term')).toHaveText('Title');
    await expect(changes.nth(0).locator('.change-before')).toHaveText('Before: Mobile internet cut in Almaty');
    await expect(changes.nth(0).locator('.change-after')).toHaveText('After: Mobile internet cut in Almaty and Zhanaozen');
    // Removed and added are marked as such (<del>, <ins>), not only by colour.
    await expect(changes.nth(0).locator('.change-before').getByRole('deletion')).toHaveText('Mobile internet cut in Almaty');
    await expect(changes.nth(0).locator('.change-after').getByRole('insertion')).toHaveText('Mobile internet cut in Almaty and Zhanaozen');
    // And the words the edit added, marked on their own (trace/WordChanges), said in words for a screen reader.
    await expect(changes.nth(0).locator('.change-words').getByRole('insertion')).toHaveText('[added: and Zhanaozen]');
    await expect(changes.nth(1).getByRole('term')).toHaveText('Areas');
    await expect(changes.nth(1).getByRole('deletion')).toHaveText('Almaty, Zhanaozen');
    await expect(changes.nth(1).getByRole('insertion')).toHaveText('Zhanaozen');
    await expect(changes.nth(1).locator('.change-delta')).toHaveText('Removed: Almaty');
    await expect(changes.nth(2).getByRole('term')).toHaveText('Operators and ISPs');
    await expect(changes.nth(2).getByRole('deletion')).toHaveText('Kcell, Beeline');
    await expect(changes.nth(2).getByRole('insertion')).toHaveText('Kcell, Beeline, Tele2');
    await expect(changes.nth(2).locator('.change-delta')).toHaveText('Added: Tele2');
    await expectNoAxeViolations(page, 'the history with a change');
  });

  await test.step('a reload finds it still there', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Mobile internet cut in Almaty and Zhanaozen' })).toBeVisible();
    await expect(page.locator('.revision')).toHaveCount(2);
    await page.getByRole('link', { name: 'Back to all incidents' }).click();
    await expect(page.getByRole('link', { name: 'Mobile internet cut in Almaty and Zhanaozen' })).toBeVisible();
  });

  await test.step('retract it: marked retracted, history kept, no edit', async () => {
    await page.getByRole('link', { name: 'Mobile internet cut in Almaty and Zhanaozen' }).click();
    await page.getByRole('button', { name: 'Retract…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retract this incident?' });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, 'the retract dialog');
    await dialog.getByLabel('Reason for retracting').fill('Recorded twice by mistake');
    await dialog.getByRole('button', { name: 'Retract incident' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Retracted');
    await expect(page.getByRole('note')).toContainText('Reason given: Recorded twice by mistake');
    await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Retract…' })).toHaveCount(0);
    await expect(page.locator('.incident-details')).toContainText('Kcell, Beeline, Tele2');
    await expect(page.locator('.revision')).toHaveCount(3);
    await expect(page.locator('.revision').nth(2)).toContainText('Retracted: Recorded twice by mistake');
    await expectNoAxeViolations(page, 'a retracted incident');

    await page.getByRole('link', { name: 'Back to all incidents' }).click();
    await expect(page.locator('.incident-table tbody tr')).toHaveCount(3);
    await openListFilters(page);
    await page.getByLabel('Show retracted incidents').check();
    const retracted = page.locator('.incident-table tbody tr', { hasText: 'Mobile internet cut in Almaty and Zhanaozen' });
    await expect(retracted).toContainText('Retracted');
  });

  await expectNoRawKeys(page, 'the list');
  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.pageErrors).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
  expect(page.url().startsWith(appOrigin)).toBe(true);
});

test('an edit made from a stale page is refused with a translated message, not overwritten', async ({ dalel }) => {
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);
  const recordId = await saveIncidentDirectly(page, sampleIncidents[1]!);
  await page.goto(`${appOrigin}/#/incident/${recordId}/edit`);
  await expect(page.locator('#incident-title')).toHaveValue('Nationwide shutdown, January 2022');

  // Someone else (here: the contract directly) saves a revision meanwhile.
  await page.evaluate(async (id) => {
    const dalelApi = (window as unknown as { dalel: import('../../shared/ipc').DalelApi }).dalel;
    const detail = await dalelApi.records.get({ recordId: id });
    if (!detail.ok || !detail.value.summary.data) throw new Error('no record');
    await dalelApi.records.save({ type: 'incident', recordId: id, parent: detail.value.summary.headId, data: { ...detail.value.summary.data, orderedBy: 'Someone else' } });
  }, recordId);

  await page.locator('#incident-title').fill('My change');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toHaveText('This record was changed since you opened it. Reload it and make your change again.');
  await expect(page).toHaveURL(/\/edit$/);
  expect(dalel.externalRequests).toEqual([]);
});

test('the history shows every kind of change as before and after, in words, in Kazakh too', async ({ dalel }) => {
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);
  const recordId = await saveIncidentDirectly(page, sampleIncidents[0]!);
  // One unbroken word longer than any window is wide: the history must wrap it, not overflow.
  const statement = `«Байланыс желісіне шабуылдар»\n${'Жаңаөзен'.repeat(40)}`;

  // A second revision through the contract, changing fields of every shape: code, list of areas, time, nested text, yes/no.
  await page.evaluate(
    async ({ id, statement }) => {
      const dalelApi = (window as unknown as { dalel: import('../../shared/ipc').DalelApi }).dalel;
      const detail = await dalelApi.records.get({ recordId: id });
      if (!detail.ok || !detail.value.summary.data) throw new Error('no record');
      const data = detail.value.summary.data as Record<string, unknown>;
      await dalelApi.records.save({
        type: 'incident',
        recordId: id,
        parent: detail.value.summary.headId,
        data: {
          ...data,
          scope: 'national',
          areas: [{ code: 'KZ-47' }, { place: 'Жаңаөзен' }, { code: 'KZ-75' }],
          startedAt: { at: '2022-01-02T17:30+05:00', precision: 'minute' },
          justification: { codes: ['counter_terrorism'], statement },
          confidential: true,
        },
      });
    },
    { id: recordId, statement },
  );
  await page.goto(`${appOrigin}/#/incident/${recordId}`);
  const edit = page.locator('.revision').nth(1);
  const change = (label: string) => edit.locator('.field-change').filter({ has: page.getByRole('term').filter({ hasText: label }) });

  await test.step('in English', async () => {
    await expect(edit).toContainText('Changed: Areas, Scope, Started, Stated justification, Confidential');
    await expect(change('Scope').locator('.change-before')).toHaveText('Before: Regional');
    await expect(change('Scope').locator('.change-after')).toHaveText('After: National');
    await expect(change('Areas').getByRole('insertion')).toHaveText('Mangystau Region, Жаңаөзен, Almaty');
    await expect(change('Areas').locator('.change-delta')).toHaveText('Added: Almaty');
    await expect(change('Started').getByRole('deletion')).toHaveText('Jan 2, 2022, 6:00 PM (UTC+05:00), to the hour');
    await expect(change('Started').getByRole('insertion')).toHaveText('Jan 2, 2022, 5:30 PM (UTC+05:00), to the minute');
    // An empty value says so, in words.
    await expect(change('Stated justification').locator('.change-before')).toHaveText('Before: (empty)');
    await expect(change('Stated justification').getByRole('insertion')).toContainText('Counter-terrorism');
    await expect(change('Stated justification').getByRole('insertion')).toContainText('Official statement: «Байланыс желісіне шабуылдар»');
    await expect(change('Confidential').locator('.change-before')).toHaveText('Before: No');
    await expect(change('Confidential').locator('.change-after')).toHaveText('After: Yes');

    // Long text is shown in full, wrapped inside its box.
    const box = await change('Stated justification').boundingBox();
    const text = await change('Stated justification').getByRole('insertion').boundingBox();
    expect(box && text && text.x + text.width <= box.x + box.width).toBe(true);
    await expect(change('Stated justification').getByRole('insertion')).toContainText('Жаңаөзен'.repeat(40));
    await expectNoAxeViolations(page, 'the history of every kind of change');
  });

  await test.step('in Kazakh', async () => {
    await page.getByLabel('Language', { exact: true }).selectOption('kk');
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await expect(edit).toContainText('Өзгертілді:');
    await expect(change('Ауқымы').locator('.change-before')).toHaveText('Бұрынғы мәні: Өңірлік');
    await expect(change('Ауқымы').locator('.change-after')).toHaveText('Жаңа мәні: Жалпыұлттық');
    await expect(change('Аумақтар').getByRole('deletion')).toHaveText('Маңғыстау облысы, Жаңаөзен');
    await expect(change('Аумақтар').getByRole('insertion')).toHaveText('Маңғыстау облысы, Жаңаөзен, Алматы');
    await expect(change('Аумақтар').locator('.change-delta')).toHaveText('Қосылды: Алматы');
    await expect(edit.getByRole('deletion').filter({ hasText: 'UTC+05:00' })).toContainText('сағатқа дейінгі дәлдікпен');
    await expect(edit.getByRole('insertion').filter({ hasText: 'UTC+05:00' })).toContainText('минутқа дейінгі дәлдікпен');
    await expect(edit).toContainText('Бұрынғы мәні: (бос)');
    await expect(edit.getByRole('insertion').filter({ hasText: 'шабуылдар' })).toContainText('Терроризмге қарсы іс-қимыл');
    await expectNoRawKeys(page, 'the history in Kazakh');
    await expectNoAxeViolations(page, 'the history in Kazakh');
  });

  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.pageErrors).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
});
