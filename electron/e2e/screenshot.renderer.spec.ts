/**
 * The screenshot the README shows (resources/screenshots/incidents.png): the
 * incident list of a small archive at the app's smallest supported window
 * size. Runs only with DALEL_SCREENSHOTS=1 (`npm run screenshot`), so an
 * ordinary test run never rewrites a tracked file.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './harness';
import { createArchive, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

const screenshots = fileURLToPath(new URL('../../resources/screenshots/', import.meta.url));

test('screenshot of the incident list for the README', async ({ dalel }) => {
  test.skip(process.env.DALEL_SCREENSHOTS !== '1', 'set DALEL_SCREENSHOTS=1 to write resources/screenshots/');
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel, 'Almaty defenders');
  for (const incident of sampleIncidents) await saveIncidentDirectly(page, incident);
  await saveIncidentDirectly(page, {
    title: 'Mobile data throttled in Aktobe during the rally',
    summary: 'Pages would not load on any mobile network for six hours.',
    areas: [{ code: 'KZ-15' }],
    scope: 'local',
    kinds: ['throttling', 'mobile_data'],
    operators: ['Kcell', 'Tele2'],
    startedAt: { at: '2022-01-04T12:00+05:00', precision: 'hour' },
    endedAt: { at: '2022-01-04T18:00+05:00', precision: 'hour' },
  });
  await page.reload();
  await expect(page.locator('.incident-table tbody tr')).toHaveCount(sampleIncidents.length + 1);

  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}incidents.png` });
  expect(dalel.externalRequests).toEqual([]);
});
