/**
 * Which row of the overview an area counts in: its first-level region. A
 * city or district counts under the region it lay in on the record's day
 * (Semey under East Kazakhstan in January 2022, under Abai after June 2022);
 * a place typed as text that the gazetteer recognises ("Жанаозен") counts
 * under that place's region, so two defenders' spellings are one row. Text
 * it does not recognise keeps its own row, as written. Pure.
 */
import { findArea } from '../model/gazetteer';
import { regionOn } from '../model/gazetteerDates';
import { matchPlace } from '../model/placeMatch';

export interface AreaRow {
  key: string;
  kind: 'code' | 'place';
}

/** Typed texts already matched: an archive names the same few towns again and again. */
const matched = new Map<string, string | undefined>();
const maxRemembered = 10_000;

function matchOnce(text: string, country: string): string | undefined {
  const key = `${country}\u0000${text}`;
  if (matched.has(key)) return matched.get(key);
  const code = matchPlace(text, country);
  if (matched.size >= maxRemembered) matched.clear();
  matched.set(key, code);
  return code;
}

/** The row of one area of a record dated `date` (the caller's today for a record without a date). */
export function areaRowOf(area: unknown, date: string, country = 'KZ'): AreaRow | null {
  if (typeof area !== 'object' || area === null) return null;
  const { code, place } = area as { code?: unknown; place?: unknown };
  const text = typeof place === 'string' ? place.trim() : '';
  const known = typeof code === 'string' ? findArea(code) : text ? findArea(matchOnce(text, country) ?? '') : undefined;
  if (known) return { key: regionOn(known, date) ?? known.code, kind: 'code' };
  if (typeof code === 'string') return { key: code, kind: 'code' };
  return text ? { key: text, kind: 'place' } : null;
}
