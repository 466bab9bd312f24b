/** An incident's intervals read in the revision history as words in the UI language, never as JSON. */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nOptions } from '../../../shared/i18n';
import { valueFormatter } from './revisionValues';

const translatorOf = (language: 'en' | 'ru' | 'kk') => {
  const instance = i18next.createInstance();
  void instance.init({ ...i18nOptions(language), initAsync: false });
  return instance.getFixedT(language);
};

const intervals = [
  { start: { at: '2022-01-06T19:00+06:00', precision: 'minute' }, end: { at: '2022-01-07T07:00+06:00', precision: 'minute' }, areas: [{ code: 'KZ-75' }], operators: ['Kcell'] },
  { start: { at: '2022-01-07T19:00+06:00', precision: 'hour' }, areas: [], operators: [] },
];

describe('intervals in the history', () => {
  it('read as periods in their own offsets, with their areas and operators', () => {
    const text = valueFormatter(translatorOf('en'), 'en')('intervals', intervals)!;
    expect(text).toMatch(/Jan 6, 2022.*\(UTC\+06:00\).* – Jan 7, 2022.*; in Almaty; by Kcell/);
    expect(text).toContain('end not recorded');
    expect(text).not.toMatch(/[{}]|intervals\.|incidents:/);
  });

  it('read in Russian and Kazakh', () => {
    expect(valueFormatter(translatorOf('ru'), 'ru')('intervals', intervals)).toContain('окончание не указано');
    expect(valueFormatter(translatorOf('kk'), 'kk')('intervals', intervals)).toContain('операторлар: Kcell');
  });
});
