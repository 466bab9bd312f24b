/**
 * The outcome of checking a received bundle again, in words and with a mark
 * (never colour alone): still valid, and whether today's trusted signers
 * include its signer; or no longer valid, what is wrong and in which file.
 */
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../../shared/bagit/verifyReport';

export function RecheckVerdict({ report }: { report: VerifyReport }) {
  const { t } = useTranslation('exchange');
  const { failure, signer } = report;
  if (!report.valid) {
    return (
      <div className="verdict verdict-invalid recheck-verdict">
        <p className="verdict-title">
          <span className="verdict-icon" aria-hidden="true">
            ✗
          </span>{' '}
          {t('received.notValid')}
        </p>
        {failure && (
          <p className="verdict-text">
            {t(`verify:failure.${failure.reason}`, { file: failure.file ?? '', ...failure.detail })}
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
  return (
    <div className="verdict verdict-valid recheck-verdict">
      <p className="verdict-title">
        <span className="verdict-icon" aria-hidden="true">
          ✓
        </span>{' '}
        {t('received.stillValid')}
      </p>
      {signer && (
        <p className="verdict-text">
          {signer.trustedAs === null ? t('received.signerNotTrusted') : t('signer.trusted', { name: signer.trustedAs })}
        </p>
      )}
    </div>
  );
}
