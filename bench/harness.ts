/**
 * What every benchmark target shares: the modes and their sizes, the shape
 * of a target and of its outcome, and the small measuring helpers (timing,
 * medians, ratios taken in pairs). It measures nothing by itself and never
 * touches an archive.
 */
import type { CorpusSize } from '../electron/engine/bundle/testing/hostileCorpus';
import type { Fixtures } from './fixtures';

export type Mode = 'full' | 'quick' | 'smoke';

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

export interface Sizes {
  /** The media of P1–P3: random bytes in `mediaFiles` files. */
  mediaBytes: number;
  mediaFiles: number;
  /** The bundle whose peak memory P7 measures. */
  largeBytes: number;
  largeFiles: number;
  /** P4: revisions in the large archive and in the small one saved into, and saves timed in each. */
  saveRevisions: number;
  saveBaseRevisions: number;
  saves: number;
  /** P8: incidents in the large archive whose list is measured, and in the small one it is compared with. */
  listIncidents: number;
  listBaseIncidents: number;
  /** P5: revisions in the large archive opened and in the small one. */
  openRevisions: number;
  openBaseRevisions: number;
  /** P6: revisions in each of the two archives merged, half of them shared. */
  mergeRevisions: number;
  /** P9: kill trials of each operation (save, attach, import, merge). */
  crashTrials: number;
  /** P12: the hostile corpus with each attack at the size it was reported at, or at the smallest that is still refused. */
  hostileCorpus: CorpusSize;
  /** How often each timed measurement runs; the result is the median. */
  runs: number;
}

export const sizesOf: Record<Mode, Sizes> = {
  full: { mediaBytes: GiB, mediaFiles: 200, largeBytes: 4 * GiB, largeFiles: 16, saveRevisions: 100_000, saveBaseRevisions: 1000, saves: 40, openRevisions: 100_000, openBaseRevisions: 1000, mergeRevisions: 50_000, listIncidents: 100_000, listBaseIncidents: 1000, crashTrials: 50, hostileCorpus: 'full', runs: 5 },
  quick: { mediaBytes: 256 * MiB, mediaFiles: 50, largeBytes: GiB, largeFiles: 8, saveRevisions: 20_000, saveBaseRevisions: 1000, saves: 30, openRevisions: 20_000, openBaseRevisions: 1000, mergeRevisions: 10_000, listIncidents: 20_000, listBaseIncidents: 1000, crashTrials: 10, hostileCorpus: 'full', runs: 3 },
  smoke: { mediaBytes: 4 * MiB, mediaFiles: 4, largeBytes: 16 * MiB, largeFiles: 2, saveRevisions: 200, saveBaseRevisions: 20, saves: 2, openRevisions: 200, openBaseRevisions: 20, mergeRevisions: 100, listIncidents: 200, listBaseIncidents: 20, crashTrials: 1, hostileCorpus: 'small', runs: 1 },
};

export interface BenchContext {
  mode: Mode;
  sizes: Sizes;
  /** The temporary folder of this run; removed at the end. */
  work: string;
  fixtures: Fixtures;
  /** Progress for the person watching, on stderr. */
  log(text: string): void;
}

export interface Outcome {
  /** The measured figure in words, e.g. "1.07x zip -0 + fsync". */
  measured: string;
  /** The target in words, e.g. ">= 1.0x". */
  target: string;
  ok: boolean;
  /** Further figures worth seeing, one per line (medians, the other baseline). */
  details: string[];
}

/** One row of docs/spec/performance.md: a module under targets/ exports one of these. */
export interface Target {
  id: string;
  /** What is measured, at this run's sizes: "export 1 GiB". */
  title(sizes: Sizes): string;
  run(context: BenchContext): Promise<Outcome>;
}

/** The line printed for a target: "P1 export 1 GiB: 1.07x zip -0 (target >= 1.0x) ok". */
export function outcomeLine(target: Target, sizes: Sizes, mode: Mode, outcome: Outcome): string {
  const verdict = mode === 'smoke' ? 'smoke, no verdict' : outcome.ok ? 'ok' : 'SHORT';
  return `${target.id} ${target.title(sizes)}: ${outcome.measured} (target ${outcome.target}) ${verdict}`;
}

export async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Runs `a` and `b` back to back `runs` times, alternating which goes first,
 * with `between` (untimed) before each, and returns every time of each. On a
 * shared machine the load drifts; pairs taken side by side see the same
 * drift, so the ratio is taken per pair.
 */
export async function paired<A, B>(
  runs: number,
  between: () => Promise<void>,
  a: () => Promise<A>,
  b: () => Promise<B>,
): Promise<{ a: A[]; b: B[] }> {
  const result = { a: [] as A[], b: [] as B[] };
  for (let run = 0; run < runs; run += 1) {
    const order = run % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    for (const which of order) {
      await between();
      if (which === 'a') result.a.push(await a());
      else result.b.push(await b());
    }
  }
  return result;
}

/** Median of the per-pair ratios a[i] / b[i]. */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, index) => value / b[index]!));
}

export const formatBytes = (bytes: number) =>
  bytes >= GiB && bytes % GiB === 0 ? `${bytes / GiB} GiB` : bytes >= GiB ? `${(bytes / GiB).toFixed(1)} GiB` : `${Math.round(bytes / MiB)} MiB`;

export const formatSeconds = (values: readonly number[]) =>
  `${median(values).toFixed(2)} s (${values.map((value) => value.toFixed(2)).join(', ')})`;

export const formatRatio = (ratio: number) => `${ratio.toFixed(2)}x`;
