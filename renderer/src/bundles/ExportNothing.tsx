/**
 * The export screen of an archive with no records yet: there is nothing to
 * put in a bundle, so it says so and links to recording the first incident.
 */
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../router';

export function ExportNothing() {
  const { t } = useTranslation();
  return (
    <div className="empty-state export-nothing">
      <h2>{t('verify:export.nothing.title')}</h2>
      <p>{t('verify:export.nothing.text')}</p>
      <p>
        <a className="button primary" href={hrefOf({ screen: 'new' })}>
          {t('verify:export.nothing.action')}
        </a>
      </p>
    </div>
  );
}
