/**
 * What a defender sees before any archive is open: make a new archive or
 * open an existing one. It only hands the opened archive's status up; it
 * keeps nothing itself. After a quick delete it says only that no archive
 * is open: at a border, the screen should look like a fresh start.
 */
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import type { DalelError } from '../dalel';
import { CreateArchiveForm } from './CreateArchiveForm';
import { OpenArchiveForm } from './OpenArchiveForm';

/** Why the start screen is back: an archive was destroyed by quick delete, or ended with an error. */
export type StartNotice = 'destroyed' | { error: DalelError };

interface Props {
  defaultPath: string;
  notice: StartNotice | null;
  onOpened: (status: ArchiveStatus) => void;
  /** An archive needs its passphrase; resolves false if there is no unlock screen to show. */
  onPassphraseRequired: () => Promise<boolean>;
}

export function StartScreen({ defaultPath, notice, onOpened, onPassphraseRequired }: Props) {
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
      <div className="start-columns">
        <CreateArchiveForm defaultPath={defaultPath} onOpened={onOpened} />
        <OpenArchiveForm defaultPath={defaultPath} onOpened={onOpened} onPassphraseRequired={onPassphraseRequired} />
      </div>
    </div>
  );
}
