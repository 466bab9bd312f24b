/**
 * The intervention form's draft and routes: a saved intervention read into
 * the form and saved back unchanged is the same record, fields the form does
 * not show (citations, external id) included; an empty form names what is
 * missing; a decision before the filing is refused; and each screen's
 * address reads back as that screen.
 */
import { describe, expect, it } from 'vitest';
import { Intervention } from '../../../shared/model';
import { hrefOf, parseRoute, type Route } from '../router';
import { checkIntervention, emptyInterventionDraft, interventionDraftOf } from './interventionDraft';

const incident = '4b448b84-7756-4b1f-898a-ec0ac874ef94';
const source = '46b7f491-5a00-4837-9bb6-0306ff2ebbb3';

describe('the intervention draft', () => {
  it('gives back the same record, with the fields the form does not show', () => {
    const saved = Intervention.parse({
      kind: 'ombudsman',
      title: 'Petition to the Commissioner for Human Rights',
      body: 'Commissioner for Human Rights of Kazakhstan',
      reference: 'ВХ-114/22',
      filedAt: { at: '2022-01-20T00:00+06:00', precision: 'day' },
      outcome: 'no_response',
      incidents: [incident],
      sources: [source],
      citations: [{ field: 'outcome', source, stance: 'supports', locator: 'p. 2' }],
      externalId: 'row 17',
    });
    const checked = checkIntervention(interventionDraftOf(saved));
    expect(checked).toEqual({ ok: true, data: saved });
  });

  it('names what is missing, and refuses a decision dated before the filing', () => {
    const empty = checkIntervention(emptyInterventionDraft(incident));
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect([...empty.problems.keys()].sort()).toEqual(['body', 'kind', 'title']);
    const draft = { ...emptyInterventionDraft(incident), kind: 'complaint' as const, title: 'Complaint', body: 'Prosecutor' };
    const backwards = checkIntervention({
      ...draft,
      filedAt: { ...draft.filedAt, date: '2022-02-01' },
      decidedAt: { ...draft.decidedAt, date: '2022-01-20' },
    });
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.problems.get('decidedAt')?.[0]?.key).toBe('endBeforeStart');
  });

  it('has screens whose addresses read back as themselves', () => {
    const routes: Route[] = [
      { screen: 'newIntervention', incidentId: incident },
      { screen: 'intervention', recordId: source },
      { screen: 'editIntervention', recordId: source },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });
});
