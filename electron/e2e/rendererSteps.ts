/**
 * Steps the renderer specs share, written as a user would do them: create an
 * archive on the start screen, save incidents, check a screen with axe and
 * for untranslated keys. They drive the UI by its labels and ids; only
 * `saveIncidentDirectly` goes around the form (to have data to look at fast).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { DalelApi } from '../../shared/ipc';
import type { IncidentInput } from '../../shared/model';
import { expect, testPassphrase, type DalelSession } from './harness';

/** Creates an archive on the start screen, encrypted with `passphrase` (null: the explicit "without encryption"). */
export async function createArchive(dalel: DalelSession, name = 'Almaty defenders', passphrase: string | null = testPassphrase): Promise<void> {
  const { page } = dalel;
  await expect(page.locator('#create-archive-title')).toBeVisible();
  await page.locator('#archive-name').fill(name);
  await page.locator('#archive-organization').fill('Human rights bureau');
  if (passphrase === null) {
    await page.locator('#protection-none').check();
  } else {
    await page.locator('#archive-passphrase').fill(passphrase);
    await page.locator('#archive-passphrase-confirm').fill(passphrase);
  }
  await page.locator('form[aria-labelledby="create-archive-title"] button[type="submit"]').click();
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.locator('footer')).toContainText(name);
}

/** Saves through window.dalel (the same contract the form uses) and returns the record id. */
export async function saveIncidentDirectly(page: Page, data: IncidentInput): Promise<string> {
  const result = await page.evaluate(
    (incident) => (window as unknown as { dalel: DalelApi }).dalel.records.save({ type: 'incident', data: incident }),
    data,
  );
  if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result.error)}`);
  return result.value.recordId;
}

export const sampleIncidents: IncidentInput[] = [
  {
    title: 'Отключение интернета в Жаңаөзен',
    summary: 'Мобильный интернет и фиксированная связь отключены по всему региону.',
    areas: [{ code: 'KZ-47' }, { place: 'Жаңаөзен' }],
    scope: 'regional',
    kinds: ['full_network'],
    operators: ['Kazakhtelecom'],
    startedAt: { at: '2022-01-02T18:00+05:00', precision: 'hour' },
    endedAt: { at: '2022-01-03T09:00+05:00', precision: 'hour' },
    tags: ['Қаңтар'],
  },
  {
    title: 'Nationwide shutdown, January 2022',
    summary: 'All networks cut across Kazakhstan during the protests.',
    areas: [{ code: 'KZ-71' }, { code: 'KZ-75' }, { code: 'KZ-79' }],
    scope: 'national',
    kinds: ['full_network', 'sms_voice'],
    operators: ['Kcell', 'Beeline', 'Tele2'],
    startedAt: { at: '2022-01-05T16:00+06:00', precision: 'minute' },
    endedAt: { at: '2022-01-10T07:00+06:00', precision: 'day' },
    justification: { codes: ['counter_terrorism'], statement: '' },
    context: ['protests', 'unrest'],
    legalBasis: { codes: ['kz.communications.41-1'], other: '' },
    rights: ['iccpr.19', 'iccpr.21'],
  },
  {
    title: 'Messengers blocked in Almaty every evening',
    summary: 'WhatsApp and Telegram unreachable from 18:00 each day.',
    areas: [{ code: 'KZ-75' }],
    scope: 'local',
    kinds: ['service_blocking', 'throttling'],
    services: ['whatsapp', 'telegram'],
    startedAt: { at: '2022-01-11T18:00+06:00', precision: 'minute' },
    ongoing: true,
    pattern: { kind: 'recurring', description: 'Every evening from 18:00' },
  },
];

/**
 * axe-core with its default rule set, which holds every WCAG 2.0/2.1 A and AA
 * rule (tags wcag2a, wcag2aa, wcag21a, wcag21aa) plus the best practices:
 * no violations.
 */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const described = violations.map((v) => `${v.id} [${v.tags.join(',')}]: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(described, `axe violations on ${screen}`).toEqual([]);
}

/** The keys of our namespaces ("list.emptyTitle", "start.title", ...), as they would show if untranslated. */
const ownKeys = (() => {
  const keys: string[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(prefix ? `${prefix}.${key}` : key, inner);
    else keys.push(prefix.replace(/_(one|few|many|other)$/, ''));
  };
  // Read from disk: importing shared/i18n would pull JSON modules in before the harness can allow them.
  for (const namespace of ['incidents', 'common', 'security', 'evidence']) {
    walk('', JSON.parse(readFileSync(new URL(`../../shared/i18n/locales/en/${namespace}.json`, import.meta.url), 'utf8')));
  }
  return new Set(keys.filter((key) => key.includes('.')));
})();

/** Fails if the visible text holds anything that looks like an i18n key rather than words. */
export async function expectNoRawKeys(page: Page, screen: string): Promise<void> {
  const text = await page.locator('body').innerText();
  const keyLike = [...text.matchAll(/\b[a-z]+(?:\.[a-zA-Z_]+)+\b/g)].map((m) => m[0]);
  const namespaced = [...text.matchAll(/\b(?:common|incidents|security|evidence|taxonomy|validation|errors|cli):[\w.]+/g)].map((m) => m[0]);
  const own = [...ownKeys].filter((key) => text.includes(key));
  expect([...keyLike, ...namespaced, ...own], `raw i18n keys on ${screen}`).toEqual([]);
}

/**
 * Opens every closed section of the incident form's details (the quick record
 * is always open), as a person who wants to fill in more than it asks would.
 */
export async function openFormSections(page: Page): Promise<void> {
  await expect(page.locator('#incident-title')).toBeVisible();
  const closed = page.locator('form details.form-details:not([open]) > summary');
  while ((await closed.count()) > 0) {
    const count = await closed.count();
    await closed.first().click();
    await expect(closed).toHaveCount(count - 1);
  }
}

/** Opens a list's filters (they sit behind one "Filters" button), if closed. */
export async function openListFilters(page: Page): Promise<void> {
  const toggle = page.locator('form[role="search"] .filter-toggle button');
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}
