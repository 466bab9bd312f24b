/**
 * How the trusted signers read: who added each one (this archive's own key,
 * or another key whose list was merged in), the name a fingerprint is
 * trusted as, and whether adding a key added it or found it listed already
 * (a listed key keeps its first name). Pure functions over `trust:list`.
 */
import type { TrustedSigner } from '../../../shared/model';

export type AddedBy = { kind: 'thisArchive' } | { kind: 'otherKey'; fingerprint: string };

export function addedByOf(signer: Pick<TrustedSigner, 'addedBy'>, ownFingerprint: string): AddedBy {
  return signer.addedBy === ownFingerprint ? { kind: 'thisArchive' } : { kind: 'otherKey', fingerprint: signer.addedBy };
}

/** The name today's list trusts this key as, or null. */
export function trustedNameOf(fingerprint: string, signers: readonly Pick<TrustedSigner, 'fingerprint' | 'name'>[]): string | null {
  return signers.find((signer) => signer.fingerprint === fingerprint)?.name ?? null;
}

/** `trust:add` answers with the listed signer either way; the list before it says which happened. */
export function trustAddResult(before: readonly Pick<TrustedSigner, 'fingerprint'>[], answer: Pick<TrustedSigner, 'fingerprint'>): 'added' | 'alreadyTrusted' {
  return before.some((signer) => signer.fingerprint === answer.fingerprint) ? 'alreadyTrusted' : 'added';
}

/** Most recently added first: the one just added shows at the top. */
export function newestFirst<T extends { addedAt: string }>(signers: readonly T[]): T[] {
  return [...signers].sort((a, b) => b.addedAt.localeCompare(a.addedAt));
}
