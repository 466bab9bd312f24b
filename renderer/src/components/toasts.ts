/**
 * The queue behind the toast region, as pure functions: which toasts show,
 * in what order, and for how long. Results ("Saved.", "Bundle exported")
 * and errors are kept apart so that an error is never pushed out by a run
 * of results. It decides nothing about rendering or timers.
 */

import type { TFunction } from 'i18next';

export type ToastKind = 'result' | 'error';

/** A toast's words, made again with the current language each time it is drawn: a toast outlives a language switch. */
export type ToastMessage = (t: TFunction) => string;

export interface Toast {
  id: number;
  kind: ToastKind;
  /** As first shown: what its reading time is measured on. */
  text: string;
  message: ToastMessage;
}

/** At most this many toasts show at once, so the region stays small at 1024×640. */
export const toastLimit = 3;

/** A reading pace slow enough for anyone (about 100 words a minute), with a floor and a ceiling. */
const msPerCharacter = 60;
const shortest: Record<ToastKind, number> = { result: 6_000, error: 10_000 };
const longest = 30_000;

/**
 * How long a toast stays while nobody hovers or focuses it (then it waits):
 * errors longer than results, long texts longer than short ones.
 */
export function toastDuration(toast: Pick<Toast, 'kind' | 'text'>): number {
  return Math.min(longest, shortest[toast.kind] + toast.text.length * msPerCharacter);
}

/**
 * The list with `toast` added, newest last. Over the limit, the oldest
 * result goes first; errors go only when there are nothing but errors.
 */
export function withToast(list: readonly Toast[], toast: Toast): Toast[] {
  const next = [...list, toast];
  while (next.length > toastLimit) {
    const oldestResult = next.findIndex((item) => item.kind === 'result' && item !== toast);
    next.splice(oldestResult === -1 ? 0 : oldestResult, 1);
  }
  return next;
}

export const withoutToast = (list: readonly Toast[], id: number): Toast[] => list.filter((toast) => toast.id !== id);
