/**
 * A valid bundle's countersignature, in plain words: who signed (the
 * certificate's subject, with the ИИН and БИН it names), who issued the
 * certificate and when it is valid, the signing time the signer's own
 * clock gave (and a warning when the certificate was not valid then), and
 * whether the certificate chains to certificates the person gave. A bundle
 * without one is told so, and `children` (the way to countersign) follow.
 * It shows only what the report says; an invalid bundle's countersignature
 * vouches for nothing and is not shown.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountersignatureReport, VerifyReport } from '../../../shared/bagit/verifyReport';
import { formatInstant } from '../incidents/format';
import { currentLanguage } from '../i18n';
import { anchoringOf } from './countersignature';
import { utcText } from './proofOfTime';
import './countersignature.css';

export function Countersignature({ report, children }: { report: VerifyReport; children?: ReactNode }) {
  const { t } = useTranslation();
  if (!report.valid) return null;
  return (
    <section className="countersignature" aria-labelledby="countersignature-title">
      <h3 id="countersignature-title">{t('verify:countersign.title')}</h3>
      {report.countersignature ? (
        <CountersignatureFacts signature={report.countersignature} />
      ) : (
        <>
          <p className="countersignature-none">{t('verify:countersign.none')}</p>
          {children}
        </>
      )}
    </section>
  );
}

function CountersignatureFacts({ signature }: { signature: CountersignatureReport }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const anchoring = anchoringOf(signature);
  return (
    <>
      <p>{t('verify:countersign.intro')}</p>
      {signature.validAtSigning === false && (
        <p className="trust trust-unknown countersignature-warning">
          <span className="verdict-icon" aria-hidden="true">
            !
          </span>{' '}
          {t('verify:countersign.notValidAtSigning')}
        </p>
      )}
      <dl className="facts countersignature-facts">
        <div className="wide">
          <dt>{t('verify:countersign.subject')}</dt>
          <dd>
            <bdi className="countersignature-subject">{signature.subject}</bdi>
          </dd>
        </div>
        {signature.iin !== null && (
          <div>
            <dt>{t('verify:countersign.iin')}</dt>
            <dd>
              <code className="countersignature-iin">{signature.iin}</code>
            </dd>
          </div>
        )}
        {signature.bin !== null && (
          <div>
            <dt>{t('verify:countersign.bin')}</dt>
            <dd>
              <code className="countersignature-bin">{signature.bin}</code>
            </dd>
          </div>
        )}
        <div className="wide">
          <dt>{t('verify:countersign.issuer')}</dt>
          <dd>
            <bdi className="countersignature-issuer">{signature.issuer}</bdi>
          </dd>
        </div>
        <div className="wide">
          <dt>{t('verify:countersign.serial')}</dt>
          <dd>
            <code className="countersignature-serial">{signature.serial}</code>
          </dd>
        </div>
        <div className="wide">
          <dt>{t('verify:countersign.validity')}</dt>
          <dd className="countersignature-validity">
            {t('verify:countersign.validityRange', { from: formatInstant(signature.validFrom, lng), to: formatInstant(signature.validTo, lng) })}
          </dd>
        </div>
        <div className="wide">
          <dt>{t('verify:countersign.signingTime')}</dt>
          <dd className="countersignature-time">
            {signature.signingTime === null ? (
              t('verify:countersign.noSigningTime')
            ) : (
              <>
                <time dateTime={signature.signingTime}>{t('verify:countersign.signingTimeLocal', { time: formatInstant(signature.signingTime, lng) })}</time>
                <br />
                <code className="countersignature-time-utc">{utcText(signature.signingTime)}</code>
                <br />
                <span className="countersignature-clock">{t('verify:countersign.signerClock')}</span>
              </>
            )}
          </dd>
        </div>
      </dl>
      <p className={`trust countersignature-anchoring ${anchoring === 'anchored' ? 'trust-known' : 'trust-unknown'}`}>
        <span className="verdict-icon" aria-hidden="true">
          {anchoring === 'anchored' ? '✓' : '!'}
        </span>{' '}
        {t(`verify:countersign.${anchoring}`)}
      </p>
    </>
  );
}
