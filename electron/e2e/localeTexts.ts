/**
 * The UI's texts as the specs need them: one text in a given language
 * (`localeText('ru', 'security:unlock.title')`, placeholders filled), and a
 * check that no English label or sentence is left on a screen shown in
 * another language. Read from the locale files on disk: importing
 * shared/i18n would pull JSON modules in before the harness can allow them.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect } from './harness';

type Tree = { [key: string]: string | Tree };
const namespaces = ['common', 'incidents', 'security', 'evidence', 'taxonomy', 'validation', 'errors'];
const readLocale = (lng: string, ns: string): Tree =>
  JSON.parse(readFileSync(new URL(`../../shared/i18n/locales/${lng}/${ns}.json`, import.meta.url), 'utf8'));
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );

/** The text of `ns:key.path` in `lng`, with its {{placeholders}} filled from `params`. */
export function localeText(lng: string, key: string, params: Record<string, string | number> = {}): string {
  const [ns, path] = key.split(':') as [string, string];
  const text = new Map(flatten(readLocale(lng, ns))).get(path);
  if (text === undefined) throw new Error(`no ${lng} text for ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
}

/** English sentences and labels that the given language translates differently. */
function englishOnlyTexts(lng: string): string[] {
  return namespaces.flatMap((ns) => {
    const local = new Map(flatten(readLocale(lng, ns)));
    return flatten(readLocale('en', ns))
      .filter(([key, text]) => !text.includes('{{') && text.length >= 4 && local.get(key) !== text)
      .map(([, text]) => text);
  });
}

/** Fails if a label or sentence shows in English while the UI is in another language. */
export async function expectNoEnglishLeft(page: Page, lng: string, screen: string): Promise<void> {
  if (lng === 'en') return;
  const body = await page.locator('body').innerText();
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const leftover = englishOnlyTexts(lng).filter((text) => new RegExp(`(^|[^\\p{L}])${escape(text)}($|[^\\p{L}])`, 'mu').test(body));
  expect(leftover, `English left on ${screen} in ${lng}`).toEqual([]);
}
