import { describe, expect, it } from 'vitest';
import { gazetteers } from './gazetteer';
import { defaultOffset, offsetOn, zoneOf } from './zones';

const almaty = [{ code: 'KZ-75' }];
const mangystau = [{ code: 'KZ-47' }];
const kostanay = [{ code: 'KZ-39' }];

describe('the offset a Kazakh area had on a day', () => {
  it('follows Almaty across the move to UTC+5 on 1 March 2024', () => {
    expect(defaultOffset(almaty, '2022-01-05')).toBe('+06:00');
    expect(defaultOffset(almaty, '2024-02-29')).toBe('+06:00');
    expect(defaultOffset(almaty, '2024-03-01')).toBe('+05:00');
    expect(defaultOffset(almaty, '2025-06-01')).toBe('+05:00');
  });

  it('keeps Mangystau at UTC+5 in 2022, and Kostanay moves with Almaty', () => {
    expect(defaultOffset(mangystau, '2022-01-05')).toBe('+05:00');
    expect(defaultOffset(mangystau, '2024-02-29')).toBe('+05:00');
    expect(defaultOffset(kostanay, '2022-01-05')).toBe('+06:00');
    expect(defaultOffset(kostanay, '2024-02-29', '12:00')).toBe('+06:00');
    expect(defaultOffset(kostanay, '2024-03-01', '12:00')).toBe('+05:00');
  });

  it('gives the change night its real offsets: the hour that happened twice takes the earlier', () => {
    // Clocks went from 00:00 (+06) on 1 March back to 23:00 (+05) on 29 February.
    expect(offsetOn('Asia/Almaty', '2024-02-29', '22:59')).toBe('+06:00');
    expect(offsetOn('Asia/Almaty', '2024-02-29', '23:30')).toBe('+06:00');
    expect(offsetOn('Asia/Almaty', '2024-03-01', '00:00')).toBe('+05:00');
    expect(offsetOn('Asia/Almaty', '2024-03-01', '00:30')).toBe('+05:00');
    expect(offsetOn('Asia/Qostanay', '2024-03-01', '00:30')).toBe('+05:00');
    expect(offsetOn('Asia/Aqtau', '2024-02-29', '23:30')).toBe('+05:00');
  });

  it('takes a second-level place by its region, and the first area with a zone', () => {
    expect(zoneOf('KZ-47-ZHANAOZEN')).toBe('Asia/Aqtau');
    expect(defaultOffset([{ code: 'KZ-47-ZHANAOZEN' }], '2022-01-05')).toBe('+05:00');
    expect(defaultOffset([{ place: 'Zhanaozen' }, ...mangystau, ...almaty], '2022-01-05')).toBe('+05:00');
    expect(defaultOffset([...almaty, ...mangystau], '2022-01-05')).toBe('+06:00');
  });

  it('falls back to Almaty for no area, free text, or an area with no known zone', () => {
    expect(defaultOffset([], '2022-01-05')).toBe('+06:00');
    expect(defaultOffset([{ place: 'Aktau' }], '2025-01-05')).toBe('+05:00');
    expect(defaultOffset([{ code: 'UZ-TK' }], '2022-01-05')).toBe('+06:00');
  });

  it('refuses what is not a real date, time or zone instead of guessing', () => {
    expect(offsetOn('Asia/Almaty', '')).toBeNull();
    expect(offsetOn('Asia/Almaty', '2022-02-30')).toBeNull();
    expect(offsetOn('Asia/Almaty', '2022-01-05', '25:00')).toBeNull();
    expect(offsetOn('Asia/Nowhere', '2022-01-05')).toBeNull();
  });

  it('knows a zone for every first-level area of the gazetteer', () => {
    for (const area of gazetteers.KZ ?? []) expect(zoneOf(area.code), area.code).toMatch(/^Asia\//);
  });
});
