/**
 * The order and the law behind a shutdown (docs/spec/data-model.md, "The
 * order and the law"): who ordered it and who carried it out, the order's
 * document, whether it was published, reviewed by a court and notified to
 * users; each legal basis at paragraph level with who named it and how; and
 * what each operator said. The sources of each entry are citations of it
 * ("legalCitations/0", ./citation.ts).
 */
import { z } from 'zod';
import { acknowledgements, actors, citers, legalBases, legalBasisRoles } from './taxonomy';
import { Timestamp } from './time';

const line = (max: number) => z.string().trim().max(max);

/** One authority, body or company: its kind as a code, and its name as given. */
export const Actor = z.strictObject({
  code: z.enum(actors),
  name: line(300).default(''),
});
export type Actor = z.infer<typeof Actor>;

export const Order = z.strictObject({
  orderedBy: z.array(Actor).max(20).default([]),
  implementedBy: z.array(Actor).max(50).default([]),
  /** The order's title, number or description, as known. */
  document: line(500).default(''),
  issuedAt: Timestamp.optional(),
  published: z.enum(acknowledgements).default('unknown'),
  courtReview: z.enum(acknowledgements).default('unknown'),
  noticeToUsers: z.enum(acknowledgements).default('unknown'),
});
export type Order = z.infer<typeof Order>;

/**
 * A legal basis as someone named it: invoked as the ground of this shutdown
 * (Kcell citing art. 41-1 p. 1-2), or named as a provision that permits
 * shutdowns (a campaign's analysis), by whom and when.
 */
export const LegalCitation = z.strictObject({
  code: z.enum(legalBases),
  role: z.enum(legalBasisRoles).default('invoked'),
  citedBy: z.enum(citers),
  citedByName: line(300).default(''),
  citedAt: Timestamp.optional(),
});
export type LegalCitation = z.infer<typeof LegalCitation>;

/** What an operator told its users or the public about the shutdown. */
export const OperatorStatement = z.strictObject({
  operator: line(200).min(1),
  madeAt: Timestamp.optional(),
  statement: z.string().max(20_000).default(''),
});
export type OperatorStatement = z.infer<typeof OperatorStatement>;
