/**
 * The question asked before leaving a changed form (leaveGuard.ts): keep
 * editing (the default, focused first, and Escape), leave with the draft
 * kept in the archive, or leave throwing it away. A modal dialog, so the
 * rest of the screen waits for the answer. Mounted once, by App.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { leave, pendingLeave, stay, subscribeLeave } from './leaveGuard';
import './drafts.css';

export function LeaveDialog() {
  const { t } = useTranslation();
  const pending = useSyncExternalStore(subscribeLeave, pendingLeave);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stayRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (pending !== null && !dialog.open) {
      dialog.showModal();
      stayRef.current?.focus();
    }
    if (pending === null && dialog.open) dialog.close();
  }, [pending]);

  async function answer(discard: boolean) {
    setBusy(true);
    await leave(discard);
    setBusy(false);
  }

  return (
    <dialog ref={dialogRef} className="leave-dialog" aria-labelledby="leave-dialog-title" aria-describedby="leave-dialog-body" onClose={stay}>
      {/* Empty until asked: a lock screen's page must hold no words of the archive's purpose, hidden or not. */}
      {pending !== null && (
        <>
          <h2 id="leave-dialog-title">{t('common:drafts.leave.title')}</h2>
          <p id="leave-dialog-body">{t('common:drafts.leave.body')}</p>
          <div className="form-actions">
            <button ref={stayRef} type="button" className="primary" autoFocus onClick={stay}>
              {t('common:drafts.leave.stay')}
            </button>
            <button type="button" disabled={busy} onClick={() => void answer(false)}>
              {t('common:drafts.leave.keep')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void answer(true)}>
              {t('common:drafts.leave.discard')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
