/**
 * When an encrypted archive is open: Ctrl+L (Cmd+L on macOS) locks it from
 * anywhere, and so does `lockAfterMinutes` without keyboard, mouse or touch
 * activity (0 never). The shortcut is matched by physical key, so it works
 * with Russian and Kazakh keyboard layouts too. It only calls `onLock`;
 * what locking does is the caller's.
 */
import { useEffect, useRef } from 'react';

const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'] as const;

export function isLockShortcut(event: Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return event.code === 'KeyL' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

export function useAutoLock({ enabled, lockAfterMinutes, onLock }: { enabled: boolean; lockAfterMinutes: number; onLock: () => void }) {
  // The latest callback, so that a new one does not restart the idle timer.
  const lock = useRef(onLock);
  useEffect(() => {
    lock.current = onLock;
  }, [onLock]);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return;
      event.preventDefault();
      lock.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);

  useEffect(() => {
    if (!enabled || lockAfterMinutes <= 0) return;
    const idleLimit = lockAfterMinutes * 60_000;
    let lastActivity = Date.now();
    let timer: number;
    // Activity only notes the time; the one timer looks at it when it fires, so moving the mouse costs nothing.
    const schedule = (delay: number) => {
      timer = window.setTimeout(() => {
        const idle = Date.now() - lastActivity;
        if (idle >= idleLimit) lock.current();
        else schedule(idleLimit - idle);
      }, delay);
    };
    const onActivity = () => {
      lastActivity = Date.now();
    };
    for (const type of activityEvents) window.addEventListener(type, onActivity, { capture: true, passive: true });
    schedule(idleLimit);
    return () => {
      window.clearTimeout(timer);
      for (const type of activityEvents) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [enabled, lockAfterMinutes]);
}
