import { describe, expect, it } from 'vitest';
import { findArea } from './gazetteer';
import { areaNameOn, areasOn, isValidOn, nameOn, regionOn } from './gazetteerDates';

const codesOn = (date: string) => areasOn('KZ', date).map((area) => area.code);

describe('areasOn', () => {
  it('offers a January 2022 event the map of that day: no Abai, Jetisu or Ulytau Region, Semey still in East Kazakhstan', () => {
    const codes = codesOn('2022-01-05T10:00+06:00');
    expect(codes).not.toContain('KZ-10');
    expect(codes).not.toContain('KZ-33');
    expect(codes).not.toContain('KZ-62');
    expect(codes).toContain('KZ-63');
    expect(codes).toContain('KZ-47-ZHANAOZEN');
    expect(codes).toContain('KZ-10-SEMEY');
    expect(regionOn(findArea('KZ-10-SEMEY')!, '2022-01-05')).toBe('KZ-63');
    expect(regionOn(findArea('KZ-33-TALDYKORGAN')!, '2022-01-05')).toBe('KZ-19');
    expect(regionOn(findArea('KZ-62-ZHEZKAZGAN')!, '2022-01-05')).toBe('KZ-35');
  });

  it('offers a 2025 event today’s map, the new regions and their cities in them', () => {
    const codes = codesOn('2025-03-01');
    for (const code of ['KZ-10', 'KZ-33', 'KZ-62', 'KZ-79']) expect(codes).toContain(code);
    expect(regionOn(findArea('KZ-10-SEMEY')!, '2025-03-01')).toBe('KZ-10');
    expect(regionOn(findArea('KZ-47-ZHANAOZEN')!, '2025-03-01')).toBe('KZ-47');
  });

  it('changes on the day of the reform, not a day before', () => {
    expect(isValidOn(findArea('KZ-10')!, '2022-06-07')).toBe(false);
    expect(isValidOn(findArea('KZ-10')!, '2022-06-08')).toBe(true);
    expect(regionOn(findArea('KZ-10-SEMEY')!, '2022-06-07')).toBe('KZ-63');
    expect(regionOn(findArea('KZ-10-SEMEY')!, '2022-06-08')).toBe('KZ-10');
  });

  it('has no Shymkent city before 19 June 2018, when South Kazakhstan Region still held it', () => {
    expect(codesOn('2017-12-01')).not.toContain('KZ-79');
    expect(codesOn('2018-06-19')).toContain('KZ-79');
    expect(nameOn(findArea('KZ-61')!, '2017-12-01', 'en')).toBe('South Kazakhstan Region');
    expect(nameOn(findArea('KZ-61')!, '2018-06-19', 'ru')).toBe('Туркестанская область');
  });

  it('knows no areas of a country without a gazetteer', () => {
    expect(areasOn('UZ', '2022-01-05')).toEqual([]);
  });
});

describe('nameOn', () => {
  it('names the capital as it was named on the day', () => {
    const capital = findArea('KZ-71')!;
    expect(nameOn(capital, '2019-03-22', 'en')).toBe('Astana');
    expect(nameOn(capital, '2019-03-23', 'en')).toBe('Nur-Sultan');
    expect(nameOn(capital, '2022-01-05T10:00+06:00', 'ru')).toBe('Нур-Султан');
    expect(nameOn(capital, '2022-01-05', 'kk')).toBe('Нұр-Сұлтан');
    expect(nameOn(capital, '2022-09-17', 'en')).toBe('Astana');
    expect(nameOn(capital, '1997-01-01', 'en')).toBe('Akmola');
    expect(nameOn(capital, undefined, 'en')).toBe('Astana');
  });

  it('names Konaev Kapchagay before its renaming, and a code it does not know by the code', () => {
    expect(nameOn(findArea('KZ-19-KONAEV')!, '2022-01-05', 'ru')).toBe('Капчагай');
    expect(nameOn(findArea('KZ-19-KONAEV')!, '2023-01-05', 'kk')).toBe('Қонаев');
    expect(areaNameOn('KZ-47-ZHANAOZEN', '2022-01-05', 'kk')).toBe('Жаңаөзен');
    expect(areaNameOn('KZ-99-NOWHERE', '2022-01-05', 'en')).toBe('KZ-99-NOWHERE');
  });
});
