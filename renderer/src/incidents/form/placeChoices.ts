/**
 * The places a record may be ticked in, as the map stood on its date: the
 * first-level regions and cities that existed then, and the cities and
 * districts, each labelled with the region it lay in then (Semey, East
 * Kazakhstan Region in January 2022; Semey, Abai Region today), all under
 * the names of that date (Nur-Sultan in 2022). A place already chosen stays
 * offered, so it can be unticked, and says when it was not on that map.
 * Without a date the map is today's.
 */
import type { TFunction } from 'i18next';
import { areaNameOn, areasOn, findArea, isSecondLevel, nameOn, regionOn, type GazetteerArea } from '../../../../shared/model';
import type { Language } from '../../../../shared/ipc';
import { todayIso } from './offsetDefaults';

export interface PlaceOption {
  value: string;
  label: string;
}

/** The day whose map is offered: the record's date when one is typed, else today. */
export function mapDay(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : todayIso();
}

/** A place's name on the day, a city or district with the region it lay in then. */
export function placeLabel(area: GazetteerArea, day: string, lng: Language, t: TFunction): string {
  const name = nameOn(area, day, lng);
  const region = isSecondLevel(area) ? regionOn(area, day) : undefined;
  return region ? t('incidents:form.placeInRegion', { place: name, region: areaNameOn(region, day, lng) }) : name;
}

export interface PlaceChoices {
  /** Regions and cities of republican significance. */
  regions: PlaceOption[];
  /** Cities and districts, ordered by their region then by name. */
  towns: PlaceOption[];
}

export function placeChoices(country: string, date: string, chosen: readonly string[], lng: Language, t: TFunction): PlaceChoices {
  const day = mapDay(date);
  const valid = areasOn(country, day);
  const offered = new Set(valid.map((area) => area.code));
  const collator = new Intl.Collator(lng);
  const option = (area: GazetteerArea) => ({ value: area.code, label: placeLabel(area, day, lng, t) });
  const regions = valid.filter((area) => !isSecondLevel(area)).map(option);
  const towns = valid
    .filter(isSecondLevel)
    .map((area) => ({ ...option(area), region: areaNameOn(regionOn(area, day)!, day, lng), name: nameOn(area, day, lng) }))
    .sort((a, b) => collator.compare(a.region, b.region) || collator.compare(a.name, b.name))
    .map(({ value, label }) => ({ value, label }));
  // A chosen place the map of this date lacks (another country's, or a region created later) stays, and says so.
  for (const code of chosen.filter((code) => !offered.has(code))) {
    const area = findArea(code);
    const label = area ? t('incidents:form.notOnMapOfDate', { name: placeLabel(area, day, lng, t) }) : code;
    (area && isSecondLevel(area) ? towns : regions).push({ value: code, label });
  }
  return { regions, towns };
}
