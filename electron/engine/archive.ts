/**
 * An open archive folder (DESIGN.md, "The archive on disk"): its manifest,
 * settings, signing key, custody log and records. Creating writes the
 * manifest last, so a folder without one is never taken for a whole archive.
 * Opening checks the structure and says what is wrong instead of crashing.
 * Writes are serialised; each save appends a revision, then its custody event.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { ArchiveStatus } from '../../shared/ipc';
import { describeIssues, recordSchemas, type RecordType, type SavableType } from '../../shared/model';
import { writeFileAtomic, ensureDir } from './atomicFile';
import { sha256Hex } from './canonical';
import { CustodyLog } from './custodyLog';
import { openDocument } from './documentAdapter';
import { EngineError, fromFsError } from './errors';
import { RecordStore, type RecordProblem } from './recordStore';
import { signRevision } from './revisions';
import { SigningKey } from './signingKey';
import { PlainStorage, type Storage } from './storage';

export const archiveFormat = 1;
const manifestFile = 'dalel-archive.json';

const Manifest = z.object({
  dalel: z.literal('archive'),
  format: z.number().int().positive(),
  archiveId: z.uuid(),
  createdAt: z.string(),
  encryption: z.null(),
});
type Manifest = z.infer<typeof Manifest>;

const Settings = z.object({ name: z.string(), organization: z.string(), country: z.string() });
type Settings = z.infer<typeof Settings>;

const KeyFile = z.object({ publicKey: z.string(), privateKey: z.base64() });

export interface SaveRequest {
  type: SavableType;
  recordId?: string;
  parent?: string;
  data: unknown;
}

export class Archive {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly manifest: Manifest,
    private readonly settings: Settings,
    readonly key: SigningKey,
    private readonly custody: CustodyLog,
    private readonly records: RecordStore,
    readonly problems: RecordProblem[],
  ) {}

  static async create(folder: string, options: { name: string; organization: string }): Promise<Archive> {
    const path = resolve(folder);
    if ((await entriesOf(path)).length > 0) throw new EngineError('archiveExists', { path });
    try {
      await ensureDir(path);
      const storage: Storage = new PlainStorage(path);
      const key = SigningKey.generate();
      const settings = await openDocument<Settings>(storage, 'settings.json', {
        name: options.name,
        organization: options.organization,
        country: 'KZ',
      });
      await settings.write();
      const keyFile = { publicKey: key.publicLine, privateKey: key.toPkcs8().toString('base64') };
      await storage.write('keys/signing.json', new TextEncoder().encode(JSON.stringify(keyFile)));
      const custody = await CustodyLog.open(storage);
      const manifest: Manifest = {
        dalel: 'archive',
        format: archiveFormat,
        archiveId: randomUUID(),
        createdAt: new Date().toISOString(),
        encryption: null,
      };
      await custody.append(key.fingerprint, 'archive_created', { note: manifest.archiveId });
      await writeFileAtomic(join(path, manifestFile), new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`));
    } catch (error) {
      throw fromFsError(error, path);
    }
    return Archive.open(path);
  }

  static async open(folder: string): Promise<Archive> {
    const path = resolve(folder);
    const manifest = await readManifest(path);
    const storage: Storage = new PlainStorage(path);
    const damaged = (file: string) => new EngineError('archiveDamaged', { path, file });
    const settings = await readJson(storage, 'settings.json', Settings).catch(() => null);
    if (!settings) throw damaged('settings.json');
    const keyFile = await readJson(storage, 'keys/signing.json', KeyFile).catch(() => null);
    let key: SigningKey;
    try {
      key = SigningKey.fromPkcs8(Buffer.from(keyFile?.privateKey ?? '', 'base64'));
      if (key.publicLine !== keyFile?.publicKey) throw new Error('key mismatch');
    } catch {
      throw damaged('keys/signing.json');
    }
    const custody = await CustodyLog.open(storage);
    const { store, problems } = await RecordStore.load(storage);
    return new Archive(path, manifest, settings, key, custody, store, problems);
  }

  status(): Extract<ArchiveStatus, { open: true }> {
    return {
      open: true,
      path: this.path,
      archiveId: this.manifest.archiveId,
      name: this.settings.name,
      organization: this.settings.organization,
      fingerprint: this.key.fingerprint,
      encrypted: false,
      problems: this.problems,
    };
  }

  listRecords(type: RecordType) {
    return this.records.list(type);
  }

  getRecord(recordId: string) {
    const record = this.records.get(recordId);
    if (!record) throw new EngineError('recordNotFound', { id: recordId });
    return record;
  }

  /** Validates and signs a new record or a new revision of one. */
  save(request: SaveRequest): Promise<{ recordId: string; revisionId: string }> {
    return this.serialised(async () => {
      const parsed = recordSchemas[request.type].safeParse(request.data);
      if (!parsed.success) throw new EngineError('invalidRecord', {}, describeIssues(parsed.error, request.data));
      const recordId = request.recordId ?? randomUUID();
      const parents = request.recordId ? [this.currentHead(request.recordId, request.type, request.parent)] : [];
      const signed = signRevision(this.key, { recordId, type: request.type, parents, data: parsed.data });
      await this.records.add(signed);
      await this.custody.append(this.key.fingerprint, 'record_saved', { recordId, revisionId: signed.id });
      return { recordId, revisionId: signed.id };
    });
  }

  /** Appends a tombstone; every earlier revision stays. */
  retract(request: { recordId: string; parent: string; reason: string }) {
    return this.serialised(async () => {
      const type = this.records.typeOf(request.recordId);
      if (!type) throw new EngineError('recordNotFound', { id: request.recordId });
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

  /** sha256 over the sorted revision ids (and, later, attachment hashes): spec/cli.md state-hash. */
  stateHash(): string {
    const lines = this.records.revisionIds().map((id) => `revision ${id}\n`);
    return sha256Hex(lines.sort().join(''));
  }

  /** The one head an edit may start from; refuses stale, retracted or mistyped edits. */
  private currentHead(recordId: string, type: RecordType, parent: string | undefined): string {
    const actualType = this.records.typeOf(recordId);
    if (!actualType) throw new EngineError('recordNotFound', { id: recordId });
    if (actualType !== type) throw new EngineError('unsupportedType', { type });
    const heads = this.records.heads(recordId);
    if (heads.some((head) => head.revision.data === null)) throw new EngineError('recordRetracted');
    if (heads.length !== 1 || (parent !== undefined && heads[0]!.id !== parent)) {
      throw new EngineError('staleRevision');
    }
    return heads[0]!.id;
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

async function entriesOf(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new EngineError('archiveExists', { path });
    throw fromFsError(error, path);
  }
}

async function readManifest(path: string): Promise<Manifest> {
  try {
    if (!(await stat(path)).isDirectory()) throw new EngineError('notAnArchive', { path });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new EngineError('archiveNotFound', { path });
    throw fromFsError(error, path);
  }
  let text: string;
  try {
    text = await readFile(join(path, manifestFile), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fromFsError(error, path);
    const empty = (await entriesOf(path)).length === 0;
    throw new EngineError(empty ? 'archiveNotFound' : 'notAnArchive', { path });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EngineError('archiveDamaged', { path, file: manifestFile });
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > archiveFormat) {
    throw new EngineError('archiveTooNew', { version: format, supported: archiveFormat });
  }
  const parsed = Manifest.safeParse(value);
  if (!parsed.success) throw new EngineError('archiveDamaged', { path, file: manifestFile });
  return parsed.data;
}

async function readJson<T>(storage: Storage, file: string, schema: z.ZodType<T>): Promise<T | null> {
  const bytes = await storage.read(file);
  if (!bytes) return null;
  const parsed = schema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
  return parsed.success ? parsed.data : null;
}
