/**
 * Consent read at its safest meaning: what an answer allows once withdrawals
 * (at whatever precision), earlier answers and contradictions are counted.
 */
import { describe, expect, it } from 'vitest';
import { allows, Consent, readConsent } from './consent';

const asked = {
  keep: true,
  lawyersAnonymous: true,
  lawyersNamed: true,
  unNamed: true,
  publishAnonymous: true,
  askedBy: 'A. N.',
  askedIn: 'kk',
  givenAt: { at: '2022-01-12T10:00+06:00', precision: 'minute' },
  method: 'verbal',
};

describe('consent', () => {
  it('counts a withdrawal given as a date alone against consent given later that day', () => {
    const withdrawn = { ...asked, publishAnonymous: false, withdrawals: [{ uses: ['publishAnonymous'], at: { at: '2022-01-12T00:00+06:00', precision: 'day' }, method: 'verbal' }] };
    const read = readConsent(withdrawn)!;
    expect(allows(read, 'publishAnonymous')).toBe(false);
    // A "yes" again the same day needs the person asked again at a time after the whole day of the withdrawal.
    expect(Consent.safeParse({ ...withdrawn, publishAnonymous: true }).success).toBe(false);
    const askedAgain = { ...withdrawn, publishAnonymous: true, givenAt: { at: '2022-01-13T09:00+06:00', precision: 'minute' } };
    expect(allows(readConsent(askedAgain), 'publishAnonymous')).toBe(true);
  });

  it('refuses the name to lawyers without the reading, and reads such an answer as no', () => {
    const nameOnly = { ...asked, lawyersAnonymous: false };
    expect(Consent.safeParse(nameOnly).error?.issues.map((issue) => issue.message)).toEqual(['consentNamedNeedsReading']);
  });

  it('reads the three earlier answers at their safest meaning, and refuses a forged "migrated" that names', () => {
    const legacy = readConsent({ store: true, shareWithLawyers: true, publish: true, givenAt: asked.givenAt, method: 'written' })!;
    expect(legacy).toMatchObject({ keep: true, lawyersAnonymous: true, lawyersNamed: false, unNamed: false, publishAnonymous: true, migrated: true });
    expect(readConsent({ ...asked, askedBy: undefined, askedIn: undefined, migrated: true })).toBeNull();
    expect(readConsent({ store: true, shareWithLawyers: true, publish: true, keep: true, givenAt: asked.givenAt, method: 'written' })).toBeNull();
  });

  it('allows nothing without consent to keep, however it was written', () => {
    const notKept = { ...asked, keep: false } as unknown as Consent;
    for (const use of ['lawyersAnonymous', 'lawyersNamed', 'unNamed', 'publishAnonymous'] as const) expect(allows(notKept, use)).toBe(false);
    expect(allows(null, 'keep')).toBe(false);
  });
});
