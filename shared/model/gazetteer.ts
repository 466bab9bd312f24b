/**
 * The gazetteers that ship in resources/: for each country, its areas with
 * ISO 3166-2 codes and names in every language. Pure data access; adding a
 * country is adding its JSON file and one line here.
 */
import kz from '../../resources/gazetteer/kz.json';

export interface GazetteerArea {
  code: string;
  type: 'region' | 'city';
  name: { en: string; ru: string; kk: string };
}

export const gazetteers: Record<string, readonly GazetteerArea[]> = {
  KZ: kz.areas as GazetteerArea[],
};

const byCode = new Map(Object.values(gazetteers).flat().map((area) => [area.code, area]));

export function findArea(code: string): GazetteerArea | undefined {
  return byCode.get(code);
}
