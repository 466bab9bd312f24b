/**
 * Checks an evidence bundle (docs/spec/bundle-format.md) as a receiver who trusts
 * nothing in it: the ZIP's structure and names, the BagIt bag, the SSHSIG
 * signature over the tag manifest, every payload byte against the manifest,
 * bundle.json against its schema and against itself (contentChecks.ts), and
 * its attachments against their names.
 * Each ZIP entry is read exactly once, streamed and hashed in constant memory
 * (only the few tag files that describe the bag, and bundle.json, are held).
 * Every size and count is held to a budget (limits.ts) before the work it
 * would cost, since anyone can sign a bundle with a key of their own.
 * It never writes to disk and never throws on a bad bundle: every outcome is
 * a `VerifyReport` that lists the checks run, in order, and names the first
 * failure.
 *
 * Order: the ZIP and its names first, then everything the small tag files
 * can prove (declaration, bag-info, Payload-Oxum, tag manifest, completeness,
 * signature), and only then the long read of the payload, so a forged or
 * unsigned bundle is refused before gigabytes are hashed. A tag file the
 * tag manifest does not list is refused by its name, never read.
 */
import { createHash } from 'node:crypto';
import type { ZipFile } from 'yauzl';
import type { CheckId, TrustedKey, VerifyReport } from '../../../shared/bagit';
import type { Bundle, BundleProfile, SignedRevision } from '../../../shared/model';
import type { SshPublicKey } from '../sshsig';
import {
  bagFiles,
  bundleNamespace,
  checkAttachments,
  checkBagInfo,
  checkBundleJson,
  checkCompleteness,
  checkDeclaration,
  checkDeclaredSizes,
  checkFingerprint,
  checkOxum,
  checkSignature,
  checkSignedHeads,
  checkTagManifest,
  heldTagFiles,
  isPayload,
  payloadTotals,
  readBagInfo,
  readSignerKey,
  readTagManifest,
  requiredFiles,
  type BagContents,
  type BagInfo,
} from './bagChecks';
import { judgeIncomingRevisions } from '../merge/incoming';
import { fingerprintOfLine } from '../signingKey';
import { sniffSpan } from '../media/sniff';
import { readBundleJson } from './bundleJson';
import { checkCustody, checkRecordHeads, checkUnsignedHeads } from './contentChecks';
import { bundleLimits, type BundleLimits } from './limits';
import { checkBagCountersignature } from './countersignatureCheck';
import { checkBagTimeStamp } from './timeStampCheck';
import { trustedName } from './trustedKeys';
import { VerifyFailure } from './verifyFailure';
import { checkPaths } from './zipPaths';
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

const progressStep = 4 * 2 ** 20;

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

class Verification implements BagContents {
  private readonly report: VerifyReport = { valid: false, checks: [] };
  private readonly limits: VerifyLimits;
  private running: CheckId | null = null;
  private zip: ZipFile | null = null;
  /** The central directory, as read; its names are judged by the `paths` check. */
  private items: ZipItem[] = [];
  private files = new Map<string, ZipItem>();
  top = '';
  readonly sizes = new Map<string, number>();
  readonly hashes = new Map<string, string>();
  readonly held = new Map<string, Buffer>();
  readonly heads = new Map<string, Buffer>();
  private info: BagInfo = [];
  private manifest = new Map<string, string>();
  private key: SshPublicKey | null = null;
  bundle: Bundle | null = null;
  /** `internal`: every record's revisions, checked. */
  revisions: SignedRevision[] = [];
  /** Format 2: records by the key line that signed their head. */
  private authors = new Map<string, number>();
  private done = 0;
  private total = 0;
  private reported = 0;

  constructor(
    private readonly path: string | ZipBytes,
    private readonly options: VerifyOptions,
  ) {
    this.limits = { ...defaultVerifyLimits, ...options.limits };
  }

  async run(): Promise<VerifyReport> {
    try {
      await this.step('zipStructure', () => this.readStructure());
      await this.step('paths', () => this.checkNames());
      await this.step('tagFiles', () => this.readTagFiles());
      await this.step('bagitDeclaration', () => checkDeclaration(this));
      await this.step('bagInfo', () => this.checkBagInfo());
      await this.step('payloadOxum', () => checkOxum(this, this.info));
      await this.step('tagManifest', () => this.checkTagManifest());
      await this.step('completeness', () => void (this.manifest = checkCompleteness(this)));
      await this.step('signature', () => this.checkSignature());
      await this.step('signerFingerprint', () => checkFingerprint(this.info, this.key!));
      if (this.sizes.has(bagFiles.timeStamp)) this.report.timestamp = await this.step('timestamp', () => checkBagTimeStamp(this, this.options.timestampAnchors));
      if (this.sizes.has(bagFiles.countersignature)) {
        this.report.countersignature = await this.step('countersignature', () => checkBagCountersignature(this, this.options.countersignatureAnchors));
      }
      if (this.options.requireTrusted) await this.step('trust', () => this.requireTrusted());
      await this.step('payloadManifest', () => this.readPayload());
      const bundle = await this.step('bundleJson', () => this.readBundleJson());
      this.bundle = bundle;
      if (bundle.format === 2) this.authors = await this.step('signedHeads', () => checkHeads(bundle));
      if (bundle.profile === 'internal') this.revisions = await this.step('revisions', () => checkRevisions(bundle));
      await this.step('custody', () => checkCustody(bundle));
      const attachments = await this.step('attachments', () => checkAttachments(this, bundle));
      this.report.counts = { ...payloadTotals(this), records: bundle.records.length, attachments };
      this.checkTrust();
      this.report.valid = true;
    } catch (error) {
      const failure = error instanceof VerifyFailure ? error : new VerifyFailure('internalError', undefined, { message: String(error) });
      if (this.running && failure.reason !== 'cancelled') this.report.checks.push({ id: this.running, ok: false });
      this.report.failure = {
        reason: failure.reason,
        ...(failure.file === undefined ? {} : { file: failure.file }),
        ...(failure.detail === undefined ? {} : { detail: failure.detail }),
      };
    } finally {
      this.zip?.close();
    }
    return this.report;
  }

  private async step<T>(id: CheckId, check: () => T | Promise<T>): Promise<T> {
    if (this.options.signal?.aborted) throw new VerifyFailure('cancelled');
    this.running = id;
    const result = await check();
    this.report.checks.push({ id, ok: true });
    this.running = null;
    return result;
  }

  private async readStructure(): Promise<void> {
    this.zip = await openZip(this.path);
    const { items, directoryStart } = await readDirectory(this.zip, this.limits);
    await checkLocalHeaders(this.zip, items, directoryStart, this.options.signal);
    this.items = items;
  }

  private checkNames(): void {
    const { top, files } = checkPaths(this.items);
    this.top = top;
    this.files = files;
    for (const [path, item] of files) {
      this.sizes.set(path, item.size);
      this.total += item.size;
    }
    this.options.onProgress?.(0, this.total);
  }

  /**
   * Streams one entry, once: hashes it, and holds its bytes when asked, in
   * one buffer of its declared size (checked against its budget already).
   * Of an evidence file of a public bundle it keeps the first bytes, which
   * tell whether it is a photo, video or recording.
   */
  private async read(path: string, hold: boolean): Promise<void> {
    const item = this.files.get(path)!;
    const hash = createHash('sha256');
    const held = hold ? Buffer.allocUnsafe(item.size) : null;
    const head = this.report.profile === 'public' && path.startsWith('data/attachments/') ? Buffer.alloc(Math.min(sniffSpan, item.size)) : null;
    let at = 0;
    let headAt = 0;
    // entryBytes never yields past the declared size.
    for await (const chunk of entryBytes(this.zip!, item, this.options.signal)) {
      hash.update(chunk);
      at += held ? chunk.copy(held, at) : 0;
      if (head && headAt < head.length) headAt += chunk.copy(head, headAt);
      this.done += chunk.length;
      if (this.done - this.reported >= progressStep) {
        this.reported = this.done;
        this.options.onProgress?.(this.done, this.total);
      }
    }
    this.hashes.set(path, hash.digest('hex'));
    if (held) this.held.set(path, held);
    if (head) this.heads.set(path, head);
  }

  private async readTagFiles(): Promise<void> {
    for (const path of requiredFiles) if (!this.files.has(path)) throw new VerifyFailure('missingTagFile', path);
    checkDeclaredSizes(this, this.limits);
    for (const path of this.files.keys()) if (heldTagFiles.has(path)) await this.read(path, true);
  }

  /** Any other tag file is read only once the tag manifest lists it. */
  private async checkTagManifest(): Promise<void> {
    const lines = readTagManifest(this);
    for (const path of lines.keys()) if (!this.hashes.has(path)) await this.read(path, false);
    checkTagManifest(this, lines);
  }

  private checkBagInfo(): void {
    this.info = readBagInfo(this);
    const shown = new Map<string, string>();
    for (const [label, value] of this.info) shown.set(label, shown.has(label) ? `${shown.get(label)}\n${value}` : value);
    this.report.bagInfo = Object.fromEntries(shown);
    checkBagInfo(this, this.info);
    this.report.bundleId = this.top;
    this.report.profile = shown.get('Dalel-Profile') as BundleProfile;
  }

  private readBundleJson(): Bundle {
    const bundle = readBundleJson(this.held, this.limits);
    checkBundleJson(this, this.info, this.key!, bundle);
    return bundle;
  }

  private checkSignature(): void {
    this.key = readSignerKey(this);
    this.report.signer = { fingerprint: this.key.fingerprint, publicKey: this.key.line, trustedAs: null };
    checkSignature(this, this.key);
  }

  private async readPayload(): Promise<void> {
    for (const path of this.files.keys()) {
      if (!isPayload(path)) continue;
      await this.read(path, path === bagFiles.bundleJson);
      const expected = this.manifest.get(path)!;
      const actual = this.hashes.get(path)!;
      if (actual !== expected) throw new VerifyFailure('hashMismatch', path, { expected, actual });
    }
    this.options.onProgress?.(this.done, this.total);
  }

  private requireTrusted(): void {
    if (trustedName(this.options.trusted ?? [], this.key!.fingerprint, bundleNamespace) === null) {
      throw new VerifyFailure('signerNotTrusted', undefined, { fingerprint: this.key!.fingerprint });
    }
  }

  /** Never a failure here (see requireTrusted): the report says whether the receiver's list knows this key. */
  private checkTrust(): void {
    const trustedAs = trustedName(this.options.trusted ?? [], this.key!.fingerprint, bundleNamespace);
    this.report.signer = { fingerprint: this.key!.fingerprint, publicKey: this.key!.line, trustedAs };
    if (this.bundle?.format === 2 && this.bundle.profile === 'legal') {
      this.report.authors = [...this.authors].map(([line, records]) => {
        const fingerprint = fingerprintOfLine(line);
        return { fingerprint, trustedAs: trustedName(this.options.trusted ?? [], fingerprint, bundleNamespace), records };
      });
    }
    if (!this.options.requireTrusted) this.report.checks.push({ id: 'trust', ok: trustedAs !== null });
    if (this.report.timestamp && this.options.timestampAnchors) this.report.checks.push({ id: 'timestampAnchor', ok: this.report.timestamp.anchored === true });
    if (this.report.countersignature && this.options.countersignatureAnchors) {
      this.report.checks.push({ id: 'countersignatureAnchor', ok: this.report.countersignature.anchored === true });
    }
  }
}
