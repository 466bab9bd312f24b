/**
 * The unobtrusive line at the bottom of an open archive: which archive, whose
 * organization, whether it is encrypted, and the fingerprint of the key that
 * signs every save, so a defender can compare it with what a lawyer sees in a
 * bundle.
 */
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';

type OpenStatus = Extract<ArchiveStatus, { open: true }>;

export function AppFooter({ status }: { status: OpenStatus }) {
  const { t } = useTranslation();
  return (
    <footer className="app-footer">
      <p>
        <span className="archive-name">{t('common:archive.name', { name: status.name })}</span>
        {status.organization && <span> · {status.organization}</span>}
        <span className={status.encrypted ? 'encryption-state' : 'encryption-state off'}>
          {' · '}
          {t(status.encrypted ? 'security:badge.encrypted' : 'security:badge.notEncrypted')}
        </span>
      </p>
      <p>
        {t('common:archive.key')} <code className="fingerprint">{status.fingerprint}</code>
      </p>
    </footer>
  );
}
