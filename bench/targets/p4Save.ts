/**
 * P4: saving one record revision in an archive of 100k revisions costs at
 * most twice the same save in one of 1k. Both archives are made in bulk
 * (testing/bulkArchive.ts), opened through the engine's own dispatch, and
 * saved into as the app saves: `records:save`, with its fsyncs. Saves
 * alternate between the two sizes and between new records and edits of
 * existing ones; the figure is the ratio of the medians. Measured on a
 * plain and an encrypted archive; the verdict is the worse of the two. It
 * never times the open, nor anything but the dispatch of the save.
 */
import { join } from 'node:path';
import type { Engine } from '../../electron/engine';
import { sampleIncident } from '../../electron/engine/testing/fixtures';
import { benchEngine, dispatchOk, openRequest } from '../fixtures';
import { formatRatio, median, type BenchContext, type Target } from '../harness';

const limit = 2;

/** One archive open in its own engine, with the records an edit may pick from. */
interface Session {
  engine: Engine;
  incidentIds: string[];
  saved: number;
}

async function openSession(context: BenchContext, revisions: number, encrypted: boolean): Promise<Session> {
  const bulk = await context.fixtures.bulkArchive(revisions, encrypted);
  const home = join(context.work, `p4 engine ${revisions} ${encrypted}`);
  const engine = benchEngine(bulk.path, home);
  await dispatchOk(engine, 'archive:open', openRequest(bulk));
  return { engine, incidentIds: bulk.incidentIds, saved: 0 };
}

/** Times one save: odd ones edit an existing record (its head read first, untimed), even ones add a record. */
async function timedSave(session: Session): Promise<number> {
  const index = session.saved++;
  const data = sampleIncident({ title: `Bench save ${index}` });
  let request: unknown = { type: 'incident', data };
  if (index % 2 === 1) {
    const recordId = session.incidentIds[(index * 7919) % session.incidentIds.length]!;
    const record = await dispatchOk<{ summary: { headId: string } }>(session.engine, 'records:get', { recordId });
    request = { type: 'incident', recordId, parent: record.summary.headId, data };
  }
  const start = performance.now();
  await dispatchOk(session.engine, 'records:save', request);
  return (performance.now() - start) / 1000;
}

async function measure(context: BenchContext, encrypted: boolean) {
  const { saveRevisions, saveBaseRevisions, saves } = context.sizes;
  const large = await openSession(context, saveRevisions, encrypted);
  const small = await openSession(context, saveBaseRevisions, encrypted);
  try {
    // One untimed save each: the first write of a run warms what every later one finds ready.
    await timedSave(large);
    await timedSave(small);
    const times = { large: [] as number[], small: [] as number[] };
    for (let run = 0; run < saves; run += 1) {
      const order = run % 2 === 0 ? (['large', 'small'] as const) : (['small', 'large'] as const);
      for (const which of order) times[which].push(await timedSave(which === 'large' ? large : small));
    }
    return { ratio: median(times.large) / median(times.small), large: median(times.large), small: median(times.small) };
  } finally {
    await large.engine.close();
    await small.engine.close();
  }
}

const ms = (value: number) => `${(value * 1000).toFixed(1)} ms`;

export const p4Save: Target = {
  id: 'P4',
  title: (sizes) => `save one revision at ${sizes.saveRevisions} revisions`,
  async run(context) {
    const { saveRevisions, saveBaseRevisions, saves } = context.sizes;
    const plain = await measure(context, false);
    const encrypted = await measure(context, true);
    const worse = Math.max(plain.ratio, encrypted.ratio);
    const line = (kind: string, figures: typeof plain) =>
      `${kind}: ${formatRatio(figures.ratio)}, median save ${ms(figures.large)} at ${saveRevisions}, ${ms(figures.small)} at ${saveBaseRevisions} (${saves} saves each, new and edits, records:save with its fsyncs)`;
    return {
      measured: `${formatRatio(worse)} the save at ${saveBaseRevisions}`,
      target: `<= ${formatRatio(limit)}`,
      ok: worse <= limit,
      details: [line('plain', plain), line('encrypted', encrypted)],
    };
  },
};
