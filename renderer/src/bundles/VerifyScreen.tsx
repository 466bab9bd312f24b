/**
 * The "Check a bundle" screen: a bundle dropped anywhere on the screen, or
 * chosen with a real file input, is checked at once (`bundle.verify` with the
 * File; the preload turns it into a path), with the trusted keys pasted
 * here and the files of trusted time-stamp authorities and certification
 * centres picked here, if any; a progress bar and Cancel while it runs;
 * then the result in plain words. Checking only reads the file: nothing is
 * extracted and nothing enters the archive. The only changes this screen
 * makes, only when the person asks, are adding a proof of time to a valid
 * bundle (AddTimeStamp) and countersigning it (CountersignWays: with a key
 * file, or a signature made elsewhere); the bundle is then checked again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../../shared/bagit/verifyReport';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilePickerButton } from '../components/FilePickerButton';
import { PageTitle } from '../components/PageTitle';
import { useTaskToast } from '../components/ToastRegion';
import { dalel, type DalelError } from '../dalel';
import { AddTimeStamp } from './AddTimeStamp';
import { AnchorsField, type Anchors } from './AnchorsField';
import { CountersignWays } from './CountersignWays';
import { TaskProgress } from './TaskProgress';
import { VerifyResult } from './VerifyResult';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

export function VerifyScreen() {
  const { t } = useTranslation();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [trusted, setTrusted] = useState('');
  const [anchors, setAnchors] = useState<Anchors | null>(null);
  const [centres, setCentres] = useState<Anchors | null>(null);
  const [checking, setChecking] = useState(false);
  /** A time-stamp request or response is being worked on, or a countersignature: no other check or change starts meanwhile. */
  const [stamping, setStamping] = useState(false);
  const [countersigning, setCountersigning] = useState(false);
  const changing = stamping || countersigning;
  const changingNow = useRef({ stamping: false, countersigning: false });
  const [dragging, setDragging] = useState(false);
  const [report, setReport] = useState<VerifyReport | null>(null);
  /** The bundle file's SHA-256 once the person countersigned it here: what they now send on must have this one. */
  const [newSha256, setNewSha256] = useState<string | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const toast = useTaskToast();

  async function check(bundle: File) {
    if (checking) return;
    if (bundle !== file) setNewSha256(null);
    setFile(bundle);
    setReport(null);
    setError(null);
    setChecking(true);
    const result = await dalel()
      .bundle.verify({
        file: bundle,
        trusted: trusted.trim() === '' ? undefined : trusted,
        timestampAnchors: anchors?.base64,
        countersignatureAnchors: centres?.base64,
      })
      .catch((): { ok: false; error: DalelError } => ({ ok: false, error: { code: 'internal' } }));
    setChecking(false);
    if (result.ok) setReport(result.value);
    else setError(result.error);
  }

  const onStamping = useCallback((busy: boolean) => {
    changingNow.current.stamping = busy;
    setStamping(busy);
  }, []);
  const onCountersigning = useCallback((busy: boolean) => {
    changingNow.current.countersigning = busy;
    setCountersigning(busy);
  }, []);

  /** The proof of time is in the bundle file now: say so, and show it as a new check finds it. */
  function timeStampAdded(bundle: File) {
    toast.result((tr) => tr('verify:timestamp.added', { name: bundle.name }));
    setNewSha256(null);
    void check(bundle);
  }

  /** The countersignature is in the bundle file now: say so, show the file's new SHA-256, and the signature as a new check finds it. */
  function countersigned(bundle: File, sha256: string) {
    toast.result((tr) => tr('verify:countersign.added', { name: bundle.name }));
    setNewSha256(sha256);
    void check(bundle);
  }

  // The window's listeners see the latest state through this ref, not the first render's.
  const checkRef = useRef(check);
  checkRef.current = check;

  // A bundle dropped anywhere on the screen is checked; Chromium must not open it in place of the app.
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      // Only when the drag leaves the window, not when it moves between elements.
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const dropped = event.dataTransfer?.files[0];
      const busy = changingNow.current.stamping || changingNow.current.countersigning;
      if (dropped && !busy) void checkRef.current(dropped);
    };
    window.addEventListener('dragenter', over);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', over);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  useEffect(() => {
    if (checking) cancelButton.current?.focus();
  }, [checking]);

  return (
    <div className={`verify-screen${dragging ? ' dragging' : ''}`}>
      <PageTitle text={t('verify:title')} />
      <p className="lead">{t('verify:screen.intro')}</p>
      <div className="verify-form">
        <div className={`drop-zone verify-drop${dragging ? ' dragging' : ''}`}>
          <p className="drop-hint" aria-live="polite">
            {t(dragging ? 'verify:screen.dropNow' : 'verify:screen.dropHint')}
          </p>
          <FilePickerButton
            label={t('verify:screen.choose')}
            accept=".zip,application/zip"
            disabled={checking || changing}
            onFiles={([chosen]) => void check(chosen!)}
          />
        </div>
        <div className="field">
          <label htmlFor="verify-trusted">{t('verify:screen.trustedLabel')}</label>
          <p className="hint" id="verify-trusted-hint">
            {t('verify:screen.trustedHint')}
          </p>
          <textarea
            id="verify-trusted"
            rows={3}
            dir="ltr"
            spellCheck={false}
            autoComplete="off"
            value={trusted}
            aria-describedby="verify-trusted-hint"
            onChange={(event) => setTrusted(event.target.value)}
          />
        </div>
        <AnchorsField kind="timestamp" anchors={anchors} disabled={checking || changing} onChange={setAnchors} />
        <AnchorsField kind="countersign" anchors={centres} disabled={checking || changing} onChange={setCentres} />
        {file && (
          <div className="verify-chosen">
            <p>
              <bdi className="file-name">{t('verify:screen.chosen', { name: file.name })}</bdi>
            </p>
            <button type="button" onClick={() => void check(file)} disabled={checking || changing}>
              {t('verify:screen.checkAgain')}
            </button>
          </div>
        )}
        {file && newSha256 && (
          <p className="countersigned-sha256">
            {t('verify:countersign.newSha256')} <code>{newSha256}</code>
          </p>
        )}
      </div>
      {checking && file && <TaskProgress task="verify" label={t('verify:screen.checking', { name: file.name })} ref={cancelButton} />}
      <ErrorMessage error={error} />
      {report && !checking && (
        <VerifyResult
          report={report}
          addTimeStamp={
            file && report.bundleId ? (
              <AddTimeStamp file={file} bundleId={report.bundleId} disabled={countersigning} onBusy={onStamping} onAdded={() => timeStampAdded(file)} />
            ) : null
          }
          countersign={
            file ? (
              <CountersignWays file={file} disabled={stamping} onBusy={onCountersigning} onCountersigned={(added) => countersigned(file, added.sha256)} />
            ) : null
          }
        />
      )}
    </div>
  );
}
