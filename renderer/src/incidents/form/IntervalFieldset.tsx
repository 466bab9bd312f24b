/**
 * One time the network was off, inside the incident form's intervals
 * section: its start and end (each with the offset its areas had on that
 * date until the person picks one), which of the incident's areas and
 * operators it concerns (none ticked: all of them), and its own problems.
 */
import { useTranslation } from 'react-i18next';
import { findArea } from '../../../../shared/model';
import { currentLanguage } from '../../i18n';
import { ChoiceGroup } from './ChoiceGroup';
import { FieldError } from './FieldError';
import type { IntervalDraft } from './intervalDraft';
import { TimestampField } from './TimestampField';

interface Props {
  index: number;
  value: IntervalDraft;
  /** The incident's own areas and operators: an interval chooses among them. */
  areaCodes: readonly string[];
  places: readonly string[];
  operators: readonly string[];
  /** Translated problems of its start, its end, and the rest. */
  messages: IntervalMessages;
  onChange: (value: IntervalDraft) => void;
  onRemove: () => void;
}

export interface IntervalMessages {
  start: string[];
  end: string[];
  other: string[];
}

/** Ids of one interval's controls, stable for tests and the error summary. */
export const intervalBase = (index: number) => `incident-interval-${index}`;

export function IntervalFieldset({ index, value, areaCodes, places, operators, messages, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const base = intervalBase(index);
  const number = index + 1;
  const errorId = `${base}-error`;
  const timeIds = (part: 'start' | 'end') => ({ base: `${base}-${part}`, anchor: `${base}-${part}-field`, error: `${base}-${part}-error` });
  // Option values are positions: free text (a place, an operator) may hold any character, an id may not.
  const areaOptions = [
    ...areaCodes.map((code, i) => ({ value: `a${i}`, label: findArea(code)?.name[lng] ?? code })),
    ...places.map((place, i) => ({ value: `p${i}`, label: place })),
  ];
  const selectedAreas = [
    ...value.areaCodes.flatMap((code) => (areaCodes.includes(code) ? [`a${areaCodes.indexOf(code)}`] : [])),
    ...value.places.flatMap((place) => (places.includes(place) ? [`p${places.indexOf(place)}`] : [])),
  ];
  const chooseAreas = (chosen: string[]) =>
    onChange({
      ...value,
      areaCodes: chosen.flatMap((key) => (key.startsWith('a') ? [areaCodes[Number(key.slice(1))]!] : [])),
      places: chosen.flatMap((key) => (key.startsWith('p') ? [places[Number(key.slice(1))]!] : [])),
    });
  const operatorOptions = operators.map((operator, i) => ({ value: `o${i}`, label: operator }));
  const selectedOperators = value.operators.flatMap((operator) => (operators.includes(operator) ? [`o${operators.indexOf(operator)}`] : []));

  return (
    <fieldset className="interval" id={base} aria-describedby={messages.other.length > 0 ? errorId : undefined}>
      <legend>{t('incidents:intervals.number', { number })}</legend>
      <TimestampField
        field={`${base}-start`}
        ids={timeIds('start')}
        required
        legend={t('incidents:intervals.start')}
        value={value.start}
        onChange={(start) => onChange({ ...value, start })}
        messages={messages.start}
      />
      <TimestampField
        field={`${base}-end`}
        ids={timeIds('end')}
        legend={t('incidents:intervals.end')}
        hint={t('incidents:intervals.endHint')}
        value={value.end}
        onChange={(end) => onChange({ ...value, end })}
        messages={messages.end}
      />
      {areaOptions.length > 0 && (
        <ChoiceGroup
          type="checkbox"
          columns={3}
          ids={{ base: `${base}-areas`, anchor: undefined, error: errorId }}
          legend={t('incidents:intervals.areas')}
          hint={t('incidents:intervals.areasHint')}
          options={areaOptions}
          selected={selectedAreas}
          onChange={chooseAreas}
          messages={[]}
        />
      )}
      {operatorOptions.length > 0 && (
        <ChoiceGroup
          type="checkbox"
          columns={3}
          ids={{ base: `${base}-operators`, anchor: undefined, error: errorId }}
          legend={t('incidents:intervals.operators')}
          hint={t('incidents:intervals.operatorsHint')}
          options={operatorOptions}
          selected={selectedOperators}
          onChange={(chosen) => onChange({ ...value, operators: chosen.map((key) => operators[Number(key.slice(1))]!) })}
          messages={[]}
        />
      )}
      <FieldError id={errorId} messages={messages.other} />
      <button type="button" className="small" onClick={onRemove}>
        {t('incidents:intervals.remove', { number })}
      </button>
    </fieldset>
  );
}
