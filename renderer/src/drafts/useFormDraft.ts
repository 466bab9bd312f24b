/**
 * A record form's draft in the archive (issue 21, "Nothing typed is lost"):
 * on opening, the draft kept for this form (keyed by its screen and record:
 * `new`, `edit:<id>`, `newSource:<incidentId>`) is restored, with a notice;
 * as the person types it is written (`drafts:put`) a moment after the last
 * change, and at once before a lock (leaveGuard.flushDrafts); a save or a
 * discard deletes it. While the form differs from what it opened with,
 * leaving it asks first (leaveGuard.ts). The engine seals the draft like a
 * record; this hook keeps no copy of it anywhere but React's state.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { dalel } from '../dalel';
import { parseRoute, type Route } from '../router';
import { registerFlush, setLeaveGuard } from './leaveGuard';

/** How long after the last keystroke the draft is written. */
const writeDelay = 600;

export interface DraftNoticeState {
  savedAt: string;
  /** The record this form edits was changed since the draft was saved. */
  recordChanged: boolean;
  discard: () => void;
}

/** The draft key and edited record of a form's screen; null for a screen that keeps no draft. */
export function draftTarget(route: Route): { key: string; recordId?: string } | null {
  switch (route.screen) {
    case 'new':
      return { key: 'new' };
    case 'newEffect':
    case 'newSource':
    case 'newIntervention':
      return { key: `${route.screen}:${route.incidentId}` };
    case 'edit':
    case 'editEffect':
    case 'editSource':
    case 'editIntervention':
      return { key: `${route.screen}:${route.recordId}`, recordId: route.recordId };
    default:
      return null;
  }
}

/** A draft read back over what the form opens with: a field added since the draft was saved keeps its start value. */
function restoredOver<D>(initial: D, data: unknown): D {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  return isObject(initial) && isObject(data) ? ({ ...initial, ...data } as D) : initial;
}

export function useFormDraft<D>(draft: D, initial: D, restore: (draft: D) => void) {
  const [href] = useState(() => window.location.hash);
  const target = useMemo(() => draftTarget(parseRoute(href)), [href]);
  const [notice, setNotice] = useState<Omit<DraftNoticeState, 'discard'> | null>(null);
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(initial), [draft, initial]);

  // The latest values, for the timer, the guard and the lock, which outlive a render.
  const latest = useRef({ draft, dirty });
  latest.current = { draft, dirty };
  /** The stored draft was read (or found missing): before that, writing would overwrite it. */
  const loaded = useRef(false);
  /** A draft is kept in the archive for this form. */
  const stored = useRef(false);
  /** Saved as a record or thrown away: nothing more is written. */
  const finished = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  /** The draft as last written or read back, so that the same one is not written again (nor its time moved). */
  const lastWritten = useRef<string | null>(null);
  const restoreRef = useRef(restore);
  restoreRef.current = restore;

  /** The write under way, which a flush waits for too. */
  const inflight = useRef<Promise<void> | null>(null);

  const writeNow = useCallback(async () => {
    if (!target || !loaded.current || finished.current) return;
    const { draft: data, dirty: changed } = latest.current;
    const json = JSON.stringify(data);
    if (changed && json !== lastWritten.current) {
      const result = await dalel().drafts.put({ key: target.key, data: data as never, ...(target.recordId ? { recordId: target.recordId } : {}) });
      if (result.ok) {
        stored.current = true;
        lastWritten.current = json;
      }
    } else if (!changed && stored.current) {
      const result = await dalel().drafts.delete({ key: target.key });
      if (result.ok) {
        stored.current = false;
        lastWritten.current = null;
      }
    }
  }, [target]);

  const write = useCallback(async () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    await inflight.current;
    const run = writeNow().finally(() => {
      if (inflight.current === run) inflight.current = null;
    });
    inflight.current = run;
    await run;
  }, [writeNow]);

  const remove = useCallback(async () => {
    window.clearTimeout(timer.current);
    finished.current = true;
    if (target) await dalel().drafts.delete({ key: target.key });
    stored.current = false;
    lastWritten.current = null;
  }, [target]);

  useEffect(() => {
    if (!target) return;
    let cancelled = false;
    void dalel()
      .drafts.get({ key: target.key, ...(target.recordId ? { recordId: target.recordId } : {}) })
      .then((result) => {
        if (cancelled) return;
        loaded.current = true;
        if (result.ok && result.value.draft) stored.current = true;
        // Typed into before the draft came back: what was just typed wins, and replaces the draft.
        if (latest.current.dirty) {
          timer.current = window.setTimeout(() => void write(), writeDelay);
          return;
        }
        if (!result.ok || !result.value.draft) return;
        const { data, savedAt, recordChanged } = result.value.draft;
        const restored = restoredOver(initial, data);
        lastWritten.current = JSON.stringify(restored);
        restoreRef.current(restored);
        setNotice({ savedAt, recordChanged });
      });
    return () => {
      cancelled = true;
    };
    // The form's start value is read once, as the form opens.
  }, [target]);

  // Written a moment after the last change.
  useEffect(() => {
    if (!target || !loaded.current || finished.current) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void write(), writeDelay);
  }, [draft, target, write]);

  // A change not written yet is written when the form goes (Leave) and before a lock.
  useEffect(() => {
    if (!target) return;
    const flush = () => (timer.current !== undefined ? write() : (inflight.current ?? Promise.resolve()));
    const unregister = registerFlush(flush);
    const release = setLeaveGuard({ href, dirty: () => latest.current.dirty && !finished.current, flush, discard: remove });
    return () => {
      unregister();
      release();
      void flush().catch(() => undefined);
    };
  }, [target, href, write, remove]);

  const discard = useCallback(() => {
    void remove().then(() => {
      finished.current = false;
      restoreRef.current(initial);
      setNotice(null);
    });
  }, [remove, initial]);

  return {
    dirty,
    notice: notice && { ...notice, discard },
    /** The record was saved: its draft goes. */
    saved: remove,
  };
}
