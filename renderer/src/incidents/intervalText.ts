/**
 * One interval of an incident in words, for its page and its history: start
 * and end in their own offsets and precision, then its areas and operators.
 * Pure; never converts a time.
 */
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/ipc';
import type { Interval } from '../../../shared/model';
import { areaName, formatList, formatTimestampInFull } from './format';

export function intervalText(interval: Interval, lng: Language, t: TFunction): string {
  const start = formatTimestampInFull(interval.start, lng, t);
  const period = interval.end
    ? t('incidents:intervals.period', { start, end: formatTimestampInFull(interval.end, lng, t) })
    : t('incidents:intervals.noEnd', { start });
  const areas = interval.areas.map((area) => areaName(area, lng, interval.start.at));
  return [
    period,
    ...(areas.length > 0 ? [t('incidents:intervals.where', { areas: formatList(areas, t) })] : []),
    ...(interval.operators.length > 0 ? [t('incidents:intervals.by', { operators: formatList(interval.operators, t) })] : []),
  ].join('; ');
}
