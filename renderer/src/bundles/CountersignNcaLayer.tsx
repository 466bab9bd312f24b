/**
 * A lawyer countersigns a valid bundle through NCALayer on this computer:
 * one button, with the address the app will connect to said beside it,
 * since this is a connection the app makes (to NCALayer's WebSocket on
 * 127.0.0.1, never further: electron/engine/countersign/ncaLayer.ts) and
 * only when pressed. NCALayer's own window asks for the key and its
 * password; the engine checks the signature it gives before adding it.
 */
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { dalel } from '../dalel';
import { TaskProgress } from './TaskProgress';
import { useFileSteps } from './useFileSteps';

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
  const { working, error, run, cancelButton } = useFileSteps<'sign'>(onBusy);

  async function sign() {
    if (working || disabled) return;
    const language = (['en', 'ru', 'kk'] as const).find((code) => i18n.language.startsWith(code)) ?? 'en';
    const added = await run('sign', () => dalel().bundle.countersignWithNcaLayer({ file, language }));
    if (added) onCountersigned(added);
  }

  return (
    <div className="countersign-ncalayer">
      <h4 id="countersign-ncalayer-title">{t('verify:countersign.ncaLayerTitle')}</h4>
      <p id="countersign-ncalayer-intro">{t('verify:countersign.ncaLayerIntro', { address: ncaLayerAddress })}</p>
      <button type="button" onClick={() => void sign()} disabled={working !== null || disabled} aria-describedby="countersign-ncalayer-intro">
        {t('verify:countersign.ncaLayerSign')}
      </button>
      {working && <TaskProgress task="verify" label={t('verify:countersign.ncaLayerWaiting')} ref={cancelButton} />}
      <ErrorMessage error={error} />
    </div>
  );
}
