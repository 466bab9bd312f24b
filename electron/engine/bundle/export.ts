/**
 * Export: writes a signed evidence bundle (spec/bundle-format.md) from an
 * open archive. Every evidence file is read once from the blob store and
 * hashed while it is zipped (stored as is when already compressed,
 * deflated when text); the manifests, bag-info and signature follow the
 * payload in the ZIP, since they need its hashes. The ZIP is written beside
 * its destination and renamed into place only when whole: a failure or a
 * cancel leaves no partial file.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { bagitDeclaration, writeBagInfo, writeManifest } from '../../../shared/bagit';
import {
  Bundle,
  bundleFormat,
  redact,
  selectRecords,
  type Attachment,
  type BundleAttachment,
  type BundleProfile,
  type BundleRecord,
  type CustodyEvent,
  type PolicyRecord,
  type RecordType,
} from '../../../shared/model';
import { effectsCsv, incidentsCsv, renderReport } from '../../../shared/report';
import type { Archive } from '../archive';
import { writeStreamAtomic } from '../atomicFile';
import { EngineError, fromFsError } from '../errors';
import { signSshsig } from '../sshsig';
import { bundleNamespace } from './bagChecks';
import { verifyInstructions } from './verifyInstructions';
import { zipBytes, type ZipEntry } from './zipWriter';

export interface ExportOptions {
  out: string;
  profile: BundleProfile;
  language: 'en' | 'ru' | 'kk';
  /** Record ids to export; every record when absent. An incident brings its effects and their sources. */
  only?: readonly string[];
  /** "Dalel <version>" in bag-info. */
  softwareVersion: string;
  /** Prints the HTML report to PDF, or gives null; without it the bundle has no report.pdf. */
  printPdf?: (html: string, outFile: string) => Promise<Uint8Array | null>;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

/** A file of the bag with its sha256 and size, for the manifests. */
interface HashedFile {
  path: string;
  sha256: string;
  size: number;
}

export interface ExportResult {
  bundleId: string;
  path: string;
  files: number;
  bytes: number;
  /** Whether data/report.pdf is in the bundle. */
  pdf: boolean;
}

/** Media that is already compressed: stored as is, so a video is not deflated for nothing. */
const compressed = /^(image\/(jpeg|png|gif|webp|heic)|audio\/|video\/|application\/(pdf|zip))/;

const recordTypes: readonly RecordType[] = ['incident', 'effect', 'source'];

export async function exportBundle(archive: Archive, options: ExportOptions): Promise<ExportResult> {
  const out = resolve(options.out);
  if (await exists(out)) throw new EngineError('fileExists', { path: out });
  const createdAt = new Date().toISOString();
  const bundleId = `dalel-${createdAt.slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
  const bundle = await bundleContent(archive, options, bundleId, createdAt);
  const files = new Map(bundle.attachments.map((attachment) => [attachment.path, attachment.size]));
  const payloadBytes = [...files.values()].reduce((sum, size) => sum + size, 0);

  const date = new Date(createdAt);
  const payload: HashedFile[] = [];
  let done = 0;
  const progress = (bytes: number) => {
    done += bytes;
    options.onProgress?.(done, payloadBytes);
  };

  /**
   * One entry of the bag, hashed while the ZIP writer reads it. The writer
   * asks for the next entry only once this one is written whole, so the
   * generator resumes here with the file's sha256 and size known.
   */
  function* add(path: string, source: AsyncIterable<Uint8Array> | Uint8Array, store: boolean): Generator<ZipEntry, HashedFile, undefined> {
    const file = { path, sha256: '', size: 0 };
    const hash = createHash('sha256');
    async function* read() {
      for await (const piece of source instanceof Uint8Array ? [source] : source) {
        options.signal?.throwIfAborted();
        hash.update(piece);
        file.size += piece.length;
        if (!(source instanceof Uint8Array)) progress(piece.length);
        yield piece;
      }
      file.sha256 = hash.digest('hex');
    }
    yield { name: `${bundleId}/${path}`, store, date, source: read() };
    return file;
  }

  let tagManifestSha256 = '';
  let printed = false;
  const text = (value: string) => new TextEncoder().encode(value);
  async function* entries(): AsyncGenerator<ZipEntry, void, undefined> {
    options.onProgress?.(0, payloadBytes);
    payload.push(yield* add('data/bundle.json', text(`${JSON.stringify(bundle, null, 2)}\n`), false));
    const report = renderReport(bundle, options.language);
    payload.push(yield* add('data/report.html', text(report), false));
    const pdf = options.printPdf ? await options.printPdf(report, out) : null;
    if (pdf) payload.push(yield* add('data/report.pdf', pdf, false));
    printed = pdf !== null;
    payload.push(yield* add('data/incidents.csv', text(incidentsCsv(bundle, options.language)), false));
    payload.push(yield* add('data/effects.csv', text(effectsCsv(bundle, options.language)), false));
    const inBag = new Set<string>();
    for (const attachment of bundle.attachments) {
      // A file listed for two records is in the bag once.
      if (inBag.has(attachment.path)) continue;
      inBag.add(attachment.path);
      const stored = yield* add(`data/${attachment.path}`, archive.readBlob(attachment.sha256), compressed.test(attachment.mediaType));
      // The stored bytes must still be the bytes received; a difference is damage, never exported.
      if (stored.sha256 !== attachment.sha256) throw new EngineError('archiveDamaged', { path: archive.path, file: attachment.path });
      payload.push(stored);
    }

    const { key } = archive;
    const status = archive.status();
    const tags: { path: string; bytes: Uint8Array }[] = [
      { path: 'bagit.txt', bytes: text(bagitDeclaration) },
      {
        path: 'bag-info.txt',
        bytes: text(
          writeBagInfo([
            ['Bagging-Date', createdAt.slice(0, 10)],
            ['Payload-Oxum', `${payload.reduce((sum, file) => sum + file.size, 0)}.${payload.length}`],
            ['External-Identifier', bundleId],
            ['Bag-Software-Agent', `Dalel ${options.softwareVersion}`],
            ...(status.organization ? ([['Source-Organization', status.organization]] as [string, string][]) : []),
            ['Dalel-Format', String(bundleFormat)],
            ['Dalel-Profile', options.profile],
            ['Dalel-Archive-Id', status.archiveId],
            ['Dalel-Signer-Fingerprint', key.fingerprint],
            ['Dalel-Language', options.language],
          ]),
        ),
      },
      { path: 'manifest-sha256.txt', bytes: text(writeManifest(payload)) },
      { path: 'VERIFY.txt', bytes: text(verifyInstructions(bundleId, key.fingerprint)) },
      { path: 'signer.pub', bytes: text(`${key.publicLine} ${oneLine(status.name) || 'dalel'}\n`) },
    ];
    const tagHashes: HashedFile[] = [];
    for (const tag of tags) tagHashes.push(yield* add(tag.path, tag.bytes, false));
    const tagManifest = text(writeManifest(tagHashes));
    tagManifestSha256 = (yield* add('tagmanifest-sha256.txt', tagManifest, false)).sha256;
    yield* add('tagmanifest-sha256.txt.sig', text(await signSshsig(key, tagManifest, bundleNamespace)), false);
  }

  try {
    // A failure or a cancel anywhere in the entries ends the write, which removes the partial file.
    await writeStreamAtomic(out, zipBytes(entries()));
  } catch (error) {
    if (options.signal?.aborted) throw new EngineError('cancelled');
    throw fromFsError(error, out);
  }
  await archive.recordExport(bundleId, tagManifestSha256);
  return { bundleId, path: out, files: payload.length, bytes: done, pdf: printed };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Text for a one-line field: no line breaks. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

/** The file's extension for its name in the bag: lower case, letters and digits only, or none. */
function extensionOf(originalName: string): string {
  const extension = extname(originalName).slice(1).toLowerCase();
  return /^[a-z0-9]{1,10}$/.test(extension) ? `.${extension}` : '';
}

/** bundle.json: the selected records as the profile allows, their files and their custody events. */
async function bundleContent(archive: Archive, options: ExportOptions, bundleId: string, createdAt: string): Promise<Bundle> {
  const summaries: PolicyRecord[] = recordTypes.flatMap((type) =>
    archive.listRecords(type).map((summary) => ({ ...summary, type: summary.type as PolicyRecord['type'] })),
  );
  const { selected, unknown } = selectRecords(summaries, options.only, options.profile);
  if (unknown.length) throw new EngineError('recordNotFound', { id: unknown[0]! });
  const details = selected.map(({ recordId }) => archive.getRecord(recordId));
  const attachments: Attachment[] = [];
  for (const { recordId } of selected) attachments.push(...(await archive.listAttachments(recordId)));
  const pseudonymKey = createHmac('sha256', archive.key.toPkcs8()).update('dalel pseudonyms v1').digest();
  const pseudonymOf = (recordId: string) => `P-${createHmac('sha256', pseudonymKey).update(recordId).digest('hex').slice(0, 8).toUpperCase()}`;
  const redacted = redact(options.profile, selected, attachments, pseudonymOf);

  const kept = new Map(redacted.records.map((record) => [record.recordId, record]));
  const records: BundleRecord[] = details
    .filter(({ summary }) => kept.has(summary.recordId))
    .map(({ summary, history }) => ({
      recordId: summary.recordId,
      type: summary.type,
      headId: summary.headId,
      createdAt: summary.createdAt,
      updatedAt: summary.updatedAt,
      retracted: summary.retracted,
      ...(options.profile === 'internal' ? { revisions: history } : {}),
      data: kept.get(summary.recordId)!.data,
    }));
  const keptHashes = new Set(redacted.files.map((attachment) => attachment.sha256));
  // One file attached to two records is in the bag once, and listed for each record.
  const bundleAttachments: BundleAttachment[] = redacted.files.map((attachment) => ({
    ...attachment,
    path: `attachments/${attachment.sha256}${extensionOf(attachment.originalName)}`,
  }));
  const custody: CustodyEvent[] = records
    .flatMap((record) => archive.custodyOf(record.recordId))
    // The hash of a withheld file stays out too: it could confirm a guess about what it holds.
    .filter((event) => event.action !== 'attachment_added' || (event.hashes ?? []).every((hash) => keptHashes.has(hash)))
    .sort((a, b) => a.seq - b.seq);
  const status = archive.status();
  return Bundle.parse({
    format: bundleFormat,
    profile: options.profile,
    bundleId,
    archiveId: status.archiveId,
    createdAt,
    language: options.language,
    signer: { name: status.name, organization: status.organization, fingerprint: archive.key.fingerprint },
    records,
    attachments: uniqueFiles(bundleAttachments),
    custody,
    redactions: redacted.redactions,
  });
}

/** Attachments with one entry per record and file, in a stable order. */
function uniqueFiles(attachments: BundleAttachment[]): BundleAttachment[] {
  const seen = new Set<string>();
  return attachments.filter((attachment) => {
    const key = `${attachment.recordId} ${attachment.sha256}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
