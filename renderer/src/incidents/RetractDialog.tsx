/**
 * Retracting a record (incident, effect or source): a button that opens a modal dialog asking for the
 * reason, then `records:retract` against the head the page showed. The
 * record's history stays; the dialog says so before the user confirms.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import type { RecordType } from '../../../shared/model';
import { dalel, type DalelError } from '../dalel';

interface Props {
  type: RecordType;
  recordId: string;
  headId: string;
  onRetracted: () => void;
}

export function RetractDialog({ type, recordId, headId, onRetracted }: Props) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await dalel().records.retract({ recordId, parent: headId, reason: reason.trim() });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setOpen(false);
    onRetracted();
  }

  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('incidents:retract.open')}
      </button>
      <dialog ref={dialogRef} className="retract-dialog" aria-labelledby="retract-title" onClose={() => setOpen(false)}>
        <form onSubmit={(event) => void confirm(event)} noValidate>
          <h2 id="retract-title">{t(`incidents:retract.title.${type}`)}</h2>
          <p>{t('incidents:retract.explanation')}</p>
          <div className="field">
            <label htmlFor="retract-reason">{t('incidents:retract.reason')}</label>
            <textarea id="retract-reason" rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
          <ErrorMessage error={error} />
          <div className="form-actions">
            <button type="submit" className="danger" disabled={busy}>
              {t(`incidents:retract.confirm.${type}`)}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common:actions.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
