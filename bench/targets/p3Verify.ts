/**
 * P3: `dalel verify` of the P1 bundle, >= 1.5x the standard-tools check
 * (unzip, then sha256sum -c of the tag manifest and the manifest), both as
 * processes of their own, in pairs.
 */
import { join } from 'node:path';
import { readOnce } from '../fixtures';
import { formatBytes, formatRatio, formatSeconds, paired, pairedRatio, seconds, type Target } from '../harness';
import { dalelOk, removed, standardCheck, syncAll } from '../tools';

const target = 1.5;

export const p3Verify: Target = {
  id: 'P3',
  title: (sizes) => `dalel verify of a ${formatBytes(sizes.mediaBytes)} bundle`,
  async run({ work, sizes, fixtures }) {
    const bundle = await fixtures.bundle();
    const unpacked = join(work, 'unzipped');
    await readOnce(bundle.path); // in the page cache, as right after its export
    const between = async () => {
      await removed(unpacked);
      await syncAll();
    };
    const times = await paired(
      sizes.runs,
      between,
      () => seconds(() => standardCheck(bundle.path, unpacked, bundle.bundleId)),
      () => seconds(() => dalelOk(work, ['verify', bundle.path])),
    );
    await between();
    const ratio = pairedRatio(times.a, times.b);
    return {
      measured: `${formatRatio(ratio)} unzip + sha256sum -c`,
      target: `>= ${target.toFixed(2)}x`,
      ok: ratio >= target,
      details: [`dalel verify ${formatSeconds(times.b)}`, `unzip + sha256sum -c ${formatSeconds(times.a)}`],
    };
  },
};
