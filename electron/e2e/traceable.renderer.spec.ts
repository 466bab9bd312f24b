/**
 * Traceable evidence (issue 21, item 8), in the built UI against the real
 * engine, in English, Russian and Kazakh. An effect's page lists the source
 * that backs it, linked; the source's page lists the incident and the
 * effect that cite it, linked; adding a file to the effect writes a custody
 * line that names the file and its SHA-256; an edit of one word of the
 * effect's description shows in its history as that word removed and
 * another added; the record's id and its engine-checked signature show on
 * its page (this archive's key, or a key it does not trust); an incident
 * edited here and by a defender is resolved by an edited merge: one version
 * left, whose parents are both former versions, holding the merged text.
 * Axe finds nothing; no key shows raw.
 */
import type { Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordDetail, RecordSummary } from '../../shared/ipc';
import type { EffectInput, IncidentInput, SourceInput } from '../../shared/model';
import { pngImage, sha256Of } from './evidenceFiles';
import { expect, test, type DalelSession } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { expectNoAxeViolations, expectNoRawKeys, sampleIncidents } from './rendererSteps';

type Lng = 'en' | 'ru' | 'kk';
const languages: { lng: Lng; osLocale: string }[] = [
  { lng: 'en', osLocale: 'en-US' },
  { lng: 'ru', osLocale: 'ru-RU' },
  { lng: 'kk', osLocale: 'kk-KZ' },
];

async function dispatch<T>(dalel: DalelSession, channel: string, request: unknown): Promise<T> {
  const result = await dalel.engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** The engine's Archive and exportBundle, imported only once the harness has let the engine's JSON imports in. */
async function engineModules() {
  const [{ Archive }, { exportBundle }] = await Promise.all([import('../engine/archive'), import('../engine/bundle/export')]);
  return { Archive, exportBundle };
}

const conflictTitle = 'Жаңаөзен: мобильді интернет өшірілді';
const summaryDefender = 'Мобильді интернет 4 қаңтар кешінен бері жоқ.';
const summaryHere = 'Мобильный интернет отключён с вечера 4 января, SMS не доходят.';
const merged = 'Мобильді интернет 4 қаңтар кешінен бері жоқ; SMS не доходят.';
const described = 'Карты в аптеках не принимали 5 января.';
const redescribed = 'Карты в аптеках не принимали 6 января.';
const sourceTitle = 'Письмо аптеки, Алматы';

/**
 * A defender's incident, imported here from their bundle, then changed here
 * and (in a second bundle) by the defender: the incident is in conflict.
 */
async function makeConflict(dalel: DalelSession): Promise<{ incidentId: string; defenderFingerprint: string }> {
  const { Archive, exportBundle } = await engineModules();
  const defender = await Archive.create(join(dalel.dir, 'defender'), { name: 'Айгерім', organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
  try {
    const data: IncidentInput = { ...sampleIncidents[0]!, title: conflictTitle, summary: 'Мобильді интернет өшірілді.' };
    const incident = await defender.save({ type: 'incident', data });
    const bundle = async (name: string) => {
      const out = join(dalel.dir, name);
      await exportBundle(defender, { out, profile: 'internal', language: 'kk', softwareVersion: 'test' });
      return out;
    };
    await dispatch(dalel, 'bundle:import', { path: await bundle('first.zip'), allowUntrusted: true });
    await defender.save({ type: 'incident', recordId: incident.recordId, parent: incident.revisionId, data: { ...data, summary: summaryDefender } });
    await dispatch(dalel, 'records:save', { type: 'incident', recordId: incident.recordId, parent: incident.revisionId, data: { ...data, summary: summaryHere } });
    await dispatch(dalel, 'bundle:import', { path: await bundle('second.zip'), allowUntrusted: true });
    return { incidentId: incident.recordId, defenderFingerprint: defender.key.fingerprint };
  } finally {
    defender.close();
  }
}

/** A source cited by an incident and by an effect of it (this archive's own records). */
async function citedSource(dalel: DalelSession) {
  const source: SourceInput = { kind: 'document', title: sourceTitle, content: 'Терминалы не работали.' };
  const { recordId: sourceId } = await dispatch<{ recordId: string }>(dalel, 'records:save', { type: 'source', data: source });
  const incident: IncidentInput = { ...sampleIncidents[1]!, sources: [sourceId], citations: [{ field: 'summary', source: sourceId, stance: 'supports', locator: '' }] };
  const { recordId: incidentId } = await dispatch<{ recordId: string }>(dalel, 'records:save', { type: 'incident', data: incident });
  const effect: EffectInput = {
    incident: incidentId,
    category: 'banking_payments',
    severity: 'high',
    description: described,
    sources: [sourceId],
    citations: [{ field: 'description', source: sourceId, stance: 'supports', locator: 'p. 2' }],
  };
  const saved = await dispatch<{ recordId: string; revisionId: string }>(dalel, 'records:save', { type: 'effect', data: effect });
  return { sourceId, incidentId, effectId: saved.recordId, effectRevision: saved.revisionId, effect };
}

async function checkScreen(page: Page, lng: Lng, screen: string) {
  await expectNoRawKeys(page, `${screen} (${lng})`);
  await expectNoEnglishLeft(page, lng, screen);
  await expectNoAxeViolations(page, `${screen} (${lng})`);
}

async function goTo(page: Page, hash: string) {
  await page.goto(`${page.url().split('#')[0]}${hash}`);
}

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`sources, citing records, custody files, changed words, signatures and an edited merge are traceable (${lng})`, async ({ dalel }) => {
      test.setTimeout(240_000);
      const { page } = dalel;
      const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
      await dispatch(dalel, 'archive:create', { name: 'Ұйым', organization: 'Дәлел', protection: { kind: 'none' } });
      const { fingerprint: ownFingerprint } = await dispatch<{ fingerprint: string }>(dalel, 'key:show', {});
      const { incidentId: conflictId, defenderFingerprint } = await makeConflict(dalel);
      const { sourceId, incidentId, effectId, effectRevision, effect } = await citedSource(dalel);
      const category = text('taxonomy:category.banking_payments');
      await dalel.open();
      await expect(page.getByRole('navigation')).toBeVisible();

      await test.step('the effect lists its source, linked, with the claim it backs; the id and signature show', async () => {
        await goTo(page, `#/effect/${effectId}`);
        const sources = page.locator('section[aria-labelledby="effect-sources-title"]');
        await expect(sources.getByRole('heading', { level: 2 })).toHaveText(text('evidence:effect.sourcesTitle'));
        const link = sources.getByRole('link', { name: text('evidence:citations.sourceOption', { title: sourceTitle, kind: text('taxonomy:sourceKind.document') }) });
        await expect(link).toHaveAttribute('href', `#/source/${sourceId}`);
        await expect(sources).toContainText(`${text('evidence:effect.fields.description')}: ${text('taxonomy:stance.supports')}`);
        const identity = page.locator('section.record-identity');
        await expect(identity.locator('.record-id')).toHaveText(effectId);
        await expect(identity).toContainText(text('common:record.verified'));
        await expect(identity).toContainText(text('common:record.signer.own'));
        await expect(identity.locator('code.fingerprint')).toHaveText(ownFingerprint);
        await checkScreen(page, lng, 'an effect with its sources, id and signature');
        await link.click();
        await expect(page).toHaveURL(new RegExp(`#/source/${sourceId}$`));
      });

      await test.step('the source lists the incident and the effect that cite it, linked', async () => {
        const citing = page.locator('section.cited-for');
        await expect(citing.getByRole('heading', { level: 2 })).toHaveText(text('evidence:citations.citedFor.title'));
        await expect(citing.getByRole('link', { name: text('evidence:citations.citedFor.incident', { title: sampleIncidents[1]!.title }) })).toHaveAttribute(
          'href',
          `#/incident/${incidentId}`,
        );
        await expect(citing.getByRole('link', { name: text('evidence:citations.citedFor.effect', { title: category }) })).toHaveAttribute('href', `#/effect/${effectId}`);
        await expect(citing).toContainText(`${text('evidence:effect.fields.description')}: ${text('taxonomy:stance.supports')}`);
        await checkScreen(page, lng, 'a source with what cites it');
      });

      await test.step('a file added to the effect is named in its custody line with its SHA-256', async () => {
        await goTo(page, `#/effect/${effectId}`);
        const bytes = pngImage();
        const path = join(dalel.dir, 'Аптека 5 қаңтар.PNG');
        await writeFile(path, bytes);
        dalel.offerFiles([path]);
        const files = page.locator('section[aria-labelledby="evidence-files-title"]');
        await files.locator('input[type="file"]').setInputFiles(path);
        await files.locator('form.add-files button[type="submit"]').click();
        const sha256 = sha256Of(bytes);
        const line = text('common:custody.attachmentAdded', {
          action: text('taxonomy:custodyAction.attachment_added'),
          name: 'Аптека 5 қаңтар.PNG',
          hash: `${sha256.slice(0, 4)}…${sha256.slice(-4)}`,
        });
        await expect(files.locator('li.attachment').filter({ hasText: 'Аптека 5 қаңтар.PNG' })).toHaveCount(1);
        const row = page.locator('.custody-table tbody tr').filter({ hasText: line });
        await expect(row).toHaveCount(1);
        await expect(row.locator(`[title="${sha256}"]`)).toHaveText(line);
      });

      await test.step('one word of the description changed: the history marks that word removed and the new one added', async () => {
        await dispatch(dalel, 'records:save', { type: 'effect', recordId: effectId, parent: effectRevision, data: { ...effect, description: redescribed } });
        await page.reload();
        const words = page.locator('.revision').last().locator('.change-words');
        await expect(words).toHaveCount(1);
        await expect(words.getByRole('deletion')).toHaveText(`[${text('incidents:history.wordsRemoved')} 5]`);
        await expect(words.getByRole('insertion')).toHaveText(`[${text('incidents:history.wordsAdded')} 6]`);
        await expect(words.locator('del')).toHaveCSS('text-decoration-line', 'line-through');
        await checkScreen(page, lng, 'an effect whose history marks changed words');
      });

      await test.step('an incident from a defender shows its id and a signature by a key this archive does not trust', async () => {
        await goTo(page, `#/incident/${conflictId}`);
        const identity = page.locator('section.record-identity');
        await expect(identity.locator('.record-id')).toHaveText(conflictId);
        await expect(identity.locator('.detail')).toHaveCount(3);
        await expect(identity).toContainText(text('common:record.versionSignature', { number: 2 }));
        await expect(identity).toContainText(text('common:record.signer.unknown'));
        await expect(identity).toContainText(defenderFingerprint);
        await expect(identity).not.toContainText(text('common:record.notVerified'));
      });

      await test.step('an edited merge resolves the conflict: one version, both parents, the merged text', async () => {
        const before = await dispatch<{ records: RecordSummary[] }>(dalel, 'records:conflicts', {});
        const heads = before.records.find((record) => record.recordId === conflictId)!.heads;
        expect(heads).toHaveLength(2);
        await goTo(page, `#/conflicts/${conflictId}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // Toasts flow at the end of this screen: none can cover version 2.
        await expect(page.locator('.toast-region')).toHaveCSS('position', 'static');
        await page.getByRole('button', { name: text('conflicts:merge.open') }).click();
        await expect(page.getByRole('heading', { level: 2, name: text('conflicts:merge.title') })).toBeFocused();
        const box = page.getByLabel(text('incidents:fields.summary'), { exact: true });
        const first = (await box.inputValue()) === summaryDefender ? summaryDefender : summaryHere;
        expect([summaryDefender, summaryHere]).toContain(await box.inputValue());
        const other = first === summaryDefender ? 2 : 1;
        await page.getByRole('button', { name: text('conflicts:merge.useText', { number: other, field: text('incidents:fields.summary') }) }).click();
        await expect(box).toHaveValue(first === summaryDefender ? summaryHere : summaryDefender);
        await checkScreen(page, lng, 'the edited merge of two versions');
        await box.fill(merged);
        await page.getByRole('button', { name: text('conflicts:merge.save') }).click();
        await expect(page.getByRole('heading', { level: 2, name: text('conflicts:resolve.doneTitle') })).toBeFocused();
        await expect(page.getByText(text('conflicts:resolve.doneOne'))).toBeVisible();

        const detail = await dispatch<RecordDetail>(dalel, 'records:get', { recordId: conflictId });
        expect(detail.summary.conflict).toBe(false);
        expect(detail.summary.heads).toHaveLength(1);
        const head = detail.history.find((signed) => signed.id === detail.summary.headId)!;
        expect([...head.revision.parents].sort()).toEqual([...heads].sort());
        expect(head.revision.data).toMatchObject({ title: conflictTitle, summary: merged });
      });
    });
  });
}
