/**
 * Encrypting an archive that was made without encryption
 * (`archive:encrypt`), in place: a new passphrase twice with its strength,
 * and the warning that a lost passphrase means lost data. On success the
 * caller receives the new status, so every "Not encrypted" sign goes away.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { dalel, type DalelError } from '../dalel';
import { LostPassphraseWarning, NewPassphraseFields, emptyNewPassphrase, type NewPassphrase } from '../security/NewPassphraseFields';
import { newPassphraseProblems } from '../security/passphraseStrength';

export function EncryptArchiveSection({ onEncrypted }: { onEncrypted: (status: ArchiveStatus) => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState<NewPassphrase>(emptyNewPassphrase);
  const [triedToSubmit, setTriedToSubmit] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = newPassphraseProblems(passphrase.passphrase, passphrase.confirmation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTriedToSubmit(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    const result = await dalel().archive.encrypt({ passphrase: passphrase.passphrase });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    // SECURITY: the passphrase is dropped as soon as the archive is encrypted with it.
    setPassphrase(emptyNewPassphrase);
    onEncrypted(result.value);
  }

  return (
    <section className="settings-section encrypt-section" aria-labelledby="settings-encrypt-title">
      <h2 id="settings-encrypt-title">{t('security:settings.encrypt.title')}</h2>
      <p className="warning-note">{t('security:settings.encrypt.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="settings-encrypt-title">
        <NewPassphraseFields id="encrypt-passphrase" value={passphrase} onChange={setPassphrase} problems={triedToSubmit ? problems : {}} />
        <LostPassphraseWarning />
        <ErrorMessage error={error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('security:settings.encrypt.button')}
          </button>
        </div>
      </form>
    </section>
  );
}
