/**
 * The incident fields the form shows, top to bottom: the error summary lists
 * problems in this order, and the draft (./draft.ts) maps exactly these to
 * controls; any other field of a loaded record passes through an edit
 * unchanged. A section that starts showing a field adds it here.
 */
export const fieldOrder = [
  'title',
  'summary',
  'country',
  'areas',
  'scope',
  'kinds',
  'services',
  'operators',
  'startedAt',
  'ongoing',
  'endedAt',
  'pattern',
  'intervals',
  'justification',
  'context',
  'orderedBy',
  'acknowledged',
  'legalBasis',
  'order',
  'legalCitations',
  'operatorStatements',
  'rights',
  'tags',
  'confidential',
  'sources',
  'citations',
  'links',
] as const;
export type FieldKey = (typeof fieldOrder)[number];
