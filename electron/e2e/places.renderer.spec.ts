/**
 * Places that match (issue 19), in the built UI against the real engine, in
 * English, Russian and Kazakh: an incident of 5 January 2022 is offered the
 * map of that day (Nur-Sultan, no Abai Region, Semey in East Kazakhstan) and
 * one of 2025 today's (Astana, Abai Region, Semey in it); "Жанаозен" typed
 * as a place offers Zhanaozen, which is chosen only when the person says
 * so; the saved record and its page name the capital as it was named on the
 * record's date, and the effect form offers the same map and the same offer.
 */
import type { DalelApi, RecordDetail } from '../../shared/ipc';
import type { Incident } from '../../shared/model';
import { expect, test } from './harness';
import { createArchive, expectNoAxeViolations, openFormSections } from './rendererSteps';

const texts = {
  en: {
    capital2022: 'Nur-Sultan',
    capitalToday: 'Astana',
    abai: 'Abai Region',
    semey2022: 'Semey (East Kazakhstan Region)',
    semeyToday: 'Semey (Abai Region)',
    offer: '“Жанаозен” is in the list of places: Zhanaozen (Mangystau Region).',
    choose: 'Choose Zhanaozen (Mangystau Region)',
    towns: 'Cities and districts',
    notOnMap: 'Abai Region (not on the map of this date)',
  },
  ru: {
    capital2022: 'Нур-Султан',
    capitalToday: 'Астана',
    abai: 'Абайская область',
    semey2022: 'Семей (Восточно-Казахстанская область)',
    semeyToday: 'Семей (Абайская область)',
    offer: '«Жанаозен» есть в списке мест: Жанаозен (Мангистауская область).',
    choose: 'Выбрать: Жанаозен (Мангистауская область)',
    towns: 'Города и районы',
    notOnMap: 'Абайская область (на эту дату такой территории не было)',
  },
  kk: {
    capital2022: 'Нұр-Сұлтан',
    capitalToday: 'Астана',
    abai: 'Абай облысы',
    semey2022: 'Семей (Шығыс Қазақстан облысы)',
    semeyToday: 'Семей (Абай облысы)',
    offer: '«Жанаозен» жерлер тізімінде бар: Жаңаөзен (Маңғыстау облысы).',
    choose: 'Таңдау: Жаңаөзен (Маңғыстау облысы)',
    towns: 'Қалалар мен аудандар',
    notOnMap: 'Абай облысы (бұл күні мұндай аумақ болмаған)',
  },
} as const;

const locales = { en: 'en-US', ru: 'ru-RU', kk: 'kk-KZ' } as const;

for (const lng of ['en', 'ru', 'kk'] as const) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale: locales[lng] });

    test(`an incident is offered the map of its date, and a typed place its gazetteer match (${lng})`, async ({ dalel }) => {
      test.setTimeout(180_000);
      const text = texts[lng];
      const { page } = dalel;
      await dalel.open();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await createArchive(dalel);
      await page.evaluate(() => (window.location.hash = '#/new'));
      await expect(page.locator('#incident-title')).toBeVisible();
      // The details wait in closed sections below the quick record.
      await openFormSections(page);
      const label = (id: string) => page.locator(`label[for="${id}"]`);

      await test.step('a 2025 incident is offered today’s map', async () => {
        await page.locator('#incident-startedAt-date').fill('2025-03-01');
        await page.locator('#incident-startedAt-time').fill('10:00');
        await expect(label('incident-areas-KZ-10')).toHaveText(text.abai);
        await expect(label('incident-areas-KZ-71')).toHaveText(text.capitalToday);
        await expect(page.getByRole('group', { name: text.towns })).toBeVisible();
        await expect(label('incident-areas-towns-KZ-10-SEMEY')).toHaveText(text.semeyToday);
        await page.locator('#incident-areas-KZ-10').check();
      });

      await test.step('a 5 January 2022 incident is offered the map of that day', async () => {
        await page.locator('#incident-startedAt-date').fill('2022-01-05');
        await expect(label('incident-areas-KZ-71')).toHaveText(text.capital2022);
        await expect(label('incident-areas-towns-KZ-10-SEMEY')).toHaveText(text.semey2022);
        await expect(page.locator('#incident-areas-KZ-33')).toHaveCount(0);
        await expect(page.locator('#incident-areas-KZ-62')).toHaveCount(0);
        // Abai Region, ticked for the 2025 date, stays to be unticked, and says it was not on this map.
        await expect(label('incident-areas-KZ-10')).toHaveText(text.notOnMap);
        // Unticked, it leaves the list: it was not on the map of this date (a click, as uncheck would wait for a box that is gone).
        await page.locator('#incident-areas-KZ-10').click();
        await expect(page.locator('#incident-areas-KZ-10')).toHaveCount(0);
        await page.locator('#incident-areas-KZ-71').check();
      });

      await test.step('typing “Жанаозен” offers Zhanaozen, and only choosing it ticks it', async () => {
        const offer = page.locator('#incident-place-suggestions');
        await page.locator('#incident-places').fill('Жанаоз');
        await expect(offer).toHaveText('');
        await page.locator('#incident-places').fill('Жанаозен');
        await expect(offer.getByText(text.offer)).toBeVisible();
        // Offered, not forced: nothing is ticked until the person chooses.
        await expect(page.locator('#incident-areas-towns-KZ-47-ZHANAOZEN')).not.toBeChecked();
        // The offer's own words, whole (the form's other hints hold an "e.g." that the page-wide raw-key check takes for a key).
        await expect(offer).toHaveText(`${text.offer} ${text.choose}`);
        await expectNoAxeViolations(page, `the place offer (${lng})`);
        await offer.getByRole('button', { name: text.choose }).click();
        await expect(page.locator('#incident-areas-towns-KZ-47-ZHANAOZEN')).toBeChecked();
        await expect(page.locator('#incident-places')).toHaveValue('');
        await expect(offer).toHaveText('');
      });

      await test.step('an unknown place offers nothing and is kept as written', async () => {
        await page.locator('#incident-places').fill('Село Жана');
        await page.locator('#incident-places').press('Enter');
        await expect(page.locator('#incident-place-suggestions')).toHaveText('');
      });

      const recordId = await test.step('save: the codes and the text are kept', async () => {
        await page.locator('#incident-title').fill('January 2022 shutdown');
        await page.locator('#incident-scope-regional').check();
        await page.locator('#incident-kinds-full_network').check();
        await page.keyboard.press('Control+Enter');
        await expect(page).toHaveURL(/#\/incident\/[0-9a-f-]{36}$/);
        const id = page.url().split('/').pop()!;
        const detail = await page.evaluate(
          async (recordId) => (await (window as unknown as { dalel: DalelApi }).dalel.records.get({ recordId })) as { ok: boolean; value?: RecordDetail },
          id,
        );
        expect((detail.value?.summary.data as Incident).areas).toEqual([{ code: 'KZ-71' }, { code: 'KZ-47-ZHANAOZEN' }, { place: 'Село Жана' }]);
        return id;
      });

      await test.step('the incident page names the capital as it was named then', async () => {
        await expect(page.getByText(text.capital2022, { exact: false }).first()).toBeVisible();
        await expect(page.locator('main')).not.toContainText(text.capitalToday);
      });

      await test.step('the effect form offers the map of the effect’s day and the same offer', async () => {
        await page.evaluate((id) => (window.location.hash = `#/incident/${id}/effects/new`), recordId);
        const area = page.locator('#effect-area');
        await expect(area).toBeVisible();
        await page.locator('#effect-occurredAt-date').fill('2022-01-05');
        await expect(area.locator('option[value="KZ-71"]')).toHaveText(text.capital2022);
        await expect(area.locator('option[value="KZ-10"]')).toHaveCount(0);
        await page.locator('#effect-occurredAt-date').fill('2025-03-01');
        await expect(area.locator('option[value="KZ-71"]')).toHaveText(text.capitalToday);
        await expect(area.locator('option[value="KZ-10-SEMEY"]')).toHaveText(text.semeyToday);
        await page.locator('#effect-place').fill('Жанаозен');
        await page.locator('#effect-place-suggestions').getByRole('button', { name: text.choose }).click();
        await expect(area).toHaveValue('KZ-47-ZHANAOZEN');
        await expect(page.locator('#effect-place')).toHaveValue('');
      });
    });
  });
}
