/**
 * The person's decision about a checked bundle, right under its verdict:
 * what importing it will do (merge into the records, or keep a redacted
 * copy apart), who signed it (the name they are trusted as, or clearly an
 * unknown signer, with the fingerprint to compare through another channel),
 * the choice to trust that signer first, and the Import button, which names
 * an unknown signer on itself. For an unknown signer it says plainly what
 * importing can do (their records join yours; their changes to records you
 * hold are set aside), and the button is not the primary one. A bundle that is not valid gets no button:
 * it says that nothing was written.
 */
import { useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../../shared/bagit/verifyReport';
import { importButtonOf, keptApart } from './outcome';

interface Props {
  report: VerifyReport;
  busy: boolean;
  /** Imports; with a name, trusts the signer as that name first. */
  onImport: (trustAs: string | null) => void;
  /** The heading, for the screen to move focus to when the verdict arrives. */
  ref?: Ref<HTMLHeadingElement>;
}

export function ImportDecision({ report, busy, onImport, ref }: Props) {
  const { t } = useTranslation('exchange');
  const [trusting, setTrusting] = useState(false);
  const [name, setName] = useState('');
  const [nameMissing, setNameMissing] = useState(false);
  const button = importButtonOf(report, trusting);
  const { signer } = report;

  function submit(event: FormEvent) {
    event.preventDefault();
    const trustAs = trusting ? name.trim() : null;
    if (trustAs === '') {
      setNameMissing(true);
      document.getElementById('import-trust-name')?.focus();
      return;
    }
    onImport(trustAs);
  }

  if (!button || !signer) {
    const cancelled = report.failure?.reason === 'cancelled';
    return (
      <section className="import-decision import-refused" aria-labelledby="import-decision-title">
        <h2 id="import-decision-title" ref={ref} tabIndex={-1}>
          <span className="verdict-icon" aria-hidden="true">
            ✗
          </span>{' '}
          {t(cancelled ? 'import.checkCancelledTitle' : 'import.notValidTitle')}
        </h2>
        <p className="import-refused-text">{t(cancelled ? 'import.checkCancelled' : 'import.notValid')}</p>
      </section>
    );
  }

  const unknown = signer.trustedAs === null;
  return (
    <section className="import-decision" aria-labelledby="import-decision-title">
      <h2 id="import-decision-title" ref={ref} tabIndex={-1}>
        <span className="verdict-icon" aria-hidden="true">
          ✓
        </span>{' '}
        {t('import.validTitle')}
      </h2>
      <p>{keptApart(report.profile) ? t('import.willKeep', { profile: t(`report:profile.${report.profile}.name`) }) : t('import.willMerge')}</p>
      <div className={`import-signer ${unknown ? 'signer-unknown' : 'signer-trusted'}`}>
        <h3>
          <span className="verdict-icon" aria-hidden="true">
            {unknown ? '!' : '✓'}
          </span>{' '}
          {unknown ? t('signer.unknownTitle') : t('signer.trusted', { name: signer.trustedAs })}
        </h3>
        <dl className="facts">
          <div className="wide">
            <dt>{t('signer.fingerprint')}</dt>
            <dd>
              <code className="fingerprint signer-fingerprint-value">{signer.fingerprint}</code>
            </dd>
          </div>
        </dl>
        {unknown && <p className="signer-advice">{t('signer.unknownAdvice')}</p>}
        {unknown && !keptApart(report.profile) && <p className="signer-effect">{t('signer.unknownEffect')}</p>}
      </div>
      <form onSubmit={submit} noValidate aria-labelledby="import-decision-title">
        {unknown && (
          <div className="import-trust">
            <div className="checkbox-field">
              <input
                id="import-trust"
                type="checkbox"
                checked={trusting}
                disabled={busy}
                onChange={(event) => {
                  setTrusting(event.target.checked);
                  setNameMissing(false);
                }}
              />
              <label htmlFor="import-trust">{t('signer.trustOption')}</label>
            </div>
            {trusting && (
              <div className="field">
                <label htmlFor="import-trust-name">{t('signer.trustName')}</label>
                <p className="hint" id="import-trust-name-hint">
                  {t('signer.trustNameHint')}
                </p>
                <input
                  id="import-trust-name"
                  type="text"
                  value={name}
                  maxLength={200}
                  disabled={busy}
                  aria-invalid={nameMissing || undefined}
                  aria-describedby={nameMissing ? 'import-trust-name-hint import-trust-name-error' : 'import-trust-name-hint'}
                  onChange={(event) => {
                    setName(event.target.value);
                    setNameMissing(false);
                  }}
                />
                {nameMissing && (
                  <p className="field-error" id="import-trust-name-error">
                    {t('signer.trustNameMissing')}
                  </p>
                )}
              </div>
            )}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className={button === 'importUnknown' ? undefined : 'primary'} disabled={busy}>
            {t(`import.button.${button}`)}
          </button>
        </div>
      </form>
    </section>
  );
}
