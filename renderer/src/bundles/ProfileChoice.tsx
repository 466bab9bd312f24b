/**
 * The bundle's profile, one of three radio buttons, each with the one-line
 * explanation the report itself prints (report:profile.<code>.explanation),
 * so the screen and the bundle say the same thing.
 */
import { useTranslation } from 'react-i18next';
import { bundleProfiles, type BundleProfile } from '../../../shared/model';

interface Props {
  profile: BundleProfile;
  onChange: (profile: BundleProfile) => void;
}

export function ProfileChoice({ profile, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="export-profile">
      <legend>{t('verify:export.profile.legend')}</legend>
      {bundleProfiles.map((code) => (
        <div className="export-option" key={code}>
          <input
            id={`export-profile-${code}`}
            type="radio"
            name="export-profile"
            value={code}
            checked={profile === code}
            onChange={() => onChange(code)}
            aria-describedby={`export-profile-${code}-hint`}
          />
          <label htmlFor={`export-profile-${code}`}>{t(`report:profile.${code}.name`)}</label>
          <p className="hint" id={`export-profile-${code}-hint`}>
            {t(`report:profile.${code}.explanation`)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
