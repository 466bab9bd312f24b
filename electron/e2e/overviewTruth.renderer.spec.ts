/**
 * An overview that tells the truth, in the built UI against the real engine,
 * in English, Russian and Kazakh: an incident whose end was not recorded is
 * counted and drawn as "end not recorded" (a short open stub), never as
 * ongoing and never stretched to today, while one the record marks ongoing
 * is counted apart; the axis follows the records, so January 2022 periods
 * are bars, not hairlines; every chart writes its numbers, severity
 * included; the date range narrows every count and chart and the links
 * carry it; Kazakh writes "1 293" and its own month names, and the
 * nationwide row names the country, never "KZ". axe (with
 * label-content-name-mismatch forced on) finds nothing before or after.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { DalelApi } from '../../shared/ipc';
import type { IncidentInput } from '../../shared/model';
import { expect, test } from './harness';
import { localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly } from './rendererSteps';

const incidents: IncidentInput[] = [
  // No end and not marked ongoing: its end was not recorded.
  { title: 'Mangystau, end not recorded', areas: [{ code: 'KZ-47' }], scope: 'regional', kinds: ['full_network'], startedAt: { at: '2022-01-02T18:00+05:00', precision: 'hour' } },
  {
    title: 'Nationwide shutdown',
    areas: [],
    scope: 'national',
    kinds: ['full_network'],
    startedAt: { at: '2022-01-05T16:00+06:00', precision: 'minute' },
    endedAt: { at: '2022-01-10T07:00+06:00', precision: 'minute' },
  },
  // Ongoing because the record says so.
  { title: 'Almaty, messengers blocked', areas: [{ code: 'KZ-75' }], scope: 'local', kinds: ['service_blocking'], services: ['whatsapp'], startedAt: { at: '2022-01-11T18:00+06:00', precision: 'minute' }, ongoing: true },
];

async function saveEffect(page: Page, data: Record<string, unknown>): Promise<void> {
  const result = await page.evaluate((effect) => (window as unknown as { dalel: DalelApi }).dalel.records.save({ type: 'effect', data: effect }), data);
  if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result.error)}`);
}

/** The rows of a chart's text alternative (the visually hidden table), cell by cell. */
const chartTable = (page: Page, chart: string): Promise<string[][]> =>
  page.locator(`#${chart} table.chart-data tbody tr`).evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? '')));

/** Days as each language writes them on this screen (Kazakh by the app's own month names). */
const days = {
  en: { jan2: 'Jan 2, 2022', jan5: 'Jan 5, 2022', jan10: 'Jan 10, 2022', jan11: 'Jan 11, 2022', mar15: 'Mar 15, 2022', jan31: 'Jan 31, 2022' },
  ru: { jan2: '2 янв. 2022 г.', jan5: '5 янв. 2022 г.', jan10: '10 янв. 2022 г.', jan11: '11 янв. 2022 г.', mar15: '15 мар. 2022 г.', jan31: '31 янв. 2022 г.' },
  kk: { jan2: '2022 ж. 2 қаңтар', jan5: '2022 ж. 5 қаңтар', jan10: '2022 ж. 10 қаңтар', jan11: '2022 ж. 11 қаңтар', mar15: '2022 ж. 15 наурыз', jan31: '2022 ж. 31 қаңтар' },
} as const;
const people = { en: '1,293', ru: '1\u00a0293', kk: '1\u00a0293' } as const;
const locales = { en: 'en-US', ru: 'ru-RU', kk: 'kk-KZ' } as const;

/** axe with label-content-name-mismatch forced on (it is experimental, so off by default): a link's name holds the text it shows. */
async function expectNamesHoldTheirText(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `label-content-name-mismatch on ${screen}`).toEqual([]);
}

for (const lng of ['en', 'ru', 'kk'] as const) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale: locales[lng] });

    test(`the overview tells "end not recorded" from ongoing, follows the records and the dates chosen, and writes its numbers (${lng})`, async ({ dalel }) => {
      test.setTimeout(180_000);
      const { page } = dalel;
      const text = (key: string, params?: Record<string, string | number>) => localeText(lng, key, params);
      const day = days[lng];
      await dalel.open();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await createArchive(dalel, 'Almaty defenders', null);
      const ids: string[] = [];
      for (const incident of incidents) ids.push(await saveIncidentDirectly(page, incident));
      const effect = (category: string, severity: string, code: string, date: string, extra: Record<string, unknown> = {}) =>
        saveEffect(page, { incident: ids[1], category, severity, area: { code }, occurredAt: { at: `${date}T12:00+06:00`, precision: 'hour' }, ...extra });
      await effect('medical_care', 'critical', 'KZ-75', '2022-01-06', { peopleAffected: { count: 1293, precision: 'estimate' } });
      await effect('banking_payments', 'high', 'KZ-71', '2022-01-07');
      await effect('education', 'low', 'KZ-79', '2022-03-15');

      await page.getByRole('link', { name: text('overview:nav') }).click();
      await expect(page.getByRole('heading', { level: 1, name: text('overview:title') })).toBeVisible();
      const counts = page.locator('.overview-counts');
      const range = page.locator('.overview-range-shown');
      const country = text('incidents:countries.KZ');
      const national = text('overview:area.national', { country });
      const notRecorded = text('overview:timeline.endNotRecordedCount', { number: 1 });

      await test.step('an end not recorded is counted and drawn apart from ongoing, and the axis follows the records', async () => {
        await expect(range).toHaveText(text('overview:range.showing', { from: day.jan2, to: day.mar15 }));
        await expect(counts).toContainText(text('overview:counts.ongoing_one', { number: 1 }));
        await expect(counts).toContainText(text('overview:counts.endNotRecorded_one', { number: 1 }));
        await expect(counts).toContainText(people[lng]);
        const timeline = await chartTable(page, 'chart-timeline');
        expect(timeline).toContainEqual([national, '1', day.jan5, day.jan10]);
        expect(timeline).toContainEqual([expect.any(String), '1', day.jan2, notRecorded]);
        expect(timeline).toContainEqual([expect.any(String), '1', day.jan11, text('overview:timeline.ongoingCount', { number: 1 })]);
        // The country by its name, never its code.
        expect(timeline.flat()).not.toContain('KZ');
        await expect(page.locator('#chart-timeline svg.chart-svg')).not.toContainText(/\bKZ\b/);

        // One stub, labelled, a few units wide; the five-day nationwide period a real bar (the axis no longer runs to today).
        const stubs = page.locator('#chart-timeline svg.chart-svg rect.timeline-span.open');
        await expect(stubs).toHaveCount(1);
        await expect(page.locator('#chart-timeline svg.chart-svg .stub-label')).toHaveText(text('overview:timeline.endNotRecorded'));
        expect(Number(await stubs.getAttribute('width'))).toBeLessThan(20);
        const widths = await page.locator('#chart-timeline svg.chart-svg rect.timeline-span:not(.open):not(.ongoing)').evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('width'))));
        expect(widths).toHaveLength(1);
        expect(widths[0]).toBeGreaterThan(200);
        await expect(page.locator('#chart-timeline .timeline-legend')).toContainText(text('overview:timeline.legend.endNotRecorded'));
        const ticks = await page.locator('#chart-timeline svg.chart-svg .axis-label:not(.stub-label)').allTextContents();
        expect(ticks.length).toBeGreaterThan(1);
        for (const tick of ticks) expect(tick).not.toMatch(/20(2[3-9]|3\d)/);
      });

      await test.step('every chart writes its numbers, severity included', async () => {
        expect(await chartTable(page, 'chart-by-severity')).toEqual([
          [text('taxonomy:severity.critical'), '1'],
          [text('taxonomy:severity.high'), '1'],
          [text('taxonomy:severity.medium'), '0'],
          [text('taxonomy:severity.low'), '1'],
        ]);
        await expect(page.locator('#chart-by-severity svg .bar-count')).toHaveText(['1', '1', '0', '1']);
        await expect(page.locator('#chart-by-category svg .bar-count')).toHaveText(['1', '1', '1']);
        // Effects per week: each column's count above it, the same as the table's.
        const weeks = await chartTable(page, 'chart-over-time');
        await expect(page.locator('#chart-over-time svg .bar-count')).toHaveText(weeks.map((row) => row[1]!));
        expect(weeks.filter((row) => row[1] !== '0')).toHaveLength(2);
        if (lng === 'kk') {
          await expect(page.locator('#chart-over-time table')).toContainText('2022 ж. 3 қаңтар');
          await expect(page.locator('.overview')).not.toContainText('1,293');
          await expect(page.locator('.overview')).not.toContainText(/M0?1\b/);
        }
        await expectNoRawKeys(page, `the overview (${lng})`);
        await expectNoAxeViolations(page, `the overview (${lng})`);
        await expectNamesHoldTheirText(page, `the overview (${lng})`);
      });

      await test.step('the dates chosen narrow every count and chart, and the links carry them', async () => {
        await page.locator('#overview-range-from').fill('2022-01-05');
        await page.locator('#overview-range-to').fill('2022-01-31');
        await expect(range).toHaveText(text('overview:range.showing', { from: day.jan5, to: day.jan31 }));
        // Mangystau's end was not recorded: nothing says it lasted into these dates. Almaty's is ongoing: it does.
        await expect(counts).not.toContainText(text('overview:counts.endNotRecorded_one', { number: 1 }));
        await expect(counts).toContainText(text('overview:counts.ongoing_one', { number: 1 }));
        await expect(counts.locator('li').nth(0).locator('.count-value')).toHaveText('2');
        await expect(counts.locator('li').nth(1).locator('.count-value')).toHaveText('2');
        const timeline = await chartTable(page, 'chart-timeline');
        expect(timeline).toHaveLength(2);
        expect(timeline.flat()).not.toContain(notRecorded);
        expect((await chartTable(page, 'chart-by-severity')).map((row) => row[1])).toEqual(['1', '1', '0', '0']);
        expect(await chartTable(page, 'chart-by-category')).toHaveLength(2);
        const weeks = await chartTable(page, 'chart-over-time');
        expect(weeks.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(2);
        await expect(page.locator('#chart-by-category a').first()).toHaveAttribute('href', /from=2022-01-05&to=2022-01-31$/);
        // The week of 3 January, cut by the dates, leads to the effects its column counts.
        await expect(page.locator('#chart-over-time a').first()).toHaveAttribute('href', /#\/effects\?from=2022-01-05&to=2022-01-09$/);
        await expectNoAxeViolations(page, `the overview within dates (${lng})`);
        await expectNamesHoldTheirText(page, `the overview within dates (${lng})`);

        await page.getByRole('button', { name: text('overview:range.all') }).click();
        await expect(range).toHaveText(text('overview:range.showing', { from: day.jan2, to: day.mar15 }));
        await expect(counts.locator('li').nth(0).locator('.count-value')).toHaveText('3');
      });
      expect(dalel.missingKeys).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.externalRequests).toEqual([]);
    });
  });
}
