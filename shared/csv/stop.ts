/**
 * The STOP mapping (docs/spec/stop.md): Dalel's incidents as rows of Access
 * Now's #KeepItOn STOP dataset, with STOP's own column names and words, and
 * (./stopImport.ts, re-exported here) a STOP row back as an incident for the
 * CSV importer. One row per shutdown: incidents joined by links (same_as,
 * part_of, continues_as; `shutdownGroups`) make one row. Pure and
 * deterministic; it reads only what it is given, so a bundle's stop.csv can
 * carry nothing its records withhold.
 */
import type { Area, Incident, Interval } from '../model';
import { areaNameOn, durationOf, instantOf, shutdownGroups, type Timestamp } from '../model';
import { englishCountryName } from './countries';
import {
  actualStart,
  causeWords,
  curfewStyle,
  extents,
  geoScopes,
  infoSourceWords,
  justificationWords,
  nationwide,
  networks,
  orderedByWords,
  otherInfoSource,
  otherServiceNames,
  serviceColumns,
  shutdownTypes,
  statuses,
  stopColumns,
  stopDate,
  yes,
  type StopRow,
} from './stopVocabulary';

export { stopColumns, type StopColumn, type StopRow } from './stopVocabulary';
export { incidentFromStopRow, withSourceIds, type StopImport, type StopImportProblem, type ImportedSource } from './stopImport';

/** An incident as the mapping reads it: any of its fields (a bundle's may be redacted). */
export interface StopIncident {
  recordId: string;
  incident: Partial<Incident>;
}

/** What else a row draws on: the sources carried (by id) and the effects on people. */
export interface StopContext {
  sources: ReadonlyMap<string, { kind?: string | undefined; url?: string | undefined }>;
  effects: readonly { incident?: string | undefined; category?: string | undefined }[];
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];
const uniqueBy = <T>(values: readonly T[], key: (value: T) => string) => [...new Map(values.map((value) => [key(value), value])).values()];
const dayOf = (at: string) => at.slice(0, 10);
const widest = ['national', 'regional', 'local'] as const;

/** The area as STOP's area_name gives it: the gazetteer's English name on the day it began ("Nur-Sultan" in 2021), or the place as written. */
function areaName(area: Area, day: string | undefined): string {
  return 'code' in area ? areaNameOn(area.code, day, 'en') : area.place;
}

/** The networks a shutdown's kinds cut; service blocking and throttling name none by themselves. */
function affectedNetworks(kinds: readonly string[]): string[] {
  const mobile = kinds.some((kind) => kind === 'full_network' || kind === 'mobile_data' || kind === 'sms_voice');
  const broadband = kinds.some((kind) => kind === 'full_network' || kind === 'fixed_broadband');
  return [...(broadband ? [networks.broadband] : []), ...(mobile ? [networks.mobile] : [])];
}

function shutdownTypeOf(kinds: readonly string[]): string {
  const throttled = kinds.includes('throttling');
  const cut = kinds.some((kind) => kind !== 'throttling');
  return [...(cut ? [shutdownTypes.shutdown] : []), ...(throttled ? [shutdownTypes.throttle] : [])].join(', ') || shutdownTypes.unknown;
}

function extentOf(kinds: readonly string[], services: readonly string[]): string {
  const whole = kinds.some((kind) => ['full_network', 'mobile_data', 'fixed_broadband', 'sms_voice'].includes(kind));
  const throttledWhole = kinds.includes('throttling') && services.length === 0;
  const service = kinds.includes('service_blocking') || (kinds.includes('throttling') && services.length > 0);
  return [...(whole || throttledWhole ? [extents.full] : []), ...(service ? [extents.service] : [])].join(', ');
}

function geoScopeOf(scope: string | undefined, areas: readonly Area[], day: string | undefined): { geo: string; names: string } {
  const names = areas.map((area) => areaName(area, day)).join('; ');
  if (scope === 'national') return { geo: geoScopes.severalRegions, names: nationwide };
  if (scope === 'local') return { geo: geoScopes.oneCity, names };
  if (scope === 'regional') {
    const regions = new Set(areas.map((area) => ('code' in area ? area.code.split('-').slice(0, 2).join('-') : area.place)));
    return { geo: regions.size > 1 ? geoScopes.severalRegions : geoScopes.oneRegion, names };
  }
  return { geo: '', names };
}

/** Calendar days the shutdown touched, first and last counted; "Curfew Style" when it went off and on daily. */
function durationCell(start: Timestamp, end: Timestamp | undefined, intervals: readonly Interval[], recurring: boolean): string {
  if (recurring || durationOf({ startedAt: start, endedAt: end, intervals }).curfewStyle) return curfewStyle;
  if (!end) return '';
  return String(Math.round((Date.parse(dayOf(end.at)) - Date.parse(dayOf(start.at))) / 86_400_000) + 1);
}

/** One STOP row for the incidents of one shutdown: the whole (a part_of target) or the earliest leads. */
function rowOf(members: readonly StopIncident[], carried: StopContext): StopRow {
  const ids = new Set(members.map((member) => member.recordId));
  const wholes = new Set(
    members.flatMap((member) => (member.incident.links ?? []).filter((link) => link.kind === 'part_of' && ids.has(link.incident)).map((link) => link.incident)),
  );
  const byStart = members.filter((member) => member.incident.startedAt).sort((a, b) => instantOf(a.incident.startedAt!) - instantOf(b.incident.startedAt!));
  const lead = members.find((member) => wholes.has(member.recordId)) ?? byStart[0] ?? members[0]!;
  const ordered = [lead, ...members.filter((member) => member !== lead)].map((member) => member.incident);
  const all = <T>(pick: (incident: Partial<Incident>) => readonly T[] | undefined) => ordered.flatMap((incident) => pick(incident) ?? []);
  const first = <T>(pick: (incident: Partial<Incident>) => T | undefined) => ordered.map(pick).find((value) => value !== undefined);

  const kinds = unique(all((incident) => incident.kinds));
  const services = unique(all((incident) => incident.services));
  const areas = uniqueBy(all((incident) => incident.areas), (area) => JSON.stringify(area));
  const causes = unique(all((incident) => incident.context));
  const scope = widest.find((level) => ordered.some((incident) => incident.scope === level));
  const start = byStart[0]?.incident.startedAt;
  const ongoing = ordered.some((incident) => incident.ongoing);
  const ends = ordered.map((incident) => incident.endedAt);
  const end = !ongoing && ends.every(Boolean) ? ends.reduce((a, b) => (instantOf(b!) > instantOf(a!) ? b : a)) : undefined;
  const intervals = all((incident) => incident.intervals);
  const recurring = ordered.some((incident) => incident.pattern?.kind === 'recurring');
  const { geo, names } = geoScopeOf(scope, areas, start && dayOf(start.at));
  const acknowledged = first((incident) => (incident.acknowledged && incident.acknowledged !== 'unknown' ? incident.acknowledged : undefined));
  const order = first((incident) => (incident.order?.orderedBy.length ? incident.order : undefined));
  const oldOrderedBy = first((incident) => incident.orderedBy || undefined);
  const justification = first((incident) => (incident.justification?.codes.length || incident.justification?.statement ? incident.justification : undefined));
  const sources = unique(all((incident) => incident.sources)).flatMap((id) => {
    const source = carried.sources.get(id);
    return source ? [source] : [];
  });
  const others = services.filter((service) => !(Object.values(serviceColumns) as string[]).includes(service));
  const yesIf = (value: boolean) => (value ? yes : '');

  const row = Object.fromEntries(stopColumns.map((column) => [column, ''])) as StopRow;
  return {
    ...row,
    start_date_type: start ? actualStart : '',
    start_date: start ? stopDate(dayOf(start.at)) : '',
    country: lead.incident.country ? englishCountryName(lead.incident.country) : '',
    geo_scope: geo,
    area_name: names,
    shutdown_type: kinds.length ? shutdownTypeOf(kinds) : '',
    affected_network: affectedNetworks(kinds).join(', '),
    shutdown_extent: extentOf(kinds, services),
    ordered_by: order ? unique(order.orderedBy.map((actor) => orderedByWords[actor.code] ?? (actor.name || 'Other'))).join(', ') : (oldOrderedBy ?? ''),
    // An actor of kind "other" is named in ordered_by itself.
    decision_maker: order ? order.orderedBy.filter((actor) => orderedByWords[actor.code]).map((actor) => actor.name).filter(Boolean).join('; ') : '',
    actual_cause: causeCell(causes),
    info_source: sources.length ? (infoSourceWords[sources[0]!.kind ?? ''] ?? otherInfoSource) : '',
    info_source_link: sources.map((source) => source.url ?? '').filter(Boolean).join('; '),
    shutdown_status: ongoing ? statuses.ongoing : end ? statuses.ended : start ? statuses.unknown : '',
    end_date: end ? stopDate(dayOf(end.at)) : '',
    duration: start ? durationCell(start, end, intervals, recurring) : '',
    gov_justification: justification ? justificationCell(justification) : '',
    gov_ack: acknowledged === 'yes' ? yes : acknowledged === 'no' ? 'No' : '',
    ...Object.fromEntries(Object.entries(serviceColumns).map(([column, code]) => [column, yesIf(services.includes(code))])),
    other_affected: others.map((service) => otherServiceNames[service] ?? service).join(', '),
    sms_affected: yesIf(kinds.includes('sms_voice')),
    phonecall_affected: yesIf(kinds.includes('sms_voice')),
    telcos_involved: unique(all((incident) => incident.operators)).join(', '),
    election: yesIf(causes.includes('elections')),
    violence: yesIf(causes.includes('unrest') || causes.includes('armed_conflict')),
    hr_abuse_reported: yesIf(carried.effects.some((effect) => effect.category === 'safety_of_life' && ids.has(effect.incident ?? ''))),
    event: lead.incident.summary ?? '',
  };
}

/**
 * actual_cause: the words of each cause, except elections and unrest when
 * another cause is named, since the election and violence columns say those.
 */
function causeCell(causes: readonly string[]): string {
  const named = causes.filter((code) => code !== 'elections' && code !== 'unrest');
  return (named.length ? named : causes).map((code) => causeWords[code] ?? 'Other').join(', ');
}

/** The stated grounds: each code's words, and the statement itself when the only code is "other" (or none). */
function justificationCell(justification: NonNullable<Incident['justification']>): string {
  const named = justification.codes.filter((code) => code !== 'other').map((code) => justificationWords[code] ?? code);
  if (named.length) return named.join('; ');
  return justification.statement.trim() || (justification.codes.includes('other') ? 'Other' : '');
}

/**
 * One STOP row per shutdown, in the order of each group's first incident.
 * Linked incidents (same_as, part_of, continues_as, through any chain) are
 * one shutdown: its span runs from the earliest start to the latest end,
 * its lists are the union of theirs, and the whole (or else the earliest)
 * gives the event text, the order and the grounds.
 */
export function stopRowsOf(incidents: readonly StopIncident[], carried: StopContext): StopRow[] {
  const byId = new Map(incidents.map((incident) => [incident.recordId, incident]));
  const groups = shutdownGroups(incidents.map((item) => ({ recordId: item.recordId, links: item.incident.links })));
  return groups.map((group) => rowOf(group.map((id) => byId.get(id)!), carried));
}
