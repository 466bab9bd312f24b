/**
 * The "from" and "to" days of a list's time range (YYYY-MM-DD, both
 * inclusive, either left empty for open). A range that ends before it
 * starts is marked as such next to the field. It edits two strings and
 * nothing else.
 */
import { useTranslation } from 'react-i18next';

interface Props {
  /** Prefix of the fields' ids, unique on the page. */
  id: string;
  from: string;
  to: string;
  /** What the range is compared with, in words ("Incidents going on during these days."). */
  hint: string;
  onChange: (range: { from: string; to: string }) => void;
}

export function DateRangeFields({ id, from, to, hint, onChange }: Props) {
  const { t } = useTranslation();
  const backwards = Boolean(from && to && to < from);
  return (
    <fieldset className="date-range" aria-describedby={`${id}-hint`}>
      <legend>{t('evidence:lists.timeRange')}</legend>
      <div>
        <label htmlFor={`${id}-from`}>{t('evidence:lists.from')}</label>
        <input id={`${id}-from`} type="date" value={from} max={to || undefined} onChange={(event) => onChange({ from: event.target.value, to })} />
      </div>
      <div>
        <label htmlFor={`${id}-to`}>{t('evidence:lists.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={to}
          min={from || undefined}
          aria-invalid={backwards || undefined}
          aria-describedby={backwards ? `${id}-error` : undefined}
          onChange={(event) => onChange({ from, to: event.target.value })}
        />
      </div>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {backwards && (
        <p className="field-error" id={`${id}-error`}>
          {t('evidence:lists.rangeBackwards')}
        </p>
      )}
    </fieldset>
  );
}
