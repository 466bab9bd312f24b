import { describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/bagit/verifyReport';
import { importButtonOf, keptApart, outcomeOf } from './outcome';

const fingerprint = `SHA256:${'A'.repeat(43)}`;
const report = (valid: boolean, trustedAs: string | null): VerifyReport => ({
  valid,
  profile: 'internal',
  signer: { fingerprint, publicKey: 'ssh-ed25519 AAAA', trustedAs },
  checks: [],
});

describe('the Import button', () => {
  it('is absent for a bundle that is not valid, trusted signer or not', () => {
    expect(importButtonOf(report(false, 'Aigerim'), false)).toBeNull();
    expect(importButtonOf(report(false, null), true)).toBeNull();
    expect(importButtonOf({ valid: false, checks: [] }, false)).toBeNull();
  });

  it('says so when the signer is unknown, and when the person chose to trust it first', () => {
    expect(importButtonOf(report(true, null), false)).toBe('importUnknown');
    expect(importButtonOf(report(true, null), true)).toBe('trustAndImport');
  });

  it('is a plain Import for a trusted signer', () => {
    expect(importButtonOf(report(true, 'Aigerim'), false)).toBe('import');
    expect(importButtonOf(report(true, 'Aigerim'), true)).toBe('import');
  });
});

describe('what an import or merge did', () => {
  it('counts what a merge added', () => {
    expect(outcomeOf({ kind: 'merged', revisionsAdded: 3, attachmentsAdded: 1 }, 'internal')).toEqual({ kind: 'merged', revisions: 3, files: 1 });
    expect(outcomeOf({ revisionsAdded: 0, attachmentsAdded: 2 })).toEqual({ kind: 'merged', revisions: 0, files: 2 });
  });

  it('says the archive already had everything when nothing was added', () => {
    expect(outcomeOf({ kind: 'merged', revisionsAdded: 0, attachmentsAdded: 0 }, 'internal')).toEqual({ kind: 'nothingNew' });
    expect(outcomeOf({ revisionsAdded: 0, attachmentsAdded: 0 })).toEqual({ kind: 'nothingNew' });
  });

  it('keeps a legal or public bundle apart, as received evidence', () => {
    expect(outcomeOf({ kind: 'received', revisionsAdded: 0, attachmentsAdded: 0 }, 'legal')).toEqual({ kind: 'received', profile: 'legal' });
    expect(outcomeOf({ kind: 'received', revisionsAdded: 0, attachmentsAdded: 0 }, 'public')).toEqual({ kind: 'received', profile: 'public' });
    expect(keptApart('legal')).toBe(true);
    expect(keptApart('public')).toBe(true);
    expect(keptApart('internal')).toBe(false);
    expect(keptApart(undefined)).toBe(false);
  });
});
