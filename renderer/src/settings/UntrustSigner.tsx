/**
 * "Stop trusting" for one trusted signer (`trust:remove`), asked twice: a key
 * lost with a seized laptop must be taken off the list, but a slip should not.
 * Its bundles then show as from an unknown signer; nothing else changes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedSigner } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import { dalel, type DalelError } from '../dalel';

export function UntrustSigner({ signer, onRemoved }: { signer: TrustedSigner; onRemoved(): void }) {
  const { t } = useTranslation('exchange');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);

  async function remove() {
    const result = await dalel().trust.remove({ fingerprint: signer.fingerprint });
    if (!result.ok) return setError(result.error);
    setAsking(false);
    onRemoved();
  }

  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)}>
        {t('trust.remove.ask', { name: signer.name })}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t('trust.remove.ask', { name: signer.name })} className="untrust-confirm">
      <p>{t('trust.remove.explain', { name: signer.name })}</p>
      <ErrorMessage error={error} />
      <button type="button" className="danger" autoFocus onClick={() => void remove()}>
        {t('trust.remove.confirm')}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('trust.remove.cancel')}
      </button>
    </div>
  );
}
