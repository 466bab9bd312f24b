/**
 * The rule that a person's withdrawal of consent outlives every later
 * version of their testimony (docs/spec/data-model.md, "Consent"): a new
 * revision must carry every withdrawal its parents carry, unless the person
 * was asked again after it. Checked on every save and conflict resolution,
 * whoever calls them (app, command, merge-resolve). It must never change the
 * record: it only refuses.
 */
import { isDeepStrictEqual } from 'node:util';
import { askedAgainAfter, type Consent, type Withdrawal } from '../../shared/model';
import { EngineError } from './errors';

/** The withdrawals a stored revision's consent carries; none when it has no consent or cannot say. */
function withdrawalsOf(data: unknown): Withdrawal[] {
  const consent = (data as { consent?: unknown } | null | undefined)?.consent as { withdrawals?: unknown } | undefined;
  return Array.isArray(consent?.withdrawals) ? (consent.withdrawals as Withdrawal[]) : [];
}

/** "2022-02-01" for a withdrawal known to the day, the time as written otherwise. */
const dateOf = (withdrawal: Withdrawal) => (withdrawal.at.precision === 'day' ? withdrawal.at.at.slice(0, 10) : withdrawal.at.at);

/**
 * Refuses (nothing written) a new version of a source that drops a
 * withdrawal one of its parents carries, or drops the consent altogether,
 * unless its consent was given again after that withdrawal. `resolving`
 * words the refusal for a conflict: keep a merged version instead.
 */
export function assertWithdrawalsKept(parents: readonly unknown[], data: Record<string, unknown>, resolving = false): void {
  const consent = data.consent as Consent | undefined;
  const kept = consent?.withdrawals ?? [];
  for (const withdrawal of parents.flatMap(withdrawalsOf)) {
    if (kept.some((candidate) => isDeepStrictEqual(candidate, withdrawal))) continue;
    // SECURITY: only consent asked again, surely after the withdrawal, lets a version leave it out.
    if (consent?.givenAt && askedAgainAfter(consent.givenAt, withdrawal)) continue;
    throw new EngineError('consentWithdrawalKept', {
      use: withdrawal.uses[0] ?? 'publishAnonymous',
      date: dateOf(withdrawal),
      ...(resolving ? { context: 'resolve' } : {}),
    });
  }
}
