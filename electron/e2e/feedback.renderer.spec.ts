/**
 * Feedback (issue 8), in the built UI against the real engine. Adding a
 * large evidence file shows a progress bar with the time left and can be
 * cancelled, leaving the archive byte for byte as it was. A save and an
 * export each leave a toast that is read out politely and does not take
 * focus, cover the page's heading, or hide the end of the page; Escape
 * closes it. A task that fails after the person moved on says so in an
 * alert toast, in Russian. Each empty state (export with no records,
 * received bundles, conflicts, trusted signers, a record with no files, a
 * custody chain with nothing yet) says what to do next and its action works.
 */
import type { Locator, Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect, test, type DalelSession } from './harness';
import { localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

type Lng = 'en' | 'ru' | 'kk';

const textsIn = (lng: Lng) => {
  const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
  const plural = (key: string, count: number) => text(`${key}_${new Intl.PluralRules(lng).select(count)}`, { count });
  return { text, plural };
};

const goTo = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash);

/** Every file of the archive folder with the sha256 of its bytes. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(root, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return files;
}

async function engineValue<T>(dalel: DalelSession, channel: string, request: unknown = {}): Promise<T> {
  const result = await dalel.engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A file of `mib` MiB that takes no disk room (a hole): reading and sealing it still take their time. */
async function largeFile(dir: string, name: string, mib: number): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, '');
  await truncate(path, mib * 2 ** 20);
  return path;
}

/** Chooses `path` with the evidence section's "Choose files…" and starts adding it. */
async function startAdding(page: Page, section: Locator, path: string, lng: Lng) {
  const { text, plural } = textsIn(lng);
  const chooser = page.waitForEvent('filechooser');
  await section.getByRole('button', { name: text('evidence:files.add.choose'), exact: true }).click();
  await (await chooser).setFiles(path);
  await section.getByRole('button', { name: plural('evidence:files.add.submit', 1) }).click();
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('a large file shows its progress with the time left, and cancelled leaves the archive as it was', async ({ dalel }) => {
  test.setTimeout(240_000);
  const { page } = dalel;
  const { text, plural } = textsIn('en');
  await dalel.open();
  await createArchive(dalel);
  const incidentId = await saveIncidentDirectly(page, sampleIncidents[0]!);
  const video = await largeFile(dalel.dir, 'long recording.mp4', 1024);
  dalel.offerFiles([video]);
  await goTo(page, `#/incident/${incidentId}`);
  const section = page.locator('section.evidence-files');

  await test.step('the empty state says what files are for, and its button opens the file dialog', async () => {
    await expect(section.locator('.files-empty')).toContainText(text('evidence:files.empty'));
    await expect(section.locator('.files-empty')).toContainText(text('evidence:files.emptyNext'));
    const chooser = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: text('evidence:files.emptyAction') }).click();
    await (await chooser).setFiles(video);
    await expect(section.locator('.chosen-files li')).toHaveCount(1);
    await section.getByRole('button', { name: text('evidence:files.add.clear') }).click();
  });

  const before = await snapshot(join(dalel.dir, 'archive'));
  const stateBefore = await engineValue<{ stateHash: string }>(dalel, 'archive:stateHash');
  await test.step('adding it: a progress bar, its percent and the time left, Cancel focused', async () => {
    await startAdding(page, section, video, 'en');
    const progress = section.locator('.task-progress');
    const cancel = progress.getByRole('button', { name: text('verify:progress.cancel') });
    await expect(cancel).toBeFocused();
    await expect(progress.locator('progress')).toHaveAccessibleName(plural('evidence:files.add.busy', 1));
    await expect(progress.locator('progress')).toHaveAttribute('max', '100');
    await expect(progress.locator('.task-progress-status')).toHaveText(/^\d+% done · about \d+ (second|seconds|minute|minutes) left$/, { timeout: 30_000 });
    expect((await engineValue<{ task: string | null }>(dalel, 'tasks:progress')).task).toBe('attach');
    await expectNoAxeViolations(page, 'a file being added');
    await cancel.press('Enter');
  });

  await test.step('cancelled: said so, nothing listed, not one byte of the archive changed', async () => {
    await expect(section.getByRole('alert')).toHaveText(text('errors:cancelled'), { timeout: 60_000 });
    await expect(section.locator('.task-progress')).toHaveCount(0);
    await expect(section.locator('.files-empty')).toBeVisible();
    const record = await engineValue<{ attachments: unknown[] }>(dalel, 'records:get', { recordId: incidentId });
    expect(record.attachments).toEqual([]);
    expect(await engineValue<{ stateHash: string }>(dalel, 'archive:stateHash')).toEqual(stateBefore);
    expect(await snapshot(join(dalel.dir, 'archive'))).toEqual(before);
    expect(dalel.pageErrors).toEqual([]);
  });
});

test('a save and an export leave a polite toast that takes no focus and hides nothing; Escape closes it', async ({ dalel }) => {
  test.setTimeout(120_000);
  const { page } = dalel;
  const { text } = textsIn('en');
  await dalel.open();
  await createArchive(dalel);
  const incidentId = await saveIncidentDirectly(page, sampleIncidents[1]!);
  const region = page.getByRole('region', { name: text('common:toast.region') });
  const polite = region.locator('[aria-live="polite"]');

  await test.step('a save: "saved" read out politely, focus left where the save put it', async () => {
    await goTo(page, `#/incident/${incidentId}/edit`);
    await page.locator('#incident-title').fill('Nationwide shutdown, 5–10 January 2022');
    await page.locator('#incident-title').press('Control+Enter');
    await expect(polite.locator('.toast .toast-text')).toHaveText(text('common:toast.saved'));
    await expect(page.locator('h1')).toHaveText('Nationwide shutdown, 5–10 January 2022');
    expect(await region.evaluate((element) => element.contains(document.activeElement))).toBe(false);
    const [toastBox, headingBox] = await Promise.all([polite.locator('.toast').boundingBox(), page.locator('h1').boundingBox()]);
    expect(overlaps(toastBox!, headingBox!)).toBe(false);
    // Scrolled to the end, the region takes its own room: the footer is above it, not under it.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const [footer, toast] = await Promise.all([page.locator('footer').boundingBox(), polite.locator('.toast').boundingBox()]);
    expect(footer!.y + footer!.height).toBeLessThanOrEqual(toast!.y + 1);
    // Hovered, it waits to be read (and closed) however long the checks take.
    await polite.locator('.toast').hover();
    await expectNoAxeViolations(page, 'a page with a toast');
  });

  await test.step('Escape on the toast closes it, and focus goes back to where it was', async () => {
    await page.evaluate(() => document.activeElement?.setAttribute('data-focused-before', ''));
    await polite.getByRole('button', { name: text('common:toast.dismiss') }).focus();
    await page.keyboard.press('Escape');
    await expect(region.locator('.toast')).toHaveCount(0);
    await expect(page.locator('[data-focused-before]')).toBeFocused();
  });

  await test.step('an export: the toast names the bundle', async () => {
    await page.getByRole('navigation').getByRole('link', { name: text('verify:export.nav'), exact: true }).click();
    await page.getByRole('button', { name: text('verify:export.submit') }).click();
    const exported = polite.locator('.toast', { hasText: text('common:toast.exported', { name: '' }) });
    await expect(exported).toHaveCount(1, { timeout: 60_000 });
    await expect(exported.locator('.toast-text')).toHaveText(/^Bundle exported: dalel-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(await region.evaluate((element) => element.contains(document.activeElement))).toBe(false);
  });
});

test.describe('in Russian', () => {
  test.use({ osLocale: 'ru-RU' });

  test('a file that changes while it is added, after the person moved on, ends in an alert toast', async ({ dalel }) => {
    test.setTimeout(240_000);
    const { page } = dalel;
    const { text } = textsIn('ru');
    await dalel.open();
    await createArchive(dalel, 'Правозащитники Алматы');
    const incidentId = await saveIncidentDirectly(page, sampleIncidents[0]!);
    const video = await largeFile(dalel.dir, 'запись.mp4', 1024);
    dalel.offerFiles([video]);
    await goTo(page, `#/incident/${incidentId}`);
    await startAdding(page, page.locator('section.evidence-files'), video, 'ru');
    await expect(page.locator('.task-progress')).toBeVisible();
    await goTo(page, '#/settings');
    // Once the file is being stored (the second pass), it is cut short: the bytes no longer match their hash.
    await expect.poll(async () => {
      const progress = await engineValue<{ done: number; total: number }>(dalel, 'tasks:progress');
      return progress.total > 0 && progress.done > progress.total * 0.55;
    }, { timeout: 120_000, intervals: [50] }).toBe(true);
    await truncate(video, 2 ** 20);
    const alert = page.getByRole('region', { name: text('common:toast.region') }).getByRole('alert');
    await expect(alert).toContainText(text('errors:fileChanged', { path: video }), { timeout: 60_000 });
    await expect(alert.locator('xpath=..')).toHaveAttribute('aria-live', 'assertive');
    const record = await engineValue<{ attachments: unknown[] }>(dalel, 'records:get', { recordId: incidentId });
    expect(record.attachments).toEqual([]);
    await expectNoRawKeys(page, 'the settings with an error toast');
  });
});

test.describe('in Kazakh', () => {
  test.use({ osLocale: 'kk-KZ' });

  test('each empty state says what to do next, and its action does it', async ({ dalel }) => {
    test.setTimeout(120_000);
    const { page } = dalel;
    const { text } = textsIn('kk');
    await dalel.open();
    await createArchive(dalel, 'Алматы қорғаушылары');
    const hash = () => page.evaluate(() => window.location.hash);

    await test.step('export with no records: record the first incident', async () => {
      await goTo(page, '#/export');
      const empty = page.locator('.export-nothing');
      await expect(empty.getByRole('heading', { level: 2 })).toHaveText(text('verify:export.nothing.title'));
      await expect(empty).toContainText(text('verify:export.nothing.text'));
      await expect(page.locator('form.export-form')).toHaveCount(0);
      await expectNoAxeViolations(page, 'export with no records');
      await empty.getByRole('link', { name: text('verify:export.nothing.action') }).click();
      expect(await hash()).toBe('#/new');
    });

    await test.step('received bundles: import one', async () => {
      await goTo(page, '#/received');
      const empty = page.locator('.received-empty');
      await expect(empty.getByRole('heading', { level: 2 })).toHaveText(text('exchange:received.emptyTitle'));
      await expect(empty).toContainText(text('exchange:received.empty'));
      await expectNoAxeViolations(page, 'no received bundles');
      await empty.getByRole('link', { name: text('exchange:received.emptyAction') }).click();
      expect(await hash()).toBe('#/import');
    });

    await test.step('conflicts: import a bundle or merge an archive', async () => {
      await goTo(page, '#/conflicts');
      const empty = page.locator('.conflicts-screen .empty-state');
      await expect(empty.getByRole('heading', { level: 2 })).toHaveText(text('conflicts:list.emptyTitle'));
      await expect(empty).toContainText(text('conflicts:list.emptyText'));
      await expectNoAxeViolations(page, 'no conflicts');
      await empty.getByRole('link', { name: text('conflicts:list.emptyAction') }).click();
      expect(await hash()).toBe('#/import');
    });

    await test.step('trusted signers: the button goes to the key field', async () => {
      await goTo(page, '#/settings');
      const empty = page.locator('.trust-empty');
      await expect(empty).toContainText(text('exchange:trust.empty'));
      await expect(empty).toContainText(text('exchange:trust.emptyNext'));
      await empty.getByRole('button', { name: text('exchange:trust.emptyAction') }).click();
      await expect(page.locator('#trust-key')).toBeFocused();
      await expectNoAxeViolations(page, 'no trusted signers');
    });

    await test.step('a record with no files, and a custody chain with nothing yet: choose files, export', async () => {
      const incidentId = await saveIncidentDirectly(page, sampleIncidents[2]!);
      // A record always has its "created" line; an empty chain is shown by answering the page's question with none.
      await page.evaluate(() => {
        const api = (window as unknown as { dalel: { custody: { list: (request: unknown) => Promise<unknown> } } }).dalel;
        api.custody.list = async () => ({ ok: true, value: { events: [] } });
      });
      await goTo(page, `#/incident/${incidentId}`);
      const files = page.locator('section.evidence-files .files-empty');
      await expect(files).toContainText(text('evidence:files.empty'));
      await expect(files).toContainText(text('evidence:files.emptyNext'));
      const chooser = page.waitForEvent('filechooser');
      await files.getByRole('button', { name: text('evidence:files.emptyAction') }).click();
      expect((await chooser).isMultiple()).toBe(true);
      const custody = page.locator('.custody-empty');
      await expect(custody).toContainText(text('common:custody.empty'));
      await expect(custody).toContainText(text('common:custody.emptyNext'));
      await expectNoAxeViolations(page, 'a record with no files and no custody yet');
      await expectNoRawKeys(page, 'a record with no files and no custody yet');
      await custody.getByRole('link', { name: text('common:custody.emptyAction') }).click();
      expect(await hash()).toBe('#/export');
    });
    expect(dalel.missingKeys).toEqual([]);
  });
});
