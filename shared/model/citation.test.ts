import { describe, expect, it } from 'vitest';
import { Effect, Incident, claimsOf, describeIssues, type IncidentInput } from './index';

const kcell = '0b7e9d5e-3c1a-4f7e-9a55-2f6d1f1c7a01';
const rferl = '0b7e9d5e-3c1a-4f7e-9a55-2f6d1f1c7a02';
const ministry = '0b7e9d5e-3c1a-4f7e-9a55-2f6d1f1c7a03';

const incident: IncidentInput = {
  title: 'Mobile data restricted in Zhanaozen',
  scope: 'local',
  kinds: ['mobile_data'],
  startedAt: { at: '2022-01-02T12:00+05:00', precision: 'day' },
  acknowledged: 'yes',
  legalCitations: [{ code: 'kz.communications.41-1.p1-2', citedBy: 'operator', citedByName: 'Kcell' }],
  sources: [kcell, rferl, ministry],
};

function problems(input: unknown) {
  const result = Incident.safeParse(input);
  return result.success ? [] : describeIssues(result.error, input);
}

describe('citations', () => {
  it('tie a field, or one entry of a list, to a source of the record', () => {
    const parsed = Incident.parse({
      ...incident,
      citations: [
        { field: 'acknowledged', source: ministry },
        { field: 'legalCitations/0', source: kcell, locator: 'para. 2' },
      ],
    });
    expect(parsed.citations).toEqual([
      { field: 'acknowledged', source: ministry, stance: 'supports', locator: '' },
      { field: 'legalCitations/0', source: kcell, stance: 'supports', locator: 'para. 2' },
    ]);
  });

  it('refuse a field the record cannot cite, an entry that does not exist, a source not among its sources, and a repeat', () => {
    const stranger = '0b7e9d5e-3c1a-4f7e-9a55-2f6d1f1c7a09';
    expect(
      problems({
        ...incident,
        citations: [
          { field: 'confidential', source: kcell },
          { field: 'legalCitations/1', source: kcell },
          { field: 'acknowledged/0', source: kcell },
          { field: 'acknowledged', source: stranger },
          { field: 'scope', source: rferl },
          { field: 'scope', source: rferl, stance: 'contradicts' },
        ],
      }),
    ).toEqual([
      { path: 'citations.0.field', key: 'invalidCitationField', params: {} },
      { path: 'citations.1.field', key: 'invalidCitationField', params: {} },
      { path: 'citations.2.field', key: 'invalidCitationField', params: {} },
      { path: 'citations.3.source', key: 'citationNotInSources', params: {} },
      { path: 'citations.5', key: 'duplicateCitation', params: {} },
    ]);
  });

  it('are checked on effects too', () => {
    const effect = {
      incident: kcell,
      category: 'banking_payments',
      severity: 'high',
      sources: [rferl],
      citations: [{ field: 'peopleAffected', source: kcell }],
    };
    const result = Effect.safeParse(effect);
    expect(result.success ? [] : describeIssues(result.error, effect)).toEqual([{ path: 'citations.0.source', key: 'citationNotInSources', params: {} }]);
  });

  it('count the distinct sources that corroborate a claim and flag one that sources dispute', () => {
    const claims = claimsOf(
      Incident.parse({
        ...incident,
        citations: [
          { field: 'acknowledged', source: ministry },
          { field: 'acknowledged', source: rferl },
          { field: 'acknowledged', source: kcell, stance: 'contradicts' },
          { field: 'legalCitations/0', source: kcell },
        ],
      }).citations,
    );
    expect(claims.map(({ field, corroboration, contested }) => ({ field, corroboration, contested }))).toEqual([
      { field: 'acknowledged', corroboration: 2, contested: true },
      { field: 'legalCitations/0', corroboration: 1, contested: false },
    ]);
  });
});
