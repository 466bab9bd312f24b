/**
 * Consent first, identity guarded (issue 21, item 6), in the built UI
 * against the real engine, in English, Russian and Kazakh: for a testimony
 * the consent questions come before the person's identifying fields, which
 * stay disabled until the person agrees that we keep it; the first question
 * is asked on behalf of whoever collects, never naming the software; on the
 * source page the name and phone are not in the page at all until "Show" is
 * pressed; Yes and No badges differ by mark, outline and colour; age group,
 * gender and disability are choices with "prefer not to say", saved as codes
 * and shown translated; and a gender written as free text before the choices
 * still shows, and survives an edit untouched.
 */
import type { Page } from '@playwright/test';
import type { DalelApi, RecordDetail } from '../../shared/ipc';
import type { Source } from '../../shared/model';
import { expect, test } from './harness';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

const texts = {
  en: {
    question: 'Do you agree that we keep this testimony in our archive?',
    show: 'Show identifying details',
    hide: 'Hide identifying details',
    preferNot: 'Prefer not to say',
    age: '30–44',
    no: 'No',
  },
  ru: {
    question: 'Согласны ли вы, чтобы мы хранили ваш рассказ в нашем архиве?',
    show: 'Показать личные данные',
    hide: 'Скрыть личные данные',
    preferNot: 'Не хочет указывать',
    age: '30–44',
    no: 'Нет',
  },
  kk: {
    question: 'Айғағыңызды біздің мұрағатта сақтауымызға келісесіз бе?',
    show: 'Жеке деректерді көрсету',
    hide: 'Жеке деректерді жасыру',
    preferNot: 'Айтқысы келмейді',
    age: '30–44',
    no: 'Жоқ',
  },
} as const;

const locales = { en: 'en-US', ru: 'ru-RU', kk: 'kk-KZ' } as const;
const name = 'Aigerim Nurlanovna';
const phone = '+7 701 555 1234';

async function answer(page: Page, question: string, value: 'yes' | 'no') {
  await page.locator(`#source-consent-${question}-${value}`).check();
}

/** A testimony saved before the choices: its age group and gender are free text. */
async function saveLegacyTestimony(page: Page): Promise<string> {
  const result = await page.evaluate(() =>
    (window as unknown as { dalel: DalelApi }).dalel.records.save({
      type: 'source',
      data: {
        kind: 'testimony',
        title: 'Earlier testimony, Zhanaozen',
        person: { name: 'Legacy Person', contact: '', address: '', role: 'witness', ageGroup: '30–39', gender: 'жен.' },
        consent: {
          keep: true,
          lawyersAnonymous: true,
          lawyersNamed: false,
          unNamed: false,
          publishAnonymous: false,
          askedBy: 'A. N.',
          askedIn: 'kk',
          givenAt: { at: '2022-01-10T10:00+06:00', precision: 'minute' },
          method: 'verbal',
        },
      },
    }),
  );
  if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result.error)}`);
  return result.value.recordId;
}

async function sourceData(page: Page, recordId: string): Promise<Source> {
  const detail = await page.evaluate(
    async (id) => (await (window as unknown as { dalel: DalelApi }).dalel.records.get({ recordId: id })) as { ok: boolean; value?: RecordDetail },
    recordId,
  );
  return detail.value?.summary.data as Source;
}

for (const lng of ['en', 'ru', 'kk'] as const) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale: locales[lng] });

    test(`consent comes before identity, which stays masked until shown (${lng})`, async ({ dalel }) => {
      test.setTimeout(180_000);
      const text = texts[lng];
      const { page } = dalel;
      await dalel.open();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await createArchive(dalel);
      const incidentId = await saveIncidentDirectly(page, sampleIncidents[1]!);
      const legacyId = await saveLegacyTestimony(page);

      await test.step('the identifying fields wait for consent, which is asked first and on our behalf', async () => {
        await page.evaluate((id) => (window.location.hash = `#/incident/${id}/sources/new`), incidentId);
        await page.locator('#source-kind').selectOption('testimony');
        for (const field of ['name', 'contact', 'address', 'role', 'ageGroup', 'gender', 'disability']) {
          await expect(page.locator(`#source-person-${field}`)).toBeDisabled();
        }
        // In the page's order, every consent question comes before the first identifying field.
        const consentFirst = await page.evaluate(() => {
          const keep = document.querySelector('#source-consent-keep-yes');
          const method = document.querySelector('#source-consent-method');
          const person = document.querySelector('#source-person-name');
          return !!keep && !!method && !!person && !!(keep.compareDocumentPosition(person) & Node.DOCUMENT_POSITION_FOLLOWING) && !!(method.compareDocumentPosition(person) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        expect(consentFirst).toBe(true);
        const question = page.getByRole('radiogroup', { name: text.question });
        await expect(question).toBeVisible();
        expect(await page.locator('.consent-fieldset').innerText()).not.toMatch(/Dalel/i);

        // "No" keeps them closed; only "Yes" opens them.
        await answer(page, 'keep', 'no');
        await expect(page.locator('#source-person-name')).toBeDisabled();
        await answer(page, 'keep', 'yes');
        await expect(page.locator('#source-person-name')).toBeEnabled();
        await expect(page.locator('#source-person-gender')).toBeEnabled();
        await expect(page.locator('#source-person-gender option[value="preferNotToSay"]')).toHaveText(text.preferNot);
        await expect(page.locator('#source-person-disability option[value="preferNotToSay"]')).toHaveText(text.preferNot);
      });

      await test.step('the answers and the person, as choices, are saved', async () => {
        await page.locator('#source-title').fill(`Testimony, Almaty (${lng})`);
        await answer(page, 'lawyersAnonymous', 'yes');
        await answer(page, 'lawyersNamed', 'no');
        await answer(page, 'unNamed', 'no');
        await answer(page, 'publishAnonymous', 'no');
        await page.locator('#source-consent-askedBy').fill('A. N.');
        await page.locator('#source-consent-askedIn').selectOption('kk');
        await page.locator('#source-consent-givenAt-date').fill('2022-01-06');
        await page.locator('#source-consent-method').selectOption('verbal');
        await page.locator('#source-person-name').fill(name);
        await page.locator('#source-person-contact').fill(phone);
        await page.locator('#source-person-role').selectOption('witness');
        await page.locator('#source-person-ageGroup').selectOption('30-44');
        await page.locator('#source-person-gender').selectOption('preferNotToSay');
        await page.locator('#source-person-disability').selectOption('no');
        await expectNoAxeViolations(page, `the answered testimony form (${lng})`);
        await page.keyboard.press('Control+Enter');
        await expect(page).toHaveURL(new RegExp(`#/incident/${incidentId}$`));
      });

      await test.step('on the source page, name and phone are absent until "Show" is pressed', async () => {
        await page.locator('section[aria-labelledby="sources-title"]').getByRole('link', { name: `Testimony, Almaty (${lng})` }).click();
        await expect(page.getByRole('heading', { level: 1, name: `Testimony, Almaty (${lng})` })).toBeVisible();
        const toggle = page.getByRole('button', { name: text.show });
        await expect(toggle).toHaveAttribute('aria-expanded', 'false');
        await expect(page.locator('#person-fields')).toContainText('••••');
        // Masked means not in the page at all, not merely hidden by style.
        const html = await page.content();
        expect(html).not.toContain(name);
        expect(html).not.toContain(phone);
        expect(html).not.toContain(text.preferNot);
        await expectNoAxeViolations(page, `the source page, masked (${lng})`);

        await toggle.click();
        const hide = page.getByRole('button', { name: text.hide });
        await expect(hide).toHaveAttribute('aria-expanded', 'true');
        const fields = page.locator('#person-fields');
        await expect(fields).toContainText(name);
        await expect(fields).toContainText(phone);
        await expect(fields).toContainText(text.preferNot);
        await expect(fields).toContainText(text.age);
        await expect(fields).toContainText(text.no);
        await expect(fields).not.toContainText('preferNotToSay');
        await expectNoRawKeys(page, `the source page, shown (${lng})`);
        await hide.click();
        expect(await page.content()).not.toContain(name);
      });

      await test.step('Yes and No badges differ by mark, outline and colour, not colour alone', async () => {
        const yes = page.locator('.badge.consent-yes').first();
        const no = page.locator('.badge.consent-no').first();
        await expect(yes).toBeVisible();
        await expect(no).toBeVisible();
        const look = (badge: typeof yes) =>
          badge.evaluate((element) => {
            const style = getComputedStyle(element);
            return { mark: getComputedStyle(element, '::before').content, border: style.borderTopStyle, background: style.backgroundColor };
          });
        const [yesLook, noLook] = [await look(yes), await look(no)];
        expect(yesLook.mark).toContain('✓');
        expect(noLook.mark).toContain('✕');
        expect(yesLook.border).not.toBe(noLook.border);
        expect(yesLook.background).not.toBe(noLook.background);
        await expect(no).toContainText(text.no);
      });

      await test.step('a gender written as text before the choices still shows, and survives an edit untouched', async () => {
        await page.evaluate((id) => (window.location.hash = `#/source/${id}`), legacyId);
        await page.getByRole('button', { name: text.show }).click();
        await expect(page.locator('#person-fields')).toContainText('жен.');
        await expect(page.locator('#person-fields')).toContainText('30–39');
        await page.evaluate((id) => (window.location.hash = `#/source/${id}/edit`), legacyId);
        await expect(page.locator('#source-person-gender')).toHaveValue('жен.');
        await expect(page.locator('#source-person-ageGroup')).toHaveValue('30–39');
        await page.locator('#source-title').fill('Earlier testimony, Zhanaozen (edited)');
        await page.keyboard.press('Control+Enter');
        await expect(page).not.toHaveURL(/\/edit$/);
        const saved = await sourceData(page, legacyId);
        expect(saved.title).toBe('Earlier testimony, Zhanaozen (edited)');
        expect(saved.person).toMatchObject({ name: 'Legacy Person', gender: 'жен.', ageGroup: '30–39' });
      });
    });
  });
}
