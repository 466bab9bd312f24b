import { describe, expect, it } from 'vitest';
import { errorCodes, errorPlaceholders } from '../ipc';
import * as taxonomy from '../model/taxonomy';
import { custodyActions } from '../model/custody';
import { validationKeys } from '../model/validation';
import { pickLanguage, resources } from './index';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(path, value);
    else for (const [k, v] of flatten(value, path)) keys.set(k, v);
  }
  return keys;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
/** Plural forms differ per language (ru has _few and _many); compare by base key. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

const languages = Object.keys(resources) as (keyof typeof resources)[];
const namespaces = Object.keys(resources.en) as (keyof typeof resources.en)[];

describe('translations', () => {
  it.each(namespaces)('namespace %s has the same keys and placeholders in every language', (namespace) => {
    const english = flatten(resources.en[namespace] as Tree);
    expect(english.size).toBeGreaterThan(0);
    const englishBases = new Map([...english].map(([key, text]) => [baseKey(key), placeholders(text)]));
    for (const language of languages) {
      const other = flatten(resources[language][namespace] as Tree);
      const otherBases = new Map([...other].map(([key, text]) => [baseKey(key), placeholders(text)]));
      expect([...otherBases.keys()].sort(), `${language}/${namespace}`).toEqual([...englishBases.keys()].sort());
      for (const [key, text] of other) {
        expect(text.trim(), `${language}/${namespace}:${key} is empty`).not.toBe('');
        const expected = englishBases.get(baseKey(key))!.filter((p) => p !== 'count');
        expect(placeholders(text).filter((p) => p !== 'count'), `${language}/${namespace}:${key}`).toEqual(expected);
      }
    }
  });

  it('have Russian plural forms one, few, many and other wherever English has a plural', () => {
    for (const namespace of namespaces) {
      const pluralBases = [...flatten(resources.en[namespace] as Tree).keys()].filter((k) => k.endsWith('_other')).map(baseKey);
      const russian = flatten(resources.ru[namespace] as Tree);
      for (const base of pluralBases) {
        for (const form of ['one', 'few', 'many', 'other']) expect(russian.has(`${base}_${form}`), `ru/${namespace}:${base}_${form}`).toBe(true);
      }
    }
  });

  it('give every error code a message with exactly its placeholders', () => {
    for (const language of languages) {
      const messages = resources[language].errors as Record<string, string>;
      for (const code of errorCodes) {
        // A message that counts has its plural forms instead (`_one`, `_other`, …), each with the same placeholders.
        const forms = messages[code] ? [code] : Object.keys(messages).filter((key) => key.startsWith(`${code}_`));
        expect(forms.length, `${language} errors:${code}`).toBeGreaterThan(0);
        for (const form of forms) expect(placeholders(messages[form]!), `${language} errors:${form}`).toEqual([...errorPlaceholders[code]].sort());
      }
    }
  });

  it('label every taxonomy code in every language', () => {
    const groups: [string, readonly string[]][] = [
      ['scope', taxonomy.scopes],
      ['kind', taxonomy.incidentKinds],
      ['service', taxonomy.serviceCodes],
      ['pattern', taxonomy.patterns],
      ['justification', taxonomy.justifications],
      ['context', taxonomy.contexts],
      ['acknowledged', taxonomy.acknowledgements],
      ['legalBasis', taxonomy.legalBases],
      ['right', taxonomy.rights],
      ['precision', taxonomy.timePrecisions],
      ['recordType', taxonomy.recordTypes],
      ['custodyAction', custodyActions],
      ['category', taxonomy.effectCategories],
      ['group', taxonomy.affectedGroups],
      ['severity', taxonomy.severities],
      ['countPrecision', taxonomy.countPrecisions],
      ['sourceKind', taxonomy.sourceKinds],
      ['personRole', taxonomy.personRoles],
      ['consentMethod', taxonomy.consentMethods],
      ['reliability', taxonomy.sourceReliabilities],
      ['credibility', taxonomy.informationCredibilities],
      ['access', taxonomy.sourceAccesses],
      ['stance', taxonomy.citationStances],
      ['actor', taxonomy.actors],
      ['citer', taxonomy.citers],
      ['legalBasisRole', taxonomy.legalBasisRoles],
      ['linkKind', taxonomy.incidentLinkKinds],
      ['interventionKind', taxonomy.interventionKinds],
      ['outcome', taxonomy.interventionOutcomes],
    ];
    for (const language of languages) {
      const labels = resources[language].taxonomy as Record<string, Record<string, string>>;
      for (const [group, codes] of groups) {
        expect(Object.keys(labels[group] ?? {}).sort(), `${language} taxonomy.${group}`).toEqual([...codes].sort());
      }
    }
  });

  it('have a message for every validation key the schemas can produce', () => {
    for (const language of languages) {
      const messages = resources[language].validation as unknown as Record<string, string>;
      for (const key of validationKeys) expect(messages[key], `${language} validation:${key}`).toBeTruthy();
    }
  });

  it('choose the language from OS and environment locales', () => {
    expect(pickLanguage('kk-KZ')).toBe('kk');
    expect(pickLanguage('ru_RU.UTF-8')).toBe('ru');
    expect(pickLanguage('de-DE')).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
  });
});
