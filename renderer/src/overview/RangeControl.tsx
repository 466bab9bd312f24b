/**
 * The overview's date range: two native date fields (first and last day,
 * inclusive) and "All dates". A complete, ordered pair (or one side left
 * open) is handed to the screen, which asks the engine again, so every
 * chart and count follows it; the range shown is written out in words in
 * the app's language below the fields. It never filters anything itself.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/ipc';
import { formatDay } from './format';

export interface DayRange {
  from?: string | undefined;
  to?: string | undefined;
}

interface Props {
  /** The days the numbers cover now (the range asked for, else the records' own). */
  shown: { from: string; to: string } | null;
  lng: Language;
  onChange: (range: DayRange) => void;
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export function RangeControl({ shown, lng, onChange }: Props) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(shown?.from ?? '');
  const [to, setTo] = useState(shown?.to ?? '');
  useEffect(() => {
    setFrom(shown?.from ?? '');
    setTo(shown?.to ?? '');
  }, [shown?.from, shown?.to]);
  const reversed = isDay(from) && isDay(to) && from > to;

  const apply = (nextFrom: string, nextTo: string) => {
    // A half-typed day is not a day yet; a reversed pair waits for the person to fix one side.
    if ((nextFrom && !isDay(nextFrom)) || (nextTo && !isDay(nextTo))) return;
    if (nextFrom && nextTo && nextFrom > nextTo) return;
    onChange({ from: nextFrom || undefined, to: nextTo || undefined });
  };

  return (
    <form className="overview-range" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>{t('overview:range.legend')}</legend>
        <div className="overview-range-fields">
          <label>
            <span>{t('overview:range.from')}</span>
            <input
              id="overview-range-from"
              type="date"
              value={from}
              aria-invalid={reversed || undefined}
              aria-describedby={reversed ? 'overview-range-error' : undefined}
              onChange={(event) => {
                setFrom(event.target.value);
                apply(event.target.value, to);
              }}
            />
          </label>
          <label>
            <span>{t('overview:range.to')}</span>
            <input
              id="overview-range-to"
              type="date"
              value={to}
              aria-invalid={reversed || undefined}
              aria-describedby={reversed ? 'overview-range-error' : undefined}
              onChange={(event) => {
                setTo(event.target.value);
                apply(from, event.target.value);
              }}
            />
          </label>
          <button type="button" className="button" onClick={() => onChange({})}>
            {t('overview:range.all')}
          </button>
        </div>
        {reversed && (
          <p id="overview-range-error" className="field-error" role="alert">
            {t('overview:range.reversed')}
          </p>
        )}
        {shown && (
          <p className="overview-range-shown" role="status">
            {t('overview:range.showing', { from: formatDay(shown.from, lng), to: formatDay(shown.to, lng) })}
          </p>
        )}
      </fieldset>
    </form>
  );
}
