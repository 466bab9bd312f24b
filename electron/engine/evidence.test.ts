import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EffectInput, SourceInput } from '../../shared/model';
import { Archive } from './archive';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
let archive: Archive;
beforeEach(async () => {
  folder = await temporaryFolder();
  archive = await Archive.create(join(folder.path, 'a'), { name: 'A', organization: '', passphrase: null });
});
afterEach(() => folder.remove());

const consent = { keep: true, lawyersAnonymous: false, lawyersNamed: false, unNamed: false, publishAnonymous: false, askedBy: 'A. N.', askedIn: 'kk', givenAt: { at: '2022-01-12T11:00+06:00', precision: 'hour' as const }, method: 'recorded' as const };
const testimony = (overrides: Partial<SourceInput> = {}): SourceInput => ({
  kind: 'testimony',
  title: 'Deaf family, Almaty',
  content: 'We could not call an ambulance: the text relay works only over the internet.',
  person: { name: 'Айгүл Серікқызы', contact: '+7 700 000 00 00', role: 'victim', disability: 'deaf' },
  consent,
  ...overrides,
});

describe('effects and sources', () => {
  it('link an effect to its incident and to the sources that support it', async () => {
    const incident = await archive.save({ type: 'incident', data: sampleIncident() });
    const source = await archive.save({ type: 'source', data: testimony() });
    const effect: EffectInput = {
      incident: incident.recordId,
      category: 'emergency_services',
      severity: 'critical',
      groups: ['persons_with_disabilities'],
      peopleAffected: { count: 3, precision: 'exact' },
      economicLoss: { amount: 25_000 },
      sources: [source.recordId],
    };
    const saved = await archive.save({ type: 'effect', data: effect });
    const stored = archive.getRecord(saved.recordId).summary.data;
    expect(stored).toMatchObject({ incident: incident.recordId, economicLoss: { amount: 25_000, currency: 'KZT' }, sources: [source.recordId] });
    expect(archive.listRecords('effect')).toHaveLength(1);
  });

  it('refuse an effect whose incident or sources are not in the archive', async () => {
    const incident = await archive.save({ type: 'incident', data: sampleIncident() });
    const stranger = '8f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    await expect(archive.save({ type: 'effect', data: { incident: stranger, category: 'other', severity: 'low' } })).rejects.toMatchObject({
      code: 'invalidRecord',
      problems: [{ path: 'incident', key: 'unknownIncident', params: {} }],
    });
    await expect(
      archive.save({ type: 'effect', data: { incident: incident.recordId, category: 'other', severity: 'low', sources: [incident.recordId] } }),
    ).rejects.toMatchObject({ problems: [{ path: 'sources.0', key: 'unknownSource', params: {} }] });
    await expect(archive.save({ type: 'incident', data: sampleIncident({ sources: [stranger] }) })).rejects.toMatchObject({
      problems: [{ path: 'sources.0', key: 'unknownSource', params: {} }],
    });
  });

  it('never keep a testimony without consent, or against a refusal to keep it', async () => {
    await expect(archive.save({ type: 'source', data: testimony({ consent: undefined }) })).rejects.toMatchObject({
      problems: [{ path: 'consent', key: 'consentRequired', params: {} }],
    });
    await expect(archive.save({ type: 'source', data: testimony({ consent: { ...consent, keep: false } }) })).rejects.toMatchObject({
      problems: [{ path: 'consent.keep', key: 'consentToStoreRequired', params: {} }],
    });
    expect(archive.listRecords('source')).toHaveLength(0);
  });

  it('keep the person apart from the statement, and name the collecting key', async () => {
    const { recordId } = await archive.save({ type: 'source', data: testimony() });
    const data = archive.getRecord(recordId).summary.data as Record<string, unknown>;
    expect(data.content).not.toContain('Айгүл');
    expect(data.person).toMatchObject({ name: 'Айгүл Серікқызы', role: 'victim' });
    expect(data.collectedBy).toBe(archive.key.fingerprint);
    const document = await archive.save({ type: 'source', data: { kind: 'network_measurement', title: 'IODA signal drop', url: 'https://ioda.example/kz' } });
    expect(archive.getRecord(document.recordId).summary.data).toMatchObject({ url: 'https://ioda.example/kz', sensitive: false });
  });
});
