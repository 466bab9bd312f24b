/**
 * An optional file of certificates (PEM or DER) the person trusts: of
 * time-stamp authorities, for the check to say whether a bundle's proof of
 * time chains to one of them, or of certification centres, for a lawyer's
 * countersignature. The page reads the picked file itself (it crosses as
 * base64, like the trusted keys cross as text) and refuses one larger than
 * the contract takes before anything is called.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePickerButton } from '../components/FilePickerButton';
import { maxAnchorsBytes, readAsBase64 } from './proofOfTime';

export interface Anchors {
  name: string;
  base64: string;
}

/** Whose certificates: the texts are under `verify:<kind>.anchors…`. */
export type AnchorsKind = 'timestamp' | 'countersign';

const classNames: Record<AnchorsKind, string> = { timestamp: 'time-stamp-anchors', countersign: 'countersignature-anchors' };

interface Props {
  kind: AnchorsKind;
  anchors: Anchors | null;
  disabled: boolean;
  onChange(anchors: Anchors | null): void;
}

export function AnchorsField({ kind, anchors, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const id = `verify-${kind}-anchors`;

  async function pick(file: File) {
    setProblem(null);
    if (file.size > maxAnchorsBytes) return setProblem(t(`verify:${kind}.anchorsTooLarge`, { name: file.name }));
    const base64 = await readAsBase64(file).catch(() => null);
    if (base64 === null) return setProblem(t('errors:ioError', { path: file.name }));
    onChange({ name: file.name, base64 });
  }

  return (
    <div className={`field anchors-field ${classNames[kind]}`} role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`}>
      <p className="field-title" id={`${id}-label`}>
        {t(`verify:${kind}.anchorsLabel`)}
      </p>
      <p className="hint" id={`${id}-hint`}>
        {t(`verify:${kind}.anchorsHint`)}
      </p>
      <div className="verify-chosen">
        <FilePickerButton label={t(`verify:${kind}.chooseAnchors`)} accept=".pem,.crt,.cer,.der" disabled={disabled} onFiles={([file]) => void pick(file!)} />
        {anchors && (
          <>
            <p>
              <bdi className="file-name anchors-name">{t(`verify:${kind}.anchorsChosen`, { name: anchors.name })}</bdi>
            </p>
            <button type="button" disabled={disabled} onClick={() => onChange(null)}>
              {t(`verify:${kind}.removeAnchors`)}
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
