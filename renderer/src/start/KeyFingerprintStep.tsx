/**
 * The last step of making an archive: its signing key's fingerprint
 * (`key:show`) in every compared form (groups, digits to read aloud, a QR
 * code, the OpenSSH form), with the advice to write it down and to give it to the
 * organization through another channel (in person, by phone), so that they
 * can tell later that a bundle really comes from this archive. Shown once,
 * above the first screen, until the person says they have noted it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { Fingerprint } from '../components/Fingerprint';
import { dalel, type DalelError } from '../dalel';
import './welcome.css';

export function KeyFingerprintStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [error, setError] = useState<DalelError | null>(null);

  useEffect(() => {
    let current = true;
    void dalel()
      .key.show({})
      .then((result) => {
        if (!current) return;
        if (result.ok) setFingerprint(result.value.fingerprint);
        else setError(result.error);
      });
    return () => {
      current = false;
    };
  }, []);

  return (
    <section className="key-step card" aria-labelledby="key-step-title">
      <h2 id="key-step-title">{t('welcome:key.title')}</h2>
      <p>{t('welcome:key.explain')}</p>
      <ErrorMessage error={error} />
      {fingerprint && (
        <div className="key-step-fingerprint">
          <Fingerprint fingerprint={fingerprint} compare />
        </div>
      )}
      <p>{t('welcome:key.share')}</p>
      <button type="button" className="primary" onClick={onDone}>
        {t('welcome:key.done')}
      </button>
    </section>
  );
}
