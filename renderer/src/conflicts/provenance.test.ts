/** Each revision says where it came from, as the custody log recorded it; a note in an unknown form is shown as written. */
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CustodyEvent } from '../../../shared/model';
import { describeProvenance, provenanceByRevision, provenanceOfEvent } from './provenance';

const own = `SHA256:${'O'.repeat(43)}`;
const defender = `SHA256:${'a1B2+/'.repeat(7)}x`;
const otherArchive = `SHA256:${'Z'.repeat(43)}`;
const rev = (n: number) => n.toString(16).padStart(64, '0');

let seq = 0;
const event = (action: CustodyEvent['action'], facts: Partial<CustodyEvent> = {}): CustodyEvent => ({
  seq: (seq += 1),
  at: '2022-01-06T10:00:00.000Z',
  actor: own,
  action,
  recordId: '0b7e6f53-5d0e-4d8b-9a51-3f1f1f9d3c11',
  prev: '0'.repeat(64),
  hash: '1'.repeat(64),
  ...facts,
});

describe('provenance from the custody log', () => {
  it('reads an import note, with and without the name the signer was trusted as', () => {
    const trusted = event('bundle_imported', { revisionId: rev(1), note: `dalel-20220106-ab12 (internal) signed by ${defender} (Айгерім (Алматы))` });
    expect(provenanceOfEvent(trusted, own)).toEqual({
      kind: 'imported',
      bundleId: 'dalel-20220106-ab12',
      profile: 'internal',
      signer: defender,
      signerName: 'Айгерім (Алматы)',
    });
    const untrusted = event('bundle_imported', { revisionId: rev(2), note: `dalel-20220106-cd34 (internal) signed by ${defender}` });
    expect(provenanceOfEvent(untrusted, own)).toMatchObject({ kind: 'imported', bundleId: 'dalel-20220106-cd34', signer: defender, signerName: null });
  });

  it('reads a merge note: the other archive, its name and key', () => {
    const merged = event('archive_merged', {
      revisionId: rev(3),
      note: `archive 5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f "Жаңаөзен қорғаушылары" key ${otherArchive}`,
    });
    expect(provenanceOfEvent(merged, own)).toEqual({
      kind: 'merged',
      archiveId: '5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f',
      archiveName: 'Жаңаөзен қорғаушылары',
      fingerprint: otherArchive,
    });
  });

  it('tells a save with this archive key from one with another, and names a resolution', () => {
    expect(provenanceOfEvent(event('record_saved', { revisionId: rev(4) }), own)).toEqual({ kind: 'local' });
    expect(provenanceOfEvent(event('record_retracted', { revisionId: rev(5) }), own)).toEqual({ kind: 'local' });
    expect(provenanceOfEvent(event('record_saved', { revisionId: rev(6), actor: defender }), own)).toEqual({ kind: 'otherKey', actor: defender });
    expect(provenanceOfEvent(event('conflict_resolved', { revisionId: rev(7) }), own)).toEqual({ kind: 'resolved' });
  });

  it('shows a note in an unknown form as written, never a guess', () => {
    for (const note of ['imported by hand from a USB stick', `bundle x signed by ${defender}`, `archive 1 "unterminated key ${otherArchive}`, '']) {
      expect(provenanceOfEvent(event('bundle_imported', { revisionId: rev(8), note }), own)).toEqual({ kind: 'asRecorded', action: 'bundle_imported', note });
    }
    expect(provenanceOfEvent(event('archive_merged', { revisionId: rev(9) }), own)).toEqual({ kind: 'asRecorded', action: 'archive_merged', note: '' });
  });

  it('takes the first event that names each revision, in log order, and skips events for files', () => {
    const events = [
      event('bundle_imported', { hashes: ['c'.repeat(64)], note: `b1 (internal) signed by ${defender}` }),
      event('bundle_imported', { revisionId: rev(10), note: `b1 (internal) signed by ${defender}` }),
      event('archive_merged', { revisionId: rev(10), note: `archive u "Org" key ${otherArchive}` }),
      event('record_saved', { revisionId: rev(11) }),
    ];
    const origins = provenanceByRevision([...events].reverse(), own);
    expect([...origins.keys()]).toEqual([rev(10), rev(11)]);
    expect(origins.get(rev(10))).toMatchObject({ kind: 'imported', bundleId: 'b1' });
    expect(origins.get(rev(11))).toEqual({ kind: 'local' });
  });
});

describe('provenance in words', () => {
  const t = ((key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key)) as unknown as TFunction;
  const imported = { kind: 'imported', bundleId: 'dalel-20220106-0a1b2c3d', profile: 'internal', signer: defender, signerName: null } as const;

  it('names a signer as the import recorded it, else as trusted today, else by the whole fingerprint', () => {
    const trustedToday = new Map([[defender, 'Ерлан, Жаңаөзен']]);
    expect(describeProvenance({ ...imported, signerName: 'Айгерім' }, t, trustedToday)).toContain('"signer":"conflicts:provenance.signerTrusted');
    expect(describeProvenance({ ...imported, signerName: 'Айгерім' }, t, trustedToday)).toContain('Айгерім');
    expect(describeProvenance(imported, t, trustedToday)).toContain('Ерлан, Жаңаөзен');
    expect(describeProvenance(imported, t, new Map())).toBe(`conflicts:provenance.imported {"bundleId":"dalel-20220106-0a1b2c3d","signer":"${defender}"}`);
  });

  it('shows an unreadable note with its action, as written', () => {
    expect(describeProvenance({ kind: 'asRecorded', action: 'bundle_imported', note: 'с флешки' }, t, new Map())).toBe(
      'conflicts:provenance.asRecorded {"action":"taxonomy:custodyAction.bundle_imported","note":"с флешки"}',
    );
    expect(describeProvenance({ kind: 'asRecorded', action: 'archive_merged', note: '' }, t, new Map())).toBe('taxonomy:custodyAction.archive_merged');
  });
});
