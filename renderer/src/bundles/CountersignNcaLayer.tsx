/**
 * A lawyer countersigns a valid bundle through NCALayer on this computer:
 * one button, with the address the app will connect to said beside it,
 * since this is a connection the app makes (to NCALayer's WebSocket on
 * 127.0.0.1, never further: electron/engine/countersign/ncaLayer.ts) and
 * only when pressed. NCALayer's own window asks for the key and its
 * password; the engine checks the signature it gives before adding it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { dalel, type DalelError } from '../dalel';
import { TaskProgress } from './TaskProgress';

/** Where NCALayer listens; the engine uses the same unless DALEL_NCALAYER names another port on this computer. */
const ncaLayerAddress = 'wss://127.0.0.1:13579/';

interface Props {
  file: File;
  /** Another change to the bundle is under way: nothing starts meanwhile. */
  disabled: boolean;
  onBusy(busy: boolean): void;
  onCountersigned(added: ResponseOf<'bundle:countersignWithNcaLayer'>): void;
}

export function CountersignNcaLayer({ file, disabled, onBusy, onCountersigned }: Props) {
  const { t, i18n } = useTranslation();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);

  useEffect(() => {
    onBusy(working);
    if (working) cancelButton.current?.focus();
  }, [working, onBusy]);
  useEffect(() => () => onBusy(false), [onBusy]);

  async function sign() {
    if (working || disabled) return;
    setError(null);
    setWorking(true);
    const language = (['en', 'ru', 'kk'] as const).find((code) => i18n.language.startsWith(code)) ?? 'en';
    const result = await dalel()
      .bundle.countersignWithNcaLayer({ file, language })
      .catch((): { ok: false; error: DalelError } => ({ ok: false, error: { code: 'internal' } }));
    setWorking(false);
    if (result.ok) onCountersigned(result.value);
    else setError(result.error);
  }

  return (
    <div className="countersign-ncalayer">
      <h4 id="countersign-ncalayer-title">{t('verify:countersign.ncaLayerTitle')}</h4>
      <p id="countersign-ncalayer-intro">{t('verify:countersign.ncaLayerIntro', { address: ncaLayerAddress })}</p>
      <button type="button" onClick={() => void sign()} disabled={working || disabled} aria-describedby="countersign-ncalayer-intro">
        {t('verify:countersign.ncaLayerSign')}
      </button>
      {working && <TaskProgress task="verify" label={t('verify:countersign.ncaLayerWaiting')} ref={cancelButton} />}
      <ErrorMessage error={error} />
    </div>
  );
}
