/**
 * How the overview names areas and writes days and numbers in the chosen
 * language: gazetteer names for area codes, the country's name from the
 * app's strings for a nationwide row, translated words for the rows that are
 * not one area. Days and numbers by the app's own rules where the platform
 * has no data for the language (Kazakh in Chromium and Electron): the
 * report's formatter (shared/report/format.ts) with month names from the
 * `report` strings, never a second formatter. A day is read as written,
 * never shifted.
 */
import i18next, { type TFunction } from 'i18next';
import { findArea } from '../../../shared/model';
import type { Language } from '../../../shared/ipc';
import { formatDate, formatDayMonth, formatNumber as numberText, type Formatter } from '../../../shared/report/format';
import { countryName, knowsMonthNames } from '../incidents/format';

export function areaName(key: string, kind: 'code' | 'place' | 'national' | 'unspecified', lng: Language, t: TFunction): string {
  if (kind === 'national') return t('overview:area.national', { country: countryName(key, lng) });
  if (kind === 'unspecified') return t('overview:area.unspecified');
  if (kind === 'place') return key;
  return findArea(key)?.name[lng] ?? key;
}

const appFormatter = (lng: Language): Formatter => ({ language: lng, t: i18next.getFixedT(lng) });

const parts = (day: string) => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) });

/** A calendar day (YYYY-MM-DD) in words: "Jan 5, 2022", "5 янв. 2022 г.", "2022 ж. 5 қаңтар". */
export function formatDay(day: string, lng: Language): string {
  if (!knowsMonthNames(lng)) return formatDate(appFormatter(lng), parts(day));
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A day without its year, for the ticks of an axis whose years the figure states: "Jan 5", "5 янв.", "5 қаң.". */
export function formatShortDay(day: string, lng: Language): string {
  if (!knowsMonthNames(lng)) return formatDayMonth(appFormatter(lng), parts(day));
  return new Intl.DateTimeFormat(lng, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A month: "Jan 2022", "янв. 2022 г.", "2022 ж. қаң.". */
export function formatMonth(day: string, lng: Language): string {
  if (!knowsMonthNames(lng)) {
    const { year, month } = parts(day);
    return i18next.t('overview:time.month', { lng, year, month: i18next.t(`report:time.monthsShort.${month}`, { lng }) });
  }
  return new Intl.DateTimeFormat(lng, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A number as the language writes it ("1 293" in Kazakh), by the report's rule. */
export const formatNumber = (value: number, lng: Language): string => numberText({ language: lng }, value);
