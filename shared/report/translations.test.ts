// A source's translations in the report, under its content: the language,
// the translator, the day, certified or not, then the text as written
// (escaped, line breaks kept). Real rendering, in en, ru and kk.
import { describe, expect, it } from 'vitest';
import { Bundle } from '../model';
import { almatyBundle, ids, xss } from './fixture';
import { renderReport } from './index';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const textOf = (markup: string) => plain(markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replaceAll('&#39;', "'"));

const english = 'We could not call an ambulance for our father all night on 6 January.\nThe phone did not work & there was no internet.';
const kazakh = `Біз 6 қаңтар түні бойы әкемізге жедел жәрдем шақыра алмадық. ${xss}`;

function translated(): Bundle {
  const base = almatyBundle();
  const testimony = base.records.find((record) => record.recordId === ids.testimony)!;
  testimony.data = {
    ...testimony.data,
    translations: [
      { language: 'en', text: english, translator: 'Dana Seitkali', translatedAt: '2022-01-14', certified: true },
      { language: 'kk', text: kazakh, translator: 'Ә. Нұрланқызы', translatedAt: '2022-01-16', certified: false },
    ],
  };
  return Bundle.parse(base);
}

const testimonyOf = (report: string) => {
  const start = report.indexOf(ids.testimony);
  return report.slice(report.lastIndexOf('<article class="source"', start), report.indexOf('</article>', start));
};

describe('translations of a source', () => {
  it('shows each translation under the content: language, translator, day, certified or not, then the text as written', () => {
    const part = testimonyOf(renderReport(translated(), 'en'));
    const text = textOf(part);
    expect(part.indexOf('Translations')).toBeGreaterThan(part.indexOf('Мы не могли вызвать скорую помощь'));
    expect(text).toContain('Translation into English (en) Translator Dana Seitkali Translated on 14 January 2022 Certified Yes, a certified translation');
    expect(text).toContain('Translation into Kazakh (kk) Translator Ә. Нұрланқызы Translated on 16 January 2022 Certified No, not certified');
    // Escaped, its line break kept (the text block keeps white space), in its own language.
    expect(part).toContain('<blockquote lang="en"><div class="text" dir="auto">We could not call an ambulance for our father all night on 6 January.\nThe phone did not work &amp; there was no internet.</div></blockquote>');
    expect(part).not.toContain(xss);
    expect(part).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('speaks Russian and Kazakh', () => {
    const russian = textOf(testimonyOf(renderReport(translated(), 'ru')));
    expect(russian).toContain('Переводы');
    expect(russian).toContain('Перевод на английский (en) Переводчик Dana Seitkali Дата перевода 14 января 2022 г. Заверен Да, заверенный перевод');
    expect(russian).toContain('Заверен Нет, не заверен');
    const kazakhReport = textOf(testimonyOf(renderReport(translated(), 'kk')));
    expect(kazakhReport).toContain('Аудармалар');
    expect(kazakhReport).toMatch(/Аударма тілі: (?:[^(]+ )?\(?en\)? Аудармашы Dana Seitkali Аударылған күні 2022 ж\. 14 қаңтар Куәландырылған Иә, куәландырылған аударма/);
    expect(kazakhReport).toContain('Куәландырылған Жоқ, куәландырылмаған');
  });

  it('leaves the translator out where the bundle names none, as a public bundle does', () => {
    const bundle = translated();
    const testimony = bundle.records.find((record) => record.recordId === ids.testimony)!;
    testimony.data!.translations = (testimony.data!.translations as object[]).map((translation) => ({ ...translation, translator: '' }));
    const text = textOf(testimonyOf(renderReport(bundle, 'en')));
    expect(text).toContain('Translation into English (en) Translated on 14 January 2022 Certified Yes, a certified translation');
    expect(text).not.toContain('Translator');
  });

  it('says nothing of translations where a source has none', () => {
    expect(renderReport(Bundle.parse(almatyBundle()), 'en')).not.toContain('class="translations"');
  });
});
