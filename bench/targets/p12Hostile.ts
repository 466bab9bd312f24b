/**
 * P12: every bundle of the hostile corpus (electron/engine/bundle/testing/
 * hostileCorpus.ts) through `dalel verify` and through `dalel import` into
 * a plain archive, each in a child process of its own that reads its own
 * peak memory: each refused (exit 1, never a crash) in < 5 s and <= 300 MB,
 * and the archive's state hash the same after all the imports as before.
 * The worst time and the worst memory are the figures.
 */
import { join } from 'node:path';
import { archiveOf } from '../fixtures';
import { seconds, type Target } from '../harness';
import { dalel, dalelOk, removed, type CommandRun } from '../tools';

const secondsLimit = 5;
const limitBytes = 300e6;
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

interface Worst {
  seconds: number;
  secondsOf: string;
  peakBytes: number;
  peakOf: string;
}

export const p12Hostile: Target = {
  id: 'P12',
  title: (sizes) => `refuse each bundle of the hostile corpus (${sizes.hostileCorpus} size) in verify and import`,
  async run({ work, fixtures, log }) {
    const corpus = await fixtures.hostileCorpus();
    const receiving = join(work, 'receiving archive (P12)');
    try {
      const empty = await archiveOf(receiving, { dir: work, files: [], bytes: 0 }, false);
      // Closed: the command imports into it, and one program changes an archive at a time.
      await empty.archive.close();
      const stateHash = async () => (await dalelOk(work, ['state-hash', receiving])).stdout.trim();
      const before = await stateHash();
      const worst: Worst = { seconds: 0, secondsOf: '', peakBytes: 0, peakOf: '' };
      const wrong: string[] = [];
      for (const bundle of corpus) {
        log(`P12 ${bundle.id}`);
        for (const args of [['verify', bundle.path], ['import', receiving, bundle.path, '--allow-untrusted']]) {
          let result: CommandRun | undefined;
          const took = await seconds(async () => (result = await dalel(work, args)));
          const what = `${args[0]} ${bundle.id}`;
          if (result!.code !== 1) wrong.push(`${what} exited with ${result!.code}`);
          if (took > worst.seconds) Object.assign(worst, { seconds: took, secondsOf: what });
          if (result!.maxRssBytes > worst.peakBytes) Object.assign(worst, { peakBytes: result!.maxRssBytes, peakOf: what });
        }
      }
      const unchanged = (await stateHash()) === before;
      return {
        measured: `${mb(worst.peakBytes)} and ${worst.seconds.toFixed(2)} s at worst, ${corpus.length * 2} refusals`,
        target: `<= ${mb(limitBytes)} and < ${secondsLimit} s`,
        ok: wrong.length === 0 && unchanged && worst.peakBytes <= limitBytes && worst.seconds < secondsLimit,
        details: [
          `slowest: ${worst.secondsOf} ${worst.seconds.toFixed(2)} s; largest: ${worst.peakOf} ${mb(worst.peakBytes)}`,
          unchanged ? 'the archive imported into is unchanged (state hash)' : 'THE ARCHIVE IMPORTED INTO CHANGED',
          ...wrong,
        ],
      };
    } finally {
      await removed(receiving);
    }
  },
};
