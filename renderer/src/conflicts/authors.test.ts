/** An author is named as this archive, by the name its owner trusts them as, or as an unknown key with its fingerprint. */
import { describe, expect, it } from 'vitest';
import { authorOf, type KnownKeys } from './authors';

const line = (letter: string) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${letter.repeat(43)}`;
const fp = (letter: string) => `SHA256:${letter.repeat(43)}`;

const keys: KnownKeys = {
  own: { publicKey: line('O'), fingerprint: fp('O') },
  trusted: [{ name: 'Айгерім, Алматы', publicKey: `${line('A')} aigerim@laptop`, fingerprint: fp('A') }],
  fingerprints: new Map([
    [line('O'), fp('O')],
    [line('B'), fp('B')],
  ]),
};

describe('naming the author of a revision', () => {
  it('names this archive and a trusted signer, whatever comment their key line carries', () => {
    expect(authorOf(line('O'), keys)).toEqual({ kind: 'own', fingerprint: fp('O') });
    expect(authorOf(`${line('A')} other comment`, keys)).toEqual({ kind: 'trusted', name: 'Айгерім, Алматы', fingerprint: fp('A') });
  });

  it('matches a trusted signer by fingerprint when the key lines are written differently', () => {
    const written = 'ssh-ed25519 differently-written-same-key';
    const byFingerprint: KnownKeys = { ...keys, fingerprints: new Map([[written, fp('A')]]) };
    expect(authorOf(written, byFingerprint)).toMatchObject({ kind: 'trusted', name: 'Айгерім, Алматы' });
  });

  it('shows an unknown key by its fingerprint, or by the end of its line when none could be computed', () => {
    expect(authorOf(line('B'), keys)).toEqual({ kind: 'unknown', fingerprint: fp('B'), keyEnd: `…${'B'.repeat(12)}` });
    expect(authorOf(line('C'), keys)).toEqual({ kind: 'unknown', fingerprint: null, keyEnd: `…${'C'.repeat(12)}` });
    expect(authorOf(line('O'), { ...keys, own: null })).toMatchObject({ kind: 'unknown', fingerprint: fp('O') });
  });
});
