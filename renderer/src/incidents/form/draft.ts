/**
 * The incident form's working copy ("draft"): strings and code lists as the
 * controls hold them, and the two conversions between a draft and the data
 * the Incident schema checks. Pure; the schema, not this file, decides what
 * is valid.
 */
import {
  serviceCodes,
  type Incident,
  type IncidentInput,
  type IncidentLink,
  type IncidentKind,
  type LegalBasis,
  type Right,
  type Scope,
  type ServiceCode,
  type TimePrecision,
  type Timestamp,
} from '../../../../shared/model';
import { citationsOf, rowsOf, type CitationRow } from '../../citations/citationRows';
import { keptFields } from '../../components/keptFields';
import { wallClockOf } from '../format';
import { fieldOrder } from './fields';
import { authorityDraftOf, authorityInputOf, emptyAuthority, type AuthorityDraft } from './authorityDraft';
import { intervalDraftOf, intervalInputOf, type IntervalDraft } from './intervalDraft';
import { kazakhstanOffsetToday } from './offsetDefaults';

type Choice<K extends keyof Incident> = Incident[K] extends readonly (infer C)[] ? C : never;
export type Justification = Incident['justification']['codes'][number];
export type Context = Choice<'context'>;
export type Acknowledged = Incident['acknowledged'];
export type PatternKind = Incident['pattern']['kind'];

export interface TimeDraft {
  date: string;
  time: string;
  offset: string;
  precision: TimePrecision;
  /** Set once the person picks the offset: until then it follows the record's areas and the date (./offsetDefaults.ts). */
  offsetChosen?: boolean;
}

/** The free-text lists, each with the text still being typed in its "add" box. */
export const listFields = ['places', 'otherServices', 'operators', 'tags'] as const;
export type ListField = (typeof listFields)[number];

export interface IncidentDraft {
  title: string;
  summary: string;
  country: string;
  areaCodes: string[];
  places: string[];
  scope: Scope | '';
  kinds: IncidentKind[];
  serviceCodes: ServiceCode[];
  otherServices: string[];
  operators: string[];
  startedAt: TimeDraft;
  endedAt: TimeDraft;
  ongoing: boolean;
  /** Each time it was off inside the span (./intervalDraft.ts). */
  intervals: IntervalDraft[];
  patternKind: PatternKind;
  patternDescription: string;
  justificationCodes: Justification[];
  statement: string;
  context: Context[];
  orderedBy: string;
  acknowledged: Acknowledged;
  legalBasisCodes: LegalBasis[];
  legalBasisOther: string;
  /** The order, legal citations and operator statements (./authorityDraft.ts). */
  authority: AuthorityDraft;
  rights: Right[];
  tags: string[];
  confidential: boolean;
  /** Source record ids: kept as loaded (sources are linked elsewhere). */
  sources: string[];
  /** Which source says what (../../citations/); absent while the record has no `citations`. */
  citations?: CitationRow[];
  pending: Record<ListField, string>;
  /** Other incidents this one is the same as, part of, or continues as (./LinksSection.tsx). */
  links: IncidentLink[];
  /** The loaded record's fields this form does not manage, saved back unchanged (`managedFields`). */
  kept: Record<string, unknown>;
}

/** The incident fields this draft maps to controls; any other passes through an edit unchanged. */
export const managedFields: readonly string[] = fieldOrder;

/** The viewer's current UTC offset, "+05:00": the default for new times. */
export function localOffset(now = new Date()): string {
  const minutes = -now.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A time not typed yet; its offset that of most of Kazakhstan today until its date and area say otherwise (./offsetDefaults.ts). */
export function emptyTime(offset = kazakhstanOffsetToday()): TimeDraft {
  return { date: '', time: '', offset, precision: 'minute' };
}

export function emptyDraft(): IncidentDraft {
  return {
    title: '',
    summary: '',
    country: 'KZ',
    areaCodes: [],
    places: [],
    scope: '',
    kinds: [],
    serviceCodes: [],
    otherServices: [],
    operators: [],
    startedAt: emptyTime(kazakhstanOffsetToday()),
    endedAt: emptyTime(kazakhstanOffsetToday()),
    ongoing: false,
    intervals: [],
    patternKind: 'continuous',
    patternDescription: '',
    justificationCodes: [],
    statement: '',
    context: [],
    orderedBy: '',
    acknowledged: 'unknown',
    legalBasisCodes: [],
    legalBasisOther: '',
    authority: emptyAuthority(),
    rights: [],
    tags: [],
    confidential: false,
    sources: [],
    pending: { places: '', otherServices: '', operators: '', tags: '' },
    links: [],
    kept: {},
  };
}

export function timeDraftOf(timestamp: Timestamp | undefined, fallbackOffset: string): TimeDraft {
  const wall = timestamp && wallClockOf(timestamp.at);
  if (!timestamp || !wall) return emptyTime(fallbackOffset);
  // A recorded offset is the record's: it no longer follows the areas or the date.
  return { date: wall.date, time: timestamp.precision === 'day' ? '' : wall.time, offset: wall.offset, precision: timestamp.precision, offsetChosen: true };
}

const isServiceCode = (value: string): value is ServiceCode => (serviceCodes as readonly string[]).includes(value);

export function draftOf(incident: Incident): IncidentDraft {
  const startedAt = timeDraftOf(incident.startedAt, localOffset());
  return {
    ...emptyDraft(),
    title: incident.title,
    summary: incident.summary,
    country: incident.country,
    areaCodes: incident.areas.flatMap((area) => ('code' in area ? [area.code] : [])),
    places: incident.areas.flatMap((area) => ('place' in area ? [area.place] : [])),
    scope: incident.scope,
    kinds: [...incident.kinds],
    serviceCodes: incident.services.filter(isServiceCode),
    otherServices: incident.services.filter((service) => !isServiceCode(service)),
    operators: [...incident.operators],
    startedAt,
    endedAt: timeDraftOf(incident.endedAt, startedAt.offset),
    ongoing: incident.ongoing,
    intervals: (incident.intervals ?? []).map((interval) => intervalDraftOf(interval, startedAt.offset)),
    patternKind: incident.pattern.kind,
    patternDescription: incident.pattern.description,
    justificationCodes: [...incident.justification.codes],
    statement: incident.justification.statement,
    context: [...incident.context],
    orderedBy: incident.orderedBy,
    acknowledged: incident.acknowledged,
    legalBasisCodes: [...incident.legalBasis.codes],
    legalBasisOther: incident.legalBasis.other,
    authority: authorityDraftOf(incident, startedAt.offset),
    rights: [...incident.rights],
    tags: [...incident.tags],
    confidential: incident.confidential,
    sources: [...incident.sources],
    ...(incident.citations ? { citations: rowsOf(incident.citations) } : {}),
    links: [...(incident.links ?? [])],
    kept: keptFields(incident, managedFields),
  };
}

/**
 * The time to save. A date without a time is a day, never midnight to the
 * minute: it saves with precision `day` (its clock "00:00" is only the ISO
 * form's filler, never shown) whatever precision the control still shows.
 */
export function timestampOf(time: TimeDraft): Timestamp | undefined {
  if (!time.date) return undefined;
  if (time.precision === 'day' || !time.time) return { at: `${time.date}T00:00${time.offset}`, precision: 'day' };
  return { at: `${time.date}T${time.time}${time.offset}`, precision: time.precision };
}

/** A list with what is still typed in its "add" box, so nothing typed is lost on save. */
function withPending(draft: IncidentDraft, field: ListField): string[] {
  const typed = draft.pending[field].trim();
  return typed ? [...draft[field], typed] : [...draft[field]];
}

/** The data to validate and save. Absent values are left out, never sent as undefined. */
export function incidentInputOf(draft: IncidentDraft): IncidentInput {
  const startedAt = timestampOf(draft.startedAt);
  const endedAt = draft.ongoing ? undefined : timestampOf(draft.endedAt);
  return {
    ...draft.kept,
    title: draft.title,
    summary: draft.summary,
    country: draft.country.trim().toUpperCase(),
    areas: [...draft.areaCodes.map((code) => ({ code })), ...withPending(draft, 'places').map((place) => ({ place }))],
    ...(draft.scope ? { scope: draft.scope } : {}),
    kinds: draft.kinds,
    services: [...draft.serviceCodes, ...withPending(draft, 'otherServices')],
    operators: withPending(draft, 'operators'),
    ...(startedAt ? { startedAt } : {}),
    ...(endedAt ? { endedAt } : {}),
    ongoing: draft.ongoing,
    // Left out when there are none, so that a record without intervals stays as it was.
    ...(draft.intervals.length > 0 ? { intervals: draft.intervals.map(intervalInputOf) } : {}),
    pattern: { kind: draft.patternKind, description: draft.patternDescription },
    justification: { codes: draft.justificationCodes, statement: draft.statement },
    context: draft.context,
    orderedBy: draft.orderedBy,
    acknowledged: draft.acknowledged,
    legalBasis: { codes: draft.legalBasisCodes, other: draft.legalBasisOther },
    ...authorityInputOf(draft.authority),
    rights: draft.rights,
    sources: draft.sources,
    ...(draft.citations ? { citations: citationsOf(draft.citations) } : {}),
    tags: withPending(draft, 'tags'),
    confidential: draft.confidential,
    ...(draft.links.length > 0 ? { links: draft.links } : {}),
  } as IncidentInput;
}
