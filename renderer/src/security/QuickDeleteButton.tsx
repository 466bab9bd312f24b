/**
 * Quick delete, for a border or a raid: a clearly dangerous button (a plain
 * one, `quiet`, on the unlock screen, where it must not catch a searcher's
 * eye), then ONE
 * confirmation in a modal alert dialog that says it cannot be undone (Cancel
 * has the focus, so a stray Enter destroys nothing), then
 * `archive:destroy { confirm: true }`. The caller gets the closed status and
 * decides what the screen says afterwards.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { dalel, type DalelError } from '../dalel';

export function QuickDeleteButton({ onDestroyed, quiet = false }: { onDestroyed: (status: ArchiveStatus) => void; quiet?: boolean }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    }
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  async function destroy() {
    setBusy(true);
    const result = await dalel().archive.destroy({ confirm: true });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setOpen(false);
    onDestroyed(result.value);
  }

  return (
    <>
      <button type="button" className={quiet ? undefined : 'danger'} onClick={() => setOpen(true)}>
        {t('security:quickDelete.open')}
      </button>
      <dialog
        ref={dialogRef}
        className="quick-delete-dialog"
        role="alertdialog"
        aria-labelledby="quick-delete-title"
        aria-describedby="quick-delete-text"
        onClose={() => setOpen(false)}
      >
        <h2 id="quick-delete-title">{t('security:quickDelete.title')}</h2>
        <p id="quick-delete-text">{t('security:quickDelete.text')}</p>
        <ErrorMessage error={error} />
        <div className="form-actions">
          <button type="button" ref={cancelRef} onClick={() => setOpen(false)}>
            {t('common:actions.cancel')}
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void destroy()}>
            {t('security:quickDelete.confirm')}
          </button>
        </div>
      </dialog>
    </>
  );
}
