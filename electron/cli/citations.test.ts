/**
 * Citations at the command line (issue 19): `dalel add` refuses a citation
 * of a source the record does not list, naming the reason in the person's
 * language and saving nothing; `dalel show` prints each cited claim with its
 * sources (id and title), whether each supports or contradicts it, where in
 * the source, how many support it and "contested" in words; and a
 * source's grade.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderContents } from '../engine/testing/folderContents';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess } from './testing/inProcess';
import { jsonInputs, succeeds } from './testing/steps';

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'архив');
});
afterEach(() => folder.remove());

const jsonFile = jsonInputs(() => folder.path);

async function archiveWithSources() {
  await succeeds(['init', dir, '--no-encryption']);
  const letter = await succeeds(['add', dir, '--type', 'source', '--json', await jsonFile({ kind: 'document', title: 'Akimat letter No. 12', grade: { reliability: 'B', credibility: '2', access: 'first_hand', verification: 'Stamp compared.' } })]);
  const statement = await succeeds(['add', dir, '--type', 'source', '--json', await jsonFile({ kind: 'official_statement', title: 'Ministry statement' })]);
  return { letter, statement };
}

describe('dalel add with citations', () => {
  it('refuses a citation of a source the record does not list, translated, and saves nothing', async () => {
    const { letter } = await archiveWithSources();
    const before = await folderContents(dir);
    const incident = sampleIncident({ acknowledged: 'yes', citations: [{ field: 'acknowledged', source: letter }] });
    for (const [lang, message] of [
      ['en_US.UTF-8', "citations.0.source: A cited source must also be among the record's sources."],
      ['ru_RU.UTF-8', 'Источник, на который ссылается утверждение, должен быть и в списке источников записи.'],
      ['kk_KZ.UTF-8', 'Сілтеме жасалған дереккөз жазбаның дереккөздер тізімінде де болуы керек.'],
    ] as const) {
      const run = await dalelInProcess(['add', dir, '--type', 'incident', '--json', await jsonFile(incident)], { LANG: lang });
      expect(run.code).toBe(1);
      expect(run.err).toContain(message);
    }
    expect(await folderContents(dir)).toEqual(before);
  });

  it('refuses a claim the record does not have', async () => {
    const { letter } = await archiveWithSources();
    const run = await dalelInProcess(['add', dir, '--type', 'incident', '--json', await jsonFile(sampleIncident({ sources: [letter], citations: [{ field: 'legalCitations/3', source: letter }] }))]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('This citation names a field the record does not have.');
  });
});

describe('dalel show with citations', () => {
  it('prints each cited claim with its sources, stance, locator, corroboration and the contested flag', async () => {
    const { letter, statement } = await archiveWithSources();
    const incident = sampleIncident({
      acknowledged: 'yes',
      sources: [letter, statement],
      citations: [
        { field: 'acknowledged', source: letter, locator: 'page 2' },
        { field: 'acknowledged', source: statement, stance: 'contradicts' },
      ],
    });
    const recordId = await succeeds(['add', dir, '--type', 'incident', '--json', await jsonFile(incident)]);
    const shown = await succeeds(['show', dir, recordId]);
    expect(shown).toContain('Which source says what:');
    expect(shown).toContain('  Acknowledged by the authorities: Supported by 1 source. Contested: the sources contradict each other');
    expect(shown).toContain(`    ${letter} (Akimat letter No. 12): Supports, at page 2`);
    expect(shown).toContain(`    ${statement} (Ministry statement): Contradicts`);
    const russian = await succeeds(['show', dir, recordId], { LANG: 'ru_RU.UTF-8' });
    expect(russian).toContain('  Признано властями: Подтверждает 1 источник. Оспаривается: источники противоречат друг другу');
    // An effect's citations too.
    const effect = await succeeds(['add', dir, '--type', 'effect', '--parent', recordId, '--json', await jsonFile({ category: 'banking_payments', severity: 'high', sources: [letter], citations: [{ field: 'severity', source: letter }] })]);
    expect(await succeeds(['show', dir, effect])).toContain('  Severity: Supported by 1 source');
  });

  it('prints a source\'s grade with the meaning of each code', async () => {
    const { letter } = await archiveWithSources();
    const shown = await succeeds(['show', dir, letter]);
    expect(shown).toContain('Reliability of the source: B — usually reliable');
    expect(shown).toContain('Credibility of the information: 2 — probably true');
    expect(shown).toContain('First-hand or hearsay: First-hand');
    expect(shown).toContain('How it was checked: Stamp compared.');
  });
});

describe('dalel verify of bundles with citations', () => {
  it('accepts legal and public bundles of records whose citations are kept, empty, or all withheld', async () => {
    const { letter, statement } = await archiveWithSources();
    const base = { kind: 'testimony', title: 'Engineer at the exchange', content: 'The akim ordered it.', person: { name: 'Б. Ж.', role: 'witness' } };
    const consent = { keep: true, lawyersAnonymous: true, lawyersNamed: false, unNamed: false, publishAnonymous: false, askedBy: 'A. N.', askedIn: 'ru', givenAt: { at: '2022-01-12T11:00+06:00', precision: 'hour' }, method: 'verbal' };
    const unpublished = await succeeds(['add', dir, '--type', 'source', '--json', await jsonFile({ ...base, consent })]);
    const cite = (source: string, stance: 'supports' | 'contradicts' = 'supports') => ({ field: 'acknowledged', source, stance, locator: 'minute 3' });
    await succeeds(['add', dir, '--type', 'incident', '--json', await jsonFile(sampleIncident({ sources: [letter, statement, unpublished], citations: [cite(letter), cite(statement, 'contradicts'), cite(unpublished)] }))]);
    await succeeds(['add', dir, '--type', 'incident', '--json', await jsonFile(sampleIncident({ title: 'Only a withheld citation', sources: [unpublished], citations: [cite(unpublished)] }))]);
    await succeeds(['add', dir, '--type', 'incident', '--json', await jsonFile(sampleIncident({ title: 'No citation', citations: [] }))]);
    for (const profile of ['legal', 'public']) {
      const out = join(folder.path, `${profile}.zip`);
      await succeeds(['export', dir, '--out', out, '--profile', profile]);
      const run = await dalelInProcess(['verify', out]);
      expect(run.code, `${profile}: ${run.out}${run.err}`).toBe(0);
    }
  });
});
