/** A source's translations read in the revision history and on the conflict screen as words, never as JSON or raw keys. */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nOptions } from '../../../shared/i18n';
import { valueFormatter } from './revisionValues';

const translatorOf = (language: 'en' | 'ru' | 'kk') => {
  const instance = i18next.createInstance();
  void instance.init({ ...i18nOptions(language), initAsync: false });
  return instance.getFixedT(language);
};

const translations = [
  { language: 'en', text: 'We could not call an ambulance.', translator: 'Dana S.', translatedAt: '2022-01-14', certified: true },
  { language: 'kk', text: 'Біз жедел жәрдем шақыра алмадық.', translator: '', translatedAt: '2022-01-15', certified: false },
];

describe('a source\'s translations in the history', () => {
  it('reads each translation with its translator, day and certification', () => {
    const text = valueFormatter(translatorOf('en'), 'en')('translations', translations)!;
    expect(text).toContain('Translation into en\nTranslator: Dana S.\nDate of translation: Jan 14, 2022\nCertified\nWe could not call an ambulance.');
    expect(text).toContain('Translation into kk\nDate of translation: Jan 15, 2022\nNot certified\nБіз жедел жәрдем шақыра алмадық.');
    expect(text).not.toMatch(/translatedAt|\{|evidence:/);
  });

  it('reads in Kazakh and Russian', () => {
    expect(valueFormatter(translatorOf('kk'), 'kk')('translations', translations)).toContain('Аудармашы: Dana S.');
    expect(valueFormatter(translatorOf('ru'), 'ru')('translations', translations)).toContain('Переводчик: Dana S.');
  });
});
