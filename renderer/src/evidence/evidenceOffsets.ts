/**
 * The default offsets of the effect and source forms' times, as in the
 * incident form (../incidents/form/offsetDefaults.ts): an effect's times take
 * the offset its area had on the date typed, a source's collection time that
 * of Almaty (a source names no area); each follows its date and area until
 * the person picks an offset. Pure.
 */
import { followOffset } from '../incidents/form/offsetDefaults';
import type { EffectDraft } from './effectDraft';
import type { SourceDraft } from './sourceDraft';

export function followEffectOffsets(draft: EffectDraft): EffectDraft {
  const areas = draft.areaCode ? [{ code: draft.areaCode }] : [];
  const occurredAt = followOffset(draft.occurredAt, areas);
  const endedAt = followOffset(draft.endedAt, areas, occurredAt);
  return occurredAt === draft.occurredAt && endedAt === draft.endedAt ? draft : { ...draft, occurredAt, endedAt };
}

export function followSourceOffsets(draft: SourceDraft): SourceDraft {
  const collectedAt = followOffset(draft.collectedAt, []);
  return collectedAt === draft.collectedAt ? draft : { ...draft, collectedAt };
}
