import { describe, expect, it } from 'vitest';
import { areaName, formatterFor } from './format';

describe('areaName in the report', () => {
  it('names a code as it was named on the record’s date, in the report’s language, and a typed place as written', () => {
    expect(areaName(formatterFor('en'), { code: 'KZ-71' }, '2022-01-05T16:00+06:00')).toBe('Nur-Sultan');
    expect(areaName(formatterFor('ru'), { code: 'KZ-71' }, '2023-01-05T16:00+06:00')).toBe('Астана');
    expect(areaName(formatterFor('kk'), { code: 'KZ-19-KONAEV' }, '2022-01-05T16:00+06:00')).toBe('Қапшағай');
    expect(areaName(formatterFor('en'), { code: 'KZ-71' })).toBe('Astana');
    expect(areaName(formatterFor('en'), { place: 'Жанаозен' }, '2022-01-05')).toBe('Жанаозен');
  });
});
