/**
 * What the collector signed, shown in each record's part of a format 2
 * `legal` bundle. A record's `signedHead` is its current revision as its
 * author signed it (shared/model/disclosure.ts): the revision id is the
 * sha256 of a committed form in which every value is a salted hash, and the
 * bundle discloses the salt and value of what its profile shows. So the id
 * can be recomputed from the disclosed values and the hashes of the rest, and
 * nothing withheld can be confirmed by guessing (its salt is not in the
 * bundle). The verifier checks all this (electron/engine/bundle/bagChecks.ts,
 * checkSignedHeads); the report states it, and never claims a signature for a
 * record without one. Pure: a key's fingerprint is computed by the caller.
 */
import type { BundleRecord } from '../model';
import { formatNumber, formatUtc, type Formatter } from './format';
import { html, type Html } from './html';

/** How the report reads authors' signatures: present for a format 2 `legal` bundle alone. */
export interface SignedHeads {
  /** "SHA256:…" for an OpenSSH public key line, as `ssh-keygen -l` prints it; absent, the key line itself is shown. */
  fingerprintOf?: ((publicKeyLine: string) => string) | undefined;
}

function keyText(heads: SignedHeads, line: string): string {
  try {
    return heads.fingerprintOf?.(line) ?? line;
  } catch {
    // A key line the caller cannot read is shown as it stands: the verifier has refused such a bundle anyway.
    return line;
  }
}

/** The record's signature field: who signed, the revision id and why it can be recomputed; or that it is not signed. */
export function signedHeadField(f: Formatter, record: BundleRecord): Html | null {
  const heads = f.signedHeads;
  if (!heads) return null;
  const head = record.signedHead;
  if (!head) return html`<p class="signed-head unsigned">${f.t('report:signedHead.unsigned')}</p>`;
  const total = Object.keys(head.revision.commitments).length;
  const disclosed = head.disclosures.length;
  return html`<div class="signed-head">
<p>${f.t('report:signedHead.signedBy')} <span class="mono fingerprint">${keyText(heads, head.revision.author)}</span> (${f.t('report:signedHead.author')}), ${formatUtc(f, head.revision.createdAt)}.</p>
<p>${f.t('report:signedHead.revision')} <span class="mono hash revision-id">${head.id}</span></p>
<p class="note">${f.t('report:signedHead.recomputable', {
    disclosed: formatNumber(f, disclosed),
    count: total,
    total: formatNumber(f, total),
    withheld: formatNumber(f, total - disclosed),
  })}</p>
</div>`;
}
