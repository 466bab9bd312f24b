/**
 * The order of a bundle's check, shared by `dalel verify`
 * (electron/engine/bundle/verify.ts) and the verifier page
 * (verifier/src/checkBundle.ts): the ZIP and its names first, then
 * everything the small tag files can prove (declaration, bag-info,
 * Payload-Oxum, tag manifest, completeness, signature, fingerprint), and
 * only then the long read of the payload, so a forged or unsigned bundle is
 * refused before gigabytes are hashed. A tag file the tag manifest does not
 * list is refused by its name, never read.
 *
 * Each reader supplies the ZIP (`BagZip`), a SHA-256 and the signature
 * check; each adds its own steps after the fingerprint (`afterSignature`)
 * and after the payload (`afterPayload`). Each entry is read exactly once,
 * streamed and hashed in constant memory; only the tag files and
 * bundle.json are held. Never throws on a bad bundle: every outcome is a
 * report that lists the checks run, in order, and names the first failure.
 */
import type { CheckId, VerifyReport } from '../bagit';
import type { Bundle, BundleProfile } from '../model';
import {
  bagFiles,
  checkBagInfo,
  checkBundleJson,
  checkCompleteness,
  checkDeclaration,
  checkDeclaredSizes,
  checkFingerprint,
  checkOxum,
  checkTagManifest,
  headSpanOf,
  heldTagFiles,
  isPayload,
  readBagInfo,
  readTagManifest,
  requiredFiles,
  type BagContents,
  type BagInfo,
} from './bagChecks';
import { readBundleJson } from './bundleJson';
import type { BundleLimits } from './limits';
import { VerifyFailure } from './verifyFailure';
import { checkPaths } from './zipPaths';
import type { ZipName } from './zipEntries';

/** What the check needs of an AbortSignal (Node's and the browser's alike; shared/ is compiled without either's typings). */
export interface StopSignal {
  readonly aborted: boolean;
}

/** A ZIP as a reader opened it: its entries, checked (zipEntries.ts), and each entry's bytes, held to its size and CRC-32 (and stopped when the check is). */
export interface BagZip<Item extends ZipName> {
  items: readonly Item[];
  entryBytes(item: Item): AsyncIterable<Uint8Array>;
  close(): void;
}

export interface Sha256 {
  update(bytes: Uint8Array): void;
  hex(): string;
}

export interface BagCheckOptions {
  /** Uncompressed bytes read so far, of all entries; (0, total) first and (total, total) last. */
  onProgress?(done: number, total: number): void;
  signal?: StopSignal;
}

/** The key the signature check found in signer.pub. */
export interface SignerKey {
  fingerprint: string;
  /** "ssh-ed25519 AAAA…" without a comment. */
  line: string;
}

const progressStep = 4 * 2 ** 20;

export abstract class BagVerification<Item extends ZipName, Report extends VerifyReport = VerifyReport> implements BagContents {
  protected running: CheckId | null = null;
  protected zip: BagZip<Item> | null = null;
  protected files = new Map<string, Item>();
  top = '';
  readonly sizes = new Map<string, number>();
  readonly hashes = new Map<string, string>();
  readonly held = new Map<string, Uint8Array>();
  readonly heads = new Map<string, Uint8Array>();
  protected info: BagInfo = [];
  protected manifest = new Map<string, string>();
  protected key: SignerKey | null = null;
  bundle: Bundle | null = null;
  private done = 0;
  private total = 0;
  private reported = 0;

  protected constructor(
    protected readonly report: Report,
    protected readonly limits: BundleLimits,
    protected readonly options: BagCheckOptions,
  ) {}

  /** Opens the ZIP and checks its directory and local headers; a problem is a `VerifyFailure`. */
  protected abstract openZip(): Promise<BagZip<Item>>;
  protected abstract sha256(): Sha256;
  /** signer.pub and the SSHSIG over the tag manifest; returns the key. */
  protected abstract checkSignature(): Promise<SignerKey> | SignerKey;
  /** Steps of this reader's own between the signature and the payload (a proof of time, trust). */
  protected async afterSignature(): Promise<void> {}
  /** Steps of this reader's own once bundle.json is read; the report is valid when they pass. */
  protected async afterPayload(_bundle: Bundle): Promise<void> {}
  /** How many first bytes of a payload file to keep (`heads`): of a public bundle's evidence files, to tell what they are. */
  protected headSpan(path: string): number {
    return headSpanOf(this.report.profile, path);
  }
  protected allocate(size: number): Uint8Array {
    return new Uint8Array(size);
  }

  async run(): Promise<Report> {
    try {
      await this.step('zipStructure', async () => void (this.zip = await this.openZip()));
      await this.step('paths', () => this.checkNames());
      await this.step('tagFiles', () => this.readTagFiles());
      await this.step('bagitDeclaration', () => checkDeclaration(this));
      await this.step('bagInfo', () => this.checkBagInfo());
      await this.step('payloadOxum', () => checkOxum(this, this.info));
      await this.step('tagManifest', () => this.checkTagManifest());
      await this.step('completeness', () => void (this.manifest = checkCompleteness(this)));
      await this.step('signature', async () => void (this.key = await this.checkSignature()));
      await this.step('signerFingerprint', () => checkFingerprint(this.info, this.key!));
      await this.afterSignature();
      await this.step('payloadManifest', () => this.readPayload());
      this.bundle = await this.step('bundleJson', () => this.readBundleJson());
      await this.afterPayload(this.bundle);
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

  protected async step<T>(id: CheckId, check: () => T | Promise<T>): Promise<T> {
    if (this.options.signal?.aborted) throw new VerifyFailure('cancelled');
    this.running = id;
    const result = await check();
    this.report.checks.push({ id, ok: true });
    this.running = null;
    return result;
  }

  private checkNames(): void {
    const { top, files } = checkPaths(this.zip!.items);
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
   * one buffer of its declared size (checked against its budget already),
   * and its first bytes where the reader asks (`headSpan`).
   */
  protected async read(path: string, hold: boolean): Promise<void> {
    const item = this.files.get(path)!;
    const hash = this.sha256();
    const held = hold ? this.allocate(item.size) : null;
    const span = Math.min(this.headSpan(path), item.size);
    const head = span > 0 ? new Uint8Array(span) : null;
    let at = 0;
    // Each reader's entryBytes never yields past the declared size.
    for await (const chunk of this.zip!.entryBytes(item)) {
      hash.update(chunk);
      if (held) held.set(chunk, at);
      if (head && at < head.length) head.set(chunk.subarray(0, head.length - at), at);
      at += chunk.length;
      this.done += chunk.length;
      if (this.done - this.reported >= progressStep) {
        this.reported = this.done;
        this.options.onProgress?.(this.done, this.total);
      }
    }
    this.hashes.set(path, hash.hex());
    if (held) this.held.set(path, held);
    if (head) this.heads.set(path, head);
  }

  private async readTagFiles(): Promise<void> {
    for (const path of requiredFiles) if (!this.files.has(path)) throw new VerifyFailure('missingTagFile', path);
    checkDeclaredSizes(this, this.limits);
    for (const path of this.files.keys()) if (heldTagFiles.has(path)) await this.read(path, true);
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

  /** Any other tag file is read only once the tag manifest lists it. */
  private async checkTagManifest(): Promise<void> {
    const lines = readTagManifest(this);
    for (const path of lines.keys()) if (!this.hashes.has(path)) await this.read(path, false);
    checkTagManifest(this, lines);
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

  private readBundleJson(): Bundle {
    const bundle = readBundleJson(this.held, this.limits);
    checkBundleJson(this, this.info, this.key!, bundle);
    return bundle;
  }
}
