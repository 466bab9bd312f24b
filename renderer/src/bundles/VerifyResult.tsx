/**
 * A check's outcome in plain words: one verdict (shared/verify/verdict.ts:
 * intact and signed by a key you trust, intact but the signer not verified,
 * changed or damaged, or not checked) as a mark AND words, never colour
 * alone, and never a green ✓ for a signer nobody verified; the bundle's id,
 * profile and contents; the signer's fingerprint in every compared form
 * (with the QR code when the signer is not verified); an intact bundle's
 * proof of time, or that it has none (and
 * `addTimeStamp`, the way to add one), and likewise its countersignature
 * (and `countersign`); when it failed, the rule broken,
 * what is wrong and the file; then every check in the order the verifier
 * runs them, ✓ passed, ✗ failed, ! not trusted, or not reached. A
 * cancelled check gives no verdict.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { checkIds, type CheckId, type VerifyReport } from '../../../shared/bagit/verifyReport';
import { verdictMarks, verdictOf } from '../../../shared/verify/verdict';
import { formatFileSize } from '../attachments/fileFacts';
import { Fingerprint } from '../components/Fingerprint';
import { currentLanguage } from '../i18n';
import { AuthorKeys } from './AuthorKeys';
import { Countersignature } from './Countersignature';
import { ProofOfTime } from './ProofOfTime';

type CheckState = 'passed' | 'failed' | 'notRun' | 'notTrusted';

/** Checks that say whether the reader trusts someone (the signer, the time-stamp authority, the countersigner's certification centre): a "no" never makes a bundle invalid. */
const informational: readonly CheckId[] = ['trust', 'timestampAnchor', 'countersignatureAnchor'];

const marks: Record<CheckState, string> = { passed: '✓', failed: '✗', notRun: '–', notTrusted: '!' };

function stateOf(report: VerifyReport, id: CheckId): CheckState {
  const ran = report.checks.find((check) => check.id === id);
  if (!ran) return 'notRun';
  if (ran.ok) return 'passed';
  return informational.includes(id) ? 'notTrusted' : 'failed';
}

interface Props {
  report: VerifyReport;
  /** The way to add a proof of time, shown when a valid bundle has none. */
  addTimeStamp?: ReactNode;
  /** The way to countersign, shown when a valid bundle has no countersignature. */
  countersign?: ReactNode;
}

export function VerifyResult({ report, addTimeStamp, countersign }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { failure, signer, counts } = report;
  const judged = failure?.reason !== 'cancelled';
  const verdict = verdictOf(report);
  const failedCheck = report.checks.find((check) => !check.ok && !informational.includes(check.id));
  return (
    <section className="verify-result" aria-labelledby="verify-result-title">
      <h2 id="verify-result-title" ref={heading} tabIndex={-1}>
        {t('verify:screen.resultTitle')}
      </h2>
      <div className={`verdict verdict-${verdict}`} data-verdict={verdict}>
        <p className="verdict-title">
          <span className="verdict-icon" aria-hidden="true">
            {verdictMarks[verdict]}
          </span>{' '}
          {t(`verify:verdict.${verdict}`, { name: signer?.trustedAs ?? '' })}
        </p>
        <p className="verdict-text">
          {judged ? t(`verify:verdict.${verdict}Text`, { name: signer?.trustedAs ?? '' }) : t('verify:failure.cancelled')}
        </p>
      </div>
      {failure && judged && (
        <div className="verify-failure">
          <h3>{t('verify:screen.failureTitle')}</h3>
          <dl className="facts">
            {failedCheck && (
              <div>
                <dt>{t('verify:screen.brokenRule')}</dt>
                <dd>{t(`verify:check.${failedCheck.id}`)}</dd>
              </div>
            )}
            <div>
              <dt>{t('verify:screen.whatIsWrong')}</dt>
              <dd className="failure-text">{t(`verify:failure.${failure.reason}`, { file: failure.file ?? '', ...failure.detail })}</dd>
            </div>
            {failure.file !== undefined && (
              <div>
                <dt>{t('verify:screen.file')}</dt>
                <dd>
                  <code className="failure-file">{failure.file}</code>
                </dd>
              </div>
            )}
          </dl>
        </div>
      )}
      {(report.bundleId || signer) && (
        <dl className="facts bundle-facts">
          {report.bundleId && (
            <div>
              <dt>{t('verify:screen.bundleId')}</dt>
              <dd>
                <code className="bundle-id">{report.bundleId}</code>
              </dd>
            </div>
          )}
          {report.profile && (
            <div>
              <dt>{t('verify:screen.profile')}</dt>
              <dd>{t(`report:profile.${report.profile}.name`)}</dd>
            </div>
          )}
          {counts && (
            <>
              <div>
                <dt>{t('verify:screen.records')}</dt>
                <dd>{counts.records}</dd>
              </div>
              {/* SECURITY: sample records must never read as evidence: how many there are, beside the count of records. */}
              {counts.illustrative !== undefined && (
                <div className="verify-illustrative">
                  <dt>{t('common:illustrative.badge')}</dt>
                  <dd>{counts.illustrative}</dd>
                </div>
              )}
              <div>
                <dt>{t('verify:screen.attachments')}</dt>
                <dd>{counts.attachments}</dd>
              </div>
              <div>
                <dt>{t('verify:screen.size')}</dt>
                <dd>{formatFileSize(counts.bytes, currentLanguage(), t)}</dd>
              </div>
            </>
          )}
          {signer && (
            <div className="wide">
              <dt>{t('verify:screen.signer')}</dt>
              <dd>
                <Fingerprint fingerprint={signer.fingerprint} compare={verdict === 'unverified'} />
              </dd>
            </div>
          )}
        </dl>
      )}
      {report.valid && report.authors && counts && <AuthorKeys authors={report.authors} records={counts.records} />}
      <ProofOfTime report={report}>{addTimeStamp}</ProofOfTime>
      <Countersignature report={report}>{countersign}</Countersignature>
      <h3 id="verify-checks-title">{t('verify:screen.checksTitle')}</h3>
      <p className="hint" id="verify-checks-hint">
        {t('verify:screen.checksHint')}
      </p>
      <ol className="check-list" aria-labelledby="verify-checks-title" aria-describedby="verify-checks-hint">
        {checkIds.map((id) => {
          const state = stateOf(report, id);
          return (
            <li key={id} className={`check check-${state}`} data-check={id}>
              <span className="check-mark" aria-hidden="true">
                {marks[state]}
              </span>
              <span className="check-text">{t(`verify:check.${id}`)}</span>
              <span className="check-state">{t(`verify:screen.${state}`)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
