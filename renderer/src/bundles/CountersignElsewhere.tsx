/**
 * How a lawyer whose key lives in NCALayer or on a token countersigns a
 * valid bundle: they save the file to sign (the bundle's
 * tagmanifest-sha256.txt) where they choose in the native save dialog, sign
 * it as a detached CMS signature with the NCALayer-based tool they already
 * use, then pick the .p7s it made; the engine checks it against the bundle
 * before adding it to the bundle file. The app itself connects to nothing
 * (NCALayer included); every failure shows as its translated message.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilePickerButton } from '../components/FilePickerButton';
import { dalel } from '../dalel';
import { fileToSign, maxSignatureBytes } from './countersignature';
import { TaskProgress } from './TaskProgress';
import { useFileSteps } from './useFileSteps';

interface Props {
  /** The bundle file as the person picked or dropped it; the signature is added to this very file. */
  file: File;
  /** Another change to the bundle is under way: nothing starts meanwhile. */
  disabled: boolean;
  /** Whether the file to sign is being saved or a signature added: the screen checks nothing meanwhile. */
  onBusy(busy: boolean): void;
  onCountersigned(added: ResponseOf<'bundle:addCountersignature'>): void;
}

export function CountersignElsewhere({ file, disabled, onBusy, onCountersigned }: Props) {
  const { t } = useTranslation();
  const { working, error, tooLarge, run, chooseOut, chosenBase64, cancelButton } = useFileSteps<'save' | 'add'>(onBusy);
  const [saved, setSaved] = useState<string | null>(null);

  async function saveFileToSign() {
    if (working || disabled) return;
    const out = await chooseOut(fileToSign);
    if (!out) return;
    const written = await run('save', () => dalel().bundle.extractTagManifest({ file, out }));
    if (written) setSaved(written.out);
  }

  async function addSignature(signature: File) {
    if (working || disabled) return;
    const encoded = await chosenBase64(signature, maxSignatureBytes, t('verify:countersign.signatureTooLarge', { name: signature.name }));
    if (encoded === null) return;
    const added = await run('add', () => dalel().bundle.addCountersignature({ file, signature: encoded }));
    if (added) onCountersigned(added);
  }

  return (
    <div className="countersign-elsewhere">
      <h4 id="countersign-elsewhere-title">{t('verify:countersign.elsewhereTitle')}</h4>
      <p>{t('verify:countersign.elsewhereIntro')}</p>
      <ol className="countersign-steps" aria-labelledby="countersign-elsewhere-title">
        <li>
          <p id="countersign-save-hint">{t('verify:countersign.stepSave')}</p>
          <button type="button" onClick={() => void saveFileToSign()} disabled={working !== null || disabled} aria-describedby="countersign-save-hint">
            {t('verify:countersign.saveFileToSign')}
          </button>
          {saved && (
            <p className="countersign-saved">
              {t('verify:countersign.fileToSignSaved')} <code className="countersign-saved-path">{saved}</code>
            </p>
          )}
        </li>
        <li>
          <p>{t('verify:countersign.stepSign')}</p>
        </li>
        <li>
          <p id="countersign-add-hint">{t('verify:countersign.stepAdd')}</p>
          <FilePickerButton
            label={t('verify:countersign.chooseSignature')}
            accept=".p7s,.cms,.sig,application/pkcs7-signature"
            disabled={working !== null || disabled}
            onFiles={([chosen]) => void addSignature(chosen!)}
          />
        </li>
      </ol>
      {working && (
        <TaskProgress task="verify" label={t(working === 'save' ? 'verify:countersign.savingFileToSign' : 'verify:countersign.addingSignature')} ref={cancelButton} />
      )}
      {tooLarge && (
        <p className="error-message" role="alert">
          {tooLarge}
        </p>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
