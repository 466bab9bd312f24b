/** The form's draft holds every Incident field: a saved incident goes through the form unchanged, and nothing typed is lost. */
import { describe, expect, it } from 'vitest';
import { Incident } from '../../../../shared/model';
import { draftOf, emptyDraft, incidentInputOf, localOffset } from './draft';
import { kazakhstanOffsetToday } from './offsetDefaults';
import { checkDraft } from './validation';

const full = Incident.parse({
  title: 'Nationwide shutdown',
  summary: 'Line one\nline two',
  country: 'KZ',
  areas: [{ code: 'KZ-75' }, { place: 'Жаңаөзен' }],
  scope: 'national',
  kinds: ['full_network', 'sms_voice'],
  services: ['whatsapp', 'Mail.ru'],
  operators: ['Kcell'],
  startedAt: { at: '2022-01-05T16:00+06:00', precision: 'minute' },
  endedAt: { at: '2022-01-10T00:00+06:00', precision: 'day' },
  pattern: { kind: 'recurring', description: 'Every evening' },
  justification: { codes: ['counter_terrorism'], statement: '“Attacks”' },
  context: ['protests'],
  orderedBy: 'Ministry',
  acknowledged: 'yes',
  legalBasis: { codes: ['kz.communications.41-1', 'other'], other: 'Decree' },
  rights: ['iccpr.19'],
  sources: ['0b7e6f53-5d0e-4d8b-9a51-3f1f1f9d3c11'],
  tags: ['January'],
  confidential: true,
});

/** An edit the form makes: the shutdown is ongoing again, so its end is taken out. */
const managedOnlyEdit = { ongoing: true };

describe('the incident draft', () => {
  it('round-trips every field of a saved incident unchanged', () => {
    expect(Incident.parse(incidentInputOf(draftOf(full)))).toEqual(full);
  });

  it('passes through an edit every field no section of the form shows, and lets the form still remove what it shows', () => {
    const withMore = Incident.parse({
      ...full,
      externalId: 'STOP-2022-KZ-001',
      illustrative: true,
      links: [{ kind: 'same_as', incident: '0b7e6f53-5d0e-4d8b-9a51-3f1f1f9d3c12' }],
    });
    const draft = { ...draftOf(withMore), ...managedOnlyEdit };
    const saved = Incident.parse(incidentInputOf(draft));
    expect(saved).toMatchObject({ externalId: 'STOP-2022-KZ-001', illustrative: true, ongoing: true });
    expect(saved.endedAt).toBeUndefined();
  });

  it('keeps what is still typed in a list box', () => {
    const draft = { ...draftOf(full), pending: { places: 'Актау', otherServices: '', operators: ' Beeline ', tags: '' } };
    const input = Incident.parse(incidentInputOf(draft));
    expect(input.areas).toContainEqual({ place: 'Актау' });
    expect(input.operators).toEqual(['Kcell', 'Beeline']);
  });

  it('leaves out the end while the shutdown is ongoing', () => {
    const input = incidentInputOf({ ...draftOf(full), ongoing: true });
    expect(input.endedAt).toBeUndefined();
    expect(checkDraft({ ...draftOf(full), ongoing: true }).ok).toBe(true);
  });

  it('reports missing required fields as "required", filed under their fields', () => {
    const checked = checkDraft(emptyDraft());
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect([...checked.problems.keys()].sort()).toEqual(['kinds', 'scope', 'startedAt', 'title']);
    for (const problems of checked.problems.values()) expect(problems.map((p) => p.key)).toEqual(['required']);
  });

  it('defaults a new time to Kazakhstan’s main offset today, not the viewer’s', () => {
    expect(localOffset(new Date())).toMatch(/^[+-]\d{2}:\d{2}$/);
    expect(emptyDraft().startedAt.offset).toBe(kazakhstanOffsetToday());
    expect(emptyDraft().startedAt.offsetChosen).toBeFalsy();
  });
});
