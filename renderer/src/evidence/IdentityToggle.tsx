/**
 * The one "Show identifying details" button of a view that reads a person's
 * answers out of stored revisions (the history, the conflict screen, a
 * merge): until it is pressed, those views write the person as their role
 * and which fields are filled (incidents/revisionValues.ts), so that nobody
 * beside the screen reads a witness's name in passing. It must never show
 * anything itself; it only says whether the view may.
 */
import { useTranslation } from 'react-i18next';

export function IdentityToggle({ shown, onToggle, controls }: { shown: boolean; onToggle: () => void; controls: string }) {
  const { t } = useTranslation();
  return (
    <p className="person-mask-toggle">
      <button type="button" aria-expanded={shown} aria-controls={controls} onClick={onToggle}>
        {t(shown ? 'evidence:source.identity.hide' : 'evidence:source.identity.show')}
      </button>{' '}
      {!shown && <span className="hint">{t('evidence:source.identity.maskedNote')}</span>}
    </p>
  );
}

/** True when any of `values` holds a person with an identifying answer: only then is the button worth showing. */
export function holdsIdentity(values: readonly unknown[]): boolean {
  return values.some(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      ['name', 'contact', 'address', 'ageGroup', 'gender', 'disability'].some((field) => !!(value as Record<string, unknown>)[field]),
  );
}
