/**
 * The protections for a seized laptop (`archive:setSafety`), both off by
 * default and explained plainly: quick delete, and a limit on wrong
 * passphrases (3 to 100, encrypted archives only). Both destroy the archive
 * for good; a backup bundle kept elsewhere is the only way back. Once quick
 * delete is saved as on, its button is here.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { dalel, type DalelError } from '../dalel';
import { describedBy } from '../incidents/form/FieldError';
import { QuickDeleteButton } from '../security/QuickDeleteButton';

type OpenStatus = Extract<ArchiveStatus, { open: true }>;

const limitRange = { min: 3, max: 100 };
const defaultLimit = 10;

interface Props {
  status: OpenStatus;
  onStatusChange: (status: ArchiveStatus) => void;
  onDestroyed: (status: ArchiveStatus) => void;
}

export function SafetySection({ status, onStatusChange, onDestroyed }: Props) {
  const { t } = useTranslation();
  const [quickDelete, setQuickDelete] = useState(status.safety.quickDelete);
  const [limited, setLimited] = useState(status.safety.unlockAttemptLimit !== null);
  const [limit, setLimit] = useState(String(status.safety.unlockAttemptLimit ?? defaultLimit));
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);

  const limitValue = Number(limit);
  const limitInvalid = limited && !(Number.isInteger(limitValue) && limitValue >= limitRange.min && limitValue <= limitRange.max);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (limitInvalid) return document.getElementById('safety-limit-count')?.focus();
    setBusy(true);
    const result = await dalel().archive.setSafety({ quickDelete, unlockAttemptLimit: status.encrypted && limited ? limitValue : null });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setSaved(true);
    onStatusChange(result.value);
  }

  return (
    <section className="settings-section safety-section" aria-labelledby="settings-safety-title">
      <h2 id="settings-safety-title">{t('security:settings.safety.title')}</h2>
      <p className="warning-note">{t('security:settings.safety.intro')}</p>
      <form onSubmit={(event) => void save(event)} noValidate aria-labelledby="settings-safety-title">
        <div className="field checkbox-field">
          <input
            id="safety-quick-delete"
            type="checkbox"
            checked={quickDelete}
            aria-describedby="safety-quick-delete-hint"
            onChange={(event) => setQuickDelete(event.target.checked)}
          />
          <label htmlFor="safety-quick-delete">{t('security:settings.safety.quickDelete')}</label>
          <p className="hint" id="safety-quick-delete-hint">
            {t('security:settings.safety.quickDeleteHint')}
          </p>
        </div>
        {status.encrypted ? (
          <>
            <div className="field checkbox-field">
              <input
                id="safety-limit"
                type="checkbox"
                checked={limited}
                aria-describedby="safety-limit-hint"
                onChange={(event) => setLimited(event.target.checked)}
              />
              <label htmlFor="safety-limit">{t('security:settings.safety.limit')}</label>
              <p className="hint" id="safety-limit-hint">
                {t('security:settings.safety.limitHint')}
              </p>
            </div>
            {limited && (
              <div className="field narrow nested-field">
                <label htmlFor="safety-limit-count">{t('security:settings.safety.limitCount')}</label>
                <p className="hint" id="safety-limit-count-hint">
                  {t('security:settings.safety.limitCountHint', limitRange)}
                </p>
                <input
                  id="safety-limit-count"
                  type="number"
                  inputMode="numeric"
                  min={limitRange.min}
                  max={limitRange.max}
                  step={1}
                  value={limit}
                  aria-invalid={limitInvalid || undefined}
                  aria-describedby={describedBy('safety-limit-count-hint', limitInvalid && 'safety-limit-count-error')}
                  onChange={(event) => setLimit(event.target.value)}
                />
                {limitInvalid && (
                  <p className="field-error" id="safety-limit-count-error">
                    {t('security:settings.safety.limitRange', limitRange)}
                  </p>
                )}
              </div>
            )}
          </>
        ) : (
          <p className="hint">{t('security:settings.safety.limitEncryptedOnly')}</p>
        )}
        <ErrorMessage error={error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('security:settings.safety.button')}
          </button>
          <p className="save-note" role="status">
            {saved ? t('security:settings.safety.saved') : ''}
          </p>
        </div>
      </form>
      {status.safety.quickDelete && (
        <div className="danger-zone">
          <h3>{t('security:settings.safety.dangerTitle')}</h3>
          <QuickDeleteButton onDestroyed={onDestroyed} />
        </div>
      )}
    </section>
  );
}
