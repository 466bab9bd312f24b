/**
 * The strength of the passphrase being typed, as a labelled <meter> and the
 * same verdict in words beside it (never colour alone). It only advises; it
 * keeps no copy of the passphrase beyond the render that shows it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadStrengthEstimator, strongestLevel, type StrengthEstimator } from './passphraseStrength';

export function StrengthMeter({ id, passphrase }: { id: string; passphrase: string }) {
  const { t } = useTranslation();
  const estimate = useStrengthEstimator();
  const level = passphrase && estimate ? estimate(passphrase) : null;
  const verdict = level === null ? t('security:strength.empty') : t(`security:strength.level${level}`);
  return (
    <div className="strength-meter">
      <span id={`${id}-label`}>{t('security:strength.label')}:</span>
      <meter
        id={id}
        min={0}
        max={strongestLevel + 1}
        low={2}
        high={4}
        optimum={strongestLevel + 1}
        value={level === null ? 0 : level + 1}
        aria-labelledby={`${id}-label`}
        aria-valuetext={verdict}
      />
      <span className="strength-verdict" id={`${id}-verdict`} aria-live="polite">
        {verdict}
      </span>
    </div>
  );
}

function useStrengthEstimator(): StrengthEstimator | null {
  const [estimate, setEstimate] = useState<{ run: StrengthEstimator } | null>(null);
  useEffect(() => {
    let current = true;
    void loadStrengthEstimator().then((run) => current && setEstimate({ run }));
    return () => {
      current = false;
    };
  }, []);
  return estimate?.run ?? null;
}
