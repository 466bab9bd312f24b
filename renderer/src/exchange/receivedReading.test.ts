import { describe, expect, it } from 'vitest';
import { almatyBundle, ids } from '../../../shared/report/fixture';
import { readBundle } from './receivedReading';

describe('reading a received bundle', () => {
  it('gives each incident with its effects grouped by category in the taxonomy order, and the sources they cite', () => {
    const reading = readBundle(almatyBundle());
    expect(reading.incidents).toHaveLength(1);
    const [incident] = reading.incidents;
    expect(incident!.incident.title).toBe('Алматыдағы интернетті толық өшіру, 2022 жылғы қаңтар');
    expect(incident!.incident.areas).toEqual([{ code: 'KZ-75' }, { place: 'Қаскелең' }]);
    expect(incident!.effectGroups.map((group) => group.category)).toEqual(['banking_payments', 'medical_care', 'disability_access']);
    expect(incident!.effectGroups[1]!.effects.map((effect) => effect.recordId)).toEqual([ids.medical]);
    expect(incident!.sources.map((source) => source.recordId).sort()).toEqual([ids.mediaReport, ids.testimony].sort());
    expect(reading.otherEffects).toEqual([]);
    expect(reading.otherSources).toEqual([]);
  });

  it('shows a person as the redacted data has them: the pseudonym, never a name it does not carry', () => {
    const testimony = readBundle(almatyBundle()).incidents[0]!.sources.find((source) => source.recordId === ids.testimony)!;
    expect(testimony.source.person).toEqual({ pseudonym: 'Куә-7F3A', role: 'witness', ageGroup: '30–39' });
    expect(testimony.source.person?.name).toBeUndefined();
  });

  it('puts an effect whose incident is not in the bundle apart, and leaves retracted records out', () => {
    const bundle = almatyBundle();
    const incident = bundle.records.find((record) => record.recordId === ids.incident)!;
    incident.data = null;
    incident.retracted = true;
    const reading = readBundle(bundle);
    expect(reading.incidents).toEqual([]);
    // The effects of the retracted incident are shown on their own, still grouped.
    expect(reading.otherEffects.map((group) => group.category)).toEqual(['banking_payments', 'medical_care', 'disability_access']);
    expect(reading.otherSources.map((source) => source.recordId).sort()).toEqual([ids.mediaReport, ids.testimony].sort());
  });

  it('groups an effect of an unreadable category last', () => {
    const bundle = almatyBundle();
    bundle.records.find((record) => record.recordId === ids.banking)!.data!.category = 'a_category_from_a_newer_dalel';
    const groups = readBundle(bundle).incidents[0]!.effectGroups;
    expect(groups.map((group) => group.category)).toEqual(['medical_care', 'disability_access', null]);
  });
});
