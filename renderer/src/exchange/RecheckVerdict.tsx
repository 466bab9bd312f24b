/**
 * The outcome of checking a received bundle again, as the one verdict every
 * check gives (shared/verify/verdict.ts), in words and with a mark (never
 * colour alone): intact and signed by a key trusted today, intact but its
 * signer not on today's list, or changed: what is wrong and in which file.
 */
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../../shared/bagit/verifyReport';
import { verdictMarks, verdictOf } from '../../../shared/verify/verdict';

export function RecheckVerdict({ report }: { report: VerifyReport }) {
  const { t } = useTranslation('exchange');
  const { failure, signer } = report;
  const verdict = verdictOf(report);
  const intact = verdict === 'trusted' || verdict === 'unverified';
  return (
    <div className={`verdict verdict-${verdict} recheck-verdict`} data-verdict={verdict}>
      <p className="verdict-title">
        <span className="verdict-icon" aria-hidden="true">
          {verdictMarks[verdict]}
        </span>{' '}
        {t(`verify:verdict.${verdict}`, { name: signer?.trustedAs ?? '' })}
      </p>
      {intact && <p className="verdict-text">{t('received.recheckedIntact')}</p>}
      {!intact && failure && (
        <p className="verdict-text">
          {t('received.recheckedChanged')} {t(`verify:failure.${failure.reason}`, { file: failure.file ?? '', ...failure.detail })}
          {failure.file !== undefined && (
            <>
              {' '}
              <code className="failure-file">{failure.file}</code>
            </>
          )}
        </p>
      )}
    </div>
  );
}
