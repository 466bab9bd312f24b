/**
 * The incident's country as a choice among the countries the app can name
 * (those with a gazetteer or a name in the app's strings), not two letters
 * typed by hand; a code already on an edited record stays offered.
 */
import { useTranslation } from 'react-i18next';
import { gazetteers } from '../../../../shared/model';
import { currentLanguage } from '../../i18n';
import { countryName } from '../format';
import { FieldError, describedBy } from './FieldError';
import { fieldAnchorId, fieldErrorId } from './validation';

interface Props {
  value: string;
  onChange: (code: string) => void;
  messages: readonly string[];
}

export function CountrySelect({ value, onChange, messages }: Props) {
  const { t, i18n } = useTranslation();
  const lng = currentLanguage();
  const named = Object.keys((i18n.getResourceBundle(lng, 'incidents') as { countries?: Record<string, string> } | undefined)?.countries ?? {});
  const codes = [...new Set([...Object.keys(gazetteers), ...named, ...(/^[A-Z]{2}$/.test(value) ? [value] : [])])];
  const options = codes.map((code) => ({ code, name: countryName(code, lng) })).sort((a, b) => a.name.localeCompare(b.name, lng));
  const hintId = 'incident-country-hint';
  return (
    <div className="field narrow" id={fieldAnchorId('country')}>
      <label htmlFor="incident-country">{t('incidents:fields.country')}</label>
      <p className="hint" id={hintId}>
        {t('incidents:form.hints.countrySelect')}
      </p>
      <select
        id="incident-country"
        value={value}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={describedBy(hintId, messages.length > 0 && fieldErrorId('country'))}
        onChange={(event) => onChange(event.target.value)}
      >
        {!codes.includes(value) && <option value={value}>{value || '—'}</option>}
        {options.map(({ code, name }) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
      <FieldError id={fieldErrorId('country')} messages={messages} />
    </div>
  );
}
