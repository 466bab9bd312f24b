/**
 * End-to-end specs (electron/e2e):
 * - renderer: the built UI in Debian's Chromium with window.dalel bound to
 *   the real engine on a temporary archive (*.renderer.spec.ts);
 * - electron: the same flows in the real app, where an Electron binary is
 *   installed; they skip with a clear message where it is not
 *   (*.electron.spec.ts).
 */
import { defineConfig } from '@playwright/test';

export const chromiumPath = process.env.DALEL_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'electron/e2e',
  timeout: 120_000,
  // On a loaded 2-core machine a step (an scrypt unlock, a first render) can take several seconds: an
  // assertion waits long enough that only a real failure fails it, and a passing one returns at once.
  expect: { timeout: 20_000 },
  workers: 2,
  // npm test totals the suites from the JSON report.
  reporter: [['list'], ['json', { outputFile: '.ci/results/playwright.json' }]],
  projects: [
    {
      name: 'renderer',
      testMatch: /.*\.renderer\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          // Without these, Chromium itself tries to reach Google's servers.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    { name: 'electron', testMatch: /.*\.electron\.spec\.ts$/ },
  ],
});
