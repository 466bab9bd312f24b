/**
 * Numbers as each language writes them, the same on every platform: Kazakh
 * by the app's own rule (Chromium's ICU has no Kazakh data and would print
 * "1,293"), the others by Intl.
 */
import { describe, expect, it } from 'vitest';
import { formatNumber } from './format';

describe('formatNumber', () => {
  it('groups Kazakh thousands with a no-break space and marks decimals with a comma', () => {
    expect(formatNumber({ language: 'kk' }, 1293)).toBe('1\u00a0293');
    expect(formatNumber({ language: 'kk' }, 1_293_000.5)).toBe('1\u00a0293\u00a0000,5');
    expect(formatNumber({ language: 'kk' }, 42)).toBe('42');
    expect(formatNumber({ language: 'kk' }, 1293)).not.toContain(',');
  });

  it('leaves English and Russian to Intl', () => {
    expect(formatNumber({ language: 'en' }, 1293)).toBe('1,293');
    expect(formatNumber({ language: 'ru' }, 1293)).toBe(new Intl.NumberFormat('ru').format(1293));
  });
});
