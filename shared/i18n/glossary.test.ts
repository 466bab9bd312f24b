// Every Russian and Kazakh string follows the glossary (glossary.json): no
// string uses a form the glossary says to avoid, the strings that name a term
// use its word, "not recorded", "none given" and "none cited" read as three
// different facts, and docs/glossary.md is the glossary as it stands.
import { describe, expect, it } from 'vitest';
import { avoidRegExp, glossary, glossaryDoc, glossaryLanguages } from './glossary';
import { resources } from './index';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : flatten(value, path);
  });
}

/** Every string of a language as `namespace:key` → text. */
function strings(language: 'en' | 'ru' | 'kk'): Map<string, string> {
  const all = new Map<string, string>();
  for (const [namespace, tree] of Object.entries(resources[language])) {
    for (const [key, text] of flatten(tree as Tree)) all.set(`${namespace}:${key}`, text);
  }
  return all;
}

/** Plural forms share the base key's exception. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const term = (id: string) => glossary.terms.find((t) => t.id === id)!;

describe('glossary', () => {
  it.each(glossaryLanguages)('no %s string uses a form the glossary says to avoid', (language) => {
    const texts = strings(language);
    const found: string[] = [];
    for (const t of glossary.terms) {
      const excepted = new Set((t.exceptions ?? []).map((e) => e.key));
      for (const form of t.avoid[language]) {
        const regex = avoidRegExp(form.pattern);
        for (const [key, text] of texts) {
          if (excepted.has(`${language}/${key}`) || excepted.has(`${language}/${baseKey(key)}`)) continue;
          const match = regex.exec(text);
          if (match) found.push(`${language}/${key} uses «${match[0]}» (${t.id}: ${form.why}): ${text}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('catches the words readers misread (the avoid forms really fire)', () => {
    const misread: [string, 'ru' | 'kk', string][] = [
      ['testimony', 'kk', 'Куәлік'],
      ['testimony', 'kk', 'адамның куәлігін'],
      ['testimony', 'ru', 'Люди, давшие показания'],
      ['fingerprint', 'kk', 'Қол қоюшы кілтінің саусақ ізі'],
      ['signer', 'ru', 'Неизвестный подписавший'],
      ['unrest', 'ru', 'Беспорядки'],
      ['unrest', 'kk', 'Тәртіпсіздіктер'],
      ['sensitive', 'kk', 'Сезімтал деп белгіленген'],
      ['sensitive', 'ru', 'Отмечен как чувствительный'],
      ['intact', 'ru', 'Действителен'],
      ['intact', 'ru', 'Пакет действителен'],
      ['intact', 'ru', 'Недействительно: подпись не проходит проверку'],
      ['intact', 'kk', 'Жарамды'],
      ['intact', 'kk', 'Пакет жарамды'],
      ['evidence', 'kk', '{{count}} дәлел файлы'],
      ['evidence', 'kk', 'Дәлелдер пакеті'],
      ['effect', 'kk', 'адамдарға 8 салдар'],
      ['retracted', 'kk', 'Кері қайтарылған'],
      ['savedFilters', 'kk', 'Сақталған көріністер'],
      ['services', 'kk', 'Сервистерді бұғаттау'],
      ['area', 'kk', 'Өңір'],
      ['archive', 'kk', 'бұл архивте'],
    ];
    for (const [id, language, text] of misread) {
      expect(
        term(id).avoid[language].some((form) => avoidRegExp(form.pattern).test(text)),
        `${id} ${language}: ${text}`,
      ).toBe(true);
    }
    // …and the right words pass: the adverb «действительно», «уақыттың дәлелі» (proof of time), «соның салдарынан», «Өңірлік».
    const right: [string, 'ru' | 'kk', string][] = [
      ['intact', 'ru', 'пакет действительно от вас'],
      ['evidence', 'kk', 'Уақыттың дәлелі'],
      ['evidence', 'kk', '{{count}} дәлелдеме файлы'],
      ['effect', 'kk', 'соның салдарынан'],
      ['area', 'kk', 'Өңірлік'],
      ['area', 'ru', 'Региональный'],
      ['testimony', 'kk', 'Куәландыратын қолтаңба'],
    ];
    for (const [id, language, text] of right) {
      expect(
        term(id).avoid[language].some((form) => avoidRegExp(form.pattern).test(text)),
        `${id} ${language}: ${text}`,
      ).toBe(false);
    }
  });

  it.each(glossaryLanguages)('the %s strings that name a term use its word', (language) => {
    const texts = strings(language);
    for (const t of glossary.terms) {
      for (const key of t.keys ?? []) {
        expect(texts.get(key)?.toLocaleLowerCase(language), `${language}/${key} (${t.id})`).toContain((t.stems?.[language] ?? t[language]).toLocaleLowerCase(language));
      }
    }
  });

  it.each(glossaryLanguages)('in %s, "not recorded", "none given" and "none cited" are three different words', (language) => {
    const texts = strings(language);
    const [notRecorded, noneGiven, noneCited] = [
      texts.get('report:notRecorded'),
      texts.get('taxonomy:justification.none_given'),
      texts.get('taxonomy:legalBasis.none_cited'),
    ];
    expect(notRecorded).toBe(term('notRecorded')[language]);
    expect(texts.get('incidents:page.notRecorded')).toBe(notRecorded);
    expect(noneGiven).toBe(term('noneGiven')[language]);
    expect(noneCited).toBe(term('noneCited')[language]);
    expect(new Set([notRecorded, noneGiven, noneCited]).size).toBe(3);
  });

  it('names each exception once, for a string that exists', () => {
    const all = { ru: strings('ru'), kk: strings('kk') };
    for (const t of glossary.terms) {
      for (const { key, reason } of t.exceptions ?? []) {
        const [language, rest] = key.split('/') as ['ru' | 'kk', string];
        expect(all[language]?.has(rest!), key).toBe(true);
        expect(reason.length, key).toBeGreaterThan(10);
      }
    }
    expect(new Set(glossary.terms.map((t) => t.id)).size).toBe(glossary.terms.length);
  });

  it('docs/glossary.md is the glossary as it stands', async () => {
    await expect(glossaryDoc()).toMatchFileSnapshot('../../docs/glossary.md');
  });
});
