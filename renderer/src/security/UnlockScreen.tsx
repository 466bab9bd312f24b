/**
 * The locked archive: one passphrase field and "Unlock" (`archive:open`).
 * A wrong passphrase gets its translated message (with the attempts left
 * when the archive limits them), and the field is emptied after every
 * attempt so no passphrase outlives the call that used it. When the archive
 * allows quick delete, it can be destroyed from here without unlocking,
 * behind a quiet "Other options" disclosure, never a red button in sight.
 * With the neutral lock screen (a setting of this computer), it shows only
 * "Locked", the passphrase field and Unlock: no app name, tagline, purpose
 * or folder, and the window is titled "Locked".
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus, Safety } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { dalel, type DalelError } from '../dalel';
import { describedBy } from '../incidents/form/FieldError';
import { RepairPanel } from '../settings/RepairPanel';
import { QuickDeleteButton } from './QuickDeleteButton';

export interface LockedArchive {
  path: string;
  safety: Safety;
  attemptsLeft: number | null;
}

interface Props {
  locked: LockedArchive;
  /** Show nothing that says what the app is for (Settings, "Neutral lock screen"). */
  neutral: boolean;
  onOpened: (status: ArchiveStatus) => void;
  /** The archive is gone: destroyed here, or by the attempt limit (then with its error). */
  onDestroyed: (status: ArchiveStatus, error: DalelError | null) => void;
  onChooseOther: () => void;
}

export function UnlockScreen({ locked, neutral, onOpened, onDestroyed, onChooseOther }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<DalelError | null>(null);
  const [empty, setEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempts, setAttempts] = useState(0);

  useEffect(() => input.current?.focus(), []);

  async function unlock(event: FormEvent) {
    event.preventDefault();
    // An empty try would count against a limit on attempts; it never reaches the engine.
    if (!passphrase) return setEmpty(true);
    setBusy(true);
    const result = await dalel().archive.open({ path: locked.path, passphrase });
    // SECURITY: the passphrase leaves the UI's state as soon as it has been tried.
    setPassphrase('');
    setBusy(false);
    if (result.ok) return onOpened(result.value);
    if (result.error.code === 'archiveDestroyed') {
      const status = await dalel().archive.status({});
      if (status.ok) return onDestroyed(status.value, result.error);
    }
    setError(result.error);
    setAttempts((count) => count + 1);
    input.current?.focus();
  }

  const limitWarning =
    !error && locked.attemptsLeft !== null && locked.safety.unlockAttemptLimit !== null && locked.attemptsLeft < locked.safety.unlockAttemptLimit;
  const problem = empty ? 'unlock-required' : error ? 'unlock-error' : undefined;
  return (
    <div className="unlock-screen">
      {neutral ? <NeutralTitle /> : <PageTitle id="unlock-title" text={t('security:unlock.title')} takeFocus={false} />}
      {/* SECURITY: a neutral lock screen names neither the app's purpose nor the folder. */}
      {!neutral && <p className="lead">{t('security:unlock.intro')}</p>}
      <form className="card unlock-form" onSubmit={(event) => void unlock(event)} noValidate aria-labelledby="unlock-title">
        {!neutral && (
          <p className="hint">
            {t('security:unlock.folder')}: <code>{locked.path}</code>
          </p>
        )}
        {limitWarning && (
          <p className="warning-note" id="unlock-limit">
            {t('security:unlock.attemptsLeft', { count: locked.attemptsLeft ?? 0 })}
          </p>
        )}
        <div className="field">
          <label htmlFor="unlock-passphrase">{t('security:passphrase.label')}</label>
          <input
            ref={input}
            id="unlock-passphrase"
            type="password"
            autoComplete="current-password"
            value={passphrase}
            aria-invalid={Boolean(problem) || undefined}
            aria-describedby={describedBy(problem, limitWarning && 'unlock-limit')}
            onChange={(event) => {
              setPassphrase(event.target.value);
              setEmpty(false);
            }}
          />
          {empty && (
            <p className="field-error" id="unlock-required">
              {t('security:passphrase.required')}
            </p>
          )}
        </div>
        <div id="unlock-error">
          {/* Keyed by attempt, so the same message is announced again after another wrong try. */}
          <ErrorMessage key={attempts} error={error} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('security:unlock.button')}
          </button>
          {!neutral && (
            <button type="button" onClick={onChooseOther}>
              {t('security:unlock.other')}
            </button>
          )}
        </div>
      </form>
      {error?.code === 'custodyBroken' && (
        <section className="card" aria-labelledby="unlock-repair-title">
          <h2 id="unlock-repair-title">{t('security:settings.repair.title')}</h2>
          <RepairPanel path={locked.path} encrypted onRepaired={onOpened} />
        </section>
      )}
      {(neutral || locked.safety.quickDelete) && (
        <MoreOptions>
          {neutral && (
            <button type="button" onClick={onChooseOther}>
              {t('security:unlock.other')}
            </button>
          )}
          {locked.safety.quickDelete && <QuickDeleteButton quiet onDestroyed={(status) => onDestroyed(status, null)} />}
        </MoreOptions>
      )}
    </div>
  );
}

/** The neutral screen's heading, and the window's whole title: "Locked", without the app's name. */
function NeutralTitle() {
  const { t } = useTranslation();
  const text = t('security:unlock.neutralTitle');
  useEffect(() => {
    document.title = text;
  }, [text]);
  return (
    <h1 id="unlock-title" tabIndex={-1} className="page-title">
      {text}
    </h1>
  );
}

/**
 * A small, plain disclosure: what it holds is not on the page at all until
 * it is opened, so neither a glance nor the page's text announces it; the
 * toggle is an ordinary button, reached with Tab and opened with Enter.
 */
function MoreOptions({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="unlock-more">
      <button type="button" className="small" aria-expanded={open} aria-controls="unlock-more-options" onClick={() => setOpen((was) => !was)}>
        {t('security:unlock.neutralMore')}
      </button>
      <div id="unlock-more-options" className="form-actions" hidden={!open}>
        {open && children}
      </div>
    </div>
  );
}
