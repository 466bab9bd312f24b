/**
 * A row of Access Now's STOP dataset read back as a Dalel incident, for the
 * CSV importer (`dalel import-csv` and the import screen build on it).
 * Checks every column it maps and answers with i18n keys per column rather
 * than guess; never saves anything itself. What no Dalel field can hold is
 * handed back in `unmapped`, so the importer can say it was not imported
 * (docs/spec/stop.md lists those columns).
 *
 * The signature is kept stable for the importer:
 *   incidentFromStopRow(row) → { incident, externalId, sources, unmapped } | { problems }
 * `incident` has no `sources` yet: the importer saves each of `sources`
 * first, then `withSourceIds(result, ids)` gives the incident to save.
 */
import type { Area, Actor, CitationInput, IncidentInput, SourceInput } from '../model';
import { defaultOffset, matchPlace } from '../model';
import { countryCodeOf } from './countries';
import {
  actualStart,
  causeWords,
  codeOf,
  curfewStyle,
  dayOfStopDate,
  extents,
  geoScopes,
  infoSourceWords,
  justificationWords,
  listOf,
  nationwide,
  networks,
  orderedByWords,
  otherServiceNames,
  serviceColumns,
  shutdownTypes,
  statuses,
  type StopColumn,
} from './stopVocabulary';

/** A column's problem: `key` in the `validation` namespace, with its parameters. */
export interface StopImportProblem {
  path: StopColumn;
  key: string;
  params: Record<string, string>;
}

/** A source the row names, and the claims of the incident it backs (none: STOP does not tie links to claims). */
export interface ImportedSource {
  source: SourceInput;
  citations: Omit<CitationInput, 'source'>[];
}

export type StopImport =
  | {
      incident: IncidentInput;
      /** The row's key ("stop:KZ:2022-01-05:1a2b3c4d"), stored as the incident's externalId: importing it again changes nothing. */
      externalId: string;
      sources: ImportedSource[];
      /** Non-empty cells no Dalel field holds, by column. */
      unmapped: Partial<Record<StopColumn, string>>;
    }
  | { problems: StopImportProblem[] };

const yesNo = (cell: string) => {
  const word = cell.trim().toLowerCase();
  return word === 'yes' ? true : word === 'no' ? false : word === '' ? null : undefined;
};

/** TextEncoder is in Node and every browser; shared/ is compiled without either's typings. */
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

/** FNV-1a, 32 bits, in hex: a short stable key, not a security measure. */
function fnv(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) hash = Math.imul(hash ^ unit, 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The values of a list cell that must each be one of `allowed` (case aside), or the first that is not. */
function wordsOf(cell: string, allowed: readonly string[]): { words: string[]; wrong?: string } {
  const words = listOf(cell, /[,;]/);
  const wrong = words.find((word) => !allowed.some((value) => value.toLowerCase() === word.toLowerCase()));
  return { words: words.map((word) => allowed.find((value) => value.toLowerCase() === word.toLowerCase()) ?? word), ...(wrong ? { wrong } : {}) };
}

/**
 * One STOP row (cells by column name; missing columns read as empty) as an
 * incident, its external key and the sources it links to, or the problems
 * of its columns.
 */
export function incidentFromStopRow(input: Readonly<Partial<Record<string, string>>>): StopImport {
  const cell = (column: StopColumn) => (input[column] ?? '').trim();
  const problems: StopImportProblem[] = [];
  const problem = (path: StopColumn, key: string, params: Record<string, string> = {}) => problems.push({ path, key: `stopCsv.${key}`, params });
  const unmapped: Partial<Record<StopColumn, string>> = {};
  const keep = (column: StopColumn, value = cell(column)) => {
    if (value) unmapped[column] = value;
  };
  const checkWords = (column: StopColumn, allowed: readonly string[]) => {
    const read = wordsOf(cell(column), allowed);
    if (read.wrong) problem(column, 'unknownValue', { given: read.wrong, choices: allowed.join(', ') });
    return read.words;
  };

  const country = cell('country') ? countryCodeOf(cell('country')) : undefined;
  if (!cell('country')) problem('country', 'required');
  else if (!country) problem('country', 'unknownCountry', { given: cell('country') });

  const startDay = cell('start_date') ? dayOfStopDate(cell('start_date')) : null;
  if (!cell('start_date')) problem('start_date', 'required');
  else if (!startDay) problem('start_date', 'invalidDate', { given: cell('start_date') });
  const endDay = cell('end_date') ? dayOfStopDate(cell('end_date')) : null;
  if (cell('end_date') && !endDay) problem('end_date', 'invalidDate', { given: cell('end_date') });
  if (startDay && endDay && endDay < startDay) problem('end_date', 'endBeforeStart');
  if (cell('start_date_type') && cell('start_date_type').toLowerCase() !== actualStart.toLowerCase()) keep('start_date_type');

  /** A cell that holds one of `allowed` as a whole (geo_scope's own words have commas in them). */
  const oneOf = (column: StopColumn, allowed: readonly string[]) => {
    const found = allowed.find((value) => value.toLowerCase() === cell(column).toLowerCase());
    if (cell(column) && !found) problem(column, 'unknownValue', { given: cell(column), choices: allowed.join(' | ') });
    return found;
  };
  const status = oneOf('shutdown_status', Object.values(statuses));
  const ongoing = status === statuses.ongoing;
  if (ongoing && endDay) problem('end_date', 'endedWhileOngoing');

  // Where and how far.
  const isNationwide = cell('area_name').toLowerCase() === nationwide.toLowerCase();
  const places = isNationwide ? [] : listOf(cell('area_name'), /;/);
  const areas: Area[] = places.map((place) => {
    const code = country ? matchPlace(place, country) : undefined;
    return code ? { code } : { place };
  });
  const geo = oneOf('geo_scope', Object.values(geoScopes));
  const scope = isNationwide ? 'national' : geo === geoScopes.oneCity ? 'local' : (geo ?? areas.length) ? 'regional' : 'national';

  // What was cut.
  const types = checkWords('shutdown_type', Object.values(shutdownTypes));
  const nets = checkWords('affected_network', Object.values(networks));
  const extent = checkWords('shutdown_extent', Object.values(extents));
  const throttled = types.includes(shutdownTypes.throttle);
  const cut = types.includes(shutdownTypes.shutdown) || !throttled;
  const kinds: IncidentInput['kinds'] = [];
  if (throttled) kinds.push('throttling');
  if (cut && (extent.includes(extents.full) || (extent.length === 0 && nets.length > 0))) {
    const mobile = nets.includes(networks.mobile);
    const broadband = nets.includes(networks.broadband);
    kinds.push(mobile === broadband ? 'full_network' : mobile ? 'mobile_data' : 'fixed_broadband');
  }
  if (cut && extent.includes(extents.service)) kinds.push('service_blocking');
  const voice = ['sms_affected', 'phonecall_affected'] as const;
  if (voice.some((column) => yesNo(cell(column)))) kinds.push('sms_voice');
  if (kinds.length === 0) problem('shutdown_type', 'noKinds');

  const yesNoColumns = [...voice, ...(Object.keys(serviceColumns) as StopColumn[]), 'gov_ack', 'election', 'violence', 'hr_abuse_reported'] as const;
  for (const column of yesNoColumns) {
    if (yesNo(cell(column)) === undefined) problem(column, 'unknownValue', { given: cell(column), choices: 'Yes, No' });
  }
  const services = Object.entries(serviceColumns)
    .filter(([column]) => yesNo(cell(column as StopColumn)))
    .map(([, code]) => code as string);
  if (yesNo(cell('other_affected')) !== null && yesNo(cell('other_affected')) !== undefined) keep('other_affected');
  else for (const name of listOf(cell('other_affected'), /[,;]/)) services.push(codeOf(otherServiceNames, name) ?? name);

  // Why, and who.
  const causeCodes = listOf(cell('actual_cause'), /[,;]/).map((word) => codeOf(causeWords, word));
  if (causeCodes.some((code) => !code)) keep('actual_cause');
  const causes = new Set<string>(causeCodes.map((code) => code ?? 'other'));
  if (yesNo(cell('election'))) causes.add('elections');
  if (yesNo(cell('violence')) && !causes.has('armed_conflict')) causes.add('unrest');
  const grounds = listOf(cell('gov_justification'), /;/);
  const codes = grounds.map((word) => codeOf(justificationWords, word));
  const justification = codes.every(Boolean)
    ? { codes: codes as NonNullable<IncidentInput['justification']>['codes'], statement: '' }
    : { codes: ['other' as const], statement: cell('gov_justification') };
  const names = listOf(cell('decision_maker'), /;/);
  const orderedBy: Actor[] = listOf(cell('ordered_by'), /,/).map((word, index) => {
    const code = codeOf(orderedByWords, word) as Actor['code'] | undefined;
    return code ? { code, name: names[index] ?? '' } : { code: 'other', name: word };
  });
  if (orderedBy.length === 0 && names.length) orderedBy.push({ code: 'unknown', name: names.join('; ') });
  const ack = yesNo(cell('gov_ack'));

  // Its sources: one per link, of the kind info_source names.
  const links = listOf(cell('info_source_link'), /[;\s]+/);
  const urls = links.filter((link) => /^https?:\/\/\S+$/i.test(link));
  if (urls.length < links.length) keep('info_source_link', links.filter((link) => !urls.includes(link)).join('; '));
  if (urls.length === 0) keep('info_source');
  const kind = (codeOf(infoSourceWords, cell('info_source')) ?? 'other') as SourceInput['kind'];
  const sources: ImportedSource[] = urls.map((url) => ({
    source: { kind, title: (/^https?:\/\/([^/?#]+)/i.exec(url)?.[1] ?? url).slice(0, 300), url: url.slice(0, 2000) },
    citations: [],
  }));

  const duration = cell('duration');
  if (duration && duration.toLowerCase() !== curfewStyle.toLowerCase() && !/^\d+(\.\d+)?$/.test(duration)) keep('duration');
  for (const column of ['actual_cause_details', 'users_targeted', 'users_target_detail', 'an_link', 'region'] as const) keep(column);
  if (yesNo(cell('hr_abuse_reported'))) keep('hr_abuse_reported');

  if (problems.length || !country || !startDay) return { problems };
  const at = (day: string) => `${day}T00:00${(country === 'KZ' && defaultOffset(areas, day)) || '+00:00'}`;
  const event = cell('event');
  const incident: IncidentInput = {
    title: (event.split(/\r?\n|(?<=\.)\s/)[0]?.trim() || `${cell('country')} ${cell('start_date')}`).slice(0, 300),
    summary: event,
    country,
    areas,
    scope,
    kinds: [...new Set(kinds)],
    services: [...new Set(services)],
    operators: [...new Set(listOf(cell('telcos_involved'), /[,;]/))],
    startedAt: { at: at(startDay), precision: 'day' },
    ...(endDay ? { endedAt: { at: at(endDay), precision: 'day' as const } } : {}),
    ongoing,
    ...(duration.toLowerCase() === curfewStyle.toLowerCase() ? { pattern: { kind: 'recurring' as const, description: '' } } : {}),
    ...(grounds.length ? { justification } : {}),
    context: [...causes] as IncidentInput['context'],
    acknowledged: ack === true ? 'yes' : ack === false ? 'no' : 'unknown',
    ...(orderedBy.length ? { order: { orderedBy } } : {}),
  };
  const key = [cell('area_name'), cell('shutdown_type'), cell('shutdown_extent'), cell('affected_network')].join('|');
  return { incident, externalId: `stop:${country}:${startDay}:${fnv(key)}`, sources, unmapped };
}

/** The incident to save once its sources are saved: their ids, in order, in `sources`, and their citations. */
export function withSourceIds(imported: Extract<StopImport, { incident: IncidentInput }>, sourceIds: readonly string[]): IncidentInput {
  const citations = imported.sources.flatMap((item, index) => item.citations.map((citation) => ({ ...citation, source: sourceIds[index]! })));
  return {
    ...imported.incident,
    externalId: imported.externalId,
    sources: [...sourceIds],
    ...(citations.length ? { citations } : {}),
  };
}
