/**
 * The optional file of certificates (PEM or DER) of time-stamp authorities
 * the person trusts, for the check to say whether a bundle's proof of time
 * chains to one of them. The page reads the picked file itself (it crosses
 * as base64, like the trusted keys cross as text) and refuses one larger
 * than the contract takes before anything is called.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePickerButton } from '../components/FilePickerButton';
import { maxAnchorsBytes, readAsBase64 } from './proofOfTime';

export interface TimeStampAnchors {
  name: string;
  base64: string;
}

interface Props {
  anchors: TimeStampAnchors | null;
  disabled: boolean;
  onChange(anchors: TimeStampAnchors | null): void;
}

export function TimeStampAnchorsField({ anchors, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);

  async function pick(file: File) {
    setProblem(null);
    if (file.size > maxAnchorsBytes) return setProblem(t('verify:timestamp.anchorsTooLarge', { name: file.name }));
    const base64 = await readAsBase64(file).catch(() => null);
    if (base64 === null) return setProblem(t('errors:ioError', { path: file.name }));
    onChange({ name: file.name, base64 });
  }

  return (
    <div className="field time-stamp-anchors" role="group" aria-labelledby="verify-anchors-label" aria-describedby="verify-anchors-hint">
      <p className="field-title" id="verify-anchors-label">
        {t('verify:timestamp.anchorsLabel')}
      </p>
      <p className="hint" id="verify-anchors-hint">
        {t('verify:timestamp.anchorsHint')}
      </p>
      <div className="verify-chosen">
        <FilePickerButton label={t('verify:timestamp.chooseAnchors')} accept=".pem,.crt,.cer,.der" disabled={disabled} onFiles={([file]) => void pick(file!)} />
        {anchors && (
          <>
            <p>
              <bdi className="file-name anchors-name">{t('verify:timestamp.anchorsChosen', { name: anchors.name })}</bdi>
            </p>
            <button type="button" disabled={disabled} onClick={() => onChange(null)}>
              {t('verify:timestamp.removeAnchors')}
            </button>
          </>
        )}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
