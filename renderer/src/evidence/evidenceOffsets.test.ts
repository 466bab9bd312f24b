/** An effect's times take its area's offset on the date typed; a source's collection time Almaty's; a chosen offset stays. */
import { describe, expect, it } from 'vitest';
import { emptyEffectDraft } from './effectDraft';
import { emptyInterventionDraft } from '../interventions/interventionDraft';
import { followEffectOffsets, followInterventionOffsets, followSourceOffsets } from './evidenceOffsets';
import { emptySourceDraft } from './sourceDraft';

describe('default offsets of evidence times', () => {
  it('follow an effect’s area and date, its end following its start until dated', () => {
    const draft = emptyEffectDraft('00000000-0000-4000-8000-000000000001');
    const dated = followEffectOffsets({ ...draft, areaCode: 'KZ-75', occurredAt: { ...draft.occurredAt, date: '2022-01-05', time: '18:00' } });
    expect([dated.occurredAt.offset, dated.endedAt.offset]).toEqual(['+06:00', '+06:00']);
    expect(followEffectOffsets({ ...dated, areaCode: 'KZ-47' }).occurredAt.offset).toBe('+05:00');
    const chosen = { ...dated, occurredAt: { ...dated.occurredAt, offset: '+04:00', offsetChosen: true } };
    expect(followEffectOffsets({ ...chosen, areaCode: 'KZ-47' }).occurredAt.offset).toBe('+04:00');
  });

  it('give a source collected in 2022 Almaty’s +06:00, and in 2025 +05:00', () => {
    const draft = emptySourceDraft();
    expect(followSourceOffsets({ ...draft, collectedAt: { ...draft.collectedAt, date: '2022-01-05' } }).collectedAt.offset).toBe('+06:00');
    expect(followSourceOffsets({ ...draft, collectedAt: { ...draft.collectedAt, date: '2025-01-05' } }).collectedAt.offset).toBe('+05:00');
  });

  it('give an effect that names no area its incident’s areas’ offset, not Almaty’s nor the viewer’s', () => {
    const draft = emptyEffectDraft('00000000-0000-4000-8000-000000000001');
    const occurredAt = { ...draft.occurredAt, date: '2022-01-05', time: '18:00' };
    // Mangystau was +05:00 in 2022 while Almaty, the fallback, was +06:00.
    expect(followEffectOffsets({ ...draft, occurredAt }, [{ code: 'KZ-47' }]).occurredAt.offset).toBe('+05:00');
    expect(followEffectOffsets({ ...draft, occurredAt }, [{ code: 'KZ-75' }]).occurredAt.offset).toBe('+06:00');
    // Its own area outranks the incident's.
    expect(followEffectOffsets({ ...draft, areaCode: 'KZ-75', occurredAt }, [{ code: 'KZ-47' }]).occurredAt.offset).toBe('+06:00');
  });

  it('give an intervention its incidents’ areas’ offset on the date typed', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const draft = emptyInterventionDraft(id);
    const areasOf = (incident: string) => (incident === id ? [{ code: 'KZ-75' }] : []);
    const filed = followInterventionOffsets({ ...draft, filedAt: { ...draft.filedAt, date: '2022-01-20' } }, areasOf);
    expect([filed.filedAt.offset, filed.decidedAt.offset]).toEqual(['+06:00', '+06:00']);
    expect(followInterventionOffsets({ ...filed, decidedAt: { ...filed.decidedAt, date: '2025-01-20' } }, areasOf).decidedAt.offset).toBe('+05:00');
  });

  it('give a consent dated in 2022 Almaty’s +06:00 too', () => {
    const draft = emptySourceDraft();
    const consent = { ...draft.consent, givenAt: { ...draft.consent.givenAt, date: '2022-01-09', time: '10:00' } };
    expect(followSourceOffsets({ ...draft, consent }).consent.givenAt.offset).toBe('+06:00');
  });
});
