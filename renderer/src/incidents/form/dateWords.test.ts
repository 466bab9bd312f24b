/** The line under a date field: the date in words, and while no time is typed, that only the day is saved. */
import { describe, expect, it } from 'vitest';
import { formatterFor } from '../../../../shared/report/format';
import { dateWordsOf, savesDayOnly } from './dateWords';

describe('dateWordsOf', () => {
  it('says a date without a time saves as the day, in each language', () => {
    const time = { date: '2022-01-05', time: '', precision: 'minute' as const };
    expect(dateWordsOf(time, 'en', formatterFor('en').t)).toBe('Wednesday, 5 January 2022: no time given, so only the day is saved.');
    expect(dateWordsOf(time, 'ru', formatterFor('ru').t)).toBe('среда, 5 января 2022 г.: время не указано, поэтому сохранится только дата.');
    expect(dateWordsOf(time, 'kk', formatterFor('kk').t)).toMatch(/5 қаңтар, сәрсенбі: уақыты жазылмаған, сондықтан тек күні сақталады\.$/);
  });

  it('writes only the date once a time is typed, and nothing before a real date', () => {
    expect(dateWordsOf({ date: '2022-01-05', time: '16:00', precision: 'minute' }, 'en', formatterFor('en').t)).toBe('Wednesday, 5 January 2022');
    expect(dateWordsOf({ date: '', time: '16:00', precision: 'minute' }, 'en', formatterFor('en').t)).toBeNull();
  });

  it('treats "day only" as a day even with a time left in the control', () => {
    expect(savesDayOnly({ time: '16:00', precision: 'day' })).toBe(true);
    expect(savesDayOnly({ time: '', precision: 'hour' })).toBe(true);
    expect(savesDayOnly({ time: '16:00', precision: 'hour' })).toBe(false);
  });
});
