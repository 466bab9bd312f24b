/**
 * The person's decision about a checked bundle, under its own heading: the
 * check's one verdict as a status line (shared/verify/verdict.ts, never the
 * heading itself), what importing it will do (merge into the records, or
 * keep a redacted copy apart), and who signed it: the name they are trusted
 * as, or a signer not verified, with the fingerprint in every compared form
 * (groups, digits to read aloud, QR code). For a signer not verified the
 * first step, the primary button, is the comparison: "I compared it: trust
 * this signer" opens the name to trust the key as, then "Trust this signer
 * and import". Importing without trusting stays possible (issue 11: the
 * person decides) but only as a secondary button, and the screen says what
 * it can do (their records join yours; their changes to records you hold
 * are set aside). A bundle that did not pass gets no button: it says that
 * nothing was written.
 */
import { useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../../shared/bagit/verifyReport';
import { verdictMarks, verdictOf } from '../../../shared/verify/verdict';
import { Fingerprint } from '../components/Fingerprint';
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
  const nameInput = useRef<HTMLInputElement>(null);
  const button = importButtonOf(report, trusting);
  const { signer } = report;
  const verdict = verdictOf(report);
  const verdictLine = (
    <p className={`verdict verdict-${verdict} verdict-title import-verdict`} role="status" data-verdict={verdict}>
      <span className="verdict-icon" aria-hidden="true">
        {verdictMarks[verdict]}
      </span>{' '}
      {t(`verify:verdict.${verdict}`, { name: signer?.trustedAs ?? '' })}
    </p>
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const trustAs = trusting ? name.trim() : null;
    if (trustAs === '') {
      setNameMissing(true);
      nameInput.current?.focus();
      return;
    }
    onImport(trustAs);
  }

  if (!button || !signer) {
    const cancelled = report.failure?.reason === 'cancelled';
    return (
      <section className="import-decision import-refused" aria-labelledby="import-decision-title">
        <h2 id="import-decision-title" ref={ref} tabIndex={-1}>
          {t(cancelled ? 'import.checkCancelledTitle' : 'import.notValidTitle')}
        </h2>
        {verdictLine}
        <p className="import-refused-text">{t(cancelled ? 'import.checkCancelled' : 'import.notValid')}</p>
      </section>
    );
  }

  const unknown = signer.trustedAs === null;
  return (
    <section className={`import-decision${unknown ? ' signer-not-verified' : ''}`} aria-labelledby="import-decision-title">
      <h2 id="import-decision-title" ref={ref} tabIndex={-1}>
        {t('import.decisionTitle')}
      </h2>
      {verdictLine}
      <p>{keptApart(report.profile) ? t('import.willKeep', { profile: t(`report:profile.${report.profile}.name`) }) : t('import.willMerge')}</p>
      <div className={`import-signer ${unknown ? 'signer-unknown' : 'signer-trusted'}`}>
        <h3>{t('signer.title')}</h3>
        <p className="import-signer-status">
          <span className="verdict-icon" aria-hidden="true">
            {unknown ? '!' : '✓'}
          </span>{' '}
          {unknown ? t('signer.unknownTitle') : t('signer.trusted', { name: signer.trustedAs })}
        </p>
        <Fingerprint fingerprint={signer.fingerprint} compare={unknown} className="signer-fingerprint-value" />
        {unknown && <p className="signer-advice">{t('signer.unknownAdvice')}</p>}
        {unknown && !keptApart(report.profile) && <p className="signer-effect">{t('signer.unknownEffect')}</p>}
      </div>
      <form onSubmit={submit} noValidate aria-labelledby="import-decision-title">
        {unknown && trusting && (
          <div className="field import-trust">
            <label htmlFor="import-trust-name">{t('signer.trustName')}</label>
            <p className="hint" id="import-trust-name-hint">
              {t('signer.trustNameHint')}
            </p>
            <input
              ref={nameInput}
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
        <div className="form-actions">
          {unknown && !trusting ? (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => {
                setTrusting(true);
                // The name field appears with this render: focus it once it is there.
                requestAnimationFrame(() => nameInput.current?.focus());
              }}
            >
              {t('signer.compared')}
            </button>
          ) : (
            <button type="submit" className="primary" disabled={busy}>
              {t(`import.button.${button}`)}
            </button>
          )}
          {unknown && (
            // SECURITY: importing from a signer nobody verified is the person's choice (issue 11), never the primary action.
            <button type="button" disabled={busy} onClick={() => onImport(null)}>
              {t('import.button.importUnknown')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
