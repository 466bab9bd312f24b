/**
 * The default offsets of the effect, source and intervention forms' times,
 * as in the incident form (../incidents/form/offsetDefaults.ts): an effect's
 * times take the offset its own area had on the date typed, or, naming
 * none, its incident's areas'; an intervention's those of its incidents'
 * areas; a source's collection and consent times Almaty's (a source names
 * no area). Each follows its date and areas until the person picks an
 * offset. Pure.
 */
import type { Area } from '../../../shared/model';
import { followOffset } from '../incidents/form/offsetDefaults';
import type { InterventionDraft } from '../interventions/interventionDraft';
import type { EffectDraft } from './effectDraft';
import type { SourceDraft } from './sourceDraft';

/** `incidentAreas`: the areas of the incident the effect belongs to, for an effect that names no area. */
export function followEffectOffsets(draft: EffectDraft, incidentAreas: readonly Area[] = []): EffectDraft {
  const areas = draft.areaCode ? [{ code: draft.areaCode }] : incidentAreas;
  const occurredAt = followOffset(draft.occurredAt, areas);
  const endedAt = followOffset(draft.endedAt, areas, occurredAt);
  return occurredAt === draft.occurredAt && endedAt === draft.endedAt ? draft : { ...draft, occurredAt, endedAt };
}

export function followSourceOffsets(draft: SourceDraft): SourceDraft {
  const collectedAt = followOffset(draft.collectedAt, []);
  const givenAt = followOffset(draft.consent.givenAt, [], collectedAt);
  if (collectedAt === draft.collectedAt && givenAt === draft.consent.givenAt) return draft;
  return { ...draft, collectedAt, consent: givenAt === draft.consent.givenAt ? draft.consent : { ...draft.consent, givenAt } };
}

/** `areasOf`: each chosen incident's areas (the first incident with a zoned area decides). */
export function followInterventionOffsets(draft: InterventionDraft, areasOf: (incidentId: string) => readonly Area[]): InterventionDraft {
  const areas = draft.incidents.flatMap((incident) => areasOf(incident));
  const filedAt = followOffset(draft.filedAt, areas);
  const decidedAt = followOffset(draft.decidedAt, areas, filedAt);
  return filedAt === draft.filedAt && decidedAt === draft.decidedAt ? draft : { ...draft, filedAt, decidedAt };
}
