/**
 * How a person adds a proof of time to a valid bundle that has none, in
 * three steps: save a time-stamp request where they choose in the native
 * save dialog (only the SHA-256 of the bundle's manifest and a nonce are in
 * it), send it to an RFC 3161 authority from a connected computer (the
 * command is shown), then pick the authority's response, which the engine
 * checks against the bundle and adds to the bundle file. The app sends
 * nothing anywhere; every failure shows as its translated message.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilePickerButton } from '../components/FilePickerButton';
import { dalel } from '../dalel';
import { fileNameOf } from './exportPath';
import { maxResponseBytes, sendCommand } from './proofOfTime';
import { TaskProgress } from './TaskProgress';
import { useFileSteps } from './useFileSteps';

interface Props {
  /** The bundle file as the person picked or dropped it; the proof is added to this very file. */
  file: File;
  bundleId: string;
  /** Another change to the bundle (a countersignature) is under way: nothing starts meanwhile. */
  disabled?: boolean;
  /** Whether a request or a response is being worked on: the screen checks nothing meanwhile. */
  onBusy(busy: boolean): void;
  onAdded(added: ResponseOf<'bundle:addTimeStamp'>): void;
}

export function AddTimeStamp({ file, bundleId, disabled = false, onBusy, onAdded }: Props) {
  const { t } = useTranslation();
  const { working, error, tooLarge, run, chooseOut, chosenBase64, cancelButton } = useFileSteps<'request' | 'response'>(onBusy);
  const [saved, setSaved] = useState<string | null>(null);

  async function saveRequest() {
    if (working || disabled) return;
    const out = await chooseOut(`${bundleId}.tsq`);
    if (!out) return;
    const written = await run('request', () => dalel().bundle.timeStampRequest({ file, out }));
    if (written) setSaved(written.out);
  }

  async function addResponse(response: File) {
    if (working || disabled) return;
    const encoded = await chosenBase64(response, maxResponseBytes, t('verify:timestamp.responseTooLarge', { name: response.name }));
    if (encoded === null) return;
    const added = await run('response', () => dalel().bundle.addTimeStamp({ file, response: encoded }));
    if (added) onAdded(added);
  }

  const requestName = saved ? fileNameOf(saved) : `${bundleId}.tsq`;
  return (
    <div className="add-time-stamp">
      <p>{t('verify:timestamp.addIntro')}</p>
      <ol className="proof-steps">
        <li>
          <p id="proof-request-hint">{t('verify:timestamp.stepRequest')}</p>
          <button type="button" onClick={() => void saveRequest()} disabled={working !== null || disabled} aria-describedby="proof-request-hint">
            {t('verify:timestamp.saveRequest')}
          </button>
          {saved && (
            <p className="proof-saved">
              {t('verify:timestamp.requestSaved')} <code className="proof-request-path">{saved}</code>
            </p>
          )}
        </li>
        <li>
          <p id="proof-send-hint">{t('verify:timestamp.stepSend')}</p>
          <pre className="proof-command">
            <code>{sendCommand(requestName)}</code>
          </pre>
        </li>
        <li>
          <p id="proof-response-hint">{t('verify:timestamp.stepResponse')}</p>
          <FilePickerButton
            label={t('verify:timestamp.chooseResponse')}
            accept=".tsr,application/timestamp-reply"
            disabled={working !== null || disabled}
            onFiles={([chosen]) => void addResponse(chosen!)}
          />
        </li>
      </ol>
      {working && (
        <TaskProgress task="verify" label={t(working === 'request' ? 'verify:timestamp.savingRequest' : 'verify:timestamp.adding')} ref={cancelButton} />
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
