/**
 * Matches a place typed as free text to a gazetteer area, so that the same
 * town written three ways by two defenders is one place: "Zhanaozen",
 * "Жаңаөзен", "Жанаозен", "Janaozen" and its old name "Новый Узень" all
 * reduce to one key. The key folds case, spaces, hyphens and punctuation,
 * the Kazakh letters onto their Russian neighbours (ә/а, ғ/г, қ/к, ң/н, ө/о,
 * ұ/ү/у, һ/х, і/и) and Cyrillic and Latin spellings onto one Latin skeleton
 * (zh/j/ж, sh/ш, ch/ч, kh/х, ya/я, y/ы/и...). Words that only say what kind
 * of place it is ("город", "қаласы", "city") are dropped; "region" and
 * "district" words are kept as one word each, so Mangystau Region and
 * Mangystau District stay two places. It offers, never decides: a text that
 * matches no area, or more than one, matches nothing.
 */
import { allAreasOf, gazetteers, type GazetteerArea } from './gazetteer';

const cyrillic: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', э: 'e', ж: 'j', з: 'z',
  и: 'i', і: 'i', й: 'i', ы: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ў: 'u', ф: 'f', х: 'h', һ: 'h', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ь: '', ю: 'iu', я: 'ia',
};

/** Latin spellings onto the same skeleton, longest first. */
const latin: [RegExp, string][] = [
  [/dzh/g, 'j'],
  [/zh/g, 'j'],
  [/kh/g, 'h'],
  [/yu/g, 'iu'],
  [/ya/g, 'ia'],
  [/yo/g, 'e'],
  [/y/g, 'i'],
  [/q/g, 'k'],
  [/x/g, 'h'],
  [/w/g, 'u'],
];

const kindWords = new Map<string, string>([
  ...['city', 'town', 'gorod', 'g', 'kalasi', 'k', 'kala'].map((word) => [word, ''] as [string, string]),
  ...['region', 'oblast', 'oblis', 'oblisi', 'obl'].map((word) => [word, 'region'] as [string, string]),
  ...['district', 'raion', 'r', 'rn', 'audan', 'audani'].map((word) => [word, 'district'] as [string, string]),
]);

function skeletonOfWord(word: string): string {
  let text = '';
  for (const letter of word) text += cyrillic[letter] ?? letter;
  // Letters with marks (ö, ü, ğ, ı) lose them after Cyrillic is gone: Latin Kazakh spellings fold onto plain letters.
  text = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i');
  for (const [pattern, replacement] of latin) text = text.replace(pattern, replacement);
  return text.replace(/[^a-z0-9]/g, '');
}

/** The key two spellings of one place share; '' for text with no letters. */
export function placeKey(text: string): string {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[\s\-‐‑–—.,;:'’"«»()/]+/u)
    .map(skeletonOfWord)
    .filter(Boolean);
  return words.map((word) => kindWords.get(word) ?? word).join('');
}

/** Every spelling an area answers to: its names in each language, old names and aliases. */
export function spellingsOf(area: GazetteerArea): string[] {
  const names = [area.name, ...(area.names ?? []).map((entry) => entry.name)];
  return [...names.flatMap((name) => [name.en, name.ru, name.kk]), ...(area.aliases ?? [])];
}

const indexes = new Map<string, Map<string, Set<string>>>();

function indexOf(country: string): Map<string, Set<string>> {
  let index = indexes.get(country);
  if (!index) {
    index = new Map();
    for (const area of allAreasOf(country)) {
      for (const spelling of spellingsOf(area)) {
        const key = placeKey(spelling);
        if (!key) continue;
        if (!index.has(key)) index.set(key, new Set());
        index.get(key)!.add(area.code);
      }
    }
    indexes.set(country, index);
  }
  return index;
}

/** The one area a typed place names, or undefined when it names none or several. */
export function matchPlace(text: string, country = 'KZ'): string | undefined {
  if (!Object.hasOwn(gazetteers, country)) return undefined;
  const key = placeKey(text);
  if (!key) return undefined;
  const codes = indexOf(country).get(key);
  return codes?.size === 1 ? [...codes][0] : undefined;
}
