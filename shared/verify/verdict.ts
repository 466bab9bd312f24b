/**
 * The one verdict a check gives, in the words a person reads first: intact
 * and signed by a key they trust, intact but the signer not verified,
 * changed or damaged, or not checked at all. Integrity, never legal
 * validity: a bundle nobody changed can still come from anyone, and the
 * verdict says so. Shared by the app, the command and the verifier page so
 * that all three say the same of the same report. Pure.
 */
import type { FailureReason } from '../bagit/verifyReport';

export type Verdict = 'trusted' | 'unverified' | 'changed' | 'notChecked';

/** Failures that say nothing about the bundle's bytes: the check did not run to the end, or could not judge. */
const notJudged: readonly FailureReason[] = ['cancelled', 'verifierStopped', 'internalError', 'fileUnreadable', 'countersignatureUnsupported', 'signerNotTrusted'];

interface Judged {
  valid: boolean;
  signer?: { trustedAs: string | null } | undefined;
  failure?: { reason: FailureReason } | undefined;
}

export function verdictOf(report: Judged): Verdict {
  if (report.failure && notJudged.includes(report.failure.reason)) return 'notChecked';
  if (!report.valid) return 'changed';
  // SECURITY: "intact" alone never names who signed: only a key on the reader's trusted list does.
  return report.signer && report.signer.trustedAs !== null ? 'trusted' : 'unverified';
}

/** The mark beside the verdict's words, never in their place: ✓ only for a signer the reader trusts. */
export const verdictMarks: Record<Verdict, string> = { trusted: '✓', unverified: '!', changed: '✗', notChecked: '–' };
