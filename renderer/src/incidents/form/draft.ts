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
  type IncidentKind,
  type LegalBasis,
  type Right,
  type Scope,
  type ServiceCode,
  type TimePrecision,
  type Timestamp,
} from '../../../../shared/model';
import { wallClockOf } from '../format';

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
  patternKind: PatternKind;
  patternDescription: string;
  justificationCodes: Justification[];
  statement: string;
  context: Context[];
  orderedBy: string;
  acknowledged: Acknowledged;
  legalBasisCodes: LegalBasis[];
  legalBasisOther: string;
  rights: Right[];
  tags: string[];
  confidential: boolean;
  /** Source record ids: kept as loaded (sources are linked elsewhere). */
  sources: string[];
  pending: Record<ListField, string>;
}

/** The viewer's current UTC offset, "+05:00": the default for new times. */
export function localOffset(now = new Date()): string {
  const minutes = -now.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function emptyTime(offset = localOffset()): TimeDraft {
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
    startedAt: emptyTime(),
    endedAt: emptyTime(),
    ongoing: false,
    patternKind: 'continuous',
    patternDescription: '',
    justificationCodes: [],
    statement: '',
    context: [],
    orderedBy: '',
    acknowledged: 'unknown',
    legalBasisCodes: [],
    legalBasisOther: '',
    rights: [],
    tags: [],
    confidential: false,
    sources: [],
    pending: { places: '', otherServices: '', operators: '', tags: '' },
  };
}

export function timeDraftOf(timestamp: Timestamp | undefined, fallbackOffset: string): TimeDraft {
  const wall = timestamp && wallClockOf(timestamp.at);
  if (!timestamp || !wall) return emptyTime(fallbackOffset);
  return { date: wall.date, time: timestamp.precision === 'day' ? '' : wall.time, offset: wall.offset, precision: timestamp.precision };
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
    patternKind: incident.pattern.kind,
    patternDescription: incident.pattern.description,
    justificationCodes: [...incident.justification.codes],
    statement: incident.justification.statement,
    context: [...incident.context],
    orderedBy: incident.orderedBy,
    acknowledged: incident.acknowledged,
    legalBasisCodes: [...incident.legalBasis.codes],
    legalBasisOther: incident.legalBasis.other,
    rights: [...incident.rights],
    tags: [...incident.tags],
    confidential: incident.confidential,
    sources: [...incident.sources],
  };
}

export function timestampOf(time: TimeDraft): Timestamp | undefined {
  if (!time.date) return undefined;
  const clock = time.precision === 'day' || !time.time ? '00:00' : time.time;
  return { at: `${time.date}T${clock}${time.offset}`, precision: time.precision };
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
    pattern: { kind: draft.patternKind, description: draft.patternDescription },
    justification: { codes: draft.justificationCodes, statement: draft.statement },
    context: draft.context,
    orderedBy: draft.orderedBy,
    acknowledged: draft.acknowledged,
    legalBasis: { codes: draft.legalBasisCodes, other: draft.legalBasisOther },
    rights: draft.rights,
    sources: draft.sources,
    tags: withPending(draft, 'tags'),
    confidential: draft.confidential,
  } as IncidentInput;
}
