/**
 * SECURITY (issue 21, item 6, adversarial): a person's identifying answers
 * are in no part of a source's page until "Show" is pressed — not in its
 * revision history either, where an edited name used to read out in full,
 * before and after. In the built UI against the real engine, in English,
 * Russian and Kazakh. (The conflict screen and a merge use the same masked
 * formatter: renderer/src/incidents/revisionValues.test.ts.)
 */
import type { Page } from '@playwright/test';
import type { DalelApi } from '../../shared/ipc';
import { expect, test } from './harness';
import { createArchive, expectNoAxeViolations } from './rendererSteps';

const show = { en: 'Show identifying details', ru: 'Показать личные данные', kk: 'Жеке деректерді көрсету' } as const;
const locales = { en: 'en-US', ru: 'ru-RU', kk: 'kk-KZ' } as const;
const before = { name: 'Aigerim Nurlanovna', contact: '+7 701 555 1234' };
const after = { name: 'Aigerim N. Seitova', contact: '+7 777 000 9876' };

/** A testimony saved, then its person edited: two revisions whose history compares the person. */
async function saveEditedTestimony(page: Page): Promise<string> {
  return page.evaluate(
    async ({ before, after }) => {
      const { records } = (window as unknown as { dalel: DalelApi }).dalel;
      const consent = { keep: true, lawyersAnonymous: true, lawyersNamed: false, unNamed: false, publishAnonymous: false, askedBy: 'A. N.', askedIn: 'kk', givenAt: { at: '2022-01-10T10:00+06:00', precision: 'minute' }, method: 'verbal' };
      const data = (person: { name: string; contact: string }) => ({ kind: 'testimony', title: 'Testimony, Zhanaozen', person: { ...person, address: '', role: 'witness' }, consent });
      const first = await records.save({ type: 'source', data: data(before) });
      if (!first.ok) throw new Error(JSON.stringify(first.error));
      const second = await records.save({ type: 'source', recordId: first.value.recordId, parent: first.value.revisionId, data: data(after) });
      if (!second.ok) throw new Error(JSON.stringify(second.error));
      return first.value.recordId;
    },
    { before, after },
  );
}

for (const lng of ['en', 'ru', 'kk'] as const) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale: locales[lng] });
    test(`an edited person stays masked in the history until shown (${lng})`, async ({ dalel }) => {
      test.setTimeout(120_000);
      const { page } = dalel;
      await dalel.open();
      await createArchive(dalel);
      const sourceId = await saveEditedTestimony(page);
      await page.evaluate((id) => (window.location.hash = `#/source/${id}`), sourceId);
      const history = page.locator('section.revision-history');
      await expect(history.locator('.field-change')).toHaveCount(1);

      const html = await page.content();
      for (const secret of [before.name, before.contact, after.name, after.contact]) expect(html).not.toContain(secret);
      await expectNoAxeViolations(page, `a source's history, masked (${lng})`);

      await history.getByRole('button', { name: show[lng] }).click();
      await expect(history.locator('.change-before')).toContainText(before.name);
      await expect(history.locator('.change-after')).toContainText(after.contact);
      // The person's own "Show" above is a separate choice: it stays masked.
      expect(await page.locator('#person-fields').innerText()).not.toContain(after.name);
    });
  });
}
