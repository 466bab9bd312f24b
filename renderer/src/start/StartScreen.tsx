/**
 * What a defender sees before any archive is open, as a short welcome in the
 * language the OS asked for: choose the language, make a new archive (the
 * caller then shows its key's fingerprint to note) or open an existing one,
 * or look around in the illustrative sample archive first. It only hands
 * the opened archive's status up; it keeps nothing itself. After a quick delete it says only that no archive
 * is open: at a border, the screen should look like a fresh start.
 */
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { PageTitle } from '../components/PageTitle';
import type { DalelError } from '../dalel';
import { CreateArchiveForm } from './CreateArchiveForm';
import { OpenArchiveForm } from './OpenArchiveForm';
import { SampleArchiveCard } from './SampleArchiveCard';
import './welcome.css';

/** Why the start screen is back: an archive was destroyed by quick delete, or ended with an error. */
export type StartNotice = 'destroyed' | { error: DalelError };

interface Props {
  defaultPath: string;
  notice: StartNotice | null;
  onOpened: (status: ArchiveStatus) => void;
  /** A new archive was made here (before `onOpened`): the caller shows its key to note. */
  onCreated?: () => void;
  /** An archive needs its passphrase; resolves false if there is no unlock screen to show. */
  onPassphraseRequired: () => Promise<boolean>;
}

export function StartScreen({ defaultPath, notice, onOpened, onCreated, onPassphraseRequired }: Props) {
  const { t } = useTranslation();
  return (
    <div className="start-screen">
      <PageTitle text={t('common:start.title')} />
      {notice === 'destroyed' && (
        <p className="notice" role="status">
          {t('security:destroyed.done')}
        </p>
      )}
      {notice && notice !== 'destroyed' && <ErrorMessage error={notice.error} />}
      <p className="lead">{t('common:start.intro')}</p>
      <ol className="welcome-steps">
        <li>{t('welcome:steps.language')}</li>
        <li>{t('welcome:steps.create')}</li>
        <li>{t('welcome:steps.key')}</li>
      </ol>
      {/* Not a named region: "Language" would then name two things on this screen. */}
      <div className="card welcome-language">
        <h2>{t('welcome:language.title')}</h2>
        <LanguageSwitcher id="welcome-language" label={t('welcome:language.label')} />
      </div>
      <div className="start-columns">
        <CreateArchiveForm
          defaultPath={defaultPath}
          onOpened={(status) => {
            onCreated?.();
            onOpened(status);
          }}
        />
        <OpenArchiveForm defaultPath={defaultPath} onOpened={onOpened} onPassphraseRequired={onPassphraseRequired} />
      </div>
      <SampleArchiveCard defaultPath={defaultPath} onOpened={onOpened} />
    </div>
  );
}
