import { describe, expect, it } from 'vitest';
import { verdictMarks, verdictOf } from './verdict';

const signer = (trustedAs: string | null) => ({ trustedAs });

describe('verdictOf', () => {
  it('says "trusted" only for an intact bundle whose key the reader trusts', () => {
    expect(verdictOf({ valid: true, signer: signer('Aigerim, Almaty') })).toBe('trusted');
    expect(verdictOf({ valid: true, signer: signer(null) })).toBe('unverified');
    expect(verdictOf({ valid: true })).toBe('unverified');
  });

  it('never calls a changed bundle trusted, even when its key is on the list', () => {
    expect(verdictOf({ valid: false, signer: signer('Aigerim'), failure: { reason: 'hashMismatch' } })).toBe('changed');
    expect(verdictOf({ valid: false, signer: signer('Aigerim'), failure: { reason: 'signatureInvalid' } })).toBe('changed');
    expect(verdictOf({ valid: false, failure: { reason: 'zipDamaged' } })).toBe('changed');
  });

  it('does not call "changed" a check that did not run to the end', () => {
    for (const reason of ['cancelled', 'verifierStopped', 'internalError', 'fileUnreadable', 'signerNotTrusted'] as const) {
      expect(verdictOf({ valid: false, failure: { reason } }), reason).toBe('notChecked');
    }
  });

  it('marks only the trusted verdict with ✓', () => {
    expect(Object.entries(verdictMarks).filter(([, mark]) => mark === '✓')).toEqual([['trusted', '✓']]);
  });
});
