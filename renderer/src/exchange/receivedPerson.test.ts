/** SECURITY: a name a received bundle carries is not read out on the screen until "Show identifying details" is pressed; a pseudonym is. */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nOptions } from '../../../shared/i18n';
import { personLine } from './ReceivedContents';

const translatorOf = (language: 'en' | 'ru' | 'kk') => {
  const instance = i18next.createInstance();
  void instance.init({ ...i18nOptions(language), initAsync: false });
  return instance.getFixedT(language, 'exchange');
};

describe('a person in a received bundle', () => {
  for (const language of ['en', 'ru', 'kk'] as const) {
    it(`is masked until shown, a pseudonym is not (${language})`, () => {
      const t = translatorOf(language);
      const person = { name: 'Ержан Тұрсынұлы', role: 'witness' as const };
      const masked = personLine(person, t, false);
      expect(masked).not.toContain('Ержан');
      expect(masked).toContain(t('evidence:source.identity.masked'));
      expect(personLine(person, t, true)).toContain('Ержан Тұрсынұлы');
      expect(personLine({ pseudonym: 'A-1', role: 'witness' }, t, false)).toContain('A-1');
    });
  }
});
