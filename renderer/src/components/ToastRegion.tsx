/**
 * Toasts: short notes of what a save or a long task did ("Saved.", "Bundle
 * exported: …", "3 files added.") and of errors, in a labelled region at
 * the end of the page. Results are read out politely, errors at once (each
 * is an alert). A toast never takes focus; it can be reached with Tab and
 * closed with its button or Escape, and it waits while it is hovered or
 * focused. The region sticks to the bottom of the window while the page
 * scrolls and takes its own room at the end, so nothing stays hidden under
 * it. Screens call `useToast()`; the provider lives in App, inside the
 * session, so a lock takes every toast away with the rest.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DalelError } from '../dalel';
import { toastDuration, withToast, withoutToast, type Toast, type ToastMessage } from './toasts';
import './toast.css';

export interface ToastApi {
  /** A sentence saying what was done, made with the language of the moment it is drawn. */
  result(message: ToastMessage): void;
  /** A failed call, shown with its translated message. */
  error(error: DalelError): void;
}

const noToasts: ToastApi = { result: () => undefined, error: () => undefined };
const ToastContext = createContext<ToastApi>(noToasts);

/** The toasts of the app; outside a provider (a screen shown alone), calls do nothing. */
export const useToast = (): ToastApi => useContext(ToastContext);

/**
 * For a screen's long task: its result always as a toast; its error only
 * once the screen is gone (the person moved on while it ran). Until then the
 * screen shows and announces the error itself, next to what to do about it,
 * and a second alert would only repeat it. A cancel the person asked for is no news.
 */
export function useTaskToast(): ToastApi {
  const toast = useToast();
  const shown = useRef(true);
  useEffect(() => {
    shown.current = true;
    return () => {
      shown.current = false;
    };
  }, []);
  return useMemo(() => ({ result: toast.result, error: (error) => !shown.current && error.code !== 'cancelled' && toast.error(error) }), [toast]);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const api = useMemo<ToastApi>(() => {
    const push = (kind: Toast['kind'], message: ToastMessage) =>
      setToasts((list) => withToast(list, { id: nextId.current++, kind, text: message(t), message }));
    return { result: (message) => push('result', message), error: (error) => push('error', (tr) => tr(`errors:${error.code}`, { ...error.params })) };
  }, [t]);
  const dismiss = useCallback((id: number) => setToasts((list) => withoutToast(list, id)), []);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <ToastRegion toasts={toasts} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}

function ToastRegion({ toasts, onDismiss }: { toasts: readonly Toast[]; onDismiss: (id: number) => void }) {
  const { t } = useTranslation();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  /** Where focus was before Tab reached a toast: it goes back there when the last one is closed. */
  const cameFrom = useRef<HTMLElement | null>(null);
  const region = useRef<HTMLElement>(null);

  function close(id: number) {
    const others = toasts.filter((toast) => toast.id !== id);
    onDismiss(id);
    if (!region.current?.contains(document.activeElement)) return;
    // Focus stays in the region if a toast is left, else goes back to where it was (or the page's main part).
    const next = others.at(-1);
    const target = next ? region.current.querySelector<HTMLElement>(`[data-toast-id="${next.id}"] button`) : cameFrom.current;
    (target?.isConnected ? target : document.getElementById('main'))?.focus();
  }

  function keyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape') return;
    const card = (event.target as HTMLElement).closest<HTMLElement>('[data-toast-id]');
    const id = card ? Number(card.dataset.toastId) : toasts.at(-1)?.id;
    if (id === undefined) return;
    event.preventDefault();
    close(id);
  }

  const card = (toast: Toast) => <ToastCard key={toast.id} toast={toast} paused={hovered || focused} onClose={() => close(toast.id)} />;
  return (
    <section
      ref={region}
      className="toast-region"
      aria-label={t('common:toast.region')}
      onKeyDown={keyDown}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={(event) => {
        if (!focused && event.relatedTarget instanceof HTMLElement && !event.currentTarget.contains(event.relatedTarget)) cameFrom.current = event.relatedTarget;
        setFocused(true);
      }}
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setFocused(false);
      }}
    >
      {/* Both live containers are always there, so that what is added to them is announced. */}
      <div className="toast-list" aria-live="polite" aria-relevant="additions text">
        {toasts.filter((toast) => toast.kind === 'result').map(card)}
      </div>
      <div className="toast-list" aria-live="assertive" aria-relevant="additions text">
        {toasts.filter((toast) => toast.kind === 'error').map(card)}
      </div>
    </section>
  );
}

function ToastCard({ toast, paused, onClose }: { toast: Toast; paused: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const close = useRef(onClose);
  close.current = onClose;

  // Counts down only while nobody is reading it (hover, focus); each pause starts the count again.
  useEffect(() => {
    if (paused) return;
    const timer = window.setTimeout(() => close.current(), toastDuration(toast));
    return () => window.clearTimeout(timer);
  }, [paused, toast]);

  return (
    <div className={`toast toast-${toast.kind}`} data-toast-id={toast.id} role={toast.kind === 'error' ? 'alert' : undefined}>
      <p className="toast-text">{toast.message(t)}</p>
      <button type="button" className="toast-close" aria-label={t('common:toast.dismiss')} onClick={onClose}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
