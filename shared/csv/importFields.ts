/**
 * The fields a row of an organization's own spreadsheet can fill
 * (docs/guides/spreadsheets.md): each with how a cell becomes its value.
 * Lists are split on `|` as Uwazi writes them; codes are read from their
 * code or their label in English, Russian or Kazakh; dates from ISO 8601 or
 * the day.month.year people type. Pure: returns values or i18n keys, never text.
 */
import { resources } from '../i18n';
import { areaCodePattern } from '../model/area';
import { isIsoWithOffset } from '../model/time';
import {
  acknowledgements,
  contexts,
  incidentKinds,
  justifications,
  legalBases,
  rights,
  scopes,
  serviceCodes,
  sourceKinds,
} from '../model/taxonomy';

/** A group of labels in the `taxonomy` namespace, and the codes it may give. */
interface CodeList {
  group: string;
  codes: readonly string[];
}

export type Conversion =
  | { kind: 'text' }
  | { kind: 'country' }
  | { kind: 'list' }
  | { kind: 'areas' }
  | { kind: 'date' }
  | { kind: 'boolean' }
  /** One code of the list, or (with `free`) the text itself when no label matches. */
  | { kind: 'code'; list: CodeList; many: boolean; free?: boolean };

const code = (group: string, codes: readonly string[]): Conversion => ({ kind: 'code', list: { group, codes }, many: false });
const codes = (group: string, list: readonly string[], free = false): Conversion => ({ kind: 'code', list: { group, codes: list }, many: true, free });

/** Every field a column can be mapped to, in the order a mapping table offers them. */
export const importFields = {
  externalId: { kind: 'text' },
  title: { kind: 'text' },
  summary: { kind: 'text' },
  country: { kind: 'country' },
  areas: { kind: 'areas' },
  scope: code('scope', scopes),
  kinds: codes('kind', incidentKinds),
  services: codes('service', serviceCodes, true),
  operators: { kind: 'list' },
  startedAt: { kind: 'date' },
  endedAt: { kind: 'date' },
  ongoing: { kind: 'boolean' },
  context: codes('context', contexts),
  justification: codes('justification', justifications),
  acknowledged: code('acknowledged', acknowledgements),
  orderedBy: { kind: 'text' },
  legalBasis: codes('legalBasis', legalBases),
  rights: codes('right', rights),
  tags: { kind: 'list' },
  confidential: { kind: 'boolean' },
  sourceTitle: { kind: 'text' },
  sourceUrl: { kind: 'list' },
  sourceKind: code('sourceKind', sourceKinds),
} as const satisfies Record<string, Conversion>;

export type ImportField = keyof typeof importFields;
export const importFieldNames = Object.keys(importFields) as ImportField[];

/** A converted cell, or the key (namespace `csv`) of why it could not be read. */
export type Converted = { ok: true; value: unknown } | { ok: false; key: string; params: Record<string, string> };

const bad = (key: string, given: string): Converted => ({ ok: false, key, params: { given: given.slice(0, 80) } });

/** Uwazi's separator between the values of one cell. */
export const listSeparator = '|';

export function splitList(cell: string): string[] {
  return cell
    .split(listSeparator)
    .map((value) => value.trim())
    .filter(Boolean);
}

const fold = (value: string) => value.normalize('NFC').trim().toLocaleLowerCase('ru');

/** Each code's code and labels in every language, folded, so that "Мобильді интернет" finds `mobile_data`. */
function labelsOf(list: CodeList): Map<string, string> {
  const byLabel = new Map<string, string>();
  for (const language of Object.values(resources)) {
    const labels = (language.taxonomy as Record<string, Record<string, string> | undefined>)[list.group] ?? {};
    for (const value of list.codes) if (typeof labels[value] === 'string') byLabel.set(fold(labels[value]), value);
  }
  for (const value of list.codes) byLabel.set(fold(value), value);
  return byLabel;
}

const labelCache = new Map<string, Map<string, string>>();
export function codeOf(list: CodeList, given: string): string | undefined {
  let labels = labelCache.get(list.group);
  if (!labels) labelCache.set(list.group, (labels = labelsOf(list)));
  return labels.get(fold(given));
}

const yes = new Set(['yes', 'true', '1', 'да', 'иә', 'y']);
const no = new Set(['no', 'false', '0', 'нет', 'жоқ', 'n']);

/**
 * A date as a Timestamp: ISO 8601 with an offset as it is; without one,
 * `offset` (the mapping's, +05:00 by default) is added; a day alone is a
 * day's precision. Day.month.year is read as people in Kazakhstan write it.
 */
export function dateOf(cell: string, offset: string): Converted {
  const value = cell.trim();
  if (isIsoWithOffset(value)) return { ok: true, value: { at: value, precision: 'minute' } };
  // A day with its offset, as the CSV export writes a day outside Kazakhstan's time (shared/csv/uwaziExport.ts).
  const dayWithOffset = /^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (dayWithOffset && isIsoWithOffset(`${dayWithOffset[1]}T00:00${dayWithOffset[2]}`)) return { ok: true, value: { at: `${dayWithOffset[1]}T00:00${dayWithOffset[2]}`, precision: 'day' } };
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3], iso[4], iso[5]] : dotted ? [dotted[3], dotted[2], dotted[1], dotted[4], dotted[5]] : null;
  if (!parts) return bad('row.badDate', cell);
  const [year, month, day, hour, minute] = parts as [string, string, string, string | undefined, string | undefined];
  const two = (part: string) => part.padStart(2, '0');
  const at = `${year}-${two(month)}-${two(day)}T${hour ? `${two(hour)}:${minute}` : '00:00'}${offset}`;
  if (!isIsoWithOffset(at)) return bad('row.badDate', cell);
  return { ok: true, value: { at, precision: hour ? 'minute' : 'day' } };
}

/** One cell (already not empty) converted as its field says. */
export function convertCell(conversion: Conversion, cell: string, offset: string): Converted {
  switch (conversion.kind) {
    case 'text':
      return { ok: true, value: cell.trim() };
    case 'country':
      return { ok: true, value: cell.trim().toUpperCase() };
    case 'list':
      return { ok: true, value: splitList(cell) };
    case 'areas':
      // A code as the gazetteer writes it, or the place's name as typed.
      return { ok: true, value: splitList(cell).map((area) => (areaCodePattern.test(area.toUpperCase()) ? { code: area.toUpperCase() } : { place: area })) };
    case 'date':
      return dateOf(cell, offset);
    case 'boolean': {
      const folded = fold(cell);
      if (yes.has(folded)) return { ok: true, value: true };
      if (no.has(folded)) return { ok: true, value: false };
      return bad('row.badBoolean', cell);
    }
    case 'code': {
      const values = conversion.many ? splitList(cell) : [cell.trim()];
      const found: string[] = [];
      for (const value of values) {
        const known = codeOf(conversion.list, value);
        if (known) found.push(known);
        else if (conversion.free) found.push(value);
        else return bad('row.unknownLabel', value);
      }
      return { ok: true, value: conversion.many ? found : found[0] };
    }
  }
}
