/**
 * Leaving a changed form asks first (issue 21, "Nothing typed is lost"). The
 * form on screen (drafts/useFormDraft.ts) registers a guard while it is
 * open; every way of leaving it is caught here before the route changes:
 * a click on any in-app link (the menu, the header, Cancel), `navigate()`
 * (router.ts asks `askBeforeLeaving` first), and the browser's Back or
 * Forward (a hashchange, put back before the screens see it). The question
 * itself is LeaveDialog.tsx's. Locking never asks: it saves the draft
 * (`flushDrafts`) and leaves through `replaceRoute`, which lets go of the
 * guard. This module holds no text the person typed.
 */

export interface LeaveGuard {
  /** The address of the form (`#/new`): staying there is not leaving. */
  href: string;
  /** Whether the form holds something not saved as a record. */
  dirty(): boolean;
  /** Writes the draft now (leaving keeps it). */
  flush(): Promise<void>;
  /** Deletes the draft (the person chose to throw it away). */
  discard(): Promise<void>;
}

let guard: LeaveGuard | null = null;
/** Where the person asked to go while the form was changed: the dialog is open while this is set. */
let pending: string | null = null;
const listeners = new Set<() => void>();
/** Drafts of every mounted form, written at once before a lock. */
const flushers = new Set<() => Promise<void>>();

function changed(): void {
  for (const listener of listeners) listener();
}

export function setLeaveGuard(next: LeaveGuard): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
    if (pending !== null) {
      pending = null;
      changed();
    }
  };
}

/** Drops the guard without asking (a lock, a quick delete: they must never wait for an answer). */
export function letLeave(): void {
  guard = null;
  if (pending !== null) {
    pending = null;
    changed();
  }
}

/** The address the dialog asks about; null when it is closed. */
export function pendingLeave(): string | null {
  return pending;
}

export function subscribeLeave(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True when leaving for `href` needs the person's answer first (the dialog opens); false to go at once. */
export function askBeforeLeaving(href: string): boolean {
  if (!guard || href === guard.href || !guard.dirty()) return false;
  pending = href;
  changed();
  return true;
}

/** The dialog's answers: stay (close), leave keeping the draft, or leave discarding it. */
export function stay(): void {
  pending = null;
  changed();
}

export async function leave(discard: boolean): Promise<void> {
  const target = pending;
  const current = guard;
  if (target === null) return;
  // The draft is written (or deleted) before the form goes: a failure here must not lose what was typed.
  await (discard ? current?.discard() : current?.flush())?.catch(() => undefined);
  guard = null;
  pending = null;
  changed();
  window.location.hash = target;
}

/** Registers a form's draft writer; `flushDrafts` calls them all. */
export function registerFlush(flush: () => Promise<void>): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/**
 * Writes every open form's draft now, waiting at most `limit` ms: a lock
 * must not wait on a slow disk. Never rejects.
 */
export async function flushDrafts(limit = 1500): Promise<void> {
  const all = Promise.all([...flushers].map((flush) => flush().catch(() => undefined)));
  let timer: number | undefined;
  await Promise.race([all, new Promise((resolve) => (timer = window.setTimeout(resolve, limit)))]);
  window.clearTimeout(timer);
}

/** An in-app link (`#/…`) followed by a plain click: the place to ask instead. */
function onClick(event: MouseEvent): void {
  if (!guard || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
  if (!link || link.getAttribute('target')) return;
  if (askBeforeLeaving(link.getAttribute('href') ?? '')) event.preventDefault();
}

/**
 * Back or Forward left the form: put its address back (a new entry, so that
 * Back asks again) before the screens read the new one, and ask.
 */
function onHashChange(event: HashChangeEvent): void {
  if (!guard) return;
  const target = window.location.hash;
  if (target === guard.href || !guard.dirty()) return;
  window.history.pushState(window.history.state, '', guard.href);
  event.stopImmediatePropagation();
  askBeforeLeaving(target);
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  // Capture: before any screen's handler or the router's own listener.
  document.addEventListener('click', onClick, true);
  window.addEventListener('hashchange', onHashChange, true);
  // The window closing or reloading: the last keystrokes are sent on their way (best effort; nothing asks).
  window.addEventListener('pagehide', () => void flushDrafts());
}
