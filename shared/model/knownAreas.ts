/**
 * Checks that every area code a record names is one the gazetteer holds
 * (first or second level): a code is an address others will read as a place,
 * so a mistyped "KZ-47-ZHANAOZN" is refused on saving, with the code said
 * back, rather than kept as a place nobody can name. The schema only checks a
 * code's form, so that records made with a later gazetteer still read; the
 * engine runs this check when a record is saved. A place as free text is
 * never checked here.
 */
import { findArea } from './gazetteer';
import type { FieldProblem } from './validation';

function codeProblem(area: unknown, path: string): FieldProblem[] {
  if (typeof area !== 'object' || area === null) return [];
  const code = (area as { code?: unknown }).code;
  if (typeof code !== 'string' || findArea(code)) return [];
  // SECURITY: what was given is said back as JSON and at most 40 characters, as validation.ts does for every value.
  const given = JSON.stringify(code);
  return [{ path: `${path}.code`, key: 'unknownAreaCode', params: { given: given.length > 40 ? `${given.slice(0, 39)}…` : given } }];
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Problems for each code of `areas`, `area` and `intervals[].areas` that the gazetteer does not hold. */
export function unknownAreaCodes(data: Record<string, unknown>): FieldProblem[] {
  return [
    ...listOf(data.areas).flatMap((area, index) => codeProblem(area, `areas.${index}`)),
    ...codeProblem(data.area, 'area'),
    ...listOf(data.intervals).flatMap((interval, i) =>
      typeof interval === 'object' && interval !== null ? listOf((interval as { areas?: unknown }).areas).flatMap((area, index) => codeProblem(area, `intervals.${i}.areas.${index}`)) : [],
    ),
  ];
}
