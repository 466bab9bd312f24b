/**
 * How a lawyer countersigns a valid bundle that has no countersignature:
 * they pick their key file (PKCS#12, .p12/.pfx), type its password, and
 * the engine adds their signature of the bundle's tag manifest to the
 * bundle file; the screen then checks the bundle again. The page reads the
 * key file only when asked to sign, and the password lives only in the
 * field until it is sent: it is never shown, stored or kept in state.
 * Every failure shows as its translated message.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilePickerButton } from '../components/FilePickerButton';
import { dalel, type DalelError } from '../dalel';
import { maxPkcs12Bytes } from './countersignature';
import { readAsBase64 } from './proofOfTime';
import { TaskProgress } from './TaskProgress';

interface Props {
  /** The bundle file as the person picked or dropped it; the signature is added to this very file. */
  file: File;
  /** Another change to the bundle is under way: nothing starts meanwhile. */
  disabled: boolean;
  /** Whether the bundle is being countersigned: the screen checks nothing meanwhile. */
  onBusy(busy: boolean): void;
  onCountersigned(added: ResponseOf<'bundle:countersign'>): void;
}

const failed = (): { ok: false; error: DalelError } => ({ ok: false, error: { code: 'internal' } });

export function Countersign({ file, disabled, onBusy, onCountersigned }: Props) {
  const { t } = useTranslation();
  const password = useRef<HTMLInputElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [keyFile, setKeyFile] = useState<File | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);

  useEffect(() => {
    onBusy(working);
    if (working) cancelButton.current?.focus();
  }, [working, onBusy]);
  // Once countersigned the screen checks again at once, which takes this away before it renders idle.
  useEffect(() => () => onBusy(false), [onBusy]);
  // A wrong password is typed again where it was typed.
  useEffect(() => {
    if (error?.code === 'pkcs12WrongPassword') password.current?.focus();
  }, [error]);

  function chooseKey(chosen: File) {
    setError(null);
    setTooLarge(null);
    if (chosen.size > maxPkcs12Bytes) {
      setKeyFile(null);
      return setTooLarge(t('verify:countersign.keyTooLarge', { name: chosen.name }));
    }
    setKeyFile(chosen);
  }

  async function countersign(event: FormEvent) {
    event.preventDefault();
    const field = password.current;
    if (working || disabled || !keyFile || !field) return;
    setError(null);
    setTooLarge(null);
    // SECURITY: the password leaves the field as it is sent, and is kept nowhere: not in state, not in storage.
    const typed = field.value;
    field.value = '';
    setWorking(true);
    const pkcs12 = await readAsBase64(keyFile).catch(() => null);
    const result =
      pkcs12 === null
        ? { ok: false as const, error: { code: 'ioError' as const, params: { path: keyFile.name } } }
        : await dalel()
            .bundle.countersign({ file, pkcs12, password: typed })
            .catch(failed);
    setWorking(false);
    if (result.ok) onCountersigned(result.value);
    else setError(result.error);
  }

  return (
    <div className="countersign">
      <h4 id="countersign-title">{t('verify:countersign.addTitle')}</h4>
      <p id="countersign-intro">{t('verify:countersign.addIntro')}</p>
      <form aria-labelledby="countersign-title" aria-describedby="countersign-intro" onSubmit={(event) => void countersign(event)}>
        <div className="field countersign-key" role="group" aria-labelledby="countersign-key-label">
          <p className="field-title" id="countersign-key-label">
            {t('verify:countersign.keyLabel')}
          </p>
          <div className="verify-chosen">
            <FilePickerButton
              label={t('verify:countersign.chooseKey')}
              accept=".p12,.pfx,application/x-pkcs12"
              disabled={working || disabled}
              onFiles={([chosen]) => chooseKey(chosen!)}
            />
            {keyFile && (
              <p>
                <bdi className="file-name key-name">{t('verify:countersign.keyChosen', { name: keyFile.name })}</bdi>
              </p>
            )}
          </div>
          {tooLarge && (
            <p className="field-error" role="alert">
              {tooLarge}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="countersign-password">{t('verify:countersign.password')}</label>
          <p className="hint" id="countersign-password-hint">
            {t('verify:countersign.passwordHint')}
          </p>
          <input
            ref={password}
            id="countersign-password"
            type="password"
            autoComplete="off"
            spellCheck={false}
            disabled={working || disabled}
            aria-describedby="countersign-password-hint"
          />
        </div>
        <button type="submit" className="primary" disabled={!keyFile || working || disabled}>
          {t('verify:countersign.submit')}
        </button>
      </form>
      {working && <TaskProgress task="verify" label={t('verify:countersign.working')} ref={cancelButton} />}
      <ErrorMessage error={error} />
    </div>
  );
}
