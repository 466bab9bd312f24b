/**
 * Settings of this computer and of the open archive: language and idle lock;
 * the archive's signing key, to pass on to recipients; the signers whose
 * bundles it trusts; the passphrase (change it, or encrypt an archive that
 * has none); and the safety protections for borders and raids. Each section
 * saves on its own and hands the new settings or status up; the screen keeps
 * nothing itself.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStatus, Settings } from '../../../shared/ipc';
import { PageTitle } from '../components/PageTitle';
import { ChangePassphraseSection } from './ChangePassphraseSection';
import { EncryptArchiveSection } from './EncryptArchiveSection';
import { PreferencesSection } from './PreferencesSection';
import { RepairSection } from './RepairSection';
import { SafetySection } from './SafetySection';
import { ShortcutsSection } from './ShortcutsSection';
import { SigningKeySection } from './SigningKeySection';
import { TrustedSignersSection } from './TrustedSignersSection';

type OpenStatus = Extract<ArchiveStatus, { open: true }>;

interface Props {
  status: OpenStatus;
  settings: Settings;
  onSettingsChange: (settings: Settings) => void;
  onStatusChange: (status: ArchiveStatus) => void;
  onDestroyed: (status: ArchiveStatus) => void;
}

export function SettingsScreen({ status, settings, onSettingsChange, onStatusChange, onDestroyed }: Props) {
  const { t } = useTranslation();
  const [justEncrypted, setJustEncrypted] = useState(false);
  return (
    <div className="settings-screen">
      <PageTitle text={t('security:settings.title')} />
      <p className="success-message" role="status">
        {justEncrypted ? t('security:settings.encrypt.done') : ''}
      </p>
      {!status.encrypted && (
        <EncryptArchiveSection
          onEncrypted={(encrypted) => {
            setJustEncrypted(true);
            onStatusChange(encrypted);
          }}
        />
      )}
      <PreferencesSection settings={settings} onChange={onSettingsChange} />
      <ShortcutsSection />
      <SigningKeySection archiveName={status.name} />
      <TrustedSignersSection ownFingerprint={status.fingerprint} />
      {status.encrypted && <ChangePassphraseSection resealAdvised={status.resealAdvised} onStatusChange={onStatusChange} />}
      <RepairSection status={status} onStatusChange={onStatusChange} />
      <SafetySection status={status} onStatusChange={onStatusChange} onDestroyed={onDestroyed} />
    </div>
  );
}
