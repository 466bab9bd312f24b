/**
 * A point in time as a witness gives it: a date, a time (unless only the day
 * is known), the UTC offset of the place (the area's on that date by
 * default, ./offsetDefaults.ts) and how precisely it is known, with the date
 * written out in words under it (./dateWords.ts). A date with no time saves
 * as a day (./draft.ts). Keeps the offset as chosen; never converts.
 */
import { useTranslation } from 'react-i18next';
import { timePrecisions, type TimePrecision } from '../../../../shared/model';
import { currentLanguage } from '../../i18n';
import { dateWordsOf } from './dateWords';
import type { TimeDraft } from './draft';
import { FieldError, describedBy } from './FieldError';
import { fieldAnchorId, fieldErrorId, type FieldKey } from './validation';

/** Every offset in use somewhere in the world, whole hours first. */
const offsets = (() => {
  const fmt = (minutes: number) => {
    const abs = Math.abs(minutes);
    return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  };
  const odd = [-570, -210, 210, 270, 330, 345, 390, 525, 570, 630, 765, 825];
  const minutes = [...Array.from({ length: 27 }, (_, i) => (i - 12) * 60), ...odd].sort((a, b) => a - b);
  return minutes.map(fmt);
})();

interface Props {
  /** An incident field; another form names its own ids with `ids`. */
  field: FieldKey | string;
  ids?: { base: string; anchor: string; error: string };
  legend: string;
  hint?: string;
  value: TimeDraft;
  onChange: (value: TimeDraft) => void;
  messages: readonly string[];
  disabled?: boolean;
  required?: boolean;
}

export function TimestampField({ field, ids, legend, hint, value, onChange, messages, disabled, required }: Props) {
  const { t } = useTranslation();
  const base = ids?.base ?? `incident-${field}`;
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = ids?.error ?? fieldErrorId(field as FieldKey);
  const invalid = messages.length > 0 || undefined;
  const set = (change: Partial<TimeDraft>) => onChange({ ...value, ...change });
  const choices = offsets.includes(value.offset) ? offsets : [...offsets, value.offset];
  // The date in the app's words, tied to the date field (never announced as it changes: the field describes itself when focused).
  const words = dateWordsOf(value, currentLanguage(), t);
  const wordsId = `${base}-date-words`;

  return (
    <fieldset className="timestamp-field" id={ids?.anchor ?? fieldAnchorId(field as FieldKey)} disabled={disabled} aria-describedby={describedBy(hintId, invalid && errorId)}>
      <legend>
        {legend}
        {required && <span className="required-mark"> *</span>}
      </legend>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="timestamp-parts">
        <div className="field">
          <label htmlFor={`${base}-date`}>{t('incidents:form.date')}</label>
          <input
            id={`${base}-date`}
            type="date"
            value={value.date}
            aria-invalid={invalid}
            aria-describedby={describedBy(words ? wordsId : undefined, invalid && errorId)}
            onChange={(event) => set({ date: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${base}-time`}>{t('incidents:form.time')}</label>
          <input
            id={`${base}-time`}
            type="time"
            value={value.precision === 'day' ? '' : value.time}
            disabled={value.precision === 'day'}
            onChange={(event) => set({ time: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${base}-offset`}>{t('incidents:form.offset')}</label>
          <select id={`${base}-offset`} value={value.offset} onChange={(event) => set({ offset: event.target.value, offsetChosen: true })}>
            {choices.map((offset) => (
              <option key={offset} value={offset}>
                {t('incidents:format.utcOffset', { offset })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${base}-precision`}>{t('incidents:form.precision')}</label>
          <select
            id={`${base}-precision`}
            value={value.precision}
            onChange={(event) => set({ precision: event.target.value as TimePrecision })}
          >
            {timePrecisions.map((precision) => (
              <option key={precision} value={precision}>
                {t(`taxonomy:precision.${precision}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {words && (
        <p className="hint date-in-words" id={wordsId}>
          {words}
        </p>
      )}
      <FieldError id={errorId} messages={messages} />
    </fieldset>
  );
}
