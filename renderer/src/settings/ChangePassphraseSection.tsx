/**
 * Changing the open archive's passphrase (`archive:changePassphrase`): the
 * current one, the new one twice with its strength, and the warning that a
 * lost passphrase means lost data. A wrong current passphrase changes
 * nothing and says so. All three fields are emptied after every attempt.
 * The person may also replace the key that seals the files, and is told
 * when to: then every file is sealed again (docs/design.md, "Key rotation").
 * An archive sealed by an earlier version is advised to, and the box starts ticked.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import type { ArchiveStatus } from '../../../shared/ipc';
import { dalel, type DalelError } from '../dalel';
import { LostPassphraseWarning, NewPassphraseFields, emptyNewPassphrase, type NewPassphrase } from '../security/NewPassphraseFields';
import { newPassphraseProblems } from '../security/passphraseStrength';

interface Props {
  /** Sealed by an earlier version: sizes and counts show until it is sealed again. */
  resealAdvised: boolean;
  /** The archive reopened under its new key. */
  onStatusChange(status: ArchiveStatus): void;
}

export function ChangePassphraseSection({ resealAdvised, onStatusChange }: Props) {
  const { t } = useTranslation();
  const [newKey, setNewKey] = useState(resealAdvised);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassphrase>(emptyNewPassphrase);
  const [triedToSubmit, setTriedToSubmit] = useState(false);
  const [currentMissing, setCurrentMissing] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const [done, setDone] = useState<'passphrase' | 'newKey' | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = newPassphraseProblems(next.passphrase, next.confirmation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTriedToSubmit(true);
    setDone(null);
    setCurrentMissing(!current);
    if (!current || Object.keys(problems).length > 0) return;
    setBusy(true);
    const result = await dalel().archive.changePassphrase({ current, next: next.passphrase, newKey });
    // SECURITY: no passphrase stays in the form once it has been used.
    setCurrent('');
    setNext(emptyNewPassphrase);
    setTriedToSubmit(false);
    setBusy(false);
    setError(result.ok ? null : result.error);
    setDone(result.ok ? (newKey ? 'newKey' : 'passphrase') : null);
    if (result.ok && newKey) {
      const status = await dalel().archive.status({});
      if (status.ok) onStatusChange(status.value);
    }
  }

  return (
    <section className="settings-section" aria-labelledby="settings-passphrase-title">
      <h2 id="settings-passphrase-title">{t('security:settings.passphrase.title')}</h2>
      <p className="hint">{t('security:settings.passphrase.intro')}</p>
      {resealAdvised && (
        <p className="notice" id="reseal-advised">
          {t('security:settings.passphrase.resealAdvised')}
        </p>
      )}
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
        <div className="field checkbox-field">
          <input id="new-key" type="checkbox" checked={newKey} aria-describedby="new-key-hint" onChange={(event) => setNewKey(event.target.checked)} />
          <label htmlFor="new-key">{t('security:settings.passphrase.newKey')}</label>
          <p className="hint" id="new-key-hint">
            {t('security:settings.passphrase.newKeyHint')}
          </p>
        </div>
        <LostPassphraseWarning />
        <ErrorMessage error={error} />
        <p className="success-message" role="status">
          {done === 'newKey' ? t('security:settings.passphrase.doneNewKey') : done ? t('security:settings.passphrase.done') : ''}
        </p>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} aria-busy={busy || undefined}>
            {busy && newKey ? t('security:settings.passphrase.sealing') : t('security:settings.passphrase.button')}
          </button>
        </div>
      </form>
    </section>
  );
}
