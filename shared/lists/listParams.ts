/**
 * The pieces the lists' addresses are made of, as pure functions: reading a
 * code, a day or an area from the query (anything unknown reads as "any", so
 * an old or hand-edited link never breaks a list), writing a query that
 * leaves defaults out, and the tests the filters share (search words, a day
 * range). Days are compared as written in each record's own offset
 * (YYYY-MM-DD), never converted between zones, as the overview counts them.
 */

/**
 * URLSearchParams, as both the browser and Node have it (WHATWG URL), typed
 * here because shared/ is compiled without either one's globals.
 */
export interface QueryParams {
  get(name: string): string | null;
  set(name: string, value: string): void;
  toString(): string;
}
declare const URLSearchParams: new (init?: string) => QueryParams;

/** The parameters of a query text (`q=…&kind=…`). */
export const paramsOf = (text: string): QueryParams => new URLSearchParams(text);

export type SortDirection = 'asc' | 'desc';

/** The sort a list shows: a column, and its direction ("" for the column's natural one). */
export interface SortSpec<C extends string> {
  sort: C;
  order: SortDirection | '';
}

export function readCode<C extends string>(params: QueryParams, name: string, codes: readonly C[]): C | '' {
  const value = params.get(name) ?? '';
  return (codes as readonly string[]).includes(value) ? (value as C) : '';
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  const match = dayPattern.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function readDay(params: QueryParams, name: string): string {
  const value = params.get(name) ?? '';
  return isDay(value) ? value : '';
}

const areaCodePattern = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/**
 * The area filter, as the lists hold it: "code:KZ-75" for a gazetteer area,
 * "place:Жаңаөзен" for a place named in free text, "" for any. In the
 * address a code is written bare (`area=KZ-75`) and a place as written
 * (`area=Жаңаөзен`; `place:` in front is accepted too).
 */
export function readArea(params: QueryParams): string {
  const value = (params.get('area') ?? '').trim();
  if (!value) return '';
  if (areaCodePattern.test(value)) return `code:${value}`;
  if (value.startsWith('code:') && areaCodePattern.test(value.slice(5))) return value;
  const place = value.startsWith('place:') ? value.slice(6).trim() : value;
  return place ? `place:${place}` : '';
}

export function areaParam(area: string): string {
  if (area.startsWith('code:')) return area.slice(5);
  if (area.startsWith('place:')) {
    const place = area.slice(6);
    // A place that reads like a code keeps its prefix, so it comes back as a place.
    return areaCodePattern.test(place) ? area : place;
  }
  return '';
}

export function readSort<C extends string>(params: QueryParams, columns: readonly C[], fallback: C): SortSpec<C> {
  return { sort: readCode(params, 'sort', columns) || fallback, order: readCode(params, 'order', ['asc', 'desc'] as const) };
}

/** The query text of these parameters in the order given; empty values are left out. */
export function writeParams(entries: readonly (readonly [string, string])[]): string {
  const params = new URLSearchParams();
  for (const [name, value] of entries) if (value) params.set(name, value);
  return params.toString();
}

/** The sort's parameters: left out when it is the list's default, the order only when it is not the column's natural one. */
export function sortParams<C extends string>(spec: SortSpec<C>, fallback: C, natural: SortDirection): [string, string][] {
  const order = spec.order && spec.order !== natural ? spec.order : '';
  return [
    ['sort', spec.sort === fallback && !order ? '' : spec.sort],
    ['order', order],
  ];
}

/** The direction a sort shows, resolving "" to the column's natural one. */
export function directionOf<C extends string>(spec: SortSpec<C>, natural: (column: C) => SortDirection): SortDirection {
  return spec.order || natural(spec.sort);
}

/** Clicking a column's header: that column in its natural direction, or the other direction if it is already sorted by it. */
export function nextSort<C extends string>(current: SortSpec<C>, column: C, natural: (column: C) => SortDirection): SortSpec<C> {
  if (current.sort !== column) return { sort: column, order: '' };
  const now = directionOf(current, natural);
  const next: SortDirection = now === 'asc' ? 'desc' : 'asc';
  return { sort: column, order: next === natural(column) ? '' : next };
}

/** Combining marks: only text holding one can differ from its NFC form (typed text is NFC already). */
const combiningMark = /\p{M}/u;

/**
 * Lower case in every script, NFC, and "ё" read as "е", as Russian readers
 * do. The default case mapping (toLowerCase) is right for Kazakh, Russian
 * and English and several times faster than the locale-aware one, which
 * matters over 100k records; NFC is applied only where it can change something.
 */
export function normalizeForSearch(text: string): string {
  return (combiningMark.test(text) ? text.normalize('NFC') : text).toLowerCase().replaceAll('ё', 'е');
}

/** The words of a search, normalized; a row matches when its text holds every one. */
export function searchWords(search: string): string[] {
  return normalizeForSearch(search).split(/\s+/).filter(Boolean);
}

export function holdsEvery(text: string, words: readonly string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false;
  return true;
}

/**
 * What a filter asks of an entry: every search word in its text, and its
 * fields passing `fields`. Split so that the engine can find the words
 * over all texts at once and test the fields of those entries alone.
 */
export interface Matcher<E> {
  words: string[];
  fields: (entry: E) => boolean;
}

/** Whether the matcher keeps the entry. */
export const keeps = <E extends { text: string }>({ words, fields }: Matcher<E>, entry: E): boolean => fields(entry) && holdsEvery(entry.text, words);

/** The day a timestamp was written in ("2022-01-05T16:00+06:00" → "2022-01-05"). */
export const dayOf = (at: string): string => at.slice(0, 10);

/**
 * Whether the days [first, last] meet the range [from, to] (both inclusive,
 * either may be "" for open). `last` null means still going on.
 */
export function meetsRange(first: string, last: string | null, from: string, to: string): boolean {
  if (to && first > to) return false;
  if (from && last !== null && last < from) return false;
  return true;
}
