/**
 * P6: merging two archives of 50k revisions each, half of them shared,
 * takes at most three times opening both. Each run starts from a fresh copy
 * of the first archive (the merge changes it; copying is not timed). The
 * merge is timed as a person waits for it: both archives opened and the
 * other merged in (every revision it brings checked, its record files
 * written and flushed, the journal removed), until the merge reports done.
 * The record snapshot the archive then rewrites in its write queue (the
 * next write waits for it, reading does not) is timed apart and shown. The
 * baseline opens the same two archives, alternating with the merge.
 */
import { join } from 'node:path';
import { Archive } from '../../electron/engine/archive';
import { formatRatio, formatSeconds, paired, pairedRatio, seconds, type Target } from '../harness';
import { removed, run, syncAll } from '../tools';

const limit = 3;

export const p6Merge: Target = {
  id: 'P6',
  title: (sizes) => `merge two archives of ${sizes.mergeRevisions} revisions, half shared`,
  async run(context) {
    const { first, second } = await context.fixtures.mergePair(context.sizes.mergeRevisions);
    const copy = join(context.work, 'p6 merged copy');
    let added = 0;
    const snapshotTimes: number[] = [];
    const fresh = async () => {
      await removed(copy);
      await run('cp', ['-a', first, copy]);
      await syncAll();
    };
    const times = await paired(
      context.sizes.runs,
      fresh,
      async () => {
        let target: Archive | undefined;
        let other: Archive | undefined;
        const merged = await seconds(async () => {
          target = await Archive.open(copy);
          other = await Archive.open(second);
          added = (await target.mergeFrom(other)).revisionsAdded;
        });
        snapshotTimes.push(await seconds(() => target!.settled()));
        await Promise.all([target!.close(), other!.close()]);
        return merged;
      },
      () =>
        seconds(async () => {
          const target = await Archive.open(copy);
          const other = await Archive.open(second);
          await Promise.all([target.close(), other.close()]);
        }),
    );
    await removed(copy);
    const ratio = pairedRatio(times.a, times.b);
    return {
      measured: `${formatRatio(ratio)} opening both`,
      target: `<= ${formatRatio(limit)}`,
      ok: ratio <= limit,
      details: [
        `merge ${formatSeconds(times.a)}, ${added} revisions added`,
        `opening both ${formatSeconds(times.b)}`,
        `then the record snapshot rewritten in the write queue: ${formatSeconds(snapshotTimes)}`,
      ],
    };
  },
};
