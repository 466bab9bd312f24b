import { describe, expect, it } from 'vitest';
import { addedByOf, newestFirst, trustAddResult, trustedNameOf } from './trustedSigners';

const own = `SHA256:${'o'.repeat(43)}`;
const other = `SHA256:${'x'.repeat(43)}`;
const aigerim = { name: 'Айгерім, Алматы', fingerprint: `SHA256:${'a'.repeat(43)}`, addedBy: own, addedAt: '2026-01-02T10:00:00.000Z' };
const erlan = { name: 'Ерлан, Жаңаөзен', fingerprint: `SHA256:${'e'.repeat(43)}`, addedBy: other, addedAt: '2026-01-05T10:00:00.000Z' };

describe('trusted signers', () => {
  it('say "this archive" for a signer this archive added, and name the other key otherwise', () => {
    expect(addedByOf(aigerim, own)).toEqual({ kind: 'thisArchive' });
    expect(addedByOf(erlan, own)).toEqual({ kind: 'otherKey', fingerprint: other });
  });

  it('give the name a fingerprint is trusted as, or null for an unknown signer', () => {
    expect(trustedNameOf(aigerim.fingerprint, [aigerim, erlan])).toBe('Айгерім, Алматы');
    expect(trustedNameOf(`SHA256:${'z'.repeat(43)}`, [aigerim, erlan])).toBeNull();
    expect(trustedNameOf(aigerim.fingerprint, [])).toBeNull();
  });

  it('tell a newly trusted key from one that was listed already', () => {
    expect(trustAddResult([erlan], aigerim)).toBe('added');
    expect(trustAddResult([erlan, aigerim], aigerim)).toBe('alreadyTrusted');
  });

  it('list the most recently added first, without changing the list given', () => {
    const list = [aigerim, erlan];
    expect(newestFirst(list).map((signer) => signer.name)).toEqual([erlan.name, aigerim.name]);
    expect(list[0]).toBe(aigerim);
  });
});
