import { describe, expect, it } from 'vitest';
import { allAreasOf } from './gazetteer';
import { matchPlace, placeKey, spellingsOf } from './placeMatch';

describe('matchPlace', () => {
  it('finds Zhanaozen however two defenders typed it, its Soviet name included', () => {
    for (const typed of ['Zhanaozen', 'Жаңаөзен', 'Жанаозен', 'Janaozen', 'Новый Узень', '  zhana-ozen ', 'г. Жанаозен', 'Жаңаөзен қаласы', 'ZHANAOZEN']) {
      expect(matchPlace(typed), typed).toBe('KZ-47-ZHANAOZEN');
    }
  });

  it('folds Kazakh letters, Latin transliterations and the name of each period', () => {
    expect(matchPlace('Aqtöbe')).toBe('KZ-15-AKTOBE');
    expect(matchPlace('Актюбинск')).toBe('KZ-15-AKTOBE');
    expect(matchPlace('Усть-Каменогорск')).toBe('KZ-63-OSKEMEN');
    expect(matchPlace('Öskemen')).toBe('KZ-63-OSKEMEN');
    expect(matchPlace('Uralsk')).toBe('KZ-27-ORAL');
    expect(matchPlace('Qyzylorda')).toBe('KZ-43-KYZYLORDA');
    expect(matchPlace('Капчагай')).toBe('KZ-19-KONAEV');
    expect(matchPlace('Қонаев')).toBe('KZ-19-KONAEV');
    expect(matchPlace('Нур-Султан')).toBe('KZ-71');
    expect(matchPlace('Nur-Sultan')).toBe('KZ-71');
    expect(matchPlace('Алма-Ата')).toBe('KZ-75');
    expect(matchPlace('Семипалатинск')).toBe('KZ-10-SEMEY');
    expect(matchPlace('Оңтүстік Қазақстан облысы')).toBe('KZ-61');
    expect(matchPlace('Taldyqorgan')).toBe('KZ-33-TALDYKORGAN');
  });

  it('keeps a region and the district of the same name apart', () => {
    expect(matchPlace('Маңғыстау облысы')).toBe('KZ-47');
    expect(matchPlace('Mangystau Region')).toBe('KZ-47');
    expect(matchPlace('Маңғыстау ауданы')).toBe('KZ-47-MANGYSTAU');
    expect(matchPlace('Мангистауский район')).toBe('KZ-47-MANGYSTAU');
  });

  it('matches nothing for a place it does not know, an empty text, or a country without a gazetteer', () => {
    expect(matchPlace('Springfield')).toBeUndefined();
    expect(matchPlace('село Жана')).toBeUndefined();
    expect(matchPlace('Zhanaozen district')).toBeUndefined();
    expect(matchPlace(' - . ')).toBeUndefined();
    expect(matchPlace('')).toBeUndefined();
    expect(matchPlace('Zhanaozen', 'UZ')).toBeUndefined();
  });

  it('gives every spelling in the gazetteer one area only, so no typed name is ambiguous between two places', () => {
    const owners = new Map<string, Set<string>>();
    for (const area of allAreasOf('KZ')) {
      for (const spelling of spellingsOf(area)) {
        const key = placeKey(spelling);
        expect(key, `${area.code}: ${spelling}`).not.toBe('');
        owners.set(key, (owners.get(key) ?? new Set()).add(area.code));
      }
    }
    const shared = [...owners].filter(([, codes]) => codes.size > 1);
    expect(shared).toEqual([]);
    // Every area is found by each of its own spellings.
    for (const area of allAreasOf('KZ')) for (const spelling of spellingsOf(area)) expect(matchPlace(spelling), spelling).toBe(area.code);
  });
});
