/**
 * The trusted signers of an archive (docs/design.md, "Merge"): adding one from an
 * OpenSSH public key line with a name, and taking one off the list (a key
 * lost with a seized laptop). Each change goes through the journal with its
 * custody line (`key_trusted`, `key_untrusted`), so a crash never leaves the
 * list changed without its line or the reverse.
 */
import type { TrustedSigner } from '../../../shared/model';
import { EngineError } from '../errors';
import { parsePublicKeyLine } from '../sshsig';
import type { MergeTarget } from './importBundle';
import { commitJournal, emptyJournal } from './journal';

/** Trusts a key; a key already listed keeps its first name and nothing is written. */
export async function trustSigner(target: MergeTarget, publicKeyLine: string, name: string): Promise<TrustedSigner> {
  // A comment after the key (e.g. "aigerim@laptop") is ignored.
  const [type, base64] = publicKeyLine.trim().split(/\s+/);
  const key = parsePublicKeyLine(`${type ?? ''} ${base64 ?? ''}`);
  if (!key.ok || type !== 'ssh-ed25519') throw new EngineError('invalidPublicKey');
  const listed = (await target.exchange.trusted()).find((signer) => signer.fingerprint === key.value.fingerprint);
  if (listed) return listed;
  const signer: TrustedSigner = {
    name: name.trim(),
    fingerprint: key.value.fingerprint,
    publicKey: key.value.line,
    addedAt: new Date().toISOString(),
    addedBy: target.key.fingerprint,
  };
  const journal = emptyJournal();
  journal.trusted = [signer];
  journal.custody = target.custody.prepare(target.key.fingerprint, [{ action: 'key_trusted', note: `${signer.fingerprint} ${signer.name}`.slice(0, 2000) }]);
  await commitJournal(target, journal);
  return signer;
}

/** Takes a signer off the list: its bundles show as from an unknown signer again. */
export async function untrustSigner(target: MergeTarget, fingerprint: string): Promise<{ removed: boolean }> {
  const listed = (await target.exchange.trusted()).find((signer) => signer.fingerprint === fingerprint);
  if (!listed) return { removed: false };
  const journal = emptyJournal();
  journal.untrusted = [fingerprint];
  journal.custody = target.custody.prepare(target.key.fingerprint, [{ action: 'key_untrusted', note: `${listed.fingerprint} ${listed.name}`.slice(0, 2000) }]);
  await commitJournal(target, journal);
  return { removed: true };
}
