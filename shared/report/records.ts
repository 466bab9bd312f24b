/**
 * The report's reading of a bundle: each record's fields parsed with the
 * model's own schemas, tolerantly. A `legal` or `public` bundle carries
 * redacted data (a person replaced by a pseudonym, free text left out), and
 * a bundle from a newer Dalel may carry fields this one does not know; so a
 * record that fails its schema as a whole is read field by field, keeping
 * every field that is valid on its own and dropping the rest. Never throws,
 * never invents a value for a field that is not there.
 */
import type { z } from 'zod';
import {
  Effect,
  Incident,
  Person,
  Source,
  instantOf,
  type Bundle,
  type BundleAttachment,
  type BundleRecord,
} from '../model';

export type IncidentFields = Partial<Incident>;
export type EffectFields = Partial<Effect>;

/** A person as a bundle may show them: any of the identifying fields, or a pseudonym in their place. */
export type PersonFields = Partial<Person> & { pseudonym?: string };
export type SourceFields = Partial<Omit<Source, 'person'>> & { person?: PersonFields };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The whole object if it is valid, else each valid field that is present. */
export function readFields<S extends z.ZodObject>(schema: S, data: unknown): Partial<z.output<S>> {
  if (!isObject(data)) return {};
  const whole = schema.safeParse(data);
  if (whole.success) return whole.data as Partial<z.output<S>>;
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (data[key] === undefined) continue;
    const parsed = field.safeParse(data[key]);
    if (parsed.success) fields[key] = parsed.data;
  }
  return fields as Partial<z.output<S>>;
}

export function readIncident(data: unknown): IncidentFields {
  return readFields(Incident, data);
}

export function readEffect(data: unknown): EffectFields {
  return readFields(Effect, data);
}

export function readPerson(data: unknown): PersonFields | undefined {
  if (!isObject(data)) return undefined;
  // Read field by field: a redacted person has a pseudonym, which Person does not know.
  const person: PersonFields = readFields(Person, data);
  if (typeof data.pseudonym === 'string' && data.pseudonym.trim()) person.pseudonym = data.pseudonym.trim();
  return person;
}

export function readSource(data: unknown): SourceFields {
  if (!isObject(data)) return {};
  const { person: _person, ...rest } = readFields(Source, data);
  const source: SourceFields = rest;
  const read = readPerson(data.person);
  if (read) source.person = read;
  return source;
}

export interface IncidentView {
  record: BundleRecord;
  data: IncidentFields | null;
}
export interface EffectView {
  record: BundleRecord;
  data: EffectFields | null;
}
export interface SourceView {
  record: BundleRecord;
  data: SourceFields | null;
}

/** The bundle arranged the way the report tells it: each incident with its effects and sources. */
export interface ReportData {
  incidents: IncidentView[];
  effectsOf: Map<string, EffectView[]>;
  sourcesOf: Map<string, SourceView[]>;
  /** Effects whose incident is not in the bundle. */
  otherEffects: EffectView[];
  /** Sources that no incident or effect of the bundle refers to. */
  otherSources: SourceView[];
  /** Every source's label ("S1"), in the order the report first shows it. */
  sourceNumbers: Map<string, number>;
  /** Every effect's label ("E1") */
  effectNumbers: Map<string, number>;
  attachmentsOf: Map<string, BundleAttachment[]>;
  records: Map<string, BundleRecord>;
  counts: { incidents: number; effects: number; sources: number };
}

const startOf = (view: IncidentView | EffectView): number => {
  const at = view.data && ('startedAt' in view.data ? view.data.startedAt : (view.data as EffectFields).occurredAt);
  const instant = at ? instantOf(at) : Number.NaN;
  return Number.isNaN(instant) ? Number.POSITIVE_INFINITY : instant;
};

/** Chronological, retracted last; ties keep the bundle's order (Array.sort is stable). */
function chronological<T extends IncidentView | EffectView>(views: T[]): T[] {
  return [...views].sort((a, b) => Number(a.data === null) - Number(b.data === null) || startOf(a) - startOf(b));
}

export function arrange(bundle: Bundle): ReportData {
  const records = new Map(bundle.records.map((record) => [record.recordId, record]));
  const ofType = (type: BundleRecord['type']) => bundle.records.filter((record) => record.type === type);
  const incidents = chronological(ofType('incident').map((record) => ({ record, data: record.data ? readIncident(record.data) : null })));
  const effects = chronological(ofType('effect').map((record) => ({ record, data: record.data ? readEffect(record.data) : null })));
  const sources = new Map(
    ofType('source').map((record) => [record.recordId, { record, data: record.data ? readSource(record.data) : null }] as const),
  );

  const incidentIds = new Set(incidents.map((view) => view.record.recordId));
  const effectsOf = new Map<string, EffectView[]>(incidents.map((view) => [view.record.recordId, []]));
  const otherEffects: EffectView[] = [];
  for (const effect of effects) {
    const incident = effect.data?.incident;
    if (incident && incidentIds.has(incident)) effectsOf.get(incident)!.push(effect);
    else otherEffects.push(effect);
  }

  const sourceNumbers = new Map<string, number>();
  const effectNumbers = new Map<string, number>();
  const sourcesOf = new Map<string, SourceView[]>();
  const cite = (ids: readonly string[] | undefined, into: SourceView[]) => {
    for (const id of ids ?? []) {
      const source = sources.get(id);
      if (!source || into.includes(source)) continue;
      into.push(source);
      if (!sourceNumbers.has(id)) sourceNumbers.set(id, sourceNumbers.size + 1);
    }
  };
  for (const incident of incidents) {
    const cited: SourceView[] = [];
    cite(incident.data?.sources, cited);
    for (const effect of effectsOf.get(incident.record.recordId)!) {
      effectNumbers.set(effect.record.recordId, effectNumbers.size + 1);
      cite(effect.data?.sources, cited);
    }
    sourcesOf.set(incident.record.recordId, cited);
  }
  const orphanCited: SourceView[] = [];
  for (const effect of otherEffects) {
    effectNumbers.set(effect.record.recordId, effectNumbers.size + 1);
    cite(effect.data?.sources, orphanCited);
  }
  const otherSources = [...sources.values()].filter((source) => !sourceNumbers.has(source.record.recordId) || orphanCited.includes(source));
  for (const source of otherSources) {
    if (!sourceNumbers.has(source.record.recordId)) sourceNumbers.set(source.record.recordId, sourceNumbers.size + 1);
  }

  const attachmentsOf = new Map<string, BundleAttachment[]>();
  for (const attachment of bundle.attachments) {
    const list = attachmentsOf.get(attachment.recordId) ?? [];
    list.push(attachment);
    attachmentsOf.set(attachment.recordId, list);
  }

  return {
    incidents,
    effectsOf,
    sourcesOf,
    otherEffects,
    otherSources,
    sourceNumbers,
    effectNumbers,
    attachmentsOf,
    records,
    counts: { incidents: incidents.length, effects: effects.length, sources: sources.size },
  };
}
