/**
 * Merging another archive folder (`archive.merge`), e.g. one copied from a
 * defender's laptop: the folder, typed or chosen with the native dialog; its
 * passphrase when it turns out to be encrypted (asked only then, used once
 * and forgotten); a progress bar with Cancel; then what the merge added.
 * The engine checks every revision and file and merges all or nothing; the
 * other archive is only read.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskProgress } from '../bundles/TaskProgress';
import type { SetAsideChange } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import { useTaskToast } from '../components/ToastRegion';
import { dalel, type DalelError, type Result } from '../dalel';
import { FolderField } from '../start/FolderField';
import { ExchangeOutcome } from './ExchangeOutcome';
import { outcomeOf, type Outcome } from './outcome';
import { outcomeText, setAsideText } from './outcomeText';

const failed = (): Result<never> => ({ ok: false, error: { code: 'internal' } });

export function ArchiveMerge() {
  const { t } = useTranslation('exchange');
  const [path, setPath] = useState('');
  const [pathMissing, setPathMissing] = useState(false);
  /** Set once the engine said the other archive is encrypted, for that folder. */
  const [encrypted, setEncrypted] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  /** Wrong passphrases left before the other archive destroys itself, if its owner set such a limit. */
  const [attemptsLeft, setAttemptsLeft] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<{ outcome: Outcome; setAside: SetAsideChange[]; run: number } | null>(null);
  const [focusAfter, setFocusAfter] = useState<'path' | 'passphrase' | 'submit' | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);
  const toast = useTaskToast();

  useEffect(() => {
    if (running) cancelButton.current?.focus();
  }, [running]);
  // Focus moves only once the form is enabled again.
  useEffect(() => {
    if (running || !focusAfter) return;
    if (focusAfter === 'path') document.getElementById('merge-path')?.focus();
    if (focusAfter === 'passphrase') passphraseInput.current?.focus();
    if (focusAfter === 'submit') submitButton.current?.focus();
    setFocusAfter(null);
  }, [running, focusAfter]);

  async function merge(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setAttemptsLeft(null);
    setOutcome(null);
    if (!path.trim()) {
      setPathMissing(true);
      return setFocusAfter('path');
    }
    setRunning(true);
    const result = await dalel()
      .archive.merge({ path: path.trim(), ...(encrypted ? { passphrase } : {}) })
      .catch(failed);
    // SECURITY: the other archive's passphrase is used once and not kept in the form.
    setPassphrase('');
    setRunning(false);
    if (result.ok) {
      setEncrypted(false);
      const { setAside } = result.value;
      toast.result((tr) => tr('common:toast.merged', { detail: outcomeText(outcomeOf(result.value), tr) + (setAside.length ? ` ${setAsideText(setAside, 'merge', tr)}` : '') }));
      return setOutcome((last) => ({ outcome: outcomeOf(result.value), setAside, run: (last?.run ?? 0) + 1 }));
    }
    const { code } = result.error;
    if (code === 'passphraseRequired' || code === 'wrongPassphrase' || code === 'wrongPassphraseLimited') {
      setEncrypted(true);
      // The errors namespace speaks of "this archive"; here the limit is the other archive's.
      if (code === 'wrongPassphraseLimited') setAttemptsLeft(Number(result.error.params?.left ?? 0));
      // The first time, asking is no failure: the field says what to do.
      else if (code !== 'passphraseRequired' || encrypted) setError(result.error);
      return setFocusAfter('passphrase');
    }
    setError(result.error);
    toast.error(result.error);
    setFocusAfter('submit');
  }

  return (
    <section className="archive-merge" aria-labelledby="archive-merge-title">
      <h2 id="archive-merge-title">{t('merge.title')}</h2>
      <p className="hint">{t('merge.intro')}</p>
      <form onSubmit={(event) => void merge(event)} noValidate aria-labelledby="archive-merge-title">
        <fieldset className="plain-fieldset" disabled={running}>
          <FolderField
            id="merge-path"
            purpose="open"
            value={path}
            onChange={(next) => {
              setPath(next);
              setPathMissing(false);
              setEncrypted(false);
              setError(null);
            }}
          />
          {pathMissing && (
            <p className="field-error" id="merge-path-error" role="alert">
              {t('merge.pathMissing')}
            </p>
          )}
          {encrypted && (
            <div className="field">
              <label htmlFor="merge-passphrase">{t('merge.passphrase')}</label>
              <p className="hint" id="merge-passphrase-hint">
                {t('merge.passphraseHint')}
              </p>
              <input
                ref={passphraseInput}
                id="merge-passphrase"
                type="password"
                autoComplete="off"
                value={passphrase}
                aria-describedby="merge-passphrase-hint"
                onChange={(event) => setPassphrase(event.target.value)}
              />
            </div>
          )}
          <div className="form-actions">
            <button ref={submitButton} type="submit" className="primary">
              {t('merge.submit')}
            </button>
          </div>
        </fieldset>
      </form>
      {running && <TaskProgress task="merge" label={t('merge.running')} ref={cancelButton} />}
      <ErrorMessage error={error} />
      {attemptsLeft !== null && (
        <p className="error-message" role="alert">
          {t('merge.wrongPassphraseLimited', { left: attemptsLeft })}
        </p>
      )}
      {outcome && (
        <ExchangeOutcome
          key={outcome.run}
          id="merge-outcome"
          title={t('outcome.mergedTitle')}
          outcome={outcome.outcome}
          setAside={{ changes: outcome.setAside, where: 'merge' }}
        />
      )}
    </section>
  );
}
