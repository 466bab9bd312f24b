/**
 * A submission (docs/spec/bundle-format.md, "A submission"): what turns a
 * `legal` bundle from an annex into a document a court or a UN desk takes —
 * who submits it and how they may be reached, as they choose; the
 * declaration of the person who collected the records; how the records were
 * gathered and checked; and what was done at home (domestic remedies), which
 * a UN procedure asks about. Given at export, never kept outside the bundle:
 * a contact on a seized laptop is a person found.
 */
import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);

export const submitterKinds = ['person', 'organization'] as const;

export const Submission = z.strictObject({
  submitter: z.strictObject({
    kind: z.enum(submitterKinds),
    /** As the person or organization chooses to be named. */
    name: text(300).min(1),
    /** How the court or the UN desk may reach them; empty when they choose to give none. */
    contact: text(1000).default(''),
  }),
  /** The collector's declaration: who makes it, in their words, and the day. */
  declaration: z.strictObject({
    by: text(300).min(1),
    text: text(10_000).min(1),
    /** The day it was made (YYYY-MM-DD). */
    date: z.iso.date(),
  }),
  /** How the records were gathered and checked: each part as written, possibly empty. */
  methodology: z.strictObject({
    collection: text(20_000).default(''),
    /** The definition of a shutdown the records use. */
    definition: text(20_000).default(''),
    verification: text(20_000).default(''),
    limits: text(20_000).default(''),
  }),
  /** What the people affected did at home (complaints, courts) and with what result: a UN procedure asks. */
  remedies: text(20_000).default(''),
});
export type Submission = z.infer<typeof Submission>;
export type SubmissionInput = z.input<typeof Submission>;
