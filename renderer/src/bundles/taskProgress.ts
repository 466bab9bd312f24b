/**
 * How far a long task (an export, a check, files being added) has come, from what
 * `tasks:progress` reports: the share done, and the time left at the pace so
 * far. Pure functions; the screens poll and draw.
 */
import type { ResponseOf } from '../../../shared/ipc';

export type TaskProgress = ResponseOf<'tasks:progress'>;

export interface ProgressFacts {
  /** 0 to 1; null until the task knows how much it has to do. */
  fraction: number | null;
  /** Whole percent done, rounded down so that 100 means done. */
  percent: number | null;
  /** Seconds left at the pace so far; null while too early to say. */
  secondsLeft: number | null;
}

/** Below this, the pace says too little to promise a time. */
const minimumElapsedMs = 500;

export function progressFacts(progress: TaskProgress | null, now: number): ProgressFacts {
  if (!progress?.task || progress.total <= 0) return { fraction: null, percent: null, secondsLeft: null };
  const fraction = Math.min(1, Math.max(0, progress.done / progress.total));
  const percent = Math.floor(fraction * 100);
  const elapsed = progress.startedAt === null ? 0 : now - progress.startedAt;
  if (fraction <= 0 || fraction >= 1 || elapsed < minimumElapsedMs) return { fraction, percent, secondsLeft: fraction >= 1 ? 0 : null };
  const secondsLeft = Math.ceil(((elapsed / fraction) * (1 - fraction)) / 1000);
  return { fraction, percent, secondsLeft };
}

/** Time left as the screen says it: whole seconds under a minute, else whole minutes (rounded up). */
export function timeLeft(seconds: number): { unit: 'seconds' | 'minutes'; count: number } {
  if (seconds < 60) return { unit: 'seconds', count: Math.max(1, Math.ceil(seconds)) };
  return { unit: 'minutes', count: Math.ceil(seconds / 60) };
}
