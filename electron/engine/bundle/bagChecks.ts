/**
 * The checks of a Dalel bag the engine runs beyond the BagIt ones
 * (shared/verify/bagChecks.ts, shared with the verifier page): signer.pub,
 * the SSHSIG signature over the tag manifest, bundle.json against bag-info,
 * its attachments and the records' signed heads. Pure functions over what
 * the reader gathered; each problem is a `VerifyFailure` naming the file,
 * relative to the bag.
 */
import { bareMediaType, carriesMediaMetadata, type Bundle } from '../../../shared/model';
import { bagFiles, bundleNamespace, heldText, type BagContents } from '../../../shared/verify/bagChecks';
import { VerifyFailure } from '../../../shared/verify/verifyFailure';
import { signedHeadProblem } from '../disclosure';
import { sniff } from '../media/sniff';
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
 * Every listed attachment is there as listed, and every file in
 * data/attachments/ is named by its sha256; in a format 2 `public` bundle,
 * no photo, video or recording but a cleaned copy. Returns how many files.
 */
export function checkAttachments(bag: BagContents, bundle: Bundle): number {
  const paths = new Set<string>();
  const published = bundle.format === 2 && bundle.profile === 'public';
  for (const attachment of bundle.attachments) {
    const path = `data/${attachment.path}`;
    const size = bag.sizes.get(path);
    if (size === undefined) throw new VerifyFailure('attachmentMissing', path, { recordId: attachment.recordId });
    const actual = bag.hashes.get(path)!;
    if (actual !== attachment.sha256 || size !== attachment.size) {
      throw new VerifyFailure('attachmentHashMismatch', path, { expected: attachment.sha256, actual, size });
    }
    // SECURITY: judged as the export judges it, by the file's first bytes whatever its name, and by its media type.
    if (published && !attachment.cleaned && mayHoldMediaMetadata(attachment.mediaType, bag.heads.get(path))) {
      throw new VerifyFailure('uncleanedMedia', path, { recordId: attachment.recordId, mediaType: attachment.mediaType });
    }
    paths.add(path);
  }
  // A reader trusts a file's name to be its hash, listed or not.
  for (const path of bag.sizes.keys()) {
    if (!path.startsWith('data/attachments/')) continue;
    const named = /^data\/attachments\/([0-9a-f]{64})(\.[a-z0-9]{1,10})?$/.exec(path)?.[1];
    const actual = bag.hashes.get(path)!;
    if (named !== actual) throw new VerifyFailure('attachmentHashMismatch', path, { expected: named ?? '', actual });
  }
  return paths.size;
}

/** A photo, video or recording by its first bytes or its media type, or a file of no known kind: a public bundle carries none but a cleaned copy. */
function mayHoldMediaMetadata(mediaType: string, head: Uint8Array | undefined): boolean {
  if (!head || sniff(head).kind !== 'other') return true;
  return carriesMediaMetadata(mediaType) || bareMediaType(mediaType) === 'application/octet-stream';
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
