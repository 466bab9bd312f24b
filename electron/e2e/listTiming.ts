/**
 * What docs/spec/performance.md P8 reads in the page, shared by the bench
 * (bench/targets/p8List.ts) and the e2e spec (listScale.renderer.spec.ts):
 * when the first incident rows are painted after a page load, and the time
 * from a key in the search box to the list painted for the new search. It
 * only observes; it never changes what the page shows.
 */
import type { Page } from 'playwright';

/** An init script: notes, on each page load, when the first incident rows are painted (ms since navigation start). */
export function watchFirstRows(): void {
  const holder = window as unknown as { __firstRows?: number };
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.incident-table tbody tr:not([aria-busy])')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (holder.__firstRows = performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Waits for the rows watchFirstRows notes; returns when they were painted. */
export async function firstRowsPainted(page: Page, timeout: number): Promise<number> {
  const painted = await page.waitForFunction(() => (window as unknown as { __firstRows?: number }).__firstRows, undefined, { timeout });
  return (await painted.jsonValue()) as number;
}

/** Presses one key in the focused search box; the time from its keydown to the list painted for `search`. */
export async function keystrokeToList(page: Page, key: string, search: string): Promise<number> {
  const expected = new URLSearchParams({ q: search }).toString();
  await page.evaluate((expected) => {
    const holder = window as unknown as { __keystroke: Promise<number> };
    holder.__keystroke = new Promise((resolve) => {
      let pressed = 0;
      document.addEventListener('keydown', (event) => (pressed = event.timeStamp), { capture: true, once: true });
      const list = document.querySelector('.incident-list')!;
      const observer = new MutationObserver(() => {
        if (list.getAttribute('data-query') !== expected) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - pressed)));
      });
      observer.observe(list, { attributes: true, attributeFilter: ['data-query'] });
    });
  }, expected);
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { __keystroke: Promise<number> }).__keystroke);
}
