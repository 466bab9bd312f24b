import { describe, expect, it } from 'vitest';
import { checkEffect, effectDraftOf, emptyEffectDraft } from './effectDraft';
import { checkSource, emptySourceDraft, sourceDraftOf } from './sourceDraft';

const incident = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('the effect draft', () => {
  it('needs a category and a severity, and round-trips a saved effect', () => {
    const empty = checkEffect(emptyEffectDraft(incident));
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect([...empty.problems.keys()].sort()).toEqual(['category', 'severity']);
    const draft = { ...emptyEffectDraft(incident), category: 'medical_care', severity: 'critical', peopleMode: 'exact', peopleCount: '1', lossAmount: '25 000', groups: ['patients'] } as const;
    const checked = checkEffect({ ...draft, groups: [...draft.groups] });
    expect(checked.ok && checked.data).toMatchObject({ peopleAffected: { count: 1, precision: 'exact' }, economicLoss: { amount: 25000, currency: 'KZT' } });
    if (checked.ok) expect(checkEffect(effectDraftOf(checked.data))).toEqual(checked);
  });

  it('names a count that is not a number rather than dropping it', () => {
    const checked = checkEffect({ ...emptyEffectDraft(incident), category: 'education', severity: 'low', peopleMode: 'estimate', peopleCount: 'many' });
    expect(!checked.ok && checked.problems.has('peopleAffected')).toBe(true);
  });
});

describe('the source draft', () => {
  const testimony = { ...emptySourceDraft(), kind: 'testimony' as const, title: 'Patient, Almaty' };

  it('asks every consent question of a testimony, with no default answer', () => {
    const checked = checkSource(testimony);
    expect(!checked.ok && [...checked.problems.keys()].sort()).toEqual(['consent.givenAt', 'consent.method', 'consent.publish', 'consent.shareWithLawyers', 'consent.store']);
  });

  it('refuses a testimony the person did not allow to be stored, and keeps one they did', () => {
    const givenAt = { date: '2022-01-06', time: '', offset: '+06:00', precision: 'day' as const };
    const consent = { store: 'no' as const, shareWithLawyers: 'yes' as const, publish: 'no' as const, givenAt, method: 'verbal' as const };
    const refused = checkSource({ ...testimony, consent });
    expect(!refused.ok && refused.problems.get('consent.store')?.map((p) => p.key)).toEqual(['consentToStoreRequired']);
    const kept = checkSource({ ...testimony, consent: { ...consent, store: 'yes' } });
    expect(kept.ok && kept.data.consent).toMatchObject({ store: true, shareWithLawyers: true, publish: false, method: 'verbal' });
    if (kept.ok) expect(checkSource(sourceDraftOf(kept.data))).toEqual(kept);
  });

  it('sends a person only when something about them was entered', () => {
    const document = { ...emptySourceDraft(), kind: 'document' as const, title: 'Order of 5 January' };
    const checked = checkSource(document);
    expect(checked.ok && checked.data.person).toBeUndefined();
    const named = checkSource({ ...document, person: { ...document.person, name: 'A. K.' } });
    expect(!named.ok && [...named.problems.keys()]).toEqual(['person.role']);
  });
});
