/**
 * P1 and P2: the time to export a bundle of the media, side by side with
 * `zip -0` of the same media files, in pairs, after the same untimed flush.
 * Measures only; the archives come from the run's fixtures.
 */
import { join } from 'node:path';
import type { BenchArchive } from '../fixtures';
import { exportOf, readOnce } from '../fixtures';
import { formatRatio, formatSeconds, median, paired, pairedRatio, seconds, type BenchContext, type Outcome } from '../harness';
import { removed, syncAll, syncFile, zipStore } from '../tools';

/**
 * The baseline. `zip -0` returns as soon as its bytes are in the page cache;
 * the kernel writes them to the disk later, outside the timed window. An
 * export is reported as written only once its bundle is on the disk (fsync
 * before the rename: it must survive a power cut), and that flush is real
 * work the same bytes cost either way. So the honest comparison for a
 * durable export is `zip -0` followed by an fsync of its output (`sync
 * FILE`): both sides then end in the same state, a bundle that survives a
 * power cut. The verdict uses that baseline; the ratio to `zip -0` alone is
 * printed too, as the stricter figure (it charges the export for a flush
 * that zip leaves to the kernel).
 */
export async function exportVsZip(context: BenchContext, source: BenchArchive, plain: BenchArchive, target: number): Promise<Outcome> {
  const { work, sizes } = context;
  const zipOut = join(work, 'zip -0.zip');
  const exportOut = join(work, 'export.zip');
  // The same bytes on both sides: zip reads the plain archive's blob files, which are the media byte for byte.
  // Both sides start from the page cache: every file was just written, and is read once more here.
  await readOnce(join(plain.path, 'blobs'));
  await readOnce(source.path);
  const between = async () => {
    await removed(zipOut);
    await removed(exportOut);
    await syncAll();
  };
  const times = await paired(
    sizes.runs,
    between,
    async () => {
      const zip = await seconds(() => zipStore(plain.path, ['blobs'], zipOut));
      const flush = await seconds(() => syncFile(zipOut));
      return { zip, durable: zip + flush };
    },
    () => seconds(() => exportOf(source.archive, exportOut)),
  );
  await between();
  const exports = times.b;
  const zipAlone = times.a.map((run) => run.zip);
  const zipDurable = times.a.map((run) => run.durable);
  const ratio = pairedRatio(zipDurable, exports);
  const mibPerSecond = (values: number[]) => `${Math.round(sizes.mediaBytes / 2 ** 20 / median(values))} MiB/s`;
  return {
    measured: `${formatRatio(ratio)} zip -0 + fsync`,
    target: `>= ${target.toFixed(2)}x`,
    ok: ratio >= target,
    details: [
      `export ${formatSeconds(exports)}, ${mibPerSecond(exports)}`,
      `zip -0 + fsync ${formatSeconds(zipDurable)}, ${mibPerSecond(zipDurable)}`,
      `zip -0 alone ${formatSeconds(zipAlone)}, ${mibPerSecond(zipAlone)}: export is ${formatRatio(pairedRatio(zipAlone, exports))} zip -0 alone`,
    ],
  };
}
