/**
 * How the overview names areas and writes days and numbers in the chosen
 * language: gazetteer names for area codes, translated words for the rows
 * that are not one area, Intl for dates (a day as written, never shifted).
 */
import type { TFunction } from 'i18next';
import { findArea } from '../../../shared/model';
import type { Language } from '../../../shared/ipc';

export function areaName(key: string, kind: 'code' | 'place' | 'national' | 'unspecified', lng: Language, t: TFunction): string {
  if (kind === 'national') return t('overview:area.national');
  if (kind === 'unspecified') return t('overview:area.unspecified');
  if (kind === 'place') return key;
  return findArea(key)?.name[lng] ?? key;
}

/** A calendar day (YYYY-MM-DD) in words, read in UTC so that it stays the day written. */
export function formatDay(day: string, lng: Language, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(lng, { ...options, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function formatMonth(day: string, lng: Language): string {
  return formatDay(day, lng, { month: 'long', year: 'numeric' });
}

export const formatNumber = (value: number, lng: Language): string => new Intl.NumberFormat(lng).format(value);
