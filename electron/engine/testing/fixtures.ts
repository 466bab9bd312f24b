/**
 * Helpers for engine tests: temporary folders that clean up after
 * themselves, and a valid incident and testimony to start from.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncidentInput, SourceInput } from '../../../shared/model';

export async function temporaryFolder(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'dalel-test-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export function sampleIncident(overrides: Partial<IncidentInput> = {}): IncidentInput {
  return {
    title: 'Nationwide shutdown — Қазақстан, қаңтар 2022 🛑',
    summary: 'Mobile data and fixed broadband cut across the country.',
    areas: [{ code: 'KZ-75' }, { place: 'Жаңаөзен' }],
    scope: 'national',
    kinds: ['full_network'],
    startedAt: { at: '2022-01-05T16:00+06:00', precision: 'hour' },
    ...overrides,
  };
}

/** A testimony whose person agreed to lawyers without the name and to publishing without it, nothing more. */
export function sampleTestimony(overrides: Partial<SourceInput> = {}): SourceInput {
  return {
    kind: 'testimony',
    title: 'Pharmacist, Medeu district',
    content: 'Card payments stopped on 5 January.',
    person: { name: 'Ержан Т.', contact: '+7 701 000 00 00', role: 'victim' },
    consent: {
      keep: true,
      lawyersAnonymous: true,
      lawyersNamed: false,
      unNamed: false,
      publishAnonymous: true,
      askedBy: 'A. N.',
      askedIn: 'ru',
      givenAt: { at: '2022-01-12T11:00+06:00', precision: 'hour' },
      method: 'written',
    },
    ...overrides,
  } as SourceInput;
}
