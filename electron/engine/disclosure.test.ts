/**
 * A format 2 revision's id must come out the same from every later version
 * of Dalel, or every revision made before a change would read as forged. A
 * fixed revision's id is written down here: a change to the committed form,
 * the salts, the paths or the fields committed when absent breaks this test.
 */
import { describe, expect, it } from 'vitest';
import type { Revision } from '../../shared/model';
import { assembleData } from '../../shared/model';
import { committedRevision, revisionIdOf, signedHead } from './disclosure';

const revision: Revision = {
  format: 2,
  recordId: '6f1c1c52-7c0e-4d5b-9b1e-2f0f6b2c9a11',
  type: 'source',
  parents: ['a'.repeat(64)],
  author: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0Kk3c0lW1sYq9f0JtZl0y8c3J2rj0sQ0kJ8Kk7v3T',
  createdAt: '2026-12-06T12:00:00.000Z',
  data: {
    kind: 'testimony',
    title: 'Nurse, Zhanaozen',
    content: 'The dispatcher could not be reached.',
    url: '',
    person: { name: 'Гүлмира Б.', contact: '+7 701 000 00 00', address: '', role: 'witness' },
    consent: { store: true, shareWithLawyers: true, publish: false, givenAt: { at: '2022-01-12T11:00+06:00', precision: 'hour' }, method: 'verbal' },
    sensitive: false,
  },
  disclosureKey: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8',
};

describe('a format 2 revision id', () => {
  it('is the one written down for a fixed revision', () => {
    expect(revisionIdOf(revision)).toBe('51d588e1c9af54233a0fd24e0db787616edf8521673a8d5f2e0d93c612d856a1');
  });

  it('commits a field no schema knew, present, without changing how the others are committed', () => {
    const extended = { ...revision, data: { ...revision.data, witnessLanguage: 'kk' } };
    const before = committedRevision(revision).commitments;
    const after = committedRevision(extended).commitments;
    expect(Object.keys(after).filter((path) => !(path in before))).toEqual(['/data/witnessLanguage']);
    for (const [path, commitment] of Object.entries(before)) expect(after[path], path).toBe(commitment);
  });
});

describe('lists of references added after format 2 began', () => {
  const citing = (citations: unknown[]): Revision => ({
    ...revision,
    type: 'incident',
    data: { title: 'Shutdown', sources: ['6f1c1c52-7c0e-4d5b-9b1e-2f0f6b2c9a12'], citations },
  });
  const everything = () => true;

  it('commit each citation on its own, so that an export can withhold one', () => {
    const cited = { field: 'acknowledged', source: '6f1c1c52-7c0e-4d5b-9b1e-2f0f6b2c9a12', stance: 'supports', locator: '' };
    const signed = { id: 'x', signature: 'AA==', revision: citing([cited, { ...cited, field: 'scope' }]) };
    const paths = Object.keys(committedRevision(signed.revision).commitments);
    expect(paths.filter((path) => path.startsWith('/data/citations'))).toEqual(['/data/citations/0', '/data/citations/1']);
    const head = signedHead(signed, (path) => path !== '/data/citations/1');
    expect(assembleData(head.revision, head.disclosures)?.citations).toEqual([cited]);
  });

  it('commit an empty list whole, so that a bundle shows it exactly as signed', () => {
    const signed = { id: 'x', signature: 'AA==', revision: citing([]) };
    expect(Object.keys(committedRevision(signed.revision).commitments)).toContain('/data/citations');
    const head = signedHead(signed, everything);
    expect(assembleData(head.revision, head.disclosures)?.citations).toEqual([]);
  });
});
