/**
 * The forged-edit attack of issue 17, through the app, in English, Russian
 * and Kazakh: an organization trusts Aigerim and holds her incident; an
 * attacker who has her bundle edits the incident with their own key and
 * sends an internal bundle. The import screen says plainly what importing
 * an unknown signer's bundle can do, and its button is not the primary one;
 * imported anyway, the edit is set aside, said so with the attacker's key,
 * and kept with the bundle among the received bundles. The incident's head
 * stays Aigerim's. axe finds nothing on either screen.
 */
import { join } from 'node:path';
import { expect, test, type DalelSession } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, sampleIncidents } from './rendererSteps';

type Lng = 'en' | 'ru' | 'kk';
const languages: { lng: Lng; osLocale: string }[] = [
  { lng: 'en', osLocale: 'en-US' },
  { lng: 'ru', osLocale: 'ru-RU' },
  { lng: 'kk', osLocale: 'kk-KZ' },
];

async function dispatch<T>(dalel: DalelSession, channel: string, request: unknown = {}): Promise<T> {
  const result = await dalel.engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const title = 'Алматы: мобильді интернет 5 қаңтарда өшірілді';

/** Aigerim's incident imported by the organization, which trusts her; the attacker's edit of it, as their own internal bundle. */
async function attack(dalel: DalelSession, lng: Lng) {
  const { Archive } = await import('../engine/archive');
  const { exportBundle } = await import('../engine/bundle/export');
  const create = (name: string) => Archive.create(join(dalel.dir, name), { name, organization: '', passphrase: null, scryptCost: 2 ** 12 });
  const exported = async (archive: Awaited<ReturnType<typeof create>>, name: string) =>
    (await exportBundle(archive, { out: join(dalel.dir, name), profile: 'internal', language: lng, softwareVersion: 'test' })).path;
  const aigerim = await create('aigerim');
  const attacker = await create('attacker');
  try {
    const incident = await aigerim.save({ type: 'incident', data: { ...sampleIncidents[1]!, title, summary: 'Байланыс үзілді.' } });
    const sent = await exported(aigerim, 'aigerim.zip');
    await dispatch(dalel, 'trust:add', { publicKey: aigerim.key.publicLine, name: 'Айгерім' });
    await dispatch(dalel, 'bundle:import', { path: sent });
    await attacker.importBundle(sent, { allowUntrusted: true });
    await attacker.save({ type: 'incident', recordId: incident.recordId, parent: incident.revisionId, data: { ...sampleIncidents[1]!, title: 'Ештеңе болған жоқ', summary: '—' } });
    return { recordId: incident.recordId, head: incident.revisionId, forged: await exported(attacker, 'forged.zip'), attackerKey: attacker.key.fingerprint };
  } finally {
    aigerim.close();
    attacker.close();
  }
}

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`an edit by an unknown key is set aside, said so, and never becomes the head (${lng})`, async ({ dalel }) => {
      test.setTimeout(180_000);
      const { page } = dalel;
      const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
      const check = async (screen: string) => {
        await expectNoAxeViolations(page, `${screen} (${lng})`);
        await expectNoEnglishLeft(page, lng, screen);
      };
      await dalel.open();
      await createArchive(dalel, 'Ұйым', null);
      const { recordId, head, forged, attackerKey } = await attack(dalel, lng);
      dalel.offerFiles([forged]);

      await page.getByRole('navigation').getByRole('link', { name: text('exchange:nav'), exact: true }).click();
      await page.locator('.bundle-import input[type="file"]').setInputFiles(forged);
      const decision = page.locator('section.import-decision');
      await expect(decision.getByRole('heading', { level: 2 })).toBeFocused({ timeout: 60_000 });
      await expect(decision.locator('.signer-effect')).toHaveText(text('exchange:signer.unknownEffect'));
      const button = decision.getByRole('button', { name: text('exchange:import.button.importUnknown'), exact: true });
      await expect(button).not.toHaveClass(/primary/);
      await check('an unknown signer, what importing can do');

      await button.click();
      const outcome = page.locator('section.exchange-outcome');
      await expect(outcome.getByRole('heading', { level: 2 })).toBeFocused({ timeout: 60_000 });
      const one = new Intl.PluralRules(lng).select(1);
      await expect(outcome.locator('.outcome-set-aside')).toHaveText(`! ${text(`exchange:outcome.setAsideImport_${one}`, { count: 1, keys: attackerKey })}`);
      await check('an import with a change set aside');

      const detail = await dispatch<{ summary: { headId: string; conflict: boolean; data: { title: string } } }>(dalel, 'records:get', { recordId });
      expect(detail.summary).toMatchObject({ headId: head, conflict: false, data: { title } });
      const { bundles } = await dispatch<{ bundles: { profile: string; setAside?: { author: string }[] }[] }>(dalel, 'bundle:received');
      expect(bundles).toEqual([expect.objectContaining({ profile: 'internal', setAside: [expect.objectContaining({ recordId, author: attackerKey })] })]);

      await outcome.getByRole('link', { name: text('exchange:outcome.toReceived') }).click();
      const keptText = text(`exchange:outcome.setAsideReceived_${one}`, { count: 1 });
      await expect(page.locator('article.received-bundle .received-set-aside')).toHaveText(keptText);
      await check('received bundles, a change set aside');
      expect(dalel.externalRequests).toEqual([]);
    });
  });
}
