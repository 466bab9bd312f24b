/**
 * P8: the incident list in the UI with 100k incidents — first render at most
 * 1.5x the same at 1k, and a filter keystroke to the updated list within
 * 100 ms. The built renderer (out/renderer) runs in Chromium against the
 * real engine, as the browser e2e specs run it (electron/e2e/rendererHost.ts):
 * two engines, each with a bulk archive open (the same archives P4 uses),
 * two pages. First render is a page load to the first incident rows painted,
 * taken in pairs alternating the sizes, after one untimed load each (which
 * also builds the engine's list index; reported apart); the keystroke is a
 * key in the search box to the list painted for the new search. It never
 * writes to the archives.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { evidencePrefix, type Engine } from '../../electron/engine';
import { firstRowsPainted, keystrokeToList, watchFirstRows } from '../../electron/e2e/listTiming';
import { appUrl, bindEngine, serveApp } from '../../electron/e2e/rendererHost';
import { benchEngine, dispatchOk } from '../fixtures';
import { formatRatio, median, paired, type BenchContext, type Target } from '../harness';

const ratioLimit = 1.5;
const keystrokeLimit = 100;
const chromiumPath = '/usr/bin/chromium';

async function load(page: Page): Promise<number> {
  // A fresh document each time: the same URL again would only be a same-document navigation.
  await page.goto('about:blank');
  await page.goto(appUrl);
  return firstRowsPainted(page, 300_000);
}

/** Types "mobil" key by key; for each key, the time from its keydown to the list painted for the search so far. */
async function keystrokes(page: Page): Promise<number[]> {
  await page.locator('#incident-search').focus();
  const times: number[] = [];
  let typed = '';
  for (const key of 'mobil') times.push(await keystrokeToList(page, key, (typed += key)));
  return times;
}

interface Side {
  engine: Engine;
  page: Page;
}

async function openSide(context: BenchContext, browser: Browser, incidents: number): Promise<Side> {
  const bulk = await context.fixtures.bulkArchive(incidents, false);
  const engine = benchEngine(bulk.path, join(context.work, `p8 engine ${incidents}`));
  await dispatchOk(engine, 'archive:open', { path: bulk.path });
  const page = await browser.newPage({ viewport: { width: 1024, height: 640 }, locale: 'en-US' });
  await serveApp(page.context(), engine, { rendererDir: resolve('out/renderer'), evidencePrefix, externalRequests: [] });
  await bindEngine(page, engine);
  await page.addInitScript(watchFirstRows);
  return { engine, page };
}

const ms = (value: number) => `${Math.round(value)} ms`;

export const p8List: Target = {
  id: 'P8',
  title: (sizes) => `incident list ${sizes.listIncidents >= 1000 ? `${sizes.listIncidents / 1000}k` : sizes.listIncidents}`,
  async run(context) {
    const { listIncidents, listBaseIncidents, runs } = context.sizes;
    if (!existsSync(resolve('out/renderer/index.html'))) throw new Error('P8 needs the built renderer: run `npx electron-vite build` first');
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    const large = await openSide(context, browser, listIncidents);
    const small = await openSide(context, browser, listBaseIncidents);
    try {
      const cold = { large: await load(large.page), small: await load(small.page) };
      const times = await paired(
        Math.max(runs, 3),
        async () => {},
        () => load(large.page),
        () => load(small.page),
      );
      const first = { large: median(times.a), small: median(times.b) };
      const ratio = first.large / first.small;
      const keys = { large: await keystrokes(large.page), small: await keystrokes(small.page) };
      const keystroke = median(keys.large);
      const smallKeystroke = median(keys.small);
      const base = listBaseIncidents >= 1000 ? `${listBaseIncidents / 1000}k` : String(listBaseIncidents);
      return {
        measured: `${formatRatio(ratio)} ${base} first render, keystroke ${ms(keystroke)}`,
        target: `<= ${formatRatio(ratioLimit)}, <= ${keystrokeLimit} ms`,
        ok: ratio <= ratioLimit && keystroke <= keystrokeLimit,
        details: [
          `first render (page load to first rows painted, median of ${times.a.length}): ${ms(first.large)} at ${listIncidents}, ${ms(first.small)} at ${listBaseIncidents}`,
          `first load after opening (builds the engine's list index): ${ms(cold.large)} at ${listIncidents}, ${ms(cold.small)} at ${listBaseIncidents}`,
          `keystroke to updated list (median of 5 keys): ${ms(keystroke)} at ${listIncidents}, ${ms(smallKeystroke)} at ${listBaseIncidents}`,
          `each key of "mobil": ${keys.large.map(ms).join(', ')} at ${listIncidents}; ${keys.small.map(ms).join(', ')} at ${listBaseIncidents}`,
        ],
      };
    } finally {
      await browser.close();
      await large.engine.close();
      await small.engine.close();
    }
  },
};
