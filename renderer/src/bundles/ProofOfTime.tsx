/**
 * A valid bundle's proof of time, in plain words: when the time-stamp
 * authority says the bundle existed (in the UI language and this
 * computer's zone, and in UTC to the second), how accurate the authority
 * says that time is (when it says), which authority, its serial number and
 * policy, and whether the authority chains to certificates the
 * person gave. A bundle without one is told so plainly, as no fault, and
 * `children` (the way to add one) follow. It shows only what the report
 * says; an invalid bundle's proof vouches for nothing and is not shown.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeStampReport, VerifyReport } from '../../../shared/bagit/verifyReport';
import { formatInstant } from '../incidents/format';
import { currentLanguage } from '../i18n';
import { accuracyText, utcText } from './proofOfTime';
import './proofOfTime.css';

export function ProofOfTime({ report, children }: { report: VerifyReport; children?: ReactNode }) {
  const { t } = useTranslation();
  if (!report.valid) return null;
  return (
    <section className="proof-of-time" aria-labelledby="proof-of-time-title">
      <h3 id="proof-of-time-title">{t('verify:timestamp.title')}</h3>
      {report.timestamp ? (
        <TimeStampFacts stamp={report.timestamp} />
      ) : (
        <>
          <p className="proof-none">{t('verify:timestamp.none')}</p>
          {children}
        </>
      )}
    </section>
  );
}

function TimeStampFacts({ stamp }: { stamp: TimeStampReport }) {
  const { t } = useTranslation();
  const anchoring = stamp.anchored === true ? 'anchored' : stamp.anchored === false ? 'notAnchored' : 'noAnchors';
  return (
    <>
      <p>{t('verify:timestamp.intro')}</p>
      <dl className="facts proof-facts">
        <div className="wide">
          <dt>{t('verify:timestamp.time')}</dt>
          <dd className="proof-time">
            <time dateTime={stamp.time}>{t('verify:timestamp.timeLocal', { time: formatInstant(stamp.time, currentLanguage()) })}</time>
            <br />
            <code className="proof-time-utc">{utcText(stamp.time)}</code>
          </dd>
        </div>
        <div className="wide">
          <dt>{t('verify:timestamp.authority')}</dt>
          <dd>
            <bdi className="proof-authority">{stamp.authority}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('verify:timestamp.serial')}</dt>
          <dd>
            <code className="proof-serial">{stamp.serial}</code>
          </dd>
        </div>
        <div>
          <dt>{t('verify:timestamp.policy')}</dt>
          <dd>
            <code className="proof-policy">{stamp.policy}</code>
          </dd>
        </div>
        {stamp.accuracy !== undefined && (
          <div>
            <dt>{t('verify:timestamp.accuracy')}</dt>
            <dd className="proof-accuracy">{t('verify:timestamp.accuracyValue', { seconds: accuracyText(stamp.accuracy, currentLanguage()) })}</dd>
          </div>
        )}
      </dl>
      <p className={`trust proof-anchoring ${anchoring === 'anchored' ? 'trust-known' : 'trust-unknown'}`}>
        <span className="verdict-icon" aria-hidden="true">
          {anchoring === 'anchored' ? '✓' : '!'}
        </span>{' '}
        {t(`verify:timestamp.${anchoring}`)}
      </p>
    </>
  );
}
