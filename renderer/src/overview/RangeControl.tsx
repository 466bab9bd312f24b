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

  const pick = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    apply(nextFrom, nextTo);
  };
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
          <RangeDay id="overview-range-from" label={t('overview:range.from')} value={from} reversed={reversed} onChange={(day) => pick(day, to)} />
          <RangeDay id="overview-range-to" label={t('overview:range.to')} value={to} reversed={reversed} onChange={(day) => pick(from, day)} />
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

/** One side of the range: a native date field, marked invalid (and pointing at the message) while the pair is reversed. */
function RangeDay({ id, label, value, reversed, onChange }: { id: string; label: string; value: string; reversed: boolean; onChange: (day: string) => void }) {
  return (
    <label>
      <span>{label}</span>
      <input
        id={id}
        type="date"
        value={value}
        aria-invalid={reversed || undefined}
        aria-describedby={reversed ? 'overview-range-error' : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}
