/**
 * How a new archive is protected: a passphrase (chosen by default, with the
 * strength meter and the lost-passphrase warning) or, only as a deliberate
 * second choice, no encryption at all, with the risk spelled out beside it.
 */
import { useTranslation } from 'react-i18next';
import { LostPassphraseWarning, NewPassphraseFields, type NewPassphrase } from './NewPassphraseFields';
import type { PassphraseProblem } from './passphraseStrength';

export type ProtectionKind = 'passphrase' | 'none';

interface Props {
  kind: ProtectionKind;
  onKindChange: (kind: ProtectionKind) => void;
  passphrase: NewPassphrase;
  onPassphraseChange: (value: NewPassphrase) => void;
  problems: { passphrase?: PassphraseProblem; confirmation?: PassphraseProblem };
}

export function ProtectionChoice({ kind, onKindChange, passphrase, onPassphraseChange, problems }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="protection-choice">
      <legend>{t('security:create.legend')}</legend>
      <div className="radio-option">
        <input
          id="protection-passphrase"
          type="radio"
          name="protection"
          checked={kind === 'passphrase'}
          aria-describedby="protection-passphrase-hint"
          onChange={() => onKindChange('passphrase')}
        />
        <label htmlFor="protection-passphrase">{t('security:create.encrypt')}</label>
        <p className="hint" id="protection-passphrase-hint">
          {t('security:create.encryptHint')}
        </p>
      </div>
      {kind === 'passphrase' && (
        <div className="protection-details">
          <NewPassphraseFields id="archive-passphrase" value={passphrase} onChange={onPassphraseChange} problems={problems} />
          <LostPassphraseWarning />
        </div>
      )}
      <div className="radio-option">
        <input
          id="protection-none"
          type="radio"
          name="protection"
          checked={kind === 'none'}
          aria-describedby={kind === 'none' ? 'protection-none-warning' : undefined}
          onChange={() => onKindChange('none')}
        />
        <label htmlFor="protection-none">{t('security:create.none')}</label>
      </div>
      {kind === 'none' && (
        <p className="warning-note" id="protection-none-warning">
          {t('security:create.noneWarning')}
        </p>
      )}
    </fieldset>
  );
}
