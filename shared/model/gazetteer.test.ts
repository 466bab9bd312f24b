import { describe, expect, it } from 'vitest';
import { areaCodePattern } from './area';
import { allAreasOf, findArea, gazetteers, isSecondLevel, secondLevelPlaces } from './gazetteer';

const day = /^\d{4}-\d{2}-\d{2}$/;

describe('the gazetteer', () => {
  it('finds areas of both levels by code, and nothing for a code it does not hold', () => {
    expect(findArea('KZ-47')?.name.en).toBe('Mangystau Region');
    expect(findArea('KZ-47-ZHANAOZEN')?.name).toEqual({ en: 'Zhanaozen', ru: 'Жанаозен', kk: 'Жаңаөзен' });
    expect(findArea('KZ-47-NOWHERE')).toBeUndefined();
    expect(gazetteers.KZ).toHaveLength(20);
  });

  it('holds the towns of the January 2022 reporting and the districts of Mangystau', () => {
    for (const code of ['KZ-47-ZHANAOZEN', 'KZ-47-AKTAU', 'KZ-75', 'KZ-71', 'KZ-79', 'KZ-31-TARAZ', 'KZ-15-AKTOBE', 'KZ-27-ORAL', 'KZ-23-ATYRAU', 'KZ-43-KYZYLORDA', 'KZ-33-TALDYKORGAN', 'KZ-10-SEMEY', 'KZ-63-OSKEMEN', 'KZ-55-PAVLODAR', 'KZ-59-PETROPAVL', 'KZ-39-KOSTANAY', 'KZ-35-KARAGANDA', 'KZ-11-KOKSHETAU', 'KZ-61-TURKISTAN', 'KZ-62-ZHEZKAZGAN', 'KZ-19-KONAEV', 'KZ-47-BEINEU', 'KZ-47-KARAKIYA', 'KZ-47-MANGYSTAU', 'KZ-47-MUNAILY', 'KZ-47-TUPKARAGAN']) {
      expect(findArea(code), code).toBeDefined();
    }
  });

  it('gives every place a well-formed code under the region it lies in today, names in three languages and dates that read as days', () => {
    for (const area of allAreasOf('KZ')) {
      expect(area.code, area.code).toMatch(areaCodePattern);
      for (const language of ['en', 'ru', 'kk'] as const) expect(area.name[language].trim(), area.code).not.toBe('');
      for (const date of [area.validFrom, area.validUntil, ...(area.names ?? []).flatMap((entry) => [entry.from, entry.until])]) {
        if (date !== undefined) expect(date, area.code).toMatch(day);
      }
      if (area.kato !== undefined) expect(area.kato).toMatch(/^\d{9}$/);
    }
    for (const place of secondLevelPlaces.KZ!) {
      expect(isSecondLevel(place)).toBe(true);
      const parents = place.parents!;
      // The periods follow each other without a gap, and the last one is today's region, named in the code.
      expect(parents[0]!.from, place.code).toBeUndefined();
      expect(parents.at(-1)!.until, place.code).toBeUndefined();
      for (let i = 1; i < parents.length; i += 1) expect(parents[i]!.from, place.code).toBe(parents[i - 1]!.until);
      expect(place.code.startsWith(`${parents.at(-1)!.code}-`), place.code).toBe(true);
      for (const parent of parents) expect(findArea(parent.code)?.parents, place.code).toBeUndefined();
    }
  });
});
