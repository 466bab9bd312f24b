/**
 * The "Import and merge" screen of an organization that receives defenders'
 * work: import a signed bundle, merge another archive folder, or import a
 * spreadsheet (STOP's, or the organization's own). Each checks everything
 * first and writes all or nothing; nothing already in the archive
 * is changed. Redacted bundles kept as received evidence are one link away.
 */
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';
import { hrefOf } from '../router';
import { ArchiveMerge } from './ArchiveMerge';
import { BundleImport } from './BundleImport';
import { SpreadsheetImport } from './SpreadsheetImport';
import './exchange.css';

export function ImportScreen() {
  const { t } = useTranslation('exchange');
  return (
    <div className="import-screen">
      <PageTitle text={t('screen.title')} />
      <p className="lead">{t('screen.intro')}</p>
      <p>
        <a href={hrefOf({ screen: 'received' })}>{t('screen.toReceived')}</a>
      </p>
      <BundleImport />
      <SpreadsheetImport />
      <ArchiveMerge />
    </div>
  );
}
