/**
 * The gazetteers that ship in resources/: for each country, its first-level
 * areas (ISO 3166-2 codes) and its second-level places (cities and districts,
 * "KZ-47-ZHANAOZEN"), with names in every language, the names they bore
 * before a renaming, other spellings, and the dates they were valid. Pure
 * data access; adding a country is adding its JSON files and one line here.
 * What was valid on a date is in ./gazetteerDates.ts, typed text is matched
 * to a place in ./placeMatch.ts.
 */
import kz from '../../resources/gazetteer/kz.json';
import kzPlaces from '../../resources/gazetteer/kz-places.json';

export interface LocalName {
  en: string;
  ru: string;
  kk: string;
}

/** A name in force between two days: `from` inclusive, `until` exclusive (ISO days). */
export interface DatedName {
  from?: string;
  until?: string;
  name: LocalName;
}

/** The first-level unit a second-level place belonged to between two days. */
export interface DatedParent {
  code: string;
  from?: string;
  until?: string;
}

export interface GazetteerArea {
  code: string;
  type: 'region' | 'city' | 'district';
  /** The name in force today. */
  name: LocalName;
  /** Earlier names, each with the days it was in force. */
  names?: readonly DatedName[];
  /** Other spellings, transliterations and old names, matched when a place is typed. */
  aliases?: readonly string[];
  /** Second level only: the region it lay in, and when. */
  parents?: readonly DatedParent[];
  /** The day the unit was created (inclusive) or abolished (exclusive). */
  validFrom?: string;
  validUntil?: string;
  /** The statistics classifier's code, only where it was checked. */
  kato?: string;
}

/** First-level areas: regions and cities of republican significance. */
export const gazetteers: Record<string, readonly GazetteerArea[]> = {
  KZ: kz.areas as GazetteerArea[],
};

/** Second-level places: cities of regional significance, districts, towns. */
export const secondLevelPlaces: Record<string, readonly GazetteerArea[]> = {
  KZ: kzPlaces.places as GazetteerArea[],
};

const byCode = new Map([...Object.values(gazetteers), ...Object.values(secondLevelPlaces)].flat().map((area) => [area.code, area]));

/** An area of either level by its code. */
export function findArea(code: string): GazetteerArea | undefined {
  return byCode.get(code);
}

export const isSecondLevel = (area: GazetteerArea): boolean => area.parents !== undefined;

/** Every area of a country, both levels, whatever their dates. */
export function allAreasOf(country: string): readonly GazetteerArea[] {
  return [...(gazetteers[country] ?? []), ...(secondLevelPlaces[country] ?? [])];
}
