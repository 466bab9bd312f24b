/**
 * The Effect record: what a shutdown did to people (docs/spec/data-model.md,
 * "Effect"), always linked to one incident. One schema for the form, the
 * engine and the command; custom issues carry their i18n key as message.
 */
import { z } from 'zod';
import { Area } from './area';
import { Citations, checkCitations } from './citation';
import { ExternalId, Illustrative } from './marks';
import { RecordId } from './ids';
import { affectedGroups, countPrecisions, effectCategories, severities } from './taxonomy';
import { Timestamp, instantOf } from './time';

export const PeopleAffected = z.union([
  z.strictObject({ count: z.number().int().nonnegative().max(1e9), precision: z.enum(countPrecisions) }),
  z.strictObject({ unknown: z.literal(true) }),
]);
export type PeopleAffected = z.infer<typeof PeopleAffected>;

export const EconomicLoss = z.strictObject({
  amount: z.number().nonnegative().max(1e15),
  /** ISO 4217. */
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'invalidCurrency' }).default('KZT'),
});

export const Effect = z
  .strictObject({
    incident: RecordId,
    category: z.enum(effectCategories),
    description: z.string().max(20_000).default(''),
    area: Area.optional(),
    occurredAt: Timestamp.optional(),
    endedAt: Timestamp.optional(),
    peopleAffected: PeopleAffected.default({ unknown: true }),
    groups: z.array(z.enum(affectedGroups)).max(affectedGroups.length).default([]),
    severity: z.enum(severities),
    economicLoss: EconomicLoss.optional(),
    sources: z.array(RecordId).max(1000).default([]),
    // Added after format 2 began: optional, so that a record without them keeps its fields as they were.
    citations: Citations.optional(),
    externalId: ExternalId.optional(),
    illustrative: Illustrative.optional(),
  })
  .superRefine((effect, ctx) => {
    if (effect.endedAt && effect.occurredAt && instantOf(effect.endedAt) < instantOf(effect.occurredAt)) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'endBeforeStart' });
    }
    if (new Set(effect.groups).size !== effect.groups.length) {
      ctx.addIssue({ code: 'custom', path: ['groups'], message: 'duplicateChoice' });
    }
    checkCitations('effect', effect, ctx);
  });
export type Effect = z.infer<typeof Effect>;
export type EffectInput = z.input<typeof Effect>;
