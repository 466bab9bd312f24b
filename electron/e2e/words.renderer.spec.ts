/**
 * The words, in the built UI against the real engine, in English, Russian and
 * Kazakh: the sample card says its records are in English (ru, kk); the key
 * step calls the fingerprint by the glossary's word; an incident page tells
 * "not recorded", "none given" and "none cited" apart and names the context
 * `unrest` without the prosecution's word; and no screen visited shows any
 * form the glossary (shared/i18n/glossary.json) says to avoid.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './harness';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly } from './rendererSteps';

const texts = {
  en: { sampleNote: null, fingerprint: 'fingerprint', notRecorded: 'Not recorded', noneGiven: 'None given', noneCited: 'None cited', unrest: 'Unrest' },
  ru: {
    sampleNote: 'Записи примера на английском языке',
    fingerprint: 'Отпечаток',
    notRecorded: 'Не записано',
    noneGiven: 'Причина не приводилась',
    noneCited: 'Ни один закон не назван',
    unrest: 'Общественные волнения',
  },
  kk: {
    sampleNote: 'Үлгі жазбалар ағылшын тілінде',
    fingerprint: 'Кілт таңбасы',
    notRecorded: 'Жазылмаған',
    noneGiven: 'Себеп айтылмады',
    noneCited: 'Ешбір заң аталмады',
    unrest: 'Қоғамдық толқулар',
  },
} as const;

const locales = { en: 'en-US', ru: 'ru-RU', kk: 'kk-KZ' } as const;

/** The glossary's avoided forms, read from disk: a JSON import would stop Playwright from loading any spec. */
type Glossary = { terms: { id: string; avoid: Record<'ru' | 'kk', { pattern: string }[]> }[] };
const glossary = JSON.parse(readFileSync(new URL('../../shared/i18n/glossary.json', import.meta.url), 'utf8')) as Glossary;

/** Fails if the visible text uses a form the glossary says to avoid in this language. */
async function expectGlossaryWords(page: Page, language: 'en' | 'ru' | 'kk', screen: string) {
  if (language === 'en') return;
  const text = await page.locator('body').innerText();
  const found = glossary.terms.flatMap((term) =>
    term.avoid[language].flatMap(({ pattern }) => {
      const match = new RegExp(`(?<!\\p{L})(?:${pattern})`, 'iu').exec(text);
      return match ? [`${term.id}: «${match[0]}»`] : [];
    }),
  );
  expect(found, `avoided words on ${screen}`).toEqual([]);
}

for (const lng of ['en', 'ru', 'kk'] as const) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale: locales[lng] });

    test(`the glossary's words on the welcome, the key step and an incident page (${lng})`, async ({ dalel }) => {
      test.setTimeout(180_000);
      const text = texts[lng];
      const { page } = dalel;
      await dalel.open();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);

      await test.step('the sample card says its records are in English', async () => {
        const card = page.locator('section.sample-card');
        await expect(card).toBeVisible();
        if (text.sampleNote) await expect(card).toContainText(text.sampleNote);
        else await expect(card.locator('p.hint')).toHaveCount(1);
        await expectGlossaryWords(page, lng, 'the welcome');
      });

      await test.step('the key step names the fingerprint by the glossary word', async () => {
        await createArchive(dalel);
        const step = page.locator('section[aria-labelledby="key-step-title"]');
        await expect(step).toContainText(text.fingerprint);
        await expectGlossaryWords(page, lng, 'the key step');
      });

      await test.step('"not recorded", "none given" and "none cited" read as three facts', async () => {
        const recordId = await saveIncidentDirectly(page, {
          title: 'Almaty, 5 January 2022',
          summary: 'All networks cut in Almaty.',
          areas: [{ code: 'KZ-75' }],
          scope: 'regional',
          kinds: ['full_network'],
          startedAt: { at: '2022-01-05T16:00+06:00', precision: 'minute' },
          justification: { codes: ['none_given'], statement: '' },
          legalBasis: { codes: ['none_cited'], other: '' },
          context: ['unrest'],
        });
        await page.evaluate((id) => (window.location.hash = `#/incident/${id}`), recordId);
        const details = page.locator('main');
        await expect(details).toContainText(text.noneGiven);
        await expect(details).toContainText(text.noneCited);
        await expect(details).toContainText(text.unrest);
        await expect(details.locator('dd.not-recorded').first()).toHaveText(text.notRecorded);
        expect(new Set([text.notRecorded, text.noneGiven, text.noneCited]).size).toBe(3);
        await expectGlossaryWords(page, lng, 'the incident page');
        await expectNoRawKeys(page, `the incident page (${lng})`);
        await expectNoAxeViolations(page, `the incident page (${lng})`);
      });
      expect(dalel.missingKeys).toEqual([]);
    });
  });
}
