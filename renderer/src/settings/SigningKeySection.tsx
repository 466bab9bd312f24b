/**
 * The archive's signing key, for lawyers and recipients: its fingerprint as
 * `ssh-keygen -lf` prints it, in groups, as digits to read aloud and as a
 * QR code to show in person, and the public key as one OpenSSH line to pass
 * on through another channel (in person, by phone) so that a recipient can
 * tell that a bundle really comes from this archive.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { Fingerprint } from '../components/Fingerprint';
import { dalel, type DalelError } from '../dalel';

export function SigningKeySection({ archiveName }: { archiveName: string }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<{ publicKey: string; fingerprint: string } | null>(null);
  const [error, setError] = useState<DalelError | null>(null);

  useEffect(() => {
    let current = true;
    void dalel()
      .key.show({})
      .then((result) => {
        if (!current) return;
        if (result.ok) setKey(result.value);
        else setError(result.error);
      });
    return () => {
      current = false;
    };
  }, []);

  // The comment names the archive, as an allowed_signers or authorized_keys line would; spaces would split it.
  const line = key ? `${key.publicKey} ${archiveName.trim().replace(/\s+/g, '_')}`.trim() : '';
  return (
    <section className="settings-section" aria-labelledby="signing-key-title">
      <h2 id="signing-key-title">{t('security:signingKey.title')}</h2>
      <p>{t('security:signingKey.explain')}</p>
      <ErrorMessage error={error} />
      {key && (
        <dl className="signing-key">
          <dt>{t('security:signingKey.fingerprint')}</dt>
          <dd>
            <Fingerprint fingerprint={key.fingerprint} compare />
          </dd>
          <dt>
            <label htmlFor="public-key-line">{t('security:signingKey.publicKey')}</label>
          </dt>
          <dd>
            <textarea id="public-key-line" className="public-key-line" readOnly rows={3} value={line} onFocus={(event) => event.currentTarget.select()} />
          </dd>
        </dl>
      )}
    </section>
  );
}
