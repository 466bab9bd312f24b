import { describe, expect, it } from 'vitest';
import { checkSource, emptySourceDraft, sourceDraftOf } from './sourceDraft';
import { emptyTranslation, translationField } from './translationDraft';

const report = { ...emptySourceDraft(), kind: 'media_report' as const, title: 'Vlast.kz, 6 January', content: 'Банкоматы не работали.' };
const english = { language: 'en', text: 'ATMs did not work.\nShops took cash only.', translator: 'Dana S.', translatedAt: '2022-01-14', certified: true };

describe('the translations of a source draft', () => {
  it('saves each translation as entered and reads it back unchanged', () => {
    const checked = checkSource({ ...report, translations: [english, { ...english, language: 'kk', certified: false, translator: '' }] });
    expect(checked.ok && checked.data.translations).toEqual([english, { ...english, language: 'kk', certified: false, translator: '' }]);
    if (checked.ok) expect(checkSource(sourceDraftOf(checked.data))).toEqual(checked);
  });

  it('saves no translations field when every translation was removed', () => {
    const checked = checkSource({ ...report, translations: [] });
    expect(checked.ok && 'translations' in checked.data).toBe(false);
  });

  it('names the field of the translation that is not valid: a language that is no code, a missing day', () => {
    const checked = checkSource({ ...report, translations: [english, { ...emptyTranslation(), language: 'English', text: 'x' }] });
    expect(!checked.ok && [...checked.problems.keys()].sort()).toEqual(['translations.1.language', 'translations.1.translatedAt']);
    expect(translationField('translations.1.translatedAt')).toEqual([1, 'translatedAt']);
    expect(translationField('person.name')).toBeNull();
  });
});
