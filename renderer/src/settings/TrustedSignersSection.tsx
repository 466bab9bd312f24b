/**
 * The signers this archive's owner trusts (`trust:list`): for each, the name
 * given to it, its fingerprint, and when and by which key it was added
 * ("this archive", or another key whose list came in with a merge). Bundles
 * they signed show that name wherever their signature is checked. Each can
 * be taken off the list; below it, the form that adds one.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedSigner } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import { Fingerprint } from '../components/Fingerprint';
import { dalel, type DalelError } from '../dalel';
import { addedByOf, newestFirst } from '../exchange/trustedSigners';
import { currentLanguage } from '../i18n';
import { formatInstant } from '../incidents/format';
import { TrustSignerForm } from './TrustSignerForm';
import { UntrustSigner } from './UntrustSigner';
import '../exchange/exchange.css';

export function TrustedSignersSection({ ownFingerprint }: { ownFingerprint: string }) {
  const { t } = useTranslation('exchange');
  const lng = currentLanguage();
  const [signers, setSigners] = useState<TrustedSigner[] | null>(null);
  const [error, setError] = useState<DalelError | null>(null);

  const load = useCallback(async () => {
    const result = await dalel().trust.list({});
    if (result.ok) setSigners(newestFirst(result.value.signers));
    else setError(result.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="settings-section trusted-signers" aria-labelledby="trusted-signers-title">
      <h2 id="trusted-signers-title">{t('trust.title')}</h2>
      <p>{t('trust.intro')}</p>
      <ErrorMessage error={error} />
      {signers && signers.length === 0 && (
        <div className="empty-state trust-empty">
          <p>{t('trust.empty')}</p>
          <p>{t('trust.emptyNext')}</p>
          {/* The form is just below: the button takes the person to its first field. */}
          <button type="button" onClick={() => document.getElementById('trust-key')?.focus()}>
            {t('trust.emptyAction')}
          </button>
        </div>
      )}
      {signers && signers.length > 0 && (
        <ul className="trusted-signer-list" aria-labelledby="trusted-signers-title">
          {signers.map((signer) => {
            const addedBy = addedByOf(signer, ownFingerprint);
            return (
              <li key={signer.fingerprint} className="trusted-signer">
                <p className="trusted-signer-name">
                  <bdi>{signer.name}</bdi>
                </p>
                <dl className="facts">
                  <div className="wide">
                    <dt>{t('signer.fingerprint')}</dt>
                    <dd>
                      <Fingerprint fingerprint={signer.fingerprint} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('trust.addedAt')}</dt>
                    <dd>
                      <time dateTime={signer.addedAt}>{formatInstant(signer.addedAt, lng)}</time>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('trust.addedBy')}</dt>
                    <dd className="trusted-signer-added-by">
                      {addedBy.kind === 'thisArchive' ? t('trust.thisArchive') : <code className="fingerprint">{addedBy.fingerprint}</code>}
                    </dd>
                  </div>
                </dl>
                <UntrustSigner signer={signer} onRemoved={() => void load()} />
              </li>
            );
          })}
        </ul>
      )}
      {signers && <TrustSignerForm listed={signers} onTrusted={() => void load()} />}
    </section>
  );
}
