import { describe, expect, it } from 'vitest';
import { checkEffect, effectDraftOf, emptyEffectDraft } from './effectDraft';
import { Source } from '../../../shared/model';
import { checkSource, emptySourceDraft, identityLocked, sourceDraftOf, sourceFieldOrder } from './sourceDraft';

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

  it('passes through an edit the fields the form does not show', () => {
    const checked = checkEffect({ ...emptyEffectDraft(incident), category: 'education', severity: 'low' });
    if (!checked.ok) throw new Error('a valid effect');
    const loaded = { ...checked.data, externalId: 'row-7', illustrative: true as const };
    const again = checkEffect({ ...effectDraftOf(loaded), severity: 'high' });
    expect(again.ok && again.data).toMatchObject({ externalId: 'row-7', illustrative: true, severity: 'high' });
  });

  it('names a count that is not a number rather than dropping it', () => {
    const checked = checkEffect({ ...emptyEffectDraft(incident), category: 'education', severity: 'low', peopleMode: 'estimate', peopleCount: 'many' });
    expect(!checked.ok && checked.problems.has('peopleAffected')).toBe(true);
  });
});

describe('the source draft', () => {
  const testimony = { ...emptySourceDraft(), kind: 'testimony' as const, title: 'Patient, Almaty' };

  it('asks every consent question of a testimony, with no default answer, and who asked in which language', () => {
    const checked = checkSource(testimony);
    expect(!checked.ok && [...checked.problems.keys()].sort()).toEqual([
      'consent.askedBy',
      'consent.askedIn',
      'consent.givenAt',
      'consent.keep',
      'consent.lawyersAnonymous',
      'consent.lawyersNamed',
      'consent.method',
      'consent.publishAnonymous',
      'consent.unNamed',
    ]);
  });

  const givenAt = { date: '2022-01-06', time: '', offset: '+06:00', precision: 'day' as const };
  const answered = {
    ...emptySourceDraft().consent,
    keep: 'yes' as const,
    lawyersAnonymous: 'yes' as const,
    lawyersNamed: 'no' as const,
    unNamed: 'no' as const,
    publishAnonymous: 'yes' as const,
    askedBy: 'A. N.',
    askedIn: 'kk',
    givenAt,
    method: 'verbal' as const,
  };

  it('refuses a testimony the person did not allow to be kept, and keeps one they did', () => {
    const refused = checkSource({ ...testimony, consent: { ...answered, keep: 'no' } });
    expect(!refused.ok && refused.problems.get('consent.keep')?.map((p) => p.key)).toEqual(['consentToStoreRequired']);
    const kept = checkSource({ ...testimony, consent: answered });
    expect(kept.ok && kept.data.consent).toMatchObject({ keep: true, lawyersAnonymous: true, lawyersNamed: false, publishAnonymous: true, askedBy: 'A. N.', askedIn: 'kk', method: 'verbal' });
    if (kept.ok) expect(checkSource(sourceDraftOf(kept.data))).toEqual(kept);
  });

  it('records a withdrawal as "no" to what was taken back, and a later "yes" only when asked again', () => {
    const withdrawal = { uses: ['publishAnonymous' as const], at: { date: '2022-02-01', time: '', offset: '+06:00', precision: 'day' as const }, method: 'written' as const };
    const withdrawn = checkSource({ ...testimony, consent: { ...answered, withdrawal } });
    expect(withdrawn.ok && withdrawn.data.consent).toMatchObject({ publishAnonymous: false, lawyersAnonymous: true, withdrawals: [{ uses: ['publishAnonymous'], method: 'written' }] });
    if (!withdrawn.ok) return;
    const reopened = sourceDraftOf(withdrawn.data);
    expect(reopened.consent.withdrawal).toBeNull();
    const again = checkSource({ ...testimony, consent: { ...reopened.consent, publishAnonymous: 'yes' } });
    expect(!again.ok && again.problems.get('consent.publishAnonymous')?.map((p) => p.key)).toEqual(['consentWithdrawn']);
    const askedAgain = checkSource({ ...testimony, consent: { ...reopened.consent, publishAnonymous: 'yes', givenAt: { ...givenAt, date: '2022-03-01' } } });
    expect(askedAgain.ok).toBe(true);
  });

  it('takes back the name with the reading: lawyers who know who the person is read the statement too', () => {
    const named = { ...answered, lawyersNamed: 'yes' as const };
    const withdrawal = { uses: ['lawyersAnonymous' as const], at: { date: '2022-02-01', time: '', offset: '+06:00', precision: 'day' as const }, method: 'verbal' as const };
    const checked = checkSource({ ...testimony, consent: { ...named, withdrawal } });
    expect(checked.ok && checked.data.consent).toMatchObject({ lawyersAnonymous: false, lawyersNamed: false, withdrawals: [{ uses: ['lawyersAnonymous', 'lawyersNamed'] }] });
  });

  it('names the fields of a withdrawal left half done', () => {
    const withdrawal = { uses: [], at: { date: '', time: '', offset: '+06:00', precision: 'day' as const }, method: '' as const };
    const checked = checkSource({ ...testimony, consent: { ...answered, withdrawal } });
    expect(!checked.ok && [...checked.problems.keys()].sort()).toEqual(['consent.withdrawal.at', 'consent.withdrawal.method', 'consent.withdrawal.uses']);
  });

  it('opens answers saved from the three earlier questions at their safest meaning, until asked again', () => {
    const old = { kind: 'testimony', title: 'Taxi driver', consent: { store: true, shareWithLawyers: true, publish: false, givenAt: { at: '2022-01-06T00:00+06:00', precision: 'day' }, method: 'verbal' } };
    const saved = checkSource(sourceDraftOf(Source.parse(old)));
    expect(saved.ok && saved.data.consent).toMatchObject({ keep: true, lawyersAnonymous: true, lawyersNamed: false, unNamed: false, publishAnonymous: false, migrated: true });
    const draft = sourceDraftOf(Source.parse(old));
    const changed = checkSource({ ...draft, consent: { ...draft.consent, lawyersNamed: 'yes', migrated: false } });
    expect(!changed.ok && [...changed.problems.keys()].sort()).toEqual(['consent.askedBy', 'consent.askedIn']);
  });

  it('sends a person only when something about them was entered', () => {
    const document = { ...emptySourceDraft(), kind: 'document' as const, title: 'Order of 5 January' };
    const checked = checkSource(document);
    expect(checked.ok && checked.data.person).toBeUndefined();
    const named = checkSource({ ...document, person: { ...document.person, name: 'A. K.' } });
    expect(!named.ok && [...named.problems.keys()]).toEqual(['person.role']);
  });

  it("keeps a testimony's identifying fields closed until the person agrees that we keep it, and asks consent first", () => {
    expect(identityLocked(emptySourceDraft())).toBe(true);
    expect(identityLocked(testimony)).toBe(true);
    expect(identityLocked({ ...testimony, consent: { ...answered, keep: 'no' } })).toBe(true);
    expect(identityLocked({ ...testimony, consent: answered })).toBe(false);
    expect(identityLocked({ ...emptySourceDraft(), kind: 'official_statement' })).toBe(false);
    const order = sourceFieldOrder as readonly string[];
    expect(order.indexOf('consent.keep')).toBeLessThan(order.indexOf('person.name'));
    expect(order.indexOf('consent.method')).toBeLessThan(order.indexOf('person.name'));
  });

  it('keeps an age group, gender and disability written before the choices exactly as they were', () => {
    const old = Source.parse({
      kind: 'testimony',
      title: 'Patient, Almaty',
      person: { name: 'A. K.', role: 'victim', ageGroup: '30–39', gender: 'жен.', disability: 'wheelchair user' },
      consent: { store: true, shareWithLawyers: true, publish: false, givenAt: { at: '2022-01-06T10:00+06:00', precision: 'minute' }, method: 'verbal' },
    });
    const saved = checkSource(sourceDraftOf(old));
    expect(saved.ok && saved.data.person).toEqual(old.person);
    const coded = checkSource({ ...testimony, consent: answered, person: { ...testimony.person, role: 'victim', gender: 'preferNotToSay', ageGroup: '18-29', disability: 'no' } });
    expect(coded.ok && coded.data.person).toMatchObject({ gender: 'preferNotToSay', ageGroup: '18-29', disability: 'no' });
  });
});
