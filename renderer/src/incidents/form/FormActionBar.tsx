/**
 * The bar that stays at the bottom of the window on a record form: Save,
 * Cancel, and which required fields are still missing ("2 required fields
 * left: Started, Country"), so a defender never scrolls to find the button.
 * The page keeps room for it (form.css, scroll-padding), so it never covers
 * the field being typed in.
 */
import { useTranslation } from 'react-i18next';

interface Props {
  saving: boolean;
  cancelHref: string;
  /** Translated names of the required fields still missing; empty when the record can be saved. */
  missing: readonly string[];
}

export function FormActionBar({ saving, cancelHref, missing }: Props) {
  const { t } = useTranslation();
  // A plain comma list: the platform's list formats have no Kazakh in every build.
  const list = missing.join(', ');
  return (
    <div className="form-actions sticky-actions">
      <button type="submit" className="primary" disabled={saving} aria-describedby="save-shortcut" aria-keyshortcuts="Control+S Control+Enter">
        {saving ? t('incidents:form.saving') : t('common:actions.save')}
      </button>
      <a className="button" href={cancelHref}>
        {t('common:actions.cancel')}
      </a>
      <p className="required-left" aria-live="polite">
        {missing.length > 0 ? t('incidents:form.requiredLeft', { count: missing.length, fields: list }) : t('incidents:form.requiredDone')}
      </p>
      <p className="hint" id="save-shortcut">
        {t('incidents:form.saveShortcut')}
      </p>
    </div>
  );
}
