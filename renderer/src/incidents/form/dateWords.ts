/**
 * The line under every time a form asks: the date typed, written out with
 * its weekday in the app's language ("Wednesday, 5 January 2022"), so that a
 * native date field's own format (which follows the computer, not the app)
 * cannot be misread; and, while no time is typed, that only the day will be
 * saved (./draft.ts `timestampOf`). Spelled by the report's date rules
 * (shared/report/format.ts), which need no Intl data for Kazakh. Pure.
 */
import type { TFunction } from 'i18next';
import type { Language } from '../../../../shared/ipc';
import { formatDateInWords } from '../../../../shared/report/format';
import type { TimeDraft } from './draft';

/** True when the time will be saved as a day: no time typed, or "day only" chosen. */
export function savesDayOnly(time: Pick<TimeDraft, 'time' | 'precision'>): boolean {
  return time.precision === 'day' || !time.time;
}

/** The date in words, with the "only the day" note while no time is typed; null before a real date is typed. */
export function dateWordsOf(time: Pick<TimeDraft, 'date' | 'time' | 'precision'>, language: Language, t: TFunction): string | null {
  const words = formatDateInWords({ language, t }, time.date);
  if (!words) return null;
  return savesDayOnly(time) ? t('incidents:form.dayOnly', { date: words }) : words;
}
