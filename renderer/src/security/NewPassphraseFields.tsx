/**
 * Choosing a new passphrase: the passphrase, its repetition, the strength
 * meter and the translated problems (too short, not the same), each linked
 * to its field. The form that holds the values decides when problems show
 * and clears the values once they have been used.
 */
import { useTranslation } from 'react-i18next';
import { minPassphraseLength } from '../../../shared/ipc';
import { describedBy } from '../incidents/form/FieldError';
import type { PassphraseProblem } from './passphraseStrength';
import { StrengthMeter } from './StrengthMeter';

export interface NewPassphrase {
  passphrase: string;
  confirmation: string;
}

export const emptyNewPassphrase: NewPassphrase = { passphrase: '', confirmation: '' };

interface Props {
  id: string;
  value: NewPassphrase;
  onChange: (value: NewPassphrase) => void;
  problems: { passphrase?: PassphraseProblem; confirmation?: PassphraseProblem };
  /** "new" when another passphrase exists already (changing it). */
  wording?: 'first' | 'new';
}

export function NewPassphraseFields({ id, value, onChange, problems, wording = 'first' }: Props) {
  const { t } = useTranslation();
  const message = (problem: PassphraseProblem | undefined) => problem && t(`security:passphrase.${problem}`, { min: minPassphraseLength });
  const passphraseError = message(problems.passphrase);
  const confirmationError = message(problems.confirmation);
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{t(wording === 'new' ? 'security:passphrase.new' : 'security:passphrase.label')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('security:passphrase.hint', { min: minPassphraseLength })}
        </p>
        <input
          id={id}
          type="password"
          autoComplete="new-password"
          value={value.passphrase}
          aria-invalid={Boolean(passphraseError) || undefined}
          aria-describedby={describedBy(`${id}-hint`, `${id}-strength-verdict`, passphraseError && `${id}-error`)}
          onChange={(event) => onChange({ ...value, passphrase: event.target.value })}
        />
        {passphraseError && (
          <p className="field-error" id={`${id}-error`}>
            {passphraseError}
          </p>
        )}
        <StrengthMeter id={`${id}-strength`} passphrase={value.passphrase} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>{t(wording === 'new' ? 'security:passphrase.confirmNew' : 'security:passphrase.confirm')}</label>
        <input
          id={`${id}-confirm`}
          type="password"
          autoComplete="new-password"
          value={value.confirmation}
          aria-invalid={Boolean(confirmationError) || undefined}
          aria-describedby={confirmationError ? `${id}-confirm-error` : undefined}
          onChange={(event) => onChange({ ...value, confirmation: event.target.value })}
        />
        {confirmationError && (
          <p className="field-error" id={`${id}-confirm-error`}>
            {confirmationError}
          </p>
        )}
      </div>
    </>
  );
}

/** The warning every new passphrase comes with: there is no way back without it. */
export function LostPassphraseWarning() {
  const { t } = useTranslation();
  return (
    <div className="warning-note">
      <p className="warning-title">{t('security:passphrase.lostTitle')}</p>
      <p>{t('security:passphrase.lostText')}</p>
    </div>
  );
}
