/**
 * The intervention form's draft: what the inputs hold ("" for "not chosen",
 * dates as the shared time inputs keep them), how a saved Intervention
 * fills it, and how it becomes the data the Intervention schema checks.
 * Fields the form does not show pass through an edit unchanged. Pure: no
 * React, no IPC.
 */
import { Intervention, describeIssues, type InterventionInput } from '../../../shared/model';
import { keptFields } from '../components/keptFields';
import { groupByField, type Checked } from '../evidence/draftParts';
import { emptyTime, localOffset, timeDraftOf, timestampOf, type TimeDraft } from '../incidents/form/draft';

export interface InterventionDraft {
  kind: Intervention['kind'] | '';
  title: string;
  body: string;
  reference: string;
  filedAt: TimeDraft;
  decidedAt: TimeDraft;
  outcome: Intervention['outcome'];
  summary: string;
  incidents: string[];
  sources: string[];
  confidential: boolean;
  /** The loaded intervention's fields this form does not manage (citations, external id), saved back unchanged. */
  kept: Record<string, unknown>;
}

const managedFields = ['kind', 'title', 'body', 'reference', 'filedAt', 'decidedAt', 'outcome', 'summary', 'incidents', 'sources', 'confidential'];

/** The form's fields top to bottom: the error summary's order, the history's and the conflict screen's. */
export const interventionFieldOrder = [
  'kind',
  'title',
  'body',
  'reference',
  'filedAt',
  'decidedAt',
  'outcome',
  'summary',
  'incidents',
  'sources',
  'confidential',
  'citations',
  'externalId',
  'illustrative',
] as const;

export function emptyInterventionDraft(incident: string): InterventionDraft {
  return {
    kind: '',
    title: '',
    body: '',
    reference: '',
    filedAt: emptyTime(),
    decidedAt: emptyTime(),
    outcome: 'pending',
    summary: '',
    incidents: incident ? [incident] : [],
    sources: [],
    confidential: false,
    kept: {},
  };
}

const offsetOf = (at: string | undefined) => (at ? (/([+-]\d{2}:\d{2}|Z)$/.exec(at)?.[1] ?? localOffset()) : localOffset());

export function interventionDraftOf(intervention: Intervention): InterventionDraft {
  const offset = offsetOf(intervention.filedAt?.at ?? intervention.decidedAt?.at);
  return {
    kind: intervention.kind,
    title: intervention.title,
    body: intervention.body,
    reference: intervention.reference,
    filedAt: timeDraftOf(intervention.filedAt, offset),
    decidedAt: timeDraftOf(intervention.decidedAt, offset),
    outcome: intervention.outcome,
    summary: intervention.summary,
    incidents: [...intervention.incidents],
    sources: [...intervention.sources],
    confidential: intervention.confidential,
    kept: keptFields(intervention, managedFields),
  };
}

export function interventionInputOf(draft: InterventionDraft): InterventionInput {
  const filedAt = timestampOf(draft.filedAt);
  const decidedAt = timestampOf(draft.decidedAt);
  return {
    ...draft.kept,
    ...(draft.kind ? { kind: draft.kind } : {}),
    title: draft.title,
    body: draft.body,
    reference: draft.reference,
    ...(filedAt ? { filedAt } : {}),
    ...(decidedAt ? { decidedAt } : {}),
    outcome: draft.outcome,
    summary: draft.summary,
    incidents: draft.incidents,
    sources: draft.sources,
    confidential: draft.confidential,
  } as InterventionInput;
}

export function checkIntervention(draft: InterventionDraft): Checked<Intervention> {
  const input = interventionInputOf(draft);
  const parsed = Intervention.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problems: groupByField(describeIssues(parsed.error, input)) };
}
