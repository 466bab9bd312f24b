/**
 * The gazetteer on a given day: which areas existed, what they were called,
 * and which region a city or district lay in. A record is shown the map of
 * its own date (a January 2022 event was in Nur-Sultan, not in Abai Region).
 * Days are compared as written (YYYY-MM-DD, the witness's local day); a
 * validity or name runs from its `from` day inclusive to its `until` day
 * exclusive. Pure: no clock is read here, the caller gives the day.
 */
import { allAreasOf, findArea, isSecondLevel, type GazetteerArea, type LocalName } from './gazetteer';

/** The calendar day of a date or timestamp as written ("2022-01-05T10:00+06:00" is 2022-01-05). */
export const dayOf = (date: string): string => date.slice(0, 10);

const within = (day: string, from?: string, until?: string) => (!from || day >= from) && (!until || day < until);

/** The first-level code a place lay in on a day; a first-level area is its own region. */
export function regionOn(area: GazetteerArea, date: string): string | undefined {
  if (!isSecondLevel(area)) return area.code;
  const day = dayOf(date);
  return area.parents!.find((parent) => within(day, parent.from, parent.until))?.code;
}

/** Whether the area existed on that day (a second-level place also needs a region that day). */
export function isValidOn(area: GazetteerArea, date: string): boolean {
  const day = dayOf(date);
  if (!within(day, area.validFrom, area.validUntil)) return false;
  if (!isSecondLevel(area)) return true;
  const region = regionOn(area, day);
  return region !== undefined && isValidOn(findArea(region)!, day);
}

/** The map valid on a day: the country's areas of both levels that existed then. */
export function areasOn(country: string, date: string): GazetteerArea[] {
  return allAreasOf(country).filter((area) => isValidOn(area, date));
}

/** The names an area bore on a day, or today's when no date is known. */
export function namesOn(area: GazetteerArea, date?: string): LocalName {
  if (!date) return area.name;
  const day = dayOf(date);
  return area.names?.find((entry) => within(day, entry.from, entry.until))?.name ?? area.name;
}

/** The name in force on a day in one language ("Nur-Sultan" in 2021, "Astana" in 2023). */
export function nameOn(area: GazetteerArea, date: string | undefined, language: keyof LocalName): string {
  return namesOn(area, date)[language];
}

/** A code's name on a day, or the code itself when the gazetteer does not know it. */
export function areaNameOn(code: string, date: string | undefined, language: keyof LocalName): string {
  const area = findArea(code);
  return area ? nameOn(area, date, language) : code;
}
