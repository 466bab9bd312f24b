/**
 * The verifier page's check of a dropped bundle: the check of `dalel verify`
 * (shared/verify/bagVerification.ts, the same steps in the same order,
 * through the same checks) with the browser's own reader (zipFile.ts) and
 * cryptography (webCrypto.ts). It checks bundle.json and the evidence
 * files against its list; the records' own signatures, their revisions and
 * custody, a proof of time and a countersignature are left to `dalel
 * verify`, and the report says so (`notChecked`). Never throws on a bad bundle.
 */
import type { VerifyReport } from '../../shared/bagit';
import type { Bundle } from '../../shared/model';
import { bagFiles, bundleNamespace, checkAttachments, heldText, payloadTotals } from '../../shared/verify/bagChecks';
import { BagVerification, type BagCheckOptions, type BagZip, type Sha256, type SignerKey } from '../../shared/verify/bagVerification';
import { bundleLimits } from '../../shared/verify/limits';
import { sameBytes } from '../../shared/verify/bytes';
import { readSshsig, SshsigRejection, wireKeyFromLine, type WireKey } from '../../shared/verify/sshsigWire';
import { VerifyFailure } from '../../shared/verify/verifyFailure';
import { fingerprintOf, sha256Hasher, verifySshsig } from './webCrypto';
import { ZipFile, type ZipItem } from './zipFile';

/** What `dalel verify` checks beyond this page, when the bundle calls for it. */
export type NotChecked = 'records' | 'timestamp' | 'countersignature';

export interface PageReport extends VerifyReport {
  notChecked: NotChecked[];
}

const decoder = new TextDecoder();


class PageVerification extends BagVerification<ZipItem, PageReport> {
  constructor(
    private readonly file: Blob,
    options: BagCheckOptions,
  ) {
    super({ valid: false, checks: [], notChecked: [] }, bundleLimits, options);
  }

  protected async openZip(): Promise<BagZip<ZipItem>> {
    let zip: ZipFile;
    try {
      zip = await ZipFile.open(this.file);
    } catch (error) {
      if (error instanceof VerifyFailure) throw error;
      throw new VerifyFailure('fileUnreadable', undefined, { code: error instanceof Error ? error.name : 'unknown' });
    }
    const items = await zip.readDirectory(this.limits);
    await zip.checkLocalHeaders(items, this.options.signal);
    return { items, entryBytes: (item) => zip.entryBytes(item, this.options.signal), close: () => {} };
  }

  protected sha256(): Sha256 {
    return sha256Hasher();
  }

  /** signer.pub: one Ed25519 line; the SSHSIG over the tag manifest by that key, in the bundles' namespace: as bagChecks.ts in the engine. */
  protected async checkSignature(): Promise<SignerKey> {
    const lines = heldText(this, bagFiles.signerKey, 'signerKeyInvalid')
      .split(/\r\n|\n/)
      .filter((line) => line.trim() !== '');
    if (lines.length !== 1) throw new VerifyFailure('signerKeyInvalid', bagFiles.signerKey, { problem: 'notOneLine', lines: lines.length });
    let key: WireKey;
    try {
      key = wireKeyFromLine(lines[0]!);
    } catch (error) {
      throw new VerifyFailure('signerKeyInvalid', bagFiles.signerKey, { problem: error instanceof SshsigRejection ? error.code : 'malformed' });
    }
    const signer = { fingerprint: fingerprintOf(key), line: lines[0]!.trim().split(/\s+/).slice(0, 2).join(' ') };
    this.report.signer = { fingerprint: signer.fingerprint, publicKey: signer.line, trustedAs: null };
    if (!this.sizes.has(bagFiles.signature)) throw new VerifyFailure('signatureMissing', bagFiles.signature);
    let signature;
    try {
      signature = readSshsig(heldText(this, bagFiles.signature, 'signatureMalformed'));
    } catch (error) {
      if (error instanceof VerifyFailure) throw error;
      throw new VerifyFailure('signatureMalformed', bagFiles.signature, { problem: error instanceof SshsigRejection ? error.code : 'malformed' });
    }
    const namespace = decoder.decode(signature.namespace);
    if (namespace !== bundleNamespace) throw new VerifyFailure('signatureWrongNamespace', bagFiles.signature, { namespace });
    if (!sameBytes(signature.signer.blob, key.blob)) throw new VerifyFailure('signatureWrongKey', bagFiles.signature, { fingerprint: fingerprintOf(signature.signer) });
    if (!(await verifySshsig(signature, this.held.get(bagFiles.tagManifest)!))) throw new VerifyFailure('signatureInvalid', bagFiles.signature);
    return signer;
  }

  protected override async afterPayload(bundle: Bundle): Promise<void> {
    const attachments = await this.step('attachments', () => checkAttachments(this, bundle));
    this.report.counts = { ...payloadTotals(this), records: bundle.records.length, attachments };
    this.report.notChecked = [
      ...(bundle.records.length > 0 ? (['records'] as const) : []),
      ...(this.sizes.has(bagFiles.timeStamp) ? (['timestamp'] as const) : []),
      ...(this.sizes.has(bagFiles.countersignature) ? (['countersignature'] as const) : []),
    ];
  }
}

export function checkBundle(file: Blob, options: BagCheckOptions = {}): Promise<PageReport> {
  return new PageVerification(file, options).run();
}
