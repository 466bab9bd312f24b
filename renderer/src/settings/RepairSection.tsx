/** Settings: check the open archive whole, and repair it (RepairPanel.tsx). */
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus } from '../../../shared/ipc';
import { RepairPanel } from './RepairPanel';

interface Props {
  status: Extract<ArchiveStatus, { open: true }>;
  onStatusChange(status: ArchiveStatus): void;
}

export function RepairSection({ status, onStatusChange }: Props) {
  const { t } = useTranslation();
  return (
    <section className="settings-section" aria-labelledby="settings-repair-title">
      <h2 id="settings-repair-title">{t('security:settings.repair.title')}</h2>
      <p className="hint">{t('security:settings.repair.intro')}</p>
      <RepairPanel path={status.path} encrypted={status.encrypted} onRepaired={onStatusChange} onClosed={onStatusChange} />
    </section>
  );
}
