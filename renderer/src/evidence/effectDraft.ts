/**
 * The effect form's draft: what the inputs hold (strings for numbers, empty
 * for "not chosen"), how a saved Effect fills it, and how it becomes the data
 * to check with the Effect schema. Pure: no React, no IPC.
 */
import { Effect, describeIssues, type EffectInput } from '../../../shared/model';
import { emptyTime, localOffset, timeDraftOf, timestampOf, type TimeDraft } from '../incidents/form/draft';
import { citationsOf, rowsOf, type CitationRow } from '../citations/citationRows';
import { keptFields } from '../components/keptFields';
import { kazakhstanOffsetToday } from '../incidents/form/offsetDefaults';
import { groupByField, type Checked } from './draftParts';

export type Category = Effect['category'];
export type Severity = Effect['severity'];
export type AffectedGroupCode = Effect['groups'][number];
export type PeopleMode = 'unknown' | 'exact' | 'estimate';

export interface EffectDraft {
  incident: string;
  category: Category | '';
  description: string;
  areaCode: string;
  place: string;
  occurredAt: TimeDraft;
  endedAt: TimeDraft;
  peopleMode: PeopleMode;
  peopleCount: string;
  groups: AffectedGroupCode[];
  severity: Severity | '';
  lossAmount: string;
  lossCurrency: string;
  sources: string[];
  /** Which source says what (../citations/); absent while the effect has no `citations`. */
  citations?: CitationRow[];
  /** The loaded effect's fields this form does not manage, saved back unchanged. */
  kept: Record<string, unknown>;
}

/** The effect fields this draft maps to controls; any other passes through an edit unchanged. */
export const managedEffectFields = [
  'incident',
  'category',
  'description',
  'area',
  'occurredAt',
  'endedAt',
  'peopleAffected',
  'groups',
  'severity',
  'economicLoss',
  'sources',
  'citations',
];

export const effectFieldOrder = [
  'category',
  'severity',
  'description',
  'area',
  'occurredAt',
  'endedAt',
  'peopleAffected',
  'groups',
  'economicLoss',
  'sources',
  'citations',
] as const;

export function emptyEffectDraft(incident: string): EffectDraft {
  return {
    incident,
    category: '',
    description: '',
    areaCode: '',
    place: '',
    occurredAt: emptyTime(kazakhstanOffsetToday()),
    endedAt: emptyTime(kazakhstanOffsetToday()),
    peopleMode: 'unknown',
    peopleCount: '',
    groups: [],
    severity: '',
    lossAmount: '',
    lossCurrency: 'KZT',
    sources: [],
    kept: {},
  };
}

export function effectDraftOf(effect: Effect): EffectDraft {
  const offset = effect.occurredAt ? (effect.occurredAt.at.match(/([+-]\d{2}:\d{2}|Z)$/)?.[1] ?? localOffset()) : localOffset();
  const people = effect.peopleAffected;
  return {
    incident: effect.incident,
    category: effect.category,
    description: effect.description,
    areaCode: effect.area && 'code' in effect.area ? effect.area.code : '',
    place: effect.area && 'place' in effect.area ? effect.area.place : '',
    occurredAt: timeDraftOf(effect.occurredAt, offset),
    endedAt: timeDraftOf(effect.endedAt, offset),
    peopleMode: 'unknown' in people ? 'unknown' : people.precision,
    peopleCount: 'count' in people ? String(people.count) : '',
    groups: [...effect.groups],
    severity: effect.severity,
    lossAmount: effect.economicLoss ? String(effect.economicLoss.amount) : '',
    lossCurrency: effect.economicLoss?.currency ?? 'KZT',
    sources: [...effect.sources],
    ...(effect.citations ? { citations: rowsOf(effect.citations) } : {}),
    kept: keptFields(effect, managedEffectFields),
  };
}

/** A typed number, or NaN so that the schema names the problem instead of dropping the value. */
const numberOf = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(/\s/g, '').replace(',', '.')));

export function effectInputOf(draft: EffectDraft): EffectInput {
  const occurredAt = timestampOf(draft.occurredAt);
  const endedAt = timestampOf(draft.endedAt);
  const place = draft.place.trim();
  const area = draft.areaCode ? { code: draft.areaCode } : place ? { place } : undefined;
  const amount = numberOf(draft.lossAmount);
  return {
    ...draft.kept,
    incident: draft.incident,
    ...(draft.category ? { category: draft.category } : {}),
    description: draft.description,
    ...(area ? { area } : {}),
    ...(occurredAt ? { occurredAt } : {}),
    ...(endedAt ? { endedAt } : {}),
    peopleAffected:
      draft.peopleMode === 'unknown' ? { unknown: true } : { count: numberOf(draft.peopleCount) ?? Number.NaN, precision: draft.peopleMode },
    groups: draft.groups,
    ...(draft.severity ? { severity: draft.severity } : {}),
    ...(amount !== undefined ? { economicLoss: { amount, currency: draft.lossCurrency.trim().toUpperCase() } } : {}),
    sources: draft.sources,
    ...(draft.citations ? { citations: citationsOf(draft.citations) } : {}),
  } as EffectInput;
}

export function checkEffect(draft: EffectDraft): Checked<Effect> {
  const input = effectInputOf(draft);
  const parsed = Effect.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problems: groupByField(describeIssues(parsed.error, input)) };
}
