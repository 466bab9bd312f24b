/** The pieces of a list's address: days that exist, areas as the overview writes them, and header clicks that sort. */
import { describe, expect, it } from 'vitest';
import { areaParam, isDay, meetsRange, nextSort, readArea } from './listParams';

describe('list addresses', () => {
  it('take only real calendar days', () => {
    expect(isDay('2022-01-05')).toBe(true);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2022-02-29')).toBe(false);
    expect(isDay('2022-1-5')).toBe(false);
  });

  it('read an area as a gazetteer code or a place as written, and write it back the same way', () => {
    const read = (value: string) => readArea(new URLSearchParams({ area: value }));
    expect(read('KZ-75')).toBe('code:KZ-75');
    expect(read('Жаңаөзен')).toBe('place:Жаңаөзен');
    expect(read('place:Zhanaozen')).toBe('place:Zhanaozen');
    expect(read('  ')).toBe('');
    expect(areaParam('code:KZ-75')).toBe('KZ-75');
    expect(areaParam('place:Жаңаөзен')).toBe('Жаңаөзен');
    expect(read(areaParam('place:KZ-75'))).toBe('place:KZ-75');
  });

  it('sort a column in its natural direction first, then the other way, then back', () => {
    const natural = (column: string) => (column === 'title' ? 'asc' : 'desc');
    const first = nextSort({ sort: 'start', order: '' }, 'title', natural);
    expect(first).toEqual({ sort: 'title', order: '' });
    const second = nextSort(first, 'title', natural);
    expect(second).toEqual({ sort: 'title', order: 'desc' });
    expect(nextSort(second, 'title', natural)).toEqual({ sort: 'title', order: '' });
  });

  it('meet a range when the days overlap, an ongoing period running on without end', () => {
    expect(meetsRange('2022-01-05', '2022-01-10', '2022-01-10', '')).toBe(true);
    expect(meetsRange('2022-01-05', '2022-01-10', '2022-01-11', '')).toBe(false);
    expect(meetsRange('2022-01-05', null, '2023-06-01', '2023-06-30')).toBe(true);
    expect(meetsRange('2022-01-05', null, '', '2022-01-04')).toBe(false);
  });
});
