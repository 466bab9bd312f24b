/**
 * The Source record: who or what says so (docs/spec/data-model.md, "Source").
 * A person's identifying fields live in `person`, apart from the statement
 * in `content`, so that exports can leave them out. A testimony cannot be
 * saved without its person's consent (./consent.ts), nor without consent to keep it.
 */
import { z } from 'zod';
import { Consent } from './consent';
import { informationCredibilities, personRoles, sourceAccesses, sourceKinds, sourceReliabilities } from './taxonomy';
import { ExternalId, Illustrative } from './marks';
import { Timestamp } from './time';

export const Person = z.strictObject({
  name: z.string().trim().max(300).default(''),
  contact: z.string().trim().max(1000).default(''),
  address: z.string().trim().max(1000).default(''),
  role: z.enum(personRoles),
  // Coded answers (./personChoices.ts, with "preferNotToSay"); still strings, so text saved before the choices loads as it was.
  ageGroup: z.string().trim().max(100).optional(),
  gender: z.string().trim().max(100).optional(),
  disability: z.string().trim().max(1000).optional(),
});
export type Person = z.infer<typeof Person>;

/**
 * A translation of a source's content: into which language, by whom, on
 * which day, and whether it is certified (a sworn or notarised translation).
 */
export const Translation = z.strictObject({
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'invalidLanguage' }),
  text: z.string().max(100_000),
  translator: z.string().trim().max(300),
  /** The day it was made (YYYY-MM-DD). */
  translatedAt: z.iso.date(),
  certified: z.boolean(),
});
export type Translation = z.infer<typeof Translation>;

/**
 * How far a source can be relied on (docs/spec/data-model.md, "Grading a
 * source"): the source's reliability A–F and the information's credibility
 * 1–6, whether it is first-hand, and how it was checked.
 */
export const SourceGrade = z.strictObject({
  reliability: z.enum(sourceReliabilities).optional(),
  credibility: z.enum(informationCredibilities).optional(),
  access: z.enum(sourceAccesses).default('unknown'),
  verification: z.string().max(5000).default(''),
});
export type SourceGrade = z.infer<typeof SourceGrade>;

export const Source = z
  .strictObject({
    kind: z.enum(sourceKinds),
    title: z.string().trim().min(1).max(300),
    content: z.string().max(100_000).default(''),
    /** The language the content is written in (BCP 47, e.g. kk, ru, en). */
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'invalidLanguage' }).optional(),
    collectedAt: Timestamp.optional(),
    /** The collecting key's fingerprint; the engine fills it in when absent. */
    collectedBy: z.string().max(100).optional(),
    /** Kept as text only: Dalel never fetches it. */
    url: z.string().trim().max(2000).default(''),
    person: Person.optional(),
    consent: Consent.optional(),
    sensitive: z.boolean().default(false),
    translations: z.array(Translation).max(20).optional(),
    // Added after format 2 began: optional, so that a record without them keeps its fields as they were.
    grade: SourceGrade.optional(),
    externalId: ExternalId.optional(),
    illustrative: Illustrative.optional(),
  })
  .superRefine((source, ctx) => {
    if (source.kind === 'testimony' && !source.consent) {
      ctx.addIssue({ code: 'custom', path: ['consent'], message: 'consentRequired' });
    }
    if (source.consent && !source.consent.keep) {
      // Without consent to keep it, the testimony must not be kept at all.
      ctx.addIssue({ code: 'custom', path: ['consent', 'keep'], message: 'consentToStoreRequired' });
    }
  });
export type Source = z.infer<typeof Source>;
export type SourceInput = z.input<typeof Source>;
