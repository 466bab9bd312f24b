/**
 * The name a legal bundle gives its signer, as the person chooses it for
 * lawyers: it may differ from the archive's name, which stays on the
 * laptop. Public bundles name no signer, so the field shows for `legal` only.
 */
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  onChange: (value: string) => void;
}

export function SignerNameField({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="export-signer-name">{t('verify:export.signerName.label')}</label>
      <p className="hint" id="export-signer-name-hint">
        {t('verify:export.signerName.hint')}
      </p>
      <input
        id="export-signer-name"
        type="text"
        maxLength={300}
        autoComplete="off"
        value={value}
        aria-describedby="export-signer-name-hint"
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
