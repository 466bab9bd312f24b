/**
 * `records:overview` through the engine's dispatch on a real archive made in
 * bulk, with retracted records and records in conflict (merged in from a
 * copy edited on the other side), checked against a plain recount of the
 * summaries `records:list` gives: every number the screen draws, the caps
 * and what they leave out, and the timeline's bars covering every incident.
 */
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordSummary } from '../../shared/ipc';
import type { Overview } from '../../shared/overview';
import { areaRowOf } from '../../shared/overview/areaRow';
import { createEngine, type Engine } from './index';
import { createBulkArchive } from './testing/bulkArchive';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
const engines: Engine[] = [];

function engineAt(dir: string): Engine {
  const engine = createEngine({
    defaultArchivePath: join(dir, 'default'),
    configDir: join(dir, 'config'),
    osLocale: 'en-US',
    version: 'test',
    dialogs: { chooseFolder: async () => null },
  });
  engines.push(engine);
  return engine;
}

async function call<T>(engine: Engine, channel: string, request: unknown = {}): Promise<T> {
  const result = await engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const list = async (engine: Engine, type: 'incident' | 'effect') => (await call<{ records: RecordSummary[] }>(engine, 'records:list', { type })).records;

let engine: Engine;
let overview: Overview;
let answerBytes: number;
let incidents: RecordSummary[];
let effects: RecordSummary[];
const conflictPlace = 'Конфликтовка';

beforeAll(async () => {
  folder = await temporaryFolder();
  const bulk = await createBulkArchive(join(folder.path, 'ours'), { incidents: 1500, effects: 3000 });
  const theirs = join(folder.path, 'theirs');
  await cp(bulk.path, theirs, { recursive: true });

  engine = engineAt(join(folder.path, 'engine-ours'));
  await call(engine, 'archive:open', { path: bulk.path });
  const other = engineAt(join(folder.path, 'engine-theirs'));
  await call(other, 'archive:open', { path: theirs });

  // Retractions: 20 incidents and 40 effects leave every number.
  for (const [ids, count] of [
    [bulk.incidentIds, 20],
    [bulk.effectIds, 40],
  ] as const) {
    for (const recordId of ids.slice(0, count)) {
      const { summary } = await call<{ summary: RecordSummary }>(engine, 'records:get', { recordId });
      await call(engine, 'records:retract', { recordId, parent: summary.headId, reason: 'duplicate' });
    }
  }

  // A conflict: one incident edited here and in the copy, then the copy merged in.
  const contested = bulk.incidentIds[100]!;
  const { summary } = await call<{ summary: RecordSummary }>(engine, 'records:get', { recordId: contested });
  await call(other, 'records:save', { type: 'incident', recordId: contested, parent: summary.headId, data: sampleIncident({ areas: [{ code: 'KZ-71' }] }) });
  // Made last, so the version the lists show beside the mark.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await call(engine, 'records:save', { type: 'incident', recordId: contested, parent: summary.headId, data: sampleIncident({ areas: [{ place: conflictPlace }] }) });
  await call(other, 'archive:lock');
  await call(engine, 'archive:merge', { path: theirs });

  const result = await engine.dispatch('records:overview', {});
  if (!result.ok) throw new Error(`records:overview failed: ${JSON.stringify(result.error)}`);
  overview = result.value as Overview;
  answerBytes = JSON.stringify(result.value).length;
  incidents = await list(engine, 'incident');
  effects = await list(engine, 'effect');
}, 300_000);

afterAll(async () => {
  for (const each of engines) await each.close();
  await folder.remove();
});

type Data = Record<string, unknown> & { startedAt?: { at: string }; endedAt?: { at: string }; areas?: { code?: string; place?: string }[] };
const live = (records: RecordSummary[]) => records.filter((record) => !record.retracted && record.data).map((record) => record.data as Data);
const tally = (keys: string[]) => keys.reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map<string, number>());
const areaKeysOf = (data: Data) => {
  // A town typed as text ("Жаңаөзен") or a city or district counts under its region on the incident's start (shared/overview/areaRow.ts).
  const keys = new Set((data.areas ?? []).map((area) => areaRowOf(area, data.startedAt!.at)?.key).filter((key): key is string => Boolean(key)));
  return keys.size ? [...keys] : [data.scope === 'national' ? 'national' : 'unspecified'];
};

describe('records:overview on a bulk archive', () => {
  it('holds a conflict and the retractions the test made', () => {
    expect(incidents.filter((record) => record.conflict)).toHaveLength(1);
    expect(incidents.filter((record) => record.retracted)).toHaveLength(20);
  });

  it('counts incidents, ongoing ones, effects and people as a recount does, retracted ones left out', () => {
    const liveIncidents = live(incidents);
    const liveEffects = live(effects);
    const counted = liveEffects.map((data) => (data.peopleAffected as { count?: number }).count).filter((count) => typeof count === 'number');
    expect(overview).toMatchObject({
      incidents: 1480,
      // Ongoing only where the record says so; a missing end is "end not recorded", counted apart.
      ongoing: liveIncidents.filter((data) => data.ongoing === true).length,
      endNotRecorded: liveIncidents.filter((data) => data.ongoing !== true && !data.endedAt).length,
      effects: 2960,
      peopleAffected: counted.reduce((sum, count) => sum + count, 0),
      effectsWithCount: counted.length,
    });
    expect(liveIncidents).toHaveLength(1480);
  });

  it('gives effects by category and by area as a recount does, the areas beyond the cap counted', () => {
    const liveEffects = live(effects);
    const categories = tally(liveEffects.map((data) => String(data.category)));
    expect(Object.fromEntries(overview.byCategory.map(({ code, count }) => [code, count]))).toEqual(Object.fromEntries(categories));
    expect(overview.moreCategories).toBe(0);

    const areas = tally(liveEffects.map((data) => (data.area as { code: string }).code));
    expect(overview.byArea).toHaveLength(Math.min(15, areas.size));
    expect(overview.moreAreas).toBe(areas.size - overview.byArea.length);
    for (const { code, count } of overview.byArea) expect(count).toBe(areas.get(code));
    const smallestShown = Math.min(...overview.byArea.map((area) => area.count));
    const shown = new Set(overview.byArea.map((area) => area.code));
    for (const [code, count] of areas) if (!shown.has(code)) expect(count).toBeLessThanOrEqual(smallestShown);
  });

  it('puts every incident on the timeline row of each area it names, a conflict by the version made last', () => {
    const byRow = new Map<string, Data[]>();
    for (const data of live(incidents)) for (const key of areaKeysOf(data)) byRow.set(key, [...(byRow.get(key) ?? []), data]);
    expect(overview.timeline.rows.length + overview.timeline.moreRows).toBe(byRow.size);
    expect(byRow.get(conflictPlace)).toHaveLength(1);
    for (const row of overview.timeline.rows) {
      const members = byRow.get(row.key)!;
      expect(row.incidents).toBe(members.length);
      expect(row.first).toBe(members.map((data) => data.startedAt!.at.slice(0, 10)).sort()[0]);
      expect(row.ongoing).toBe(members.filter((data) => data.ongoing === true).length);
      expect(row.endNotRecorded).toBe(members.filter((data) => data.ongoing !== true && !data.endedAt).length);
      expect(row.last).toBe(members.flatMap((data) => (data.endedAt ? [data.endedAt.at.slice(0, 10)] : [])).sort().at(-1) ?? '');
      // Truthful bars: every incident's period lies inside one drawn bar, and bars drawn apart are at least a step apart.
      for (const data of members) {
        const start = Date.parse(data.startedAt!.at);
        const end = data.endedAt && data.ongoing !== true ? Date.parse(data.endedAt.at) : start;
        expect(row.spans.some((span) => span.start <= start && end <= span.end)).toBe(true);
      }
      for (let i = 1; i < row.spans.length; i += 1) expect(row.spans[i]!.start - row.spans[i - 1]!.end).toBeGreaterThan(overview.timeline.mergeStep);
    }
  });

  it('counts effects per period as a recount does, with nothing lost between periods, earlier ones and undated ones', () => {
    const liveEffects = live(effects);
    const { buckets, undated, earlier } = overview.overTime;
    const days = liveEffects.flatMap((data) => (data.occurredAt ? [(data.occurredAt as { at: string }).at.slice(0, 10)] : []));
    expect(undated).toBe(liveEffects.length - days.length);
    for (const bucket of buckets) expect(bucket.count).toBe(days.filter((day) => bucket.from <= day && day <= bucket.to).length);
    expect(earlier + buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(days.length);
  });

  it('limits every number to a range of days when asked, as a recount over that range does', async () => {
    const liveIncidents = live(incidents);
    const days = liveIncidents.map((data) => data.startedAt!.at.slice(0, 10)).sort();
    const from = days[Math.floor(days.length / 3)]!;
    const to = days[Math.floor((2 * days.length) / 3)]!;
    const ranged = await call<Overview>(engine, 'records:overview', { from, to });
    // A period touches the range if it starts by its end and ends (or, its end not recorded, starts) by its start.
    const touching = liveIncidents.filter((data) => {
      const start = data.startedAt!.at.slice(0, 10);
      const end = data.ongoing === true ? '9999-12-31' : (data.endedAt?.at.slice(0, 10) ?? start);
      return start <= to && end >= from;
    });
    const effectDays = live(effects).flatMap((data) => (data.occurredAt ? [(data.occurredAt as { at: string }).at.slice(0, 10)] : []));
    const effectsIn = effectDays.filter((day) => from <= day && day <= to);
    expect(ranged).toMatchObject({
      incidents: touching.length,
      endNotRecorded: touching.filter((data) => data.ongoing !== true && !data.endedAt).length,
      effects: effectsIn.length,
      range: { from, to },
      extent: overview.extent,
    });
    expect(ranged.incidents).toBeLessThan(overview.incidents);
    expect(ranged.bySeverity.reduce((sum, { count }) => sum + count, 0)).toBe(effectsIn.length);
    expect(ranged.overTime.buckets.reduce((sum, bucket) => sum + bucket.count, 0) + ranged.overTime.earlier).toBe(effectsIn.length);
    expect(ranged.timeline.start).toBeGreaterThanOrEqual(Date.parse(`${from}T00:00:00+14:00`));
    expect(ranged.timeline.end).toBeLessThanOrEqual(Date.parse(`${to}T23:59:59.999-12:00`));
    // A malformed day is refused at the boundary, never read as no range.
    const refused = await engine.dispatch('records:overview', { from: '5 January' });
    expect(refused.ok).toBe(false);
  });

  it('stays small: a few kilobytes here, where the summaries are megabytes', () => {
    const summariesBytes = JSON.stringify(incidents).length + JSON.stringify(effects).length;
    expect(answerBytes).toBeLessThan(summariesBytes / 10);
  });
});
