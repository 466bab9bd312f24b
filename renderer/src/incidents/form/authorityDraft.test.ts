/**
 * The order, legal citations and operator statements through the form's
 * draft: a saved record comes back unchanged, blank rows are not saved, a
 * half-filled row is refused, old values are carried over without loss, and
 * removing an entry takes its citations with it.
 */
import { describe, expect, it } from 'vitest';
import { Incident, type Citation } from '../../../../shared/model';
import { carryLegacy, citationsWithout, emptyAuthority, emptyLegalCitation, emptyStatement, hasLegacyAuthority } from './authorityDraft';
import { draftOf, emptyDraft, incidentInputOf } from './draft';
import { withoutEntry } from './removeEntry';
import { checkDraft } from './validation';

const source = '0b7e6f53-5d0e-4d8b-9a51-3f1f1f9d3c11';
const other = '7d1c2a9e-4b6f-4c3a-8e2d-5f6a7b8c9d0e';

const withOrder = Incident.parse({
  title: 'Nationwide shutdown',
  scope: 'national',
  kinds: ['full_network'],
  startedAt: { at: '2022-01-05T16:00+06:00', precision: 'minute' },
  order: {
    orderedBy: [{ code: 'security_service', name: 'КНБ' }],
    implementedBy: [{ code: 'operator', name: 'Kcell' }],
    document: 'Order No. 1',
    issuedAt: { at: '2022-01-04T00:00+06:00', precision: 'day' },
    published: 'no',
    courtReview: 'no',
    noticeToUsers: 'yes',
  },
  legalCitations: [
    { code: 'kz.communications.41-1.p1-2', role: 'invoked', citedBy: 'operator', citedByName: 'Kcell', citedAt: { at: '2022-01-04T00:00+06:00', precision: 'day' } },
    { code: 'kz.emergency.15-1-10', role: 'permits', citedBy: 'campaign', citedByName: '' },
  ],
  operatorStatements: [{ operator: 'Kcell', madeAt: { at: '2022-01-04T10:00+06:00', precision: 'minute' }, statement: 'Access restricted at the request of the authorities.' }],
  sources: [source],
  citations: [{ field: 'legalCitations/0', source, stance: 'supports', locator: 'p. 2' }],
});

describe('the order and the law in the form draft', () => {
  it('keeps every field of a saved record through the form', () => {
    const checked = checkDraft(draftOf(withOrder));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.data.order).toEqual(withOrder.order);
    expect(checked.data.legalCitations).toEqual(withOrder.legalCitations);
    expect(checked.data.operatorStatements).toEqual(withOrder.operatorStatements);
  });

  it('adds no key to a record that had none, and saves no blank row', () => {
    const draft = emptyDraft();
    draft.authority.legalCitations.push(emptyLegalCitation());
    draft.authority.operatorStatements.push(emptyStatement());
    draft.authority.order.orderedBy.push({ code: '', name: '  ' });
    const input = incidentInputOf(draft);
    expect('order' in input).toBe(false);
    expect('legalCitations' in input).toBe(false);
    expect('operatorStatements' in input).toBe(false);
  });

  it('refuses a half-filled legal citation under its own field, not silently', () => {
    const draft = draftOf(withOrder);
    draft.authority.legalCitations.push({ ...emptyLegalCitation(), code: 'kz.communications.41-1.p3' });
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect([...checked.problems.keys()]).toEqual(['legalCitations']);
  });

  it('refuses a statement without its operator', () => {
    const draft = draftOf(withOrder);
    draft.authority.operatorStatements.push({ ...emptyStatement(), statement: 'We were ordered to.' });
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect([...checked.problems.keys()]).toEqual(['operatorStatements']);
  });

  it('carries the old "ordered by" text and legal basis codes over, once, losing nothing', () => {
    const authority = emptyAuthority('+06:00');
    expect(hasLegacyAuthority('', ['none_cited', 'other'])).toBe(false);
    const carried = carryLegacy(authority, ' Ministry of Digital Development ', ['kz.communications.41-1', 'none_cited', 'other']);
    expect(carried.orderedBy).toBe('');
    expect(carried.legalBasisCodes).toEqual(['none_cited', 'other']);
    expect(carried.authority.order.orderedBy).toEqual([{ code: 'unknown', name: 'Ministry of Digital Development' }]);
    expect(carried.authority.legalCitations.map(({ code, role, citedBy }) => ({ code, role, citedBy }))).toEqual([
      { code: 'kz.communications.41-1', role: 'invoked', citedBy: 'authority' },
    ]);
    // Carrying again adds nothing twice.
    const again = carryLegacy(carried.authority, '', ['kz.communications.41-1']);
    expect(again.authority.legalCitations).toHaveLength(1);
  });

  it('saves an old record carried over as a valid incident', () => {
    const old = Incident.parse({ ...withOrder, order: undefined, legalCitations: undefined, operatorStatements: undefined, citations: undefined, orderedBy: 'Ministry', legalBasis: { codes: ['kz.emergency.14-1'], other: 'Decree' } });
    const draft = draftOf(old);
    const carried = carryLegacy(draft.authority, draft.orderedBy, draft.legalBasisCodes);
    const checked = checkDraft({ ...draft, ...carried });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.data.orderedBy).toBe('');
    expect(checked.data.legalBasis).toEqual({ codes: [], other: 'Decree' });
    expect(checked.data.order?.orderedBy).toEqual([{ code: 'unknown', name: 'Ministry' }]);
    expect(checked.data.legalCitations).toEqual([{ code: 'kz.emergency.14-1', role: 'invoked', citedBy: 'authority', citedByName: '' }]);
  });

  it('removing an entry takes its citations and renumbers the later ones', () => {
    const citations: Citation[] = [
      { field: 'legalCitations/0', source, stance: 'supports', locator: '' },
      { field: 'legalCitations/1', source: other, stance: 'contradicts', locator: 'p. 4' },
      { field: 'operatorStatements/1', source, stance: 'supports', locator: '' },
      { field: 'acknowledged', source, stance: 'supports', locator: '' },
    ];
    expect(citationsWithout(citations, 'legalCitations', 0)).toEqual([
      { field: 'legalCitations/0', source: other, stance: 'contradicts', locator: 'p. 4' },
      citations[2],
      citations[3],
    ]);
    const draft = { ...draftOf(withOrder), citations };
    const change = withoutEntry(draft, 'legalCitations', 1);
    expect(change.authority?.legalCitations.map((entry) => entry.code)).toEqual(['kz.communications.41-1.p1-2']);
    expect(change.citations?.map((citation) => citation.field)).toEqual(['legalCitations/0', 'operatorStatements/1', 'acknowledged']);
  });
});
