/**
 * Who made a revision, in words a person can check: this archive, a signer
 * its owner trusts (by the name they gave), or an unknown key with its
 * fingerprint. Pure: it matches the revision's public key line against the
 * keys it is given and trusts nothing on its own.
 */
import type { TFunction } from 'i18next';
import type { TrustedSigner } from '../../../shared/model';
import { shortFingerprint } from '../incidents/history';

export type Author =
  | { kind: 'own'; fingerprint: string }
  | { kind: 'trusted'; name: string; fingerprint: string }
  /** No fingerprint when it could not be computed; then the end of the key line tells keys apart. */
  | { kind: 'unknown'; fingerprint: string | null; keyEnd: string };

export interface KnownKeys {
  own: { publicKey: string; fingerprint: string } | null;
  trusted: readonly Pick<TrustedSigner, 'name' | 'publicKey' | 'fingerprint'>[];
  /** Fingerprints computed for author lines, by line. */
  fingerprints: ReadonlyMap<string, string>;
}

/** The key itself ("ssh-ed25519 AAAA…"), without a comment. */
const keyOf = (line: string) => line.trim().split(/\s+/).slice(0, 2).join(' ');

export function authorOf(line: string, keys: KnownKeys): Author {
  const key = keyOf(line);
  const fingerprint = keys.fingerprints.get(line) ?? null;
  const matches = (other: { publicKey: string; fingerprint: string }) =>
    keyOf(other.publicKey) === key || (fingerprint !== null && other.fingerprint === fingerprint);
  if (keys.own && matches(keys.own)) return { kind: 'own', fingerprint: keys.own.fingerprint };
  const trusted = keys.trusted.find(matches);
  if (trusted) return { kind: 'trusted', name: trusted.name, fingerprint: trusted.fingerprint };
  return { kind: 'unknown', fingerprint, keyEnd: `…${key.slice(-12)}` };
}

/** The author in words: "this archive", the trusted name with a short fingerprint, or an unknown key's whole fingerprint. */
export function describeAuthor(author: Author, t: TFunction): string {
  switch (author.kind) {
    case 'own':
      return t('conflicts:author.own');
    case 'trusted':
      return t('conflicts:author.trusted', { name: author.name, key: shortFingerprint(author.fingerprint) });
    case 'unknown':
      return t('conflicts:author.unknown', { key: author.fingerprint ?? author.keyEnd });
  }
}
