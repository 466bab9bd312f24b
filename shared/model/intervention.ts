/**
 * The Intervention record (docs/spec/data-model.md, "Intervention"): a
 * complaint, a court case or a UN communication about one or more
 * shutdowns, with the body it went to, its reference, its dates and its
 * outcome. It is how a record shows domestic remedies tried and exhausted.
 */
import { z } from 'zod';
import { Citations, checkCitations } from './citation';
import { RecordId } from './ids';
import { ExternalId, Illustrative } from './marks';
import { interventionKinds, interventionOutcomes } from './taxonomy';
import { Timestamp, instantOf } from './time';

const line = (max: number) => z.string().trim().max(max);

export const Intervention = z
  .strictObject({
    kind: z.enum(interventionKinds),
    title: line(300).min(1),
    /** The court, prosecutor, ombudsman or UN body it went to. */
    body: line(300).min(1),
    /** The case number or the body's reference. */
    reference: line(300).default(''),
    filedAt: Timestamp.optional(),
    decidedAt: Timestamp.optional(),
    outcome: z.enum(interventionOutcomes).default('pending'),
    summary: z.string().max(20_000).default(''),
    incidents: z.array(RecordId).min(1).max(200),
    sources: z.array(RecordId).max(1000).default([]),
    confidential: z.boolean().default(false),
    citations: Citations.optional(),
    externalId: ExternalId.optional(),
    illustrative: Illustrative.optional(),
  })
  .superRefine((intervention, ctx) => {
    if (intervention.filedAt && intervention.decidedAt && instantOf(intervention.decidedAt) < instantOf(intervention.filedAt)) {
      ctx.addIssue({ code: 'custom', path: ['decidedAt'], message: 'endBeforeStart' });
    }
    if (new Set(intervention.incidents).size !== intervention.incidents.length) {
      ctx.addIssue({ code: 'custom', path: ['incidents'], message: 'duplicateChoice' });
    }
    checkCitations('intervention', intervention, ctx);
  });
export type Intervention = z.infer<typeof Intervention>;
export type InterventionInput = z.input<typeof Intervention>;
