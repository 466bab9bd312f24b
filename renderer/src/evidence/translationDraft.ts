/**
 * The source form's translations as drafts: each one's language, text,
 * translator, day (YYYY-MM-DD, as a date input gives it) and whether it is
 * certified, turned into the `translations` the Source schema checks, and
 * the labels of their fields for the error summary. Pure: no React, no IPC.
 */
import type { Translation } from '../../../shared/model';

export interface TranslationDraft {
  language: string;
  text: string;
  translator: string;
  translatedAt: string;
  certified: boolean;
}

export const translationFields = ['language', 'text', 'translator', 'translatedAt', 'certified'] as const;

export const emptyTranslation = (): TranslationDraft => ({ language: '', text: '', translator: '', translatedAt: '', certified: false });

export const translationDraftOf = (translation: Translation): TranslationDraft => ({ ...translation });

/** The saved form: each field as entered (the schema trims and checks it), nothing added. */
export const translationInputOf = (draft: TranslationDraft): Translation => ({
  language: draft.language.trim(),
  text: draft.text,
  translator: draft.translator,
  translatedAt: draft.translatedAt,
  certified: draft.certified,
});

/** "translations.1.translator" → [1, "translator"], or null for any other field. */
export function translationField(field: string): [index: number, name: string] | null {
  const m = /^translations\.(\d+)\.(\w+)$/.exec(field);
  return m ? [Number(m[1]), m[2]!] : null;
}
