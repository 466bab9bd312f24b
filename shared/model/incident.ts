/**
 * The Incident record: one shutdown or disruption (docs/spec/data-model.md). This
 * one schema validates the form as the user types, the engine before it
 * signs, and the command's JSON input. Custom issues carry their i18n key as
 * the message (see validation.ts); nothing here is user-visible text.
 */
import { z } from 'zod';
import {
  acknowledgements,
  contexts,
  incidentKinds,
  justifications,
  legalBases,
  patterns,
  rights,
  scopes,
} from './taxonomy';
import { Timestamp, instantOf } from './time';
import { Area } from './area';
import { Citations, checkCitations } from './citation';
import { Interval } from './interval';
import { IncidentLink } from './links';
import { LegalCitation, OperatorStatement, Order } from './order';
import { ExternalId, Illustrative } from './marks';

export { Area } from './area';

const line = (max: number) => z.string().trim().max(max);
const requiredLine = (max: number) => line(max).min(1);
const text = z.string().max(20_000).default('');
const freeList = z.array(requiredLine(200)).max(100).default([]);

const IncidentFields = z.strictObject({
  title: requiredLine(300),
  summary: text,
  country: z.string().regex(/^[A-Z]{2}$/, { message: 'invalidCountry' }).default('KZ'),
  areas: z.array(Area).max(200).default([]),
  scope: z.enum(scopes),
  kinds: z.array(z.enum(incidentKinds)).min(1).max(incidentKinds.length),
  /** Service codes from taxonomy.serviceCodes, or free text for others. */
  services: freeList,
  operators: freeList,
  startedAt: Timestamp,
  endedAt: Timestamp.optional(),
  ongoing: z.boolean().default(false),
  pattern: z
    .strictObject({ kind: z.enum(patterns), description: line(2000).default('') })
    .default({ kind: 'continuous', description: '' }),
  justification: z
    .strictObject({ codes: z.array(z.enum(justifications)).max(justifications.length).default([]), statement: text })
    .default({ codes: [], statement: '' }),
  context: z.array(z.enum(contexts)).max(contexts.length).default([]),
  orderedBy: line(300).default(''),
  acknowledged: z.enum(acknowledgements).default('unknown'),
  legalBasis: z
    .strictObject({ codes: z.array(z.enum(legalBases)).max(legalBases.length).default([]), other: line(2000).default('') })
    .default({ codes: [], other: '' }),
  rights: z.array(z.enum(rights)).max(rights.length).default([]),
  sources: z.array(z.string().uuid()).max(1000).default([]),
  tags: freeList,
  confidential: z.boolean().default(false),
  // Added after format 2 began: optional, so that a record without them keeps its fields as they were.
  /** Each time it was off inside the span, when known. */
  intervals: z.array(Interval).max(1000).optional(),
  order: Order.optional(),
  legalCitations: z.array(LegalCitation).max(100).optional(),
  operatorStatements: z.array(OperatorStatement).max(100).optional(),
  links: z.array(IncidentLink).max(100).optional(),
  citations: Citations.optional(),
  externalId: ExternalId.optional(),
  illustrative: Illustrative.optional(),
});

export const Incident = IncidentFields.superRefine((incident, ctx) => {
  if (incident.ongoing && incident.endedAt) {
    ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'endedWhileOngoing' });
  }
  if (incident.endedAt && instantOf(incident.endedAt) < instantOf(incident.startedAt)) {
    ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'endBeforeStart' });
  }
  const unique = (values: readonly string[]) => new Set(values).size === values.length;
  for (const key of ['kinds', 'context', 'rights'] as const) {
    if (!unique(incident[key])) ctx.addIssue({ code: 'custom', path: [key], message: 'duplicateChoice' });
  }
  if (!unique((incident.links ?? []).map((link) => link.incident))) ctx.addIssue({ code: 'custom', path: ['links'], message: 'duplicateChoice' });
  checkCitations('incident', incident, ctx);
});
export type Incident = z.infer<typeof Incident>;
/** What a caller may send: defaults not yet filled in. */
export type IncidentInput = z.input<typeof Incident>;
