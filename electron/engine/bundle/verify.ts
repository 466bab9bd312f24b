/**
 * Checks an evidence bundle (docs/spec/bundle-format.md) as a receiver who trusts
 * nothing in it: the ZIP's structure and names, the BagIt bag, the SSHSIG
 * signature over the tag manifest, every payload byte against the manifest,
 * bundle.json against its schema and against itself (contentChecks.ts), and
 * its attachments against their names. The order of the steps and the
 * checks that need no Node are shared with the verifier page
 * (shared/verify/bagVerification.ts); this file adds the reader (yauzl),
 * Node's cryptography, and the steps only the engine takes.
 * Every size and count is held to a budget (shared/verify/limits.ts) before
 * the work it would cost, since anyone can sign a bundle with a key of their own.
 * It never writes to disk and never throws on a bad bundle: every outcome is
 * a `VerifyReport` that lists the checks run, in order, and names the first
 * failure.
 */
import { createHash } from 'node:crypto';
import type { TrustedKey, VerifyReport } from '../../../shared/bagit';
import { isIllustrative, type Bundle, type SignedRevision } from '../../../shared/model';
import { BagVerification, type BagZip, type Sha256, type SignerKey } from '../../../shared/verify/bagVerification';
import { bundleLimits, type BundleLimits } from '../../../shared/verify/limits';
import { VerifyFailure } from '../../../shared/verify/verifyFailure';
import { judgeIncomingRevisions } from '../merge/incoming';
import { fingerprintOfLine } from '../signingKey';
import { bagFiles, bundleNamespace, checkAttachments, checkSignature, checkSignedHeads, payloadTotals, readSignerKey } from './bagChecks';
import { checkCustody, checkRecordHeads, checkUnsignedHeads } from './contentChecks';
import { checkBagCountersignature } from './countersignatureCheck';
import { checkBagTimeStamp } from './timeStampCheck';
import { trustedName } from './trustedKeys';
import { checkLocalHeaders, entryBytes, openZip, readDirectory, type ZipBytes, type ZipItem } from './zipReader';

export { bundleNamespace } from './bagChecks';
export { parseTrustedKeys } from './trustedKeys';
export type { CheckId, FailureReason, TrustedKey, VerifyReport } from '../../../shared/bagit';

/** The budgets of limits.ts; a test may lower them. */
export type VerifyLimits = BundleLimits;
export const defaultVerifyLimits: VerifyLimits = bundleLimits;

export interface VerifyOptions {
  /** Keys the receiver trusts; a signer outside the list is reported (`trustedAs: null`), not rejected. */
  trusted?: readonly TrustedKey[];
  /**
   * A signer outside `trusted` is a failure (`signerNotTrusted`), found right
   * after the signature and before the payload is read: an import that did
   * not allow unknown signers.
   */
  requireTrusted?: boolean;
  /** Uncompressed bytes read so far, of all entries; (0, total) first and (total, total) last. */
  onProgress?(done: number, total: number): void;
  /** A PEM or DER file's bytes: the anchors a proof of time is judged against (`timestampAnchor`). */
  timestampAnchors?: Uint8Array;
  /** Likewise for a lawyer's countersignature (`countersignatureAnchor`). */
  countersignatureAnchors?: Uint8Array;
  /** Stops the check; the report's failure is then `cancelled`. */
  signal?: AbortSignal;
  limits?: Partial<VerifyLimits>;
}

export async function verifyBundle(zipPath: string | ZipBytes, options: VerifyOptions = {}): Promise<VerifyReport> {
  return (await verifyBundleContents(zipPath, options)).report;
}

export interface VerifiedContents {
  report: VerifyReport;
  /** bundle.json, parsed; only when the report says valid. */
  bundle?: Bundle;
  /** The sha256 of the signed tag manifest: what an exporter's custody line names. */
  tagManifestSha256?: string;
  /** `internal`: the records' revisions, each checked as import must (id, signature, schema). */
  revisions?: SignedRevision[];
}

/** The check, and for an import what it proved: bundle.json as read in that same pass. */
export async function verifyBundleContents(zipPath: string | ZipBytes, options: VerifyOptions = {}): Promise<VerifiedContents> {
  const verification = new Verification(zipPath, options);
  const report = await verification.run();
  if (!report.valid) return { report };
  return { report, bundle: verification.bundle!, tagManifestSha256: verification.hashes.get(bagFiles.tagManifest)!, revisions: verification.revisions };
}

/**
 * An internal bundle's revisions, checked one by one as an import checks
 * them: a forged one makes the bundle invalid. Then each record against its
 * revisions: it shows the fields of the head it names, one of its own.
 */
async function checkRevisions(bundle: Bundle): Promise<SignedRevision[]> {
  const judgement = await judgeIncomingRevisions(bundle.records.flatMap((record) => record.revisions ?? []));
  if (!judgement.ok) throw new VerifyFailure(judgement.problem, bagFiles.bundleJson, { recordId: judgement.recordId });
  checkRecordHeads(bundle);
  return judgement.revisions;
}

/** Format 2: every signed head checks, and (`legal`) the records without one are counted truly. */
function checkHeads(bundle: Bundle): Map<string, number> {
  const authors = checkSignedHeads(bundle);
  if (bundle.profile === 'legal') checkUnsignedHeads(bundle);
  return authors;
}

/** The ZIP through yauzl (zipReader.ts): its directory and local headers checked, then each entry's bytes. */
async function openBagZip(path: string | ZipBytes, limits: VerifyLimits, signal?: AbortSignal): Promise<BagZip<ZipItem>> {
  const opened = await openZip(path);
  const { zip } = opened;
  try {
    const { items, directoryStart } = await readDirectory(opened, limits);
    await checkLocalHeaders(opened, items, directoryStart, signal);
    return { items, entryBytes: (item) => entryBytes(zip, item, signal), close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}

const nodeSha256 = (): Sha256 => {
  const hash = createHash('sha256');
  return { update: (bytes) => void hash.update(bytes), hex: () => hash.digest('hex') };
};

/**
 * The check of shared/verify/bagVerification.ts with Node's reader and
 * cryptography, and the steps only the engine takes: the proof of time and
 * the countersignature (pkijs), trust, and, once bundle.json is read, the
 * records' signed heads, revisions, custody and attachments.
 */
class Verification extends BagVerification<ZipItem> {
  /** `internal`: every record's revisions, checked. */
  revisions: SignedRevision[] = [];
  /** Format 2: records by the key line that signed their head. */
  private authors = new Map<string, number>();

  constructor(
    private readonly path: string | ZipBytes,
    private readonly verifyOptions: VerifyOptions,
  ) {
    const limits = { ...defaultVerifyLimits, ...verifyOptions.limits };
    super({ valid: false, checks: [] }, limits, verifyOptions);
  }

  protected openZip(): Promise<BagZip<ZipItem>> {
    return openBagZip(this.path, this.limits, this.verifyOptions.signal);
  }

  protected sha256(): Sha256 {
    return nodeSha256();
  }

  /** Node's Buffer, unfilled: bundle.json can be hundreds of megabytes, each byte written at once. */
  protected override allocate(size: number): Uint8Array {
    return Buffer.allocUnsafe(size);
  }

  protected checkSignature(): SignerKey {
    const key = readSignerKey(this);
    this.report.signer = { fingerprint: key.fingerprint, publicKey: key.line, trustedAs: null };
    checkSignature(this, key);
    return key;
  }

  protected override async afterSignature(): Promise<void> {
    if (this.sizes.has(bagFiles.timeStamp)) this.report.timestamp = await this.step('timestamp', () => checkBagTimeStamp(this, this.verifyOptions.timestampAnchors));
    if (this.sizes.has(bagFiles.countersignature)) {
      this.report.countersignature = await this.step('countersignature', () => checkBagCountersignature(this, this.verifyOptions.countersignatureAnchors));
    }
    if (this.verifyOptions.requireTrusted) await this.step('trust', () => this.requireTrusted());
  }

  protected override async afterPayload(bundle: Bundle): Promise<void> {
    if (bundle.format === 2) this.authors = await this.step('signedHeads', () => checkHeads(bundle));
    if (bundle.profile === 'internal') this.revisions = await this.step('revisions', () => checkRevisions(bundle));
    await this.step('custody', () => checkCustody(bundle));
    const attachments = await this.step('attachments', () => checkAttachments(this, bundle));
    const illustrative = bundle.records.filter((record) => isIllustrative(record.data)).length;
    this.report.counts = { ...payloadTotals(this), records: bundle.records.length, attachments, ...(illustrative ? { illustrative } : {}) };
    this.checkTrust();
  }

  private requireTrusted(): void {
    if (trustedName(this.verifyOptions.trusted ?? [], this.key!.fingerprint, bundleNamespace) === null) {
      throw new VerifyFailure('signerNotTrusted', undefined, { fingerprint: this.key!.fingerprint });
    }
  }

  /** Never a failure here (see requireTrusted): the report says whether the receiver's list knows this key. */
  private checkTrust(): void {
    const trusted = this.verifyOptions.trusted ?? [];
    const trustedAs = trustedName(trusted, this.key!.fingerprint, bundleNamespace);
    this.report.signer = { fingerprint: this.key!.fingerprint, publicKey: this.key!.line, trustedAs };
    if (this.bundle?.format === 2 && this.bundle.profile === 'legal') {
      this.report.authors = [...this.authors].map(([line, records]) => {
        const fingerprint = fingerprintOfLine(line);
        return { fingerprint, trustedAs: trustedName(trusted, fingerprint, bundleNamespace), records };
      });
    }
    if (!this.verifyOptions.requireTrusted) this.report.checks.push({ id: 'trust', ok: trustedAs !== null });
    if (this.report.timestamp && this.verifyOptions.timestampAnchors) this.report.checks.push({ id: 'timestampAnchor', ok: this.report.timestamp.anchored === true });
    if (this.report.countersignature && this.verifyOptions.countersignatureAnchors) {
      this.report.checks.push({ id: 'countersignatureAnchor', ok: this.report.countersignature.anchored === true });
    }
  }
}
