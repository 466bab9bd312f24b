/**
 * The glossary (glossary.json): the one Russian and Kazakh word for each of
 * Dalel's terms, the forms to avoid and why, and docs/glossary.md rendered
 * from it, so that the doc translators read and the test that checks every
 * locale string can never disagree. Pure: reads nothing, writes nothing.
 */
import glossaryJson from './glossary.json';

export type GlossaryLanguage = 'ru' | 'kk';
export const glossaryLanguages: readonly GlossaryLanguage[] = ['ru', 'kk'];

export interface AvoidForm {
  /** A regular expression, matched case-insensitively at the start of a word. */
  pattern: string;
  why: string;
}

export interface GlossaryTerm {
  id: string;
  meaning: string;
  en: string;
  ru: string;
  kk: string;
  note?: string;
  /** Strings (namespace:key) that name the term itself: each must contain its form in ru and kk. */
  keys?: string[];
  /** Where a key names the term in another case («Блокировка сервисов»): the stem it must contain instead. */
  stems?: Partial<Record<GlossaryLanguage, string>>;
  avoid: Record<GlossaryLanguage, AvoidForm[]>;
  /** Strings (language/namespace:key) where an avoided form is right, with the reason. */
  exceptions?: { key: string; reason: string }[];
}

export const glossary: { about: string; terms: GlossaryTerm[] } = glossaryJson;

/** The avoided form as a regex over a whole string: it must begin a word. */
export const avoidRegExp = (pattern: string) => new RegExp(`(?<!\\p{L})(?:${pattern})`, 'iu');

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const shown = (pattern: string) => '`' + pattern.replace(/\|/g, '\\|') + '`';

/** docs/glossary.md, whole. `npx vitest run shared/i18n/glossary.test.ts -u` writes it again. */
export function glossaryDoc(terms: GlossaryTerm[] = glossary.terms): string {
  const lines = [
    '# Glossary',
    '',
    '<!-- Generated from shared/i18n/glossary.json by shared/i18n/glossary.ts: edit the JSON, then run',
    '     `npx vitest run shared/i18n/glossary.test.ts -u`. -->',
    '',
    'The one word Dalel uses, in each language, for each of its terms: in the app,',
    'the command, the bundle report, the UN draft and VERIFY.txt. Translators follow',
    'it; `shared/i18n/glossary.test.ts` fails when a Russian or Kazakh string uses a',
    'form listed under "Avoid", unless the glossary names that string as an exception',
    'with its reason.',
    '',
    '| Term | Meaning | kk | ru | en |',
    '|---|---|---|---|---|',
    ...terms.map((term) => `| ${term.id} | ${cell(term.meaning)} | ${cell(term.kk)} | ${cell(term.ru)} | ${cell(term.en)} |`),
    '',
    '## Why these words',
    '',
    ...terms.filter((term) => term.note).map((term) => `- **${term.id}**: ${cell(term.note!)}`),
    '',
    '## Avoid',
    '',
    'Each form is a regular expression, matched case-insensitively at the start of a word.',
    '',
    '| Term | Language | Avoid | Why |',
    '|---|---|---|---|',
    ...terms.flatMap((term) =>
      glossaryLanguages.flatMap((language) =>
        term.avoid[language].map((form) => `| ${term.id} | ${language} | ${shown(form.pattern)} | ${cell(form.why)} |`),
      ),
    ),
    '',
    '## Exceptions',
    '',
    '| Term | String | Reason |',
    '|---|---|---|',
    ...terms.flatMap((term) => (term.exceptions ?? []).map((e) => `| ${term.id} | \`${e.key}\` | ${cell(e.reason)} |`)),
    '',
  ];
  return lines.join('\n');
}
