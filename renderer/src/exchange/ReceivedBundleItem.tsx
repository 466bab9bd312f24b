/**
 * One received bundle: its id, profile, signer (as the bundle names them,
 * its fingerprint, and the name today's trusted list gives that key), when
 * it was made and received, and what it holds; "Check again" re-verifies the
 * kept ZIP against today's trusted signers, and "Read" shows its records
 * once it has checked out valid.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc';
import type { ReceivedBundle } from '../../../shared/model';
import { TaskProgress } from '../bundles/TaskProgress';
import { ErrorMessage } from '../components/ErrorMessage';
import { Fingerprint } from '../components/Fingerprint';
import { dalel, type DalelError, type Result } from '../dalel';
import { currentLanguage } from '../i18n';
import { formatInstant } from '../incidents/format';
import { ReceivedContents } from './ReceivedContents';
import { RecheckVerdict } from './RecheckVerdict';

const failed = (): Result<never> => ({ ok: false, error: { code: 'internal' } });

interface Props {
  bundle: ReceivedBundle;
  /** The name today's trusted list gives the signer's key; null when it is not there. */
  trustedAs: string | null;
}

export function ReceivedBundleItem({ bundle, trustedAs }: Props) {
  const { t } = useTranslation('exchange');
  const lng = currentLanguage();
  const [checking, setChecking] = useState(false);
  const [check, setCheck] = useState<ResponseOf<'bundle:recheck'> | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const id = `received-${bundle.sha256.slice(0, 16)}`;
  const signedBy = [bundle.signer.name, bundle.signer.organization].filter((part) => part.trim()).join(', ');

  async function recheck(thenRead: boolean) {
    setChecking(true);
    setError(null);
    const result = await dalel().bundle.recheck({ sha256: bundle.sha256 }).catch(failed);
    setChecking(false);
    if (!result.ok) return setError(result.error);
    setCheck(result.value);
    setReading(thenRead && result.value.bundle !== null);
  }

  function read() {
    if (reading) return setReading(false);
    if (check?.bundle) return setReading(true);
    void recheck(true);
  }

  return (
    <article className="received-bundle" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <code className="bundle-id">{bundle.bundleId}</code>
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('received.profile')}</dt>
          <dd>{t(`report:profile.${bundle.profile}.name`)}</dd>
        </div>
        <div>
          <dt>{t('received.signedBy')}</dt>
          <dd className="received-signer">{signedBy || t('received.noSignerName')}</dd>
        </div>
        <div>
          <dt>{t('received.trustedAs')}</dt>
          <dd className="received-trusted">{trustedAs ?? t('received.notTrusted')}</dd>
        </div>
        <div className="wide">
          <dt>{t('signer.fingerprint')}</dt>
          <dd>
            <Fingerprint fingerprint={bundle.signer.fingerprint} compare={trustedAs === null} />
          </dd>
        </div>
        <div>
          <dt>{t('received.madeAt')}</dt>
          <dd>
            <time dateTime={bundle.createdAt}>{formatInstant(bundle.createdAt, lng)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('received.receivedAt')}</dt>
          <dd>
            <time dateTime={bundle.receivedAt}>{formatInstant(bundle.receivedAt, lng)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('received.contents')}</dt>
          <dd className="received-counts">
            {t('received.counts', {
              records: t('received.records', { count: bundle.records }),
              files: t('report:counts.files', { count: bundle.attachments }),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('received.fileName')}</dt>
          <dd>
            <bdi>{bundle.fileName}</bdi>
          </dd>
        </div>
      </dl>
      {bundle.setAside?.length ? <p className="received-set-aside">{t('outcome.setAsideReceived', { count: bundle.setAside.length })}</p> : null}
      <div className="received-actions">
        <button type="button" onClick={() => void recheck(false)} disabled={checking}>
          {t('received.checkAgain')}
        </button>
        <button type="button" onClick={read} disabled={checking} aria-expanded={reading} aria-controls={reading ? `${id}-contents` : undefined}>
          {t('received.read')}
        </button>
      </div>
      {checking && <TaskProgress task="verify" label={t('received.checking', { bundleId: bundle.bundleId })} />}
      <ErrorMessage error={error} />
      <div aria-live="polite">{check && !checking && <RecheckVerdict report={check.report} />}</div>
      {reading && check?.bundle && (
        <div id={`${id}-contents`}>
          <ReceivedContents bundle={check.bundle} headingId={`${id}-contents-title`} />
        </div>
      )}
    </article>
  );
}
