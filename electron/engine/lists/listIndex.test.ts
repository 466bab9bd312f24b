/**
 * `records:query` answers a list window from the engine's index, over real
 * archives: the same search, filter and sort as the lists, only the window
 * asked for, retracted and conflicting records shown as the lists show them,
 * and every change (save, retract, merge, conflict resolution) seen by the
 * next query without reopening. Over random queries, before and after
 * changes, the index answers exactly what shared/lists' own filter and sort
 * give over every record.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, maxListWindow, type ListAnswer } from '../../../shared/ipc';
import { initialEffectQuery } from '../../../shared/lists/effectQuery';
import { filterEntries, initialQuery, sortEntries, sortOrders, type ListQuery } from '../../../shared/lists/incidentQuery';
import { gazetteers, incidentKinds } from '../../../shared/model';
import { initialSourceQuery } from '../../../shared/lists/sourceQuery';
import { Archive } from '../archive';
import { createBulkArchive } from '../testing/bulkArchive';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';
import { queryList } from './listIndex';
import { incidentList, type RecordReader } from './listKinds';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

let made = 0;
const create = (name: string) => Archive.create(join(folder.path, `${name}-${(made += 1)}`), { name, organization: '', passphrase: null });

const incidents = (archive: Archive, query: Partial<ListQuery> = {}, offset = 0, limit = 50) =>
  queryList(archive, { type: 'incident', query: { ...initialQuery, ...query }, offset, limit, language: 'en' });
const titles = (answer: ListAnswer) => answer.rows.map((row) => (row.summary.data ?? row.lastLive)?.title);

describe('records:query over a bulk archive', () => {
  it('answers only the window asked for, with the total, in the order and filter the list asks', async () => {
    const bulk = await createBulkArchive(join(folder.path, 'bulk'), { incidents: 600, effects: 300, sources: 90 });
    const archive = await Archive.open(bulk.path);
    const all = incidents(archive, {}, 0, 500);
    expect(all).toMatchObject({ total: 600, listed: 600, held: 600, offset: 0 });
    expect(all.rows).toHaveLength(500);
    const starts = all.rows.map((row) => String((row.summary.data as { startedAt: { at: string } }).startedAt.at));
    expect(starts.map((at) => Date.parse(at))).toEqual([...starts.map((at) => Date.parse(at))].sort((a, b) => b - a));
    // The last window holds the rest, and goes on where the first stopped.
    const rest = incidents(archive, {}, 500, 500);
    expect(rest.rows).toHaveLength(100);
    expect(new Set([...all.rows, ...rest.rows].map((row) => row.summary.recordId)).size).toBe(600);

    // "Mobile data cut" and its Russian and Kazakh forms are a quarter of the synthetic titles.
    const mobile = incidents(archive, { search: 'MOBILE   data' });
    expect(mobile.total).toBeGreaterThan(0);
    expect(mobile.total).toBeLessThan(600);
    expect(titles(mobile).every((title) => String(title).toLowerCase().includes('mobile data'))).toBe(true);
    const byTitle = incidents(archive, { sort: 'title', order: 'asc' }, 0, 500);
    const shown = titles(byTitle).map(String);
    expect(shown).toEqual([...shown].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare));

    const effects = queryList(archive, { type: 'effect', query: { ...initialEffectQuery, severity: 'critical' }, offset: 0, limit: 500, language: 'ru' });
    expect(effects.listed).toBe(300);
    expect(effects.rows.every((row) => (row.summary.data as { severity: string }).severity === 'critical')).toBe(true);
    expect(effects.rows.every((row) => typeof row.incidentTitle === 'string')).toBe(true);
    const sources = queryList(archive, { type: 'source', query: { ...initialSourceQuery, consent: 'none' }, offset: 0, limit: 10, language: 'kk' });
    expect(sources.listed).toBe(90);
    expect(sources.rows.every((row) => !(row.summary.data as { consent?: unknown }).consent)).toBe(true);
    await archive.close();
  });

  it('refuses a window larger than the bound: an answer stays small', () => {
    const request = { type: 'incident', query: initialQuery, offset: 0, language: 'en' };
    expect(contract['records:query'].request.safeParse({ ...request, limit: maxListWindow }).success).toBe(true);
    expect(contract['records:query'].request.safeParse({ ...request, limit: 100_000 }).success).toBe(false);
  });
});

describe('records:query after changes', () => {
  it('shows a save, an edit and a retraction at the next query, the retracted record with what it last said', async () => {
    const archive = await create('A');
    expect(incidents(archive)).toMatchObject({ total: 0, held: 0, rows: [] });
    const first = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Mobile data cut in Almaty', startedAt: { at: '2022-01-05T10:00+06:00' } }) });
    const second = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Messengers blocked', startedAt: { at: '2022-01-06T10:00+06:00' } }) });
    expect(titles(incidents(archive))).toEqual(['Messengers blocked', 'Mobile data cut in Almaty']);
    expect(titles(incidents(archive, { sort: 'title' }))).toEqual(['Messengers blocked', 'Mobile data cut in Almaty']);

    await archive.save({ type: 'incident', recordId: first.recordId, parent: first.revisionId, data: sampleIncident({ title: 'Mobile data cut', startedAt: { at: '2022-01-07T10:00+06:00' } }) });
    expect(titles(incidents(archive))).toEqual(['Mobile data cut', 'Messengers blocked']);
    expect(titles(incidents(archive, { sort: 'title' }))).toEqual(['Messengers blocked', 'Mobile data cut']);
    expect(incidents(archive, { search: 'almaty' }).total).toBe(0);

    await archive.retract({ recordId: second.recordId, parent: second.revisionId, reason: 'Duplicate' });
    expect(incidents(archive)).toMatchObject({ total: 1, listed: 1, held: 2 });
    const withRetracted = incidents(archive, { showRetracted: true });
    expect(withRetracted).toMatchObject({ total: 2, listed: 2 });
    const retracted = withRetracted.rows.find((row) => row.summary.retracted)!;
    expect(retracted.summary.data).toBeNull();
    expect(retracted.lastLive).toMatchObject({ title: 'Messengers blocked' });
    expect(incidents(archive, { search: 'messengers', showRetracted: true }).total).toBe(1);
    await archive.close();
  });

  it('shows merged records and a conflict with every head, and its resolution, without reopening', async () => {
    const a = await create('A');
    const b = await create('B');
    const base = await a.save({ type: 'incident', data: sampleIncident({ title: 'Shutdown' }) });
    await b.mergeFrom(a);
    expect(incidents(b).total).toBe(1);
    await a.save({ type: 'incident', recordId: base.recordId, parent: base.revisionId, data: sampleIncident({ title: 'Shutdown — edited in A' }) });
    await b.save({ type: 'incident', recordId: base.recordId, parent: base.revisionId, data: sampleIncident({ title: 'Shutdown — edited in B' }) });
    const effect = await a.save({ type: 'effect', data: { incident: base.recordId, category: 'medical_care', severity: 'high', description: 'Ambulance not reachable' } });
    expect(queryList(b, { type: 'effect', query: initialEffectQuery, offset: 0, limit: 10, language: 'en' }).total).toBe(0);

    await b.mergeFrom(a);
    const [row] = incidents(b).rows;
    expect(row!.summary).toMatchObject({ conflict: true });
    expect(row!.summary.heads).toHaveLength(2);
    const effects = queryList(b, { type: 'effect', query: { ...initialEffectQuery, search: 'ambulance' }, offset: 0, limit: 10, language: 'en' });
    expect(effects.rows.map((r) => r.summary.recordId)).toEqual([effect.recordId]);

    await b.resolveConflict({ recordId: base.recordId, heads: row!.summary.heads, data: sampleIncident({ title: 'Shutdown — agreed' }) });
    const [resolved] = incidents(b).rows;
    expect(resolved!.summary.conflict).toBe(false);
    expect(titles(incidents(b))).toEqual(['Shutdown — agreed']);
    // The effect shows its incident's new title.
    expect(queryList(b, { type: 'effect', query: initialEffectQuery, offset: 0, limit: 10, language: 'en' }).rows[0]!.incidentTitle).toBe('Shutdown — agreed');
    await a.close();
    await b.close();
  });
});

describe('records:query means what shared/lists means', () => {
  /** Every incident's id the list shows for `query`, worked out by shared/lists over every record, as the export wizard would. */
  function expectedIds(archive: Archive, query: ListQuery): string[] {
    const reader: RecordReader = {
      summary: () => undefined,
      lastLive: (recordId) => archive.getRecord(recordId).history.findLast((signed) => signed.revision.data !== null)?.revision.data ?? null,
      incidentTitle: () => null,
    };
    const entries = archive.listRecords('incident').map((summary) => incidentList.entry(summary, reader)!);
    return filterEntries(sortEntries(entries, query, 'en'), query).map((row) => row.summary.recordId);
  }

  const word = fc.constantFrom('mobile', 'MOBILE data', 'мобильного', 'ұялы', 'kcell', 'batch-1', 'batch-17', 'cut #3', 'ё', 'аптеки', '#12', 'a', 'zz');
  const query = fc.record({
    search: fc.oneof(fc.constant(''), word, fc.tuple(word, word).map(([a, b]) => `${a} ${b}`)),
    kind: fc.constantFrom('', ...incidentKinds),
    area: fc.constantFrom('', `code:${gazetteers.KZ![0]!.code}`, 'place:Атырау'),
    from: fc.constantFrom('', '2021-06-01'),
    to: fc.constantFrom('', '2023-01-31'),
    sort: fc.constantFrom(...sortOrders),
    order: fc.constantFrom('', 'asc', 'desc'),
    showRetracted: fc.boolean(),
  }) as fc.Arbitrary<ListQuery>;

  function allIds(archive: Archive, asked: ListQuery): string[] {
    const ids: string[] = [];
    for (let offset = 0; ; offset += maxListWindow) {
      const answer = incidents(archive, asked, offset, maxListWindow);
      ids.push(...answer.rows.map((row) => row.summary.recordId));
      if (offset + maxListWindow >= answer.total) {
        expect(ids).toHaveLength(answer.total);
        return ids;
      }
    }
  }

  it('keeps and orders the same incidents, before and after saves, edits and retractions', async () => {
    const bulk = await createBulkArchive(join(folder.path, 'bulk'), { incidents: 700 });
    const archive = await Archive.open(bulk.path);
    const check = () =>
      fc.assert(
        fc.property(query, (asked) => {
          expect(allIds(archive, asked)).toEqual(expectedIds(archive, asked));
        }),
        { numRuns: 60 },
      );
    check();
    // Edits, retractions and new records after the index (and its joined search texts) were made.
    for (const [index, recordId] of bulk.incidentIds.slice(0, 40).entries()) {
      const head = archive.getRecord(recordId).summary.headId;
      if (index % 4 === 0) await archive.retract({ recordId, parent: head, reason: 'Duplicate' });
      else await archive.save({ type: 'incident', recordId, parent: head, data: sampleIncident({ title: `Mobile data restored ${index}`, operators: ['Kcell'] }) });
    }
    for (let index = 0; index < 20; index += 1) await archive.save({ type: 'incident', data: sampleIncident({ title: `Ұялы байланыс жоқ ${index}` }) });
    check();
    await archive.close();
  });
});
