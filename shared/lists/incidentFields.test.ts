/** The list's quick check of a record lets through what the schema made, and hands anything else to the schema. */
import { describe, expect, it } from 'vitest';
import { Incident } from '../model';
import { hasListFields, readListIncident } from './incidentFields';

const saved = Incident.parse({ title: 'Mobile data cut', scope: 'local', kinds: ['throttling'], startedAt: { at: '2022-01-05T10:00+06:00' } });

describe('reading the incident list', () => {
  it('takes a record as the engine saved it without parsing it again', () => {
    expect(hasListFields(saved)).toBe(true);
    expect(readListIncident(saved)).toBe(saved);
  });

  it('parses anything else with the schema: defaults filled in, or unreadable', () => {
    const { ongoing: _ongoing, tags: _tags, ...older } = saved;
    expect(hasListFields(older)).toBe(false);
    expect(readListIncident(older)).toEqual(saved);
    expect(readListIncident({ ...saved, kinds: 'throttling' })).toBeNull();
    expect(readListIncident({ ...saved, areas: [{ code: 42 }] })).toBeNull();
    expect(readListIncident(null)).toBeNull();
  });
});
