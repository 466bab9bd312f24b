/** A date written out with its weekday, by the app's own rules in every language (Kazakh included, which Intl cannot spell in Chromium). */
import { describe, expect, it } from 'vitest';
import { formatDateInWords, formatterFor } from './format';

describe('formatDateInWords', () => {
  it('writes 5 January 2022 (a Wednesday) in English, Russian and Kazakh', () => {
    expect(formatDateInWords(formatterFor('en'), '2022-01-05')).toBe('Wednesday, 5 January 2022');
    expect(formatDateInWords(formatterFor('ru'), '2022-01-05')).toBe('среда, 5 января 2022 г.');
    expect(formatDateInWords(formatterFor('kk'), '2022-01-05')).toMatch(/^2022 .*5 қаңтар, сәрсенбі$/);
  });

  it('names Sunday and the leap day of the 2024 zone change', () => {
    expect(formatDateInWords(formatterFor('en'), '2025-01-05')).toBe('Sunday, 5 January 2025');
    expect(formatDateInWords(formatterFor('kk'), '2024-02-29')).toMatch(/29 ақпан, бейсенбі$/);
  });

  it('refuses what is not a real date rather than rolling it over', () => {
    for (const date of ['', '2022-02-30', '2023-02-29', '2022-13-01', '5.01.2022']) expect(formatDateInWords(formatterFor('en'), date)).toBeNull();
  });
});
