/**
 * The checks of a Dalel bag the engine runs beyond the BagIt ones
 * (shared/verify/bagChecks.ts, shared with the verifier page): signer.pub,
 * the SSHSIG signature over the tag manifest, bundle.json against bag-info,
 * its attachments and the records' signed heads. Pure functions over what
 * the reader gathered; each problem is a `VerifyFailure` naming the file,
 * relative to the bag.
 */
import type { Bundle } from '../../../shared/model';
import { bagFiles, bundleNamespace, heldText, type BagContents } from '../../../shared/verify/bagChecks';
import { VerifyFailure } from '../../../shared/verify/verifyFailure';
import { signedHeadProblem } from '../disclosure';
import { parsePublicKeyLine, parseSshsig, verifySshsig, type SshPublicKey } from '../sshsig';

export * from '../../../shared/verify/bagChecks';

const files = bagFiles;

/** signer.pub: exactly one Ed25519 OpenSSH line. */
export function readSignerKey(bag: BagContents): SshPublicKey {
  const lines = heldText(bag, files.signerKey, 'signerKeyInvalid')
    .split(/\r\n|\n/)
    .filter((line) => line.trim() !== '');
  if (lines.length !== 1) throw new VerifyFailure('signerKeyInvalid', files.signerKey, { problem: 'notOneLine', lines: lines.length });
  const key = parsePublicKeyLine(lines[0]!);
  if (!key.ok) throw new VerifyFailure('signerKeyInvalid', files.signerKey, { problem: key.error });
  return key.value;
}

/** The SSHSIG over the tag manifest: in the "dalel-bundle" namespace, by signer.pub's key, valid. */
export function checkSignature(bag: BagContents, key: SshPublicKey): void {
  if (!bag.sizes.has(files.signature)) throw new VerifyFailure('signatureMissing', files.signature);
  const signature = parseSshsig(heldText(bag, files.signature, 'signatureMalformed'));
  if (!signature.ok) throw new VerifyFailure('signatureMalformed', files.signature, { problem: signature.error });
  const verified = verifySshsig(signature.value, bag.held.get(files.tagManifest)!, bundleNamespace, key.line);
  if (verified.ok) return;
  switch (verified.error) {
    case 'wrongNamespace':
      throw new VerifyFailure('signatureWrongNamespace', files.signature, { namespace: signature.value.namespace.toString('utf8') });
    case 'wrongKey':
      throw new VerifyFailure('signatureWrongKey', files.signature, { fingerprint: signature.value.signer.fingerprint });
    case 'badSignature':
      throw new VerifyFailure('signatureInvalid', files.signature);
    default:
      throw new VerifyFailure('signatureMalformed', files.signature, { problem: verified.error });
  }
}

/**
 * Format 2: every signed head is its author's, over this record, and the
 * record's fields are exactly the values it discloses (with a pseudonym at
 * most added), its `updatedAt` the time the author gave the head. Returns
 * how many records each author key signed.
 */
export function checkSignedHeads(bundle: Bundle): Map<string, number> {
  /** Records by the key line that signed their head. */
  const byAuthor = new Map<string, number>();
  bundle.records.forEach((record, index) => {
    if (!record.signedHead) return;
    const problem = signedHeadProblem(record.signedHead, record) ?? (record.updatedAt === record.signedHead.revision.createdAt ? null : 'updatedAtNotHead');
    if (problem) throw new VerifyFailure('signedHeadInvalid', files.bundleJson, { recordId: record.recordId, problem, path: `records.${index}` });
    const author = record.signedHead.revision.author;
    byAuthor.set(author, (byAuthor.get(author) ?? 0) + 1);
  });
  return byAuthor;
}
