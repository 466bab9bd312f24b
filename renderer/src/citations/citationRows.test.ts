/** The form rows of "Which source says what": the claims offered, and the sources a chosen citation lists. */
import { describe, expect, it } from 'vitest';
import { Incident } from '../../../shared/model';
import { citationsOf, claimsOffered, emptyRow, withSource } from './citationRows';

const source = '0b9e5f3c-4f8e-4b8a-9c1e-2d7f3a6b5c4d';

describe('claimsOffered', () => {
  it('offers every citable field, and an entry of a list only when the record has it', () => {
    const none = claimsOffered('incident', {}).map((claim) => claim.value);
    expect(none).toContain('acknowledged');
    expect(none.some((value) => value.includes('/'))).toBe(false);
    const two = claimsOffered('incident', { legalCitations: [{}, {}] }).map((claim) => claim.value);
    expect(two.slice(two.indexOf('legalCitations'), two.indexOf('legalCitations') + 3)).toEqual(['legalCitations', 'legalCitations/0', 'legalCitations/1']);
    expect(claimsOffered('effect', { groups: ['children'] }).map((claim) => claim.value)).not.toContain('groups/0');
  });

  it('offers only claims the Incident schema accepts', () => {
    const record = { title: 'Shutdown', areas: [{ code: 'KZ-47' }], scope: 'regional', kinds: ['full_network'], startedAt: { at: '2022-01-05T16:00+06:00', precision: 'hour' }, sources: [source] };
    for (const claim of claimsOffered('incident', record)) {
      expect(Incident.safeParse({ ...record, citations: [{ field: claim.value, source }] }).success, claim.value).toBe(true);
    }
  });
});

describe('choosing a source', () => {
  it('lists it once among the record\'s sources, so the schema accepts the citation', () => {
    expect(withSource([], source)).toEqual([source]);
    expect(withSource([source], source)).toEqual([source]);
    expect(withSource([source], '')).toEqual([source]);
  });

  it('drops a row left wholly empty and keeps a half-filled one for the schema to refuse', () => {
    expect(citationsOf([emptyRow(), { ...emptyRow(), locator: 'p. 3' }])).toEqual([{ field: '', source: '', stance: 'supports', locator: 'p. 3' }]);
  });
});
