/**
 * Received bundles: the legal and public bundles this archive keeps whole as
 * received evidence, apart from its records (a redacted copy is no longer
 * what its authors signed, so it never merges). Newest first, each with its
 * signer and the name today's trusted list gives that key.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivedBundle, TrustedSigner } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { asDalelError, dalel, unwrap, type DalelError } from '../dalel';
import { hrefOf } from '../router';
import { ReceivedBundleItem } from './ReceivedBundleItem';
import { trustedNameOf } from './trustedSigners';
import './exchange.css';

async function loadReceived(): Promise<{ bundles: ReceivedBundle[]; signers: TrustedSigner[] }> {
  const [received, trusted] = await Promise.all([dalel().bundle.received({}), dalel().trust.list({})]);
  const { bundles } = unwrap(received);
  return { bundles: [...bundles].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)), signers: unwrap(trusted).signers };
}

export function ReceivedScreen() {
  const { t } = useTranslation('exchange');
  const [loaded, setLoaded] = useState<{ bundles: ReceivedBundle[]; signers: TrustedSigner[] } | null>(null);
  const [error, setError] = useState<DalelError | null>(null);

  useEffect(() => {
    loadReceived().then(setLoaded, (thrown: unknown) => setError(asDalelError(thrown)));
  }, []);

  return (
    <div className="received-screen">
      <PageTitle text={t('received.title')} />
      <p className="lead">{t('received.intro')}</p>
      <p>
        <a href={hrefOf({ screen: 'import' })}>{t('received.toImport')}</a>
      </p>
      <ErrorMessage error={error} />
      {!loaded && !error && <p className="loading">{t('common:loading')}</p>}
      {loaded && loaded.bundles.length === 0 && (
        <div className="empty-state received-empty">
          <h2>{t('received.emptyTitle')}</h2>
          <p>{t('received.empty')}</p>
          <p>
            <a className="button primary" href={hrefOf({ screen: 'import' })}>
              {t('received.emptyAction')}
            </a>
          </p>
        </div>
      )}
      {loaded && loaded.bundles.length > 0 && (
        <ul className="received-list">
          {loaded.bundles.map((bundle) => (
            <li key={bundle.sha256}>
              <ReceivedBundleItem bundle={bundle} trustedAs={trustedNameOf(bundle.signer.fingerprint, loaded.signers)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
