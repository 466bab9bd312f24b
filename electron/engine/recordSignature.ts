/**
 * Whether a record's current version is signed as it claims
 * (`records:signature`): for each head revision (one, or several while the
 * record is in conflict), its id checked against its content and its
 * Ed25519 signature checked against its author's key, here in the engine,
 * never trusted from the page, and who that author is: this archive's own
 * key, a signer on the trusted list (by the name given it), or an unknown
 * key. It only reads; it never repairs or re-signs.
 */
import type { RecordSignature } from '../../shared/ipc';
import type { Archive } from './archive';
import { checkSignedRevision } from './revisions';
import { fingerprintOfLine } from './signingKey';

type Reader = Pick<Archive, 'getRecord' | 'trustedSigners'> & { key: { fingerprint: string } };

export async function signatureOf(archive: Reader, recordId: string): Promise<RecordSignature> {
  const { summary, history } = archive.getRecord(recordId);
  const trusted = new Map((await archive.trustedSigners()).map((signer) => [signer.fingerprint, signer.name]));
  const byId = new Map(history.map((signed) => [signed.id, signed]));
  const heads = summary.heads.map((revisionId) => {
    const signed = byId.get(revisionId);
    // SECURITY: the signature is checked again here, so that the page's "verified" is the engine's own finding.
    const verified = signed ? checkSignedRevision(signed).ok : false;
    const fingerprint = signed ? fingerprintOfLine(signed.revision.author) : '';
    const name = trusted.get(fingerprint);
    const signer =
      fingerprint === archive.key.fingerprint ? { kind: 'own' as const } : name ? { kind: 'trusted' as const, name } : { kind: 'unknown' as const };
    return { revisionId, verified, fingerprint, signer, createdAt: signed?.revision.createdAt ?? '' };
  });
  return { recordId, heads };
}
