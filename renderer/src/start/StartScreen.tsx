/**
 * What a defender sees before any archive is open: make a new archive or
 * open an existing one. It only hands the opened archive's status up; it
 * keeps nothing itself.
 */
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';
import { PageTitle } from '../components/PageTitle';
import { CreateArchiveForm } from './CreateArchiveForm';
import { OpenArchiveForm } from './OpenArchiveForm';

export function StartScreen({ defaultPath, onOpened }: { defaultPath: string; onOpened: (status: ArchiveStatus) => void }) {
  const { t } = useTranslation();
  return (
    <div className="start-screen">
      <PageTitle text={t('common:start.title')} />
      <p className="lead">{t('common:start.intro')}</p>
      <div className="start-columns">
        <CreateArchiveForm defaultPath={defaultPath} onOpened={onOpened} />
        <OpenArchiveForm defaultPath={defaultPath} onOpened={onOpened} />
      </div>
    </div>
  );
}
