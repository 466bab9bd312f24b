/**
 * An open archive folder (docs/design.md, "The archive on disk"): its manifest,
 * settings, signing key, custody log and records. Creating writes the
 * manifest last, so a folder without one is never taken for a whole archive.
 * Opening checks the structure and says what is wrong instead of crashing.
 * Writes are serialised; each save appends a revision, then its custody event.
 */
import { randomUUID } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { rm, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { ArchiveStatus, Safety } from '../../shared/ipc';
import {
  describeIssues,
  recordSchemas,
  type Attachment,
  type FieldProblem,
  type ReceivedBundle,
  type TrustedSigner,
  type RecordType,
  type SavableType,
} from '../../shared/model';
import { unknownAreaCodes } from '../../shared/model/knownAreas';
import { AttachmentStore } from './attachmentStore';
import { BlobStore } from './blobStore';
import { mediaTypeOf } from './mediaType';
import { photoMetadataOf, photoMetadataSpan } from './photoMetadata';
import { ensureDir, quieten, sweepOrphanTemporaries } from './atomicFile';
import { lockArchive, type ArchiveLock, type LockHolder } from './archiveLock';
import { sha256Hex } from './canonical';
import { Keyring, deriveKek, unwrapDataKey } from './crypto/keyring';
import { CustodyAnchors, type CustodyAnchor } from './custodyAnchors';
import { CustodyLog, custodyFile } from './custodyLog';
import { DraftStore } from './drafts';
import type { TimeStamp } from './timestamp/token';
import { openDocument, readJson } from './documentAdapter';
import { EncryptedStorage } from './encryptedStorage';
import { encryptInPlace, recoverInterruptedEncryption } from './encryptInPlace';
import { assertWithdrawalsKept } from './consentWithdrawals';
import { assertIllustrativeKept } from './illustrativeMark';
import { EngineError, fromFsError } from './errors';
import { archiveFormat, defaultSafety, entriesOf, manifestOf, readManifest, readUnlockCounter, unlockCounterFile, writeManifest, writeUnlockFailures, type Encryption, type Manifest } from './manifest';
import { newEpoch, readVouched, tamperingSince, writeVouched, type Tampering, type Vouched } from './vouched';
import { ExchangeStore } from './exchangeStore';
import { verifyBundleContents, type VerifiedContents } from './bundle/verify';
import { importBundle, toTrustedKeys, type ImportOptions, type ImportOutcome, type MergeTarget } from './merge/importBundle';
import { journalPending, replayJournal } from './merge/journal';
import { readRecordSnapshot, writeRecordSnapshot } from './recordSnapshot';
import { mergeArchive, type MergeOptions, type MergeOutcome, type MergeSource } from './merge/mergeArchive';
import { importCsv, type CsvImportRequest, type CsvImportResult } from './csvImport/importCsv';
import { trustSigner, untrustSigner } from './merge/trust';
import { RecordStore, type RecordProblem } from './recordStore';
import { signRevision } from './revisions';
import { SigningKey } from './signingKey';
import type { Storage } from './storage';
import { resealArchive } from './reseal';
import { storageFor } from './sealing';
import { keyFilePath, readArchiveKey } from './archiveKey';
import { newSealing, protectDataKey, unlockDataKey } from './unlock';

/**
 * `vouched`: vouched.json has been written (sealed here, so that removing
 * that file is itself found). `archiveId`: an encrypted archive's id as
 * bundles and the app name it, sealed, never the manifest's (which a locked
 * folder shows, and which would tie it to every bundle it made).
 */
const Settings = z.object({
  name: z.string(),
  organization: z.string(),
  country: z.string(),
  vouched: z.literal(true).optional(),
  archiveId: z.uuid().optional(),
});
type Settings = z.infer<typeof Settings>;

/**
 * Record files read one by one or written after which the record snapshot
 * is rewritten (recordSnapshot.ts): 500, or 2% of the records in a large
 * archive, so that a defender saving into 100k records waits for a rewrite
 * (a second or two) once in 2000 saves, and an open reads at most 2000
 * record files besides the snapshot.
 */
const snapshotRefresh = (records: number) => Math.max(500, Math.ceil(records * 0.02));

export interface CreateOptions {
  name: string;
  organization: string;
  /** null: the explicit opt-out, an unencrypted archive. */
  passphrase: string | null;
  /** scrypt cost; only tests lower it. */
  scryptCost?: number;
  /** Who will hold the archive's lock (archiveLock.ts): named to a second writer. */
  holder?: LockHolder;
}

export interface SaveRequest {
  type: SavableType;
  recordId?: string;
  parent?: string;
  data: unknown;
}

export interface FileToAttach {
  path: string;
  description?: string;
  sensitive?: boolean;
}

/** What an attach may report to and be stopped by (the engine's task slot). */
export interface AttachHooks {
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

export class Archive {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly blobs: BlobStore;
  private readonly attachments: AttachmentStore;
  private readonly exchange: ExchangeStore;
  private readonly drafts: DraftStore;
  /** A committed import or merge whose journal is still to be applied (its apply failed, e.g. disk full). */
  private journalPending = false;
  /** Set once this object may no longer write: locked, or replaced by its encrypted self. */
  private retired = false;
  /** Whether opening started from the record snapshot (P5), or read every record file. */
  private openedFromSnapshot = false;
  /** This archive's lock between processes (archiveLock.ts); none for another's folder opened only to be read. */
  private lock: ArchiveLock | null = null;

  private constructor(
    readonly path: string,
    private manifest: Manifest,
    private readonly keyring: Keyring | null,
    private settings: Settings,
    readonly key: SigningKey,
    private readonly custody: CustodyLog,
    private readonly records: RecordStore,
    readonly problems: RecordProblem[],
    private readonly storage: Storage,
  ) {
    this.blobs = new BlobStore(storage);
    this.attachments = new AttachmentStore(storage);
    this.exchange = new ExchangeStore(storage, path);
    this.drafts = new DraftStore(storage, path);
  }

  static async create(folder: string, options: CreateOptions): Promise<Archive> {
    const path = resolve(folder);
    if ((await entriesOf(path)).length > 0) throw new EngineError('archiveExists', { path });
    const archiveId = randomUUID();
    const keyring = options.passphrase === null ? null : Keyring.generate();
    let lock: ArchiveLock | null = null;
    try {
      await ensureDir(path);
      lock = await lockArchive(path, options.holder ?? 'app');
      const encryption =
        keyring && options.passphrase !== null
          ? await newSealing(options.passphrase, keyring.dataKey, archiveId, options.scryptCost)
          : null;
      const storage = storageFor(path, encryption, keyring);
      if (storage instanceof EncryptedStorage) await storage.makePacks();
      const key = SigningKey.generate();
      const settings = await openDocument<Settings>(storage, 'settings.json', {
        name: options.name,
        organization: options.organization,
        country: 'KZ',
      });
      await settings.write();
      const keyFile = { publicKey: key.publicLine, privateKey: key.toPkcs8().toString('base64') };
      await storage.write(keyFilePath, new TextEncoder().encode(JSON.stringify(keyFile)));
      const custody = await CustodyLog.open(storage);
      await custody.append(key.fingerprint, 'archive_created', { note: archiveId });
      // The manifest is written last: a folder without one is never taken for a whole archive.
      await writeManifest(path, {
        dalel: 'archive',
        format: archiveFormat,
        archiveId,
        ...(encryption ? {} : { createdAt: new Date().toISOString() }),
        encryption,
        safety: defaultSafety,
      });
    } catch (error) {
      await lock?.release();
      throw fromFsError(error, path);
    }
    return Archive.whileLocked(lock, async () => {
      const archive = await Archive.openWith(path, (await readManifest(path))!, keyring);
      archive.lock = lock;
      await archive.checkVouched();
      return archive;
    });
  }

  /** Runs the rest of an open under the archive's lock, releasing it if the open fails. */
  private static async whileLocked(lock: ArchiveLock | null, open: () => Promise<Archive>): Promise<Archive> {
    try {
      return await open();
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  /**
   * Opens an archive; an encrypted one needs its passphrase (see unlock.ts
   * for wrong ones). `readOnly` (the other archive of a merge) accepts no
   * write and leaves no record snapshot behind: that folder is someone
   * else's, perhaps on a stick.
   */
  static async open(folder: string, passphrase?: string, options: { readOnly?: boolean; holder?: LockHolder } = {}): Promise<Archive> {
    const path = resolve(folder);
    await manifestOf(path);
    // Another's folder (a merge) is only read, and not locked: what an interrupted sealing left there, it reads around.
    const lock = options.readOnly ? null : await lockArchive(path, options.holder ?? 'app');
    return Archive.whileLocked(lock, async () => {
      // Read again under the lock: a writer that held it may have just changed it.
      const manifest = await manifestOf(path);
      if (!options.readOnly) await recoverInterruptedEncryption(path, manifest);
      const keyring = manifest.encryption ? new Keyring(await unlockDataKey(path, manifest, passphrase)) : null;
      // Writes killed before they finished leave temporary files; another's folder (a merge) is only read.
      if (!options.readOnly) await sweepOrphanTemporaries(path);
      const archive = await Archive.openWith(path, manifest, keyring, options.readOnly ?? false);
      archive.lock = lock;
      if (!options.readOnly) await archive.checkVouched();
      return archive;
    });
  }

  private static async openWith(path: string, manifest: Manifest, keyring: Keyring | null, readOnly = false): Promise<Archive> {
    const storage = storageFor(path, manifest.encryption, keyring);
    const damaged = (file: string) => new EngineError('archiveDamaged', { path, file });
    const settings = await readJson(storage, 'settings.json', Settings);
    if (!settings) throw damaged('settings.json');
    const key = await readArchiveKey(storage);
    if (!key) throw damaged(keyFilePath);
    // A trusted snapshot spares reading and checking every record file (P5); the log says which changed since.
    const snapshot = await readRecordSnapshot(storage, key);
    const custody = await CustodyLog.open(storage, snapshot?.custody);
    // SECURITY (layout 2): a log that stops at a frame failing authentication while shorter than the passphrase
    // vouched for is damaged or cut, not torn by a power cut. Refused, as layout 1 refuses a damaged line, so that
    // no append writes over what may still be recovered (crypto/sealedFrames.ts).
    if (storage instanceof EncryptedStorage && storage.stoppedEarly(custodyFile)) {
      const sealed = await readVouched(storage);
      if (!sealed || custody.length < sealed.custody.length) throw new EngineError('custodyBroken', { line: custody.length + 1 });
    }
    const seed = snapshot && custody.prefixMatched ? { documents: snapshot.documents, changed: custody.recordsNamedSince(snapshot.custody.length) } : undefined;
    const { store, problems } = await RecordStore.load(storage, seed);
    // A pack removed while locked is found even when a snapshot spared reading it.
    if (storage instanceof EncryptedStorage) {
      for (const file of await storage.missingPacks()) if (!problems.some((problem) => problem.file === file)) problems.push({ file, reason: 'unreadable' });
    }
    const archive = new Archive(path, manifest, keyring, settings, key, custody, store, problems, storage);
    archive.openedFromSnapshot = seed !== undefined;
    // An import or merge that a crash interrupted after its moment of change is finished first.
    await replayJournal(archive.mergeTarget(), path);
    archive.retired = readOnly;
    archive.queue = archive.refreshSnapshot();
    return archive;
  }

  /**
   * Rewrites the record snapshot once enough record files were read one by
   * one or written since the last (always inside the write queue, so that it
   * matches the custody log line for line). One started before close() is
   * waited for: a lock may take a second longer on a large archive, the next
   * open many seconds less. None starts once the archive is retired: after
   * encrypting in place it would land in plain text beside the sealed files.
   */
  private async refreshSnapshot(): Promise<void> {
    if (this.records.staleness < snapshotRefresh(this.records.size) || this.retired) return;
    try {
      await writeRecordSnapshot(this.storage, this.key, { custody: this.custody.prefix(), documents: this.records.snapshotDocuments() });
      this.records.markSnapshotted();
    } catch {
      // Only a cache (a full disk, keys wiped by a quick delete): the next open reads the record files.
    }
  }

  private mergeTarget(): MergeTarget {
    return {
      path: this.path,
      key: this.key,
      storage: this.storage,
      records: this.records,
      attachments: this.attachments,
      blobs: this.blobs,
      exchange: this.exchange,
      custody: this.custody,
    };
  }

  /**
   * Verifies a bundle and merges it (internal) or keeps it as received
   * evidence (legal, public); all or nothing. A bundle that does not verify
   * writes nothing: the outcome's report says why.
   */
  importBundle(zipPath: string, options: ImportOptions = {}): Promise<ImportOutcome> {
    return this.serialised(() => this.committing(() => importBundle(this.mergeTarget(), zipPath, options)));
  }

  /** Merges another archive, already opened, into this one; all or nothing. */
  mergeFrom(other: Archive, options: MergeOptions = {}): Promise<MergeOutcome> {
    return this.serialised(() => this.committing(() => mergeArchive(this.mergeTarget(), other.asMergeSource(), options)));
  }

  /** Reads a spreadsheet and adds its rows, all or nothing; a dry run only says what it would add (csvImport/importCsv.ts). */
  importCsv(request: CsvImportRequest): Promise<CsvImportResult> {
    return this.serialised(() => this.committing(() => importCsv(this.mergeTarget(), request)));
  }

  private asMergeSource(): MergeSource {
    return {
      path: this.path,
      archiveId: this.archiveId,
      name: this.settings.name,
      fingerprint: this.key.fingerprint,
      problems: this.problems,
      revisions: () => Object.values(this.records.recordSet()).flat(),
      recordsWithAttachments: () => this.attachments.recordIds(),
      listAttachments: (recordId) => this.attachments.list(recordId),
      readBlob: (sha256) => this.blobs.read(sha256),
    };
  }

  /** Signers whose bundles this archive's owner trusts. */
  trustedSigners(): Promise<TrustedSigner[]> {
    return this.exchange.trusted();
  }

  /** Redacted bundles kept as received evidence. */
  receivedBundles(): Promise<ReceivedBundle[]> {
    return this.exchange.received();
  }

  /**
   * A form's unsaved draft (drafts.ts); `recordChanged` when the record it
   * edits has another head than when the draft was saved. Refused once
   * locked: the keys are gone, and a draft is as private as a record.
   */
  async draft(key: string, recordId?: string): Promise<{ data: unknown; savedAt: string; recordChanged: boolean } | null> {
    if (this.retired) throw new EngineError('noArchive');
    const stored = await this.drafts.get(key);
    if (!stored) return null;
    const recordChanged = recordId !== undefined && stored.base !== undefined && stored.base.join() !== this.headIds(recordId).join();
    return { data: stored.data, savedAt: stored.savedAt, recordChanged };
  }

  /** Keeps a form's draft, in the write queue (so a lock waits for it rather than sealing with wiped keys). */
  saveDraft(key: string, data: unknown, recordId?: string): Promise<string> {
    return this.serialised(async () => {
      const savedAt = new Date().toISOString();
      await this.drafts.put(key, { data, savedAt, ...(recordId === undefined ? {} : { base: this.headIds(recordId) }) });
      return savedAt;
    });
  }

  discardDraft(key: string): Promise<boolean> {
    return this.serialised(() => this.drafts.remove(key));
  }

  private headIds(recordId: string): string[] {
    return this.records
      .heads(recordId)
      .map((head) => head.id)
      .sort();
  }

  /**
   * Checks a received bundle again, as kept in the blob store (nothing is
   * written out, even to a temporary file), against today's trusted
   * signers; with its content when it is still valid.
   */
  async recheckReceived(sha256: string): Promise<VerifiedContents> {
    const received = (await this.exchange.received()).find((bundle) => bundle.sha256 === sha256);
    if (!received) throw new EngineError('receivedNotFound');
    const trusted = toTrustedKeys(await this.exchange.trusted());
    return verifyBundleContents({ size: received.size, read: (start, end) => this.blobs.readRange(sha256, start, end) }, { trusted });
  }

  /** Adds a signer to the trusted list (an OpenSSH public key line); a listed key keeps its first name. */
  trust(publicKeyLine: string, name: string): Promise<TrustedSigner> {
    return this.serialised(() => this.committing(() => trustSigner(this.mergeTarget(), publicKeyLine, name)));
  }

  /** Takes a signer off the trusted list: its bundles are shown as from an unknown signer again. */
  untrust(fingerprint: string): Promise<{ removed: boolean }> {
    return this.serialised(() => this.committing(() => untrustSigner(this.mergeTarget(), fingerprint)));
  }

  /** A time-stamp request for the custody log's last line (custodyAnchors.ts): what was recorded up to now, provable later. */
  custodyAnchorRequest(): Promise<{ seq: number; request: Buffer }> {
    return this.serialised(async () => this.custodyAnchors().request());
  }

  /** Keeps an authority's answer to such a request, once checked against the log. */
  addCustodyAnchor(response: Uint8Array): Promise<CustodyAnchor & { stamp: TimeStamp }> {
    return this.serialised(() => this.custodyAnchors().add(response));
  }

  /** The custody log's proofs of time, each checked now (against `anchors`, a PEM or DER file's bytes, when given). */
  listCustodyAnchors(anchors?: Uint8Array): Promise<CustodyAnchor[]> {
    return this.custodyAnchors().list(anchors);
  }

  private custodyAnchors(): CustodyAnchors {
    return new CustodyAnchors(this.storage, this.custody, this.path);
  }

  /** Records with more than one head, until a person resolves them. */
  conflicts() {
    return this.records.conflicts();
  }

  /**
   * Resolves a conflict with a new revision whose parents are every head the
   * person saw, and whose fields they chose. Refused when the heads changed
   * in between (another import), or when the record is not in conflict.
   */
  resolveConflict(request: { recordId: string; heads: string[]; data: unknown; retraction?: { reason: string } }): Promise<{ recordId: string; revisionId: string }> {
    return this.serialised(async () => {
      const type = this.records.typeOf(request.recordId);
      if (!type) throw this.missing(request.recordId);
      const heads = this.records.heads(request.recordId).map((signed) => signed.id).sort();
      if (heads.length < 2) throw new EngineError('notInConflict');
      if (heads.join() !== [...request.heads].sort().join()) throw new EngineError('staleRevision');
      // Keeping a retraction resolves with a tombstone: the record stays retracted, every version in its history.
      const data = request.retraction ? null : this.validRecord(type as SavableType, request.data, request.recordId);
      // SECURITY: the version kept must carry every head's withdrawal of consent (a retraction publishes nothing).
      if (data) assertWithdrawalsKept(this.headData(request.recordId), data, true);
      // SECURITY: a sample record resolved into one version stays marked illustrative.
      if (data) assertIllustrativeKept(this.headData(request.recordId), data);
      const signed = signRevision(this.key, {
        recordId: request.recordId,
        type,
        parents: heads,
        data,
        ...(request.retraction ? { retraction: request.retraction } : {}),
      });
      await this.records.add(signed);
      await this.custody.append(this.key.fingerprint, 'conflict_resolved', { recordId: request.recordId, revisionId: signed.id });
      return { recordId: request.recordId, revisionId: signed.id };
    });
  }

  /** Runs a change that may commit a journal; if it committed but could not finish, later writes finish it first. */
  private async committing<T>(change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } catch (error) {
      this.journalPending = await journalPending(this.mergeTarget()).catch(() => true);
      throw error;
    }
  }

  /**
   * Forgets the keys (lock): the object must not be used afterwards. A write
   * already under way (an import being applied, a file being stored) is let
   * finish or roll back first: sealed with keys already wiped, its files
   * would be unreadable. Callers cancel long tasks before closing.
   */
  async close(): Promise<void> {
    this.retired = true;
    await this.queue;
    this.forgetKeys();
    await this.lock?.release();
    this.lock = null;
    // The lock's folder came and went: the archive folder's time says nothing of it (layout 2).
    if (this.manifest.encryption?.scheme === 'dalel-aes-256-gcm-2') await quieten([this.path]);
  }

  /** Wipes the keys at once, whatever is under way (quick delete: an emergency does not wait). */
  forgetKeys(): void {
    this.retired = true;
    // Every key the archive holds in a buffer; the signing key is Node's own KeyObject, dropped with the archive.
    this.keyring?.forget();
  }

  /** Resolves once no write is under way (the object accepts none after close or forgetKeys). */
  async settled(): Promise<void> {
    await this.queue;
  }

  /** How this archive's records were read on open: from the snapshot and the files changed since, or every file. */
  get recordsReadFrom(): 'snapshot' | 'files' {
    return this.openedFromSnapshot ? 'snapshot' : 'files';
  }

  /** False once closed, locked or deleted, and for an archive opened read-only: no work ahead of need is wanted for it. */
  get active(): boolean {
    return !this.retired;
  }

  get encrypted(): boolean {
    return this.manifest.encryption !== null;
  }

  get safety(): Safety {
    return this.manifest.safety;
  }

  async setSafety(safety: Safety): Promise<void> {
    const next = { ...this.manifest, safety };
    // The sealed copy first: a crash between the two is then found as a change, and the owner's choice kept.
    if (this.vouched) await this.vouch({ ...this.vouched, safety });
    await writeManifest(this.path, next);
    this.manifest = next;
    if (this.vouched) await this.keepCounter(this.vouched.counterEpoch);
  }

  /**
   * The archive's id as bundles, the app and the command name it: for an
   * encrypted archive, one sealed inside (the manifest's shows on a locked
   * folder); for an unencrypted one, whose folder shows everything, the manifest's.
   */
  get archiveId(): string {
    return (this.keyring && this.settings.archiveId) || this.manifest.archiveId;
  }

  /** What changed while this archive was locked, found by the unlock that opened it. */
  tampering: Tampering[] = [];
  private vouched: Vouched | null = null;

  private async vouch(vouched: Vouched): Promise<void> {
    await writeVouched(this.storage, vouched);
    this.vouched = vouched;
  }

  /**
   * SECURITY: compares what the passphrase vouches for (vouched.ts) with
   * what the folder says now, keeps what changed by name, and puts the
   * owner's safety settings back. Then vouches afresh: a new epoch for the
   * unlock counter (zero wrong tries), and the log's end after every append.
   */
  private async checkVouched(): Promise<void> {
    if (!this.keyring) return;
    const sealed = await readVouched(this.storage);
    const counter = await readUnlockCounter(this.path);
    const found = { safety: this.manifest.safety, counter, custodyHashAt: (index: number) => this.custody.hashAt(index) };
    this.tampering = tamperingSince(sealed, this.settings.vouched === true, found);
    if (sealed && this.tampering.includes('safetyChanged')) {
      this.manifest = { ...this.manifest, safety: sealed.safety };
      await writeManifest(this.path, this.manifest);
    }
    // Nothing to renew (no limit, so no counter; the log's end as sealed): opening writes nothing.
    const current = sealed && !this.tampering.length && !counter && this.manifest.safety.unlockAttemptLimit === null && sealed.custody.length === this.custody.length;
    if (current) this.vouched = sealed;
    else {
      const epoch = newEpoch();
      const custody = { length: this.custody.length, hash: this.custody.hashAt(this.custody.length - 1) ?? '' };
      await this.vouch({ safety: this.manifest.safety, counterEpoch: epoch, previousEpoch: counter?.epoch ?? null, custody });
      await this.keepCounter(epoch);
    }
    if (!this.settings.vouched || !this.settings.archiveId) {
      // SECURITY: an archive made before has named its bundles by the manifest's id; from now on they carry this one.
      this.settings = { ...this.settings, vouched: true, archiveId: this.settings.archiveId ?? randomUUID() };
      await this.storage.write('settings.json', new TextEncoder().encode(JSON.stringify(this.settings)));
    }
    this.custody.afterAppend = (length, hash) => this.vouch({ ...this.vouched!, custody: { length, hash } });
  }

  /** The unlock counter at zero with this epoch while a limit is set; no counter file at all otherwise. */
  private async keepCounter(epoch: string): Promise<void> {
    if (this.manifest.safety.unlockAttemptLimit !== null) await writeUnlockFailures(this.path, 0, epoch);
    else await rm(join(this.path, unlockCounterFile), { force: true });
  }

  /** Checks the current passphrase against the one that unlocked this archive; wrongPassphrase otherwise. */
  private async checkPassphrase(current: string): Promise<Encryption> {
    const { encryption } = this.manifest;
    if (!encryption || !this.keyring) throw new EngineError('notEncrypted');
    const kek = await deriveKek(current, encryption.kdf);
    const unwrapped = unwrapDataKey(kek, encryption.wrappedKey, this.manifest.archiveId);
    kek.fill(0);
    const right = unwrapped?.equals(this.keyring.dataKey) ?? false;
    unwrapped?.fill(0);
    if (!right) throw new EngineError('wrongPassphrase');
    return encryption;
  }

  /** Rewraps the data key under a new passphrase: one small file changes, no data is rewritten. */
  async changePassphrase(current: string, next: string, scryptCost?: number): Promise<void> {
    const encryption = await this.checkPassphrase(current);
    const manifest = {
      ...this.manifest,
      encryption: { ...encryption, ...(await protectDataKey(next, this.keyring!.dataKey, this.manifest.archiveId, scryptCost)) },
    };
    await writeManifest(this.path, manifest);
    this.manifest = manifest;
  }

  /**
   * Changes the passphrase and the data key: every file is sealed again
   * (reseal.ts), so that an old copy of the manifest and the old passphrase
   * open nothing written afterwards. The caller reopens the archive with
   * the new passphrase.
   */
  reseal(current: string, next: string, scryptCost?: number): Promise<void> {
    return this.serialised(async () => {
      await this.checkPassphrase(current);
      this.manifest = await resealArchive(this.path, this.manifest, this.keyring!, next, scryptCost);
      // Writes queued behind this one must not land in the folder that is now gone.
      this.retired = true;
    });
  }

  /** Encrypts this unencrypted archive in place; the caller reopens it with the passphrase. */
  encryptInPlace(passphrase: string, scryptCost?: number): Promise<void> {
    if (this.encrypted) throw new EngineError('alreadyEncrypted');
    return this.serialised(async () => {
      await encryptInPlace(this.path, this.manifest, passphrase, scryptCost);
      // Writes queued behind this one must not land in the plain files that are now gone.
      this.retired = true;
    });
  }

  status(): Extract<ArchiveStatus, { open: true }> {
    return {
      open: true,
      path: this.path,
      archiveId: this.archiveId,
      name: this.settings.name,
      organization: this.settings.organization,
      fingerprint: this.key.fingerprint,
      encrypted: this.encrypted,
      safety: this.manifest.safety,
      problems: this.problems,
      tampering: this.tampering,
      resealAdvised: this.manifest.encryption?.scheme === 'dalel-aes-256-gcm-1',
    };
  }

  listRecords(type: RecordType) {
    return this.records.list(type);
  }

  /** Calls `listener` with the id of every record saved, retracted, imported, merged or resolved from now on. */
  onRecordsChanged(listener: (recordId: string) => void): () => void {
    return this.records.onChange(listener);
  }

  getRecord(recordId: string) {
    const record = this.records.get(recordId);
    if (!record) throw this.missing(recordId);
    return record;
  }

  /** A record this archive does not hold: damaged (its file, or the pack that holds it, is among the problems), or not there. */
  private missing(recordId: string): EngineError {
    const shard = recordId.slice(0, 2);
    const damaged = this.problems.find((problem) => problem.file.includes(recordId) || problem.file === `packs/${shard}`);
    return damaged ? new EngineError('recordDamaged', { id: recordId, file: damaged.file }) : new EngineError('recordNotFound', { id: recordId });
  }

  /** The custody events of one record, oldest first. */
  custodyOf(recordId: string) {
    if (!this.records.has(recordId)) throw this.missing(recordId);
    return this.custody.eventsFor(recordId);
  }

  /** Every line of the custody log, oldest first (a copy: the log's own list keeps growing). */
  custodyLog() {
    return [...this.custody.all()];
  }

  listAttachments(recordId: string): Promise<Attachment[]> {
    return this.attachments.list(recordId);
  }

  /** The stored bytes of an evidence file, streamed. */
  readBlob(sha256: string): AsyncIterable<Uint8Array> {
    return this.blobs.read(sha256);
  }

  /** The first `bytes` bytes of an evidence file (fewer when it is shorter): enough to tell what it is. */
  async readBlobHead(sha256: string, bytes: number): Promise<Uint8Array> {
    const pieces: Uint8Array[] = [];
    for await (const piece of this.blobs.readRange(sha256, 0, bytes)) pieces.push(piece);
    return Buffer.concat(pieces).subarray(0, bytes);
  }

  /**
   * An evidence file as a record lists it, with a reader of any byte range
   * of its stored bytes (for previews); null when the record does not list it.
   */
  async evidence(
    recordId: string,
    sha256: string,
  ): Promise<{ attachment: Attachment; read(start: number, end: number): AsyncIterable<Uint8Array> } | null> {
    const attachment = (await this.attachments.list(recordId)).find((entry) => entry.sha256 === sha256);
    if (!attachment) return null;
    return { attachment, read: (start, end) => this.blobs.readRange(sha256, start, end) };
  }

  /**
   * Streams evidence files into the blob store and lists them on a record.
   * Returns one entry per file given, in order (an entry the record already
   * had is returned as it was first recorded). Progress counts the bytes of
   * both passes over every file; a cancel or a failure before the files are
   * listed takes back the files this call stored, so the archive is as before.
   */
  attach(recordId: string, files: FileToAttach[], hooks: AttachHooks = {}): Promise<Attachment[]> {
    return this.serialised(async () => {
      if (!this.records.has(recordId)) throw this.missing(recordId);
      const sizes = await Promise.all(files.map((file) => stat(file.path).then((found) => found.size, (error: unknown) => Promise.reject(fromFsError(error, file.path)))));
      const total = 2 * sizes.reduce((sum, size) => sum + size, 0);
      let done = 0;
      hooks.onProgress?.(0, total);
      const stored: string[] = [];
      const entries: Attachment[] = [];
      try {
        for (const [index, file] of files.entries()) {
          const before = done;
          const blob = await this.blobs.add(file.path, {
            signal: hooks.signal,
            onBytes: (count) => hooks.onProgress?.((done += count), total),
          });
          if (blob.added) stored.push(blob.sha256);
          // A file already stored skips the second pass: it counts as read all the same.
          done = before + 2 * (sizes[index] ?? blob.size);
          hooks.onProgress?.(Math.min(done, total), total);
          entries.push(await this.entryOf(recordId, file, blob));
        }
        if (hooks.signal?.aborted) throw new EngineError('cancelled');
      } catch (error) {
        // Nothing lists these files yet (adding is serialised, and they were not stored before): taking them back is safe.
        for (const sha256 of stored) await this.blobs.remove(sha256);
        throw error;
      }
      const added = await this.attachments.add(recordId, entries);
      for (const entry of added) {
        await this.custody.append(this.key.fingerprint, 'attachment_added', { recordId, hashes: [entry.sha256] });
      }
      const listed = new Map((await this.attachments.list(recordId)).map((entry) => [entry.sha256, entry]));
      return entries.map((entry) => listed.get(entry.sha256) ?? entry);
    });
  }

  private async entryOf(recordId: string, file: FileToAttach, blob: { sha256: string; size: number }): Promise<Attachment> {
    const originalName = basename(file.path);
    const mediaType = mediaTypeOf(originalName);
    const photo = mediaType.startsWith('image/') ? await this.photoMetadata(blob.sha256) : undefined;
    return {
      sha256: blob.sha256,
      size: blob.size,
      mediaType,
      originalName,
      ...(photo ? { photo } : {}),
      addedAt: new Date().toISOString(),
      addedBy: this.key.fingerprint,
      recordId,
      description: file.description ?? '',
      sensitive: file.sensitive ?? false,
    };
  }

  /**
   * Notes an export in the custody log: one line, naming the bundle and the
   * sha256 of its signed tag manifest, however many records it carried.
   */
  recordExport(bundleId: string, tagManifestSha256: string): Promise<void> {
    return this.serialised(async () => {
      await this.custody.append(this.key.fingerprint, 'bundle_exported', { note: bundleId, hashes: [tagManifestSha256] });
    });
  }

  /** A stored photo's capture time and camera, read from its own first bytes. */
  private async photoMetadata(sha256: string): Promise<Attachment['photo']> {
    const head: Uint8Array[] = [];
    for await (const piece of this.blobs.readRange(sha256, 0, photoMetadataSpan)) head.push(piece);
    return photoMetadataOf(Buffer.concat(head));
  }

  /** Validates and signs a new record or a new revision of one. */
  save(request: SaveRequest): Promise<{ recordId: string; revisionId: string }> {
    return this.serialised(async () => {
      const data = this.validRecord(request.type, request.data, request.recordId);
      const recordId = request.recordId ?? randomUUID();
      const parents = request.recordId ? [this.currentHead(request.recordId, request.type, request.parent)] : [];
      // SECURITY: a withdrawal of consent stays until the person is asked again, whoever saves (app, command).
      if (request.recordId) assertWithdrawalsKept(this.headData(request.recordId), data);
      // SECURITY: an illustrative record never passes for evidence after an edit, whoever saves.
      if (request.recordId) assertIllustrativeKept(this.headData(request.recordId), data);
      const signed = signRevision(this.key, { recordId, type: request.type, parents, data });
      await this.records.add(signed);
      await this.custody.append(this.key.fingerprint, 'record_saved', { recordId, revisionId: signed.id });
      return { recordId, revisionId: signed.id };
    });
  }

  /** Appends a tombstone; every earlier revision stays. */
  retract(request: { recordId: string; parent: string; reason: string }) {
    return this.serialised(async () => {
      const type = this.records.typeOf(request.recordId);
      if (!type) throw this.missing(request.recordId);
      const parent = this.currentHead(request.recordId, type, request.parent);
      const signed = signRevision(this.key, {
        recordId: request.recordId,
        type,
        parents: [parent],
        data: null,
        retraction: { reason: request.reason },
      });
      await this.records.add(signed);
      await this.custody.append(this.key.fingerprint, 'record_retracted', {
        recordId: request.recordId,
        revisionId: signed.id,
      });
      return { recordId: request.recordId, revisionId: signed.id };
    });
  }

  /** sha256 over the sorted revision ids and attachment hashes (docs/spec/cli.md, state-hash). */
  async stateHash(): Promise<string> {
    const lines = [
      ...this.records.revisionIds().map((id) => `revision ${id}\n`),
      ...(await this.attachments.allHashes()).map((sha256) => `attachment ${sha256}\n`),
    ];
    return sha256Hex(lines.sort().join(''));
  }

  /** The fields of a record to be signed, checked against its schema and this archive's records. */
  private validRecord(type: SavableType, input: unknown, recordId?: string): Record<string, unknown> {
    const parsed = recordSchemas[type].safeParse(input);
    if (!parsed.success) throw new EngineError('invalidRecord', {}, describeIssues(parsed.error, input));
    const data: Record<string, unknown> = { ...parsed.data };
    const dangling = this.danglingReferences(data, recordId);
    if (dangling.length) throw new EngineError('invalidRecord', {}, dangling);
    // A code is a place others will read by it: one the gazetteer does not hold is refused, never kept.
    const unknownAreas = unknownAreaCodes(data);
    if (unknownAreas.length) throw new EngineError('invalidRecord', {}, unknownAreas);
    // A source says who collected it: this archive's key, unless the source already names one.
    if (type === 'source' && !data.collectedBy) data.collectedBy = this.key.fingerprint;
    return data;
  }

  /** An effect's incident, an intervention's incidents and every listed source must be records of that type in this archive. */
  private danglingReferences(data: Record<string, unknown>, recordId?: string): FieldProblem[] {
    const problems: FieldProblem[] = [];
    // A link names another incident of this archive, never the incident itself.
    const links = Array.isArray(data.links) ? (data.links as { incident: string }[]) : [];
    links.forEach((link, index) => {
      const key = link.incident === recordId ? 'linkToItself' : this.records.typeOf(link.incident) !== 'incident' ? 'unknownIncident' : null;
      if (key) problems.push({ path: `links.${index}.incident`, key, params: {} });
    });
    if (typeof data.incident === 'string' && this.records.typeOf(data.incident) !== 'incident') {
      problems.push({ path: 'incident', key: 'unknownIncident', params: {} });
    }
    const incidents = Array.isArray(data.incidents) ? (data.incidents as string[]) : [];
    incidents.forEach((id, index) => {
      if (this.records.typeOf(id) !== 'incident') problems.push({ path: `incidents.${index}`, key: 'unknownIncident', params: {} });
    });
    const sources = Array.isArray(data.sources) ? (data.sources as string[]) : [];
    sources.forEach((id, index) => {
      if (this.records.typeOf(id) !== 'source') problems.push({ path: `sources.${index}`, key: 'unknownSource', params: {} });
    });
    return problems;
  }

  /** The one head an edit may start from; refuses stale, retracted or mistyped edits. */
  private currentHead(recordId: string, type: RecordType, parent: string | undefined): string {
    const actualType = this.records.typeOf(recordId);
    if (!actualType) throw this.missing(recordId);
    if (actualType !== type) throw new EngineError('recordTypeMismatch', { type });
    const heads = this.records.heads(recordId);
    if (heads.some((head) => head.revision.data === null)) throw new EngineError('recordRetracted');
    if (heads.length !== 1 || (parent !== undefined && heads[0]!.id !== parent)) {
      throw new EngineError('staleRevision');
    }
    return heads[0]!.id;
  }

  /** The fields of each current head of a record (a tombstone's are null). */
  private headData(recordId: string): unknown[] {
    return this.records.heads(recordId).map((head) => head.revision.data);
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const guarded = async () => {
      if (this.retired) throw new EngineError('noArchive');
      // This process was suspended longer than a lock lasts, and another took the archive over.
      if (this.lock && !this.lock.held) throw new EngineError('archiveInUse');
      // Before anything is written: another program (the command while the app is open) may have appended since.
      if (this.storage instanceof EncryptedStorage) await this.storage.assertLogUnchanged(custodyFile);
      if (this.journalPending) {
        // Nothing else may be written before the committed change is whole (its custody lines come first).
        await replayJournal(this.mergeTarget(), this.path);
        this.journalPending = false;
      }
      return work();
    };
    const run = this.queue.then(guarded, guarded);
    this.queue = run.catch(() => undefined).then(() => this.refreshSnapshot());
    return run;
  }
}
