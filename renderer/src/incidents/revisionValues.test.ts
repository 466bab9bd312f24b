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

describe("a person's coded answers in the history", () => {
  it('reads a coded gender in the app language, and text written before the choices as it was', () => {
    const person = { name: '', contact: '', address: '', role: 'witness', gender: 'preferNotToSay', ageGroup: '30–39', disability: 'no' };
    const ru = valueFormatter(translatorOf('ru'), 'ru', { showIdentity: true })('person', person)!;
    expect(ru).toContain('Пол: Не хочет указывать');
    expect(ru).toContain('Возрастная группа: 30–39');
    expect(ru).toContain('Инвалидность: Нет');
    expect(valueFormatter(translatorOf('kk'), 'kk', { showIdentity: true })('person', person)).toContain('Жынысы: Айтқысы келмейді');
    expect(ru).not.toMatch(/preferNotToSay|taxonomy:/);
  });
});

describe('SECURITY: a person in the history, the conflict screen and a merge, until "Show" is pressed', () => {
  const person = { name: 'Айгүл Сейітова', contact: '+7 701 555 12 34', address: 'Мұнайшы көшесі 7', role: 'witness', gender: 'female', ageGroup: '30–39', disability: 'Көру қабілеті нашар' };
  const secrets = [person.name, person.contact, person.address, person.ageGroup, person.disability, 'Әйел', 'Женский', 'Female'];

  for (const language of ['en', 'ru', 'kk'] as const) {
    it(`names no identifying answer, only the role and which fields are filled (${language})`, () => {
      const t = translatorOf(language);
      const text = valueFormatter(t, language)('person', person)!;
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).toContain(t('taxonomy:personRole.witness'));
      expect(text).toContain(`${t('evidence:source.fields.name')}: ${t('evidence:source.identity.masked')}`);
      // A value of an unexpected shape is masked too, not read out as plain text.
      expect(valueFormatter(t, language)('person', { name: person.name, role: 'someone new' })).not.toContain(person.name);
      expect(valueFormatter(t, language, { showIdentity: true })('person', person)).toContain(person.name);
    });
  }
});
