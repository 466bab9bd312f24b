/**
 * A date typed without a time is a day, never midnight to the minute: in
 * every form that asks a time (incident start and end, intervals, effect,
 * source and consent, intervention), what is saved says `day`.
 */
import { describe, expect, it } from 'vitest';
import { Effect, Incident, Intervention } from '../../../../shared/model';
import { effectInputOf, emptyEffectDraft } from '../../evidence/effectDraft';
import { emptySourceDraft, sourceInputOf } from '../../evidence/sourceDraft';
import { emptyInterventionDraft, interventionInputOf } from '../../interventions/interventionDraft';
import { emptyDraft, incidentInputOf, timestampOf, type TimeDraft } from './draft';
import { emptyInterval } from './intervalDraft';

const incidentId = '00000000-0000-4000-8000-000000000001';
const day = (date: string, precision: TimeDraft['precision'] = 'minute'): TimeDraft => ({ date, time: '', offset: '+06:00', precision });

describe('a date without a time', () => {
  it('saves as a day whatever precision the control still shows, and a typed time keeps it', () => {
    for (const precision of ['minute', 'hour', 'day'] as const) {
      expect(timestampOf(day('2022-01-05', precision))).toEqual({ at: '2022-01-05T00:00+06:00', precision: 'day' });
    }
    expect(timestampOf({ ...day('2022-01-05'), time: '16:00' })).toEqual({ at: '2022-01-05T16:00+06:00', precision: 'minute' });
    // "Day only" chosen: a time left in the control is not a claim.
    expect(timestampOf({ ...day('2022-01-05', 'day'), time: '16:00' })).toEqual({ at: '2022-01-05T00:00+06:00', precision: 'day' });
    expect(timestampOf(day(''))).toBeUndefined();
  });

  it('is a day in a saved incident, its end and its intervals', () => {
    const interval = { ...emptyInterval('+06:00'), start: day('2022-01-06'), end: day('2022-01-07') };
    const draft = { ...emptyDraft(), title: 'Almaty', scope: 'local' as const, kinds: ['full_network' as const], areaCodes: ['KZ-75'], startedAt: day('2022-01-05'), endedAt: day('2022-01-10'), intervals: [interval] };
    const incident = Incident.parse(incidentInputOf(draft));
    expect([incident.startedAt.precision, incident.endedAt?.precision, incident.intervals?.[0]?.start.precision, incident.intervals?.[0]?.end?.precision]).toEqual(['day', 'day', 'day', 'day']);
  });

  it('is a day in an effect, a source, its consent and an intervention', () => {
    const effect = Effect.parse(effectInputOf({ ...emptyEffectDraft(incidentId), category: 'family_contact', severity: 'medium', occurredAt: day('2022-01-05') }));
    expect(effect.occurredAt?.precision).toBe('day');
    const source = emptySourceDraft();
    const sourceInput = sourceInputOf({ ...source, kind: 'document', title: 'Notice', collectedAt: day('2022-01-09'), consent: { ...source.consent, givenAt: day('2022-01-09') } });
    expect(sourceInput.collectedAt?.precision).toBe('day');
    const intervention = Intervention.parse(interventionInputOf({ ...emptyInterventionDraft(incidentId), kind: 'complaint', title: 'Complaint', body: 'Prosecutor', filedAt: day('2022-02-01') }));
    expect(intervention.filedAt?.precision).toBe('day');
  });
});
