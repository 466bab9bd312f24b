/**
 * A proof of time for the archive's custody log, where a record's chain of
 * custody is shown: the proofs kept so far, then two steps. 1. Save a
 * request for the log as it is now (its last line) where the person
 * chooses in the native save dialog, and read what to do with it on a
 * connected computer. 2. Pick the authority's answer (.tsr), which the
 * engine checks against the log and keeps; on any refusal the archive is
 * as it was and the reason shows translated. The app never connects to
 * anything. When the archive is locked, or its folder cannot be written,
 * the part says so instead of failing.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxResponseBytes, sendCommand, utcText } from '../bundles/proofOfTime';
import { fileNameOf } from '../bundles/exportPath';
import { useFileSteps } from '../bundles/useFileSteps';
import { dalel, type DalelError, type Result } from '../dalel';
import { currentLanguage } from '../i18n';
import { formatInstant } from '../incidents/format';
import { CustodyAnchorTable } from './CustodyAnchorTable';
import { anchorError, anchorRequestName, anchorStanding, coveringAnchor, unavailableBecause, type AnchorStanding, type Unavailable } from './custodyProof';
import { ErrorMessage } from './ErrorMessage';
import { FilePickerButton } from './FilePickerButton';
import './custodyProof.css';

interface Props {
  /** The record's last line in the log, to say whether a proof covers its history; null while the chain loads. */
  lastSeq: number | null;
}

const failed = (): { ok: false; error: DalelError } => ({ ok: false, error: { code: 'internal' } });

export function CustodyProofOfTime({ lastSeq }: Props) {
  const { t } = useTranslation();
  const [anchors, setAnchors] = useState<AnchorStanding[] | null>(null);
  const [unavailable, setUnavailable] = useState<Unavailable | null>(null);
  const { working, error, setError, tooLarge, run: runStep, chooseOut, chosenBase64 } = useFileSteps<'request' | 'add'>();
  const [saved, setSaved] = useState<{ seq: number; out: string } | null>(null);
  const [status, setStatus] = useState('');

  /** A failure that makes the part unusable shows as the reason; any other as its translated error. */
  const refused = useCallback((failure: DalelError, call: 'list' | 'request' | 'add') => {
    const reason = unavailableBecause(failure, call);
    if (reason) setUnavailable(reason);
    else setError(call === 'add' ? anchorError(failure) : failure);
  }, [setError]);

  const load = useCallback(async () => {
    const listed = await dalel().custody.anchors({}).catch(failed);
    if (listed.ok) setAnchors(listed.value.anchors.map(anchorStanding));
    else refused(listed.error, 'list');
  }, [refused]);

  useEffect(() => {
    void load();
  }, [load]);

  /** A step, announced while it works; a failure that makes the part unusable shows as the reason. */
  async function run<T>(what: 'request' | 'add', busyText: string, call: () => Promise<Result<T>>): Promise<T | null> {
    setStatus(busyText);
    const value = await runStep(what, call, (failure) => refused(failure, what));
    setStatus('');
    return value;
  }

  async function saveRequest() {
    if (working) return;
    const out = await chooseOut(anchorRequestName(new Date()));
    if (!out) return;
    const written = await run('request', t('common:custody.proof.savingRequest'), () => dalel().custody.anchorRequest({ out }));
    if (!written) return;
    setSaved(written);
    setStatus(t('common:custody.proof.requestSavedStatus', { seq: written.seq, name: fileNameOf(written.out) }));
  }

  async function addAnswer(answer: File) {
    if (working) return;
    setStatus('');
    const encoded = await chosenBase64(answer, maxResponseBytes, t('verify:timestamp.responseTooLarge', { name: answer.name }));
    if (encoded === null) return;
    const added = await run('add', t('common:custody.proof.adding'), () => dalel().custody.addAnchor({ response: encoded }));
    if (!added) return;
    await load();
    const time = `${formatInstant(added.timestamp.time, currentLanguage())} (${utcText(added.timestamp.time)})`;
    setStatus(t('common:custody.proof.added', { seq: added.seq, time, authority: added.timestamp.authority }));
  }

  const covering = anchors && lastSeq !== null ? coveringAnchor(anchors, lastSeq) : null;
  const requestName = saved ? fileNameOf(saved.out) : anchorRequestName(new Date());
  return (
    <section className="custody-proof" aria-labelledby="custody-proof-title">
      <h3 id="custody-proof-title">{t('common:custody.proof.title')}</h3>
      <p>{t('common:custody.proof.intro')}</p>
      {unavailable ? (
        <p className="custody-proof-unavailable" role="status">
          {t(`common:custody.proof.unavailable.${unavailable}`)}
        </p>
      ) : (
        <>
          {anchors ? <CustodyAnchorTable anchors={anchors} /> : !error && <p className="loading">{t('common:loading')}</p>}
          {anchors && lastSeq !== null && anchors.some((anchor) => anchor.holds) && (
            <p className="custody-proof-coverage">
              {covering
                ? t('common:custody.proof.covered', { seq: covering.seq, time: formatInstant(covering.time, currentLanguage()), authority: covering.authority })
                : t('common:custody.proof.notCovered', { seq: lastSeq })}
            </p>
          )}
          <ol className="custody-proof-steps">
            <li>
              <p id="custody-request-hint">{t('common:custody.proof.stepRequest')}</p>
              <button type="button" onClick={() => void saveRequest()} disabled={working !== null} aria-describedby="custody-request-hint">
                {t('common:custody.proof.saveRequest')}
              </button>
              {saved && (
                <div className="custody-proof-saved">
                  <p>
                    {t('common:custody.proof.requestSaved', { seq: saved.seq })} <code className="custody-request-path">{saved.out}</code>
                  </p>
                  <p>{t('common:custody.proof.stepSend')}</p>
                  <pre className="custody-proof-command">
                    <code>{sendCommand(requestName)}</code>
                  </pre>
                  <p>{t('common:custody.proof.stepBack')}</p>
                </div>
              )}
            </li>
            <li>
              <p id="custody-answer-hint">{t('common:custody.proof.stepAnswer')}</p>
              <FilePickerButton
                label={t('common:custody.proof.chooseAnswer')}
                accept=".tsr,application/timestamp-reply"
                disabled={working !== null}
                onFiles={([chosen]) => void addAnswer(chosen!)}
              />
            </li>
          </ol>
        </>
      )}
      <p className="custody-proof-status" role="status">
        {status}
      </p>
      {tooLarge && (
        <p className="error-message" role="alert">
          {tooLarge}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
