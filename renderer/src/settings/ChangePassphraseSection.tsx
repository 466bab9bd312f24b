/**
 * Changing the open archive's passphrase (`archive:changePassphrase`): the
 * current one, the new one twice with its strength, and the warning that a
 * lost passphrase means lost data. A wrong current passphrase changes
 * nothing and says so. All three fields are emptied after every attempt.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { dalel, type DalelError } from '../dalel';
import { LostPassphraseWarning, NewPassphraseFields, emptyNewPassphrase, type NewPassphrase } from '../security/NewPassphraseFields';
import { newPassphraseProblems } from '../security/passphraseStrength';

export function ChangePassphraseSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassphrase>(emptyNewPassphrase);
  const [triedToSubmit, setTriedToSubmit] = useState(false);
  const [currentMissing, setCurrentMissing] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const problems = newPassphraseProblems(next.passphrase, next.confirmation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTriedToSubmit(true);
    setDone(false);
    setCurrentMissing(!current);
    if (!current || Object.keys(problems).length > 0) return;
    setBusy(true);
    const result = await dalel().archive.changePassphrase({ current, next: next.passphrase });
    // SECURITY: no passphrase stays in the form once it has been used.
    setCurrent('');
    setNext(emptyNewPassphrase);
    setTriedToSubmit(false);
    setBusy(false);
    setError(result.ok ? null : result.error);
    setDone(result.ok);
  }

  return (
    <section className="settings-section" aria-labelledby="settings-passphrase-title">
      <h2 id="settings-passphrase-title">{t('security:settings.passphrase.title')}</h2>
      <p className="hint">{t('security:settings.passphrase.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="settings-passphrase-title">
        <div className="field">
          <label htmlFor="current-passphrase">{t('security:passphrase.current')}</label>
          <input
            id="current-passphrase"
            type="password"
            autoComplete="current-password"
            value={current}
            aria-invalid={currentMissing || undefined}
            aria-describedby={currentMissing ? 'current-passphrase-error' : undefined}
            onChange={(event) => {
              setCurrent(event.target.value);
              setCurrentMissing(false);
            }}
          />
          {currentMissing && (
            <p className="field-error" id="current-passphrase-error">
              {t('security:passphrase.required')}
            </p>
          )}
        </div>
        <NewPassphraseFields id="next-passphrase" wording="new" value={next} onChange={setNext} problems={triedToSubmit ? problems : {}} />
        <LostPassphraseWarning />
        <ErrorMessage error={error} />
        <p className="success-message" role="status">
          {done ? t('security:settings.passphrase.done') : ''}
        </p>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('security:settings.passphrase.button')}
          </button>
        </div>
      </form>
    </section>
  );
}
