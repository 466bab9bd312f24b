/**
 * Export: writes a signed evidence bundle (docs/spec/bundle-format.md) from an
 * open archive. Every evidence file is read once from the blob store and
 * hashed while it is zipped (stored as is when already compressed,
 * deflated when text); a public bundle's photos and videos go as copies
 * cleaned in memory (./evidenceFiles.ts). bundle.json, the report and the
 * CSVs follow the files, since they list what went in; the manifests,
 * bag-info and signature follow the payload, since they need its hashes. The ZIP is written beside
 * its destination and renamed into place only when whole: a failure or a
 * cancel leaves no partial file. It goes only into a folder that is already
 * there, never one made for it, and is hashed whole as it is written.
 */
import { createHash, createHmac, randomBytes, type Hash } from 'node:crypto';
import { access, stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { bagitDeclaration, writeBagInfo, writeManifest } from '../../../shared/bagit';
import { bundleFormat, illustrativeBagInfoLabel, illustrativeBagInfoValue, type Bundle, type BundleProfile, type SubmissionInput } from '../../../shared/model';
import { effectsCsv, incidentsCsv, interventionsCsv, renderReport, sourcesCsv, stopCsv } from '../../../shared/report';
import type { Archive } from '../archive';
import { writeStreamAtomic } from '../atomicFile';
import { EngineError, fromFsError } from '../errors';
import { SigningKey, fingerprintOfLine } from '../signingKey';
import { signSshsig } from '../sshsig';
import { bagFiles, bundleNamespace } from './bagChecks';
import { bundleContent } from './bundleContent';
import { submissionFor } from './submission';
import { checkBundleBudget, checkBundleJsonBytes } from './exportBudget';
import { cleanedCopy, originalCommitment, originalOutcome, planFor, withOutcomes, type FileOutcome } from './evidenceFiles';
import { namedReportPdf } from './reportPdf';
import { unCommunicationFor, unCommunicationPath } from './unCommunication';
import { verifyInstructions } from './verifyInstructions';
import { zipBytes, type ZipEntry } from './zipWriter';

export interface ExportOptions {
  out: string;
  profile: BundleProfile;
  language: 'en' | 'ru' | 'kk';
  /** `legal` only: the signer's name as chosen for lawyers (the archive's name when absent). */
  signerName?: string;
  /** Record ids to export; every record when absent. An incident brings its effects and their sources. */
  only?: readonly string[];
  /**
   * `legal` only: the submitter, the collector's declaration, the methodology
   * and domestic remedies (shared/model/submission.ts), written into
   * bundle.json and the report. Never kept anywhere else (./submission.ts).
   */
  submission?: SubmissionInput;
  /** "Dalel <version>" in bag-info. */
  softwareVersion: string;
  /** Leaves out the records of damaged record files (archive.problems), saying so; without it such an archive is not exported. */
  leaveOutDamaged?: boolean;
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
  profile: BundleProfile;
  /** What the profile left out, as bundle.json counts it. */
  withheld: Bundle['redactions'];
  /** Who signed: the archive's key, or a public bundle's own publication key. */
  fingerprint: string;
  /** The sha256 of the whole ZIP file as written (what `sha256sum` prints for it), for a covering letter. */
  sha256: string;
}

/** Media that is already compressed: stored as is, so a video is not deflated for nothing. */
const compressed = /^(image\/(jpeg|png|gif|webp|heic)|audio\/|video\/|application\/(pdf|zip))/;

export async function exportBundle(archive: Archive, options: ExportOptions): Promise<ExportResult> {
  // Before anything else: a submission asked for where it cannot go is refused with nothing written.
  const submission = submissionFor(options.profile, options.submission);
  const out = resolve(options.out);
  const folder = dirname(out);
  // SECURITY: a mistyped or unmounted destination (/media/stick/case.zip) must not have its folders made on the
  // laptop's own disk, leaving the bundle's names and statements there: only a folder that is there is written to.
  if (!(await isFolder(folder))) throw new EngineError('exportFolderMissing', { path: folder });
  if (await exists(out)) throw new EngineError('fileExists', { path: out });
  const now = new Date().toISOString();
  // SECURITY: a public bundle's time is the day alone (bundle.json, bag-info, the ZIP's entry times), so the
  // moment of export cannot be matched with the archive's log or another bundle.
  const createdAt = options.profile === 'public' ? `${now.slice(0, 10)}T00:00:00.000Z` : now;
  const bundleId = `dalel-${now.slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
  const status = archive.status();
  // SECURITY: a public bundle is signed by a key of its own, derived from the archive's key and the
  // bundle id, so nothing in it names the archive or ties it to the defender's other bundles; the
  // archive can derive the key again to prove authorship, if its owner ever chooses to.
  const publication = options.profile === 'public';
  const key = publication ? publicationKey(archive.key, bundleId) : archive.key;
  const signer = publication
    ? { name: '', organization: '', fingerprint: key.fingerprint }
    : { name: signerNameOf(options, status.name), organization: status.organization, fingerprint: key.fingerprint };
  const damaged = archive.problems.length;
  // SECURITY: a bundle that silently lacks a record reads as the whole truth; it must say what it could not carry.
  if (damaged && !options.leaveOutDamaged) throw new EngineError('damagedNotLeftOut', { count: damaged });
  const found = await bundleContent(archive, options, bundleId, createdAt, signer);
  const counted = damaged ? { ...found, redactions: { ...found.redactions, damagedLeftOut: damaged } } : found;
  const listed: Bundle = submission ? { ...counted, submission } : counted;
  // Before a file is written: a bundle beyond what any verifier takes would be refused unread.
  checkBundleBudget(listed);
  let bundle = listed;
  const files = new Map(listed.attachments.map((attachment) => [attachment.path, attachment.size]));
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
  /**
   * The evidence files first, since what goes in decides what bundle.json
   * lists: a public bundle's cleaned copies (made in memory, one at a time),
   * a legal bundle's originals read for a location as they pass.
   */
  async function* evidenceFiles(): AsyncGenerator<ZipEntry, Map<string, FileOutcome>, undefined> {
    const outcomes = new Map<string, FileOutcome>();
    const written = new Set<string>();
    for (const attachment of listed.attachments) {
      // A file listed for two records is in the bag once.
      if (outcomes.has(attachment.sha256)) continue;
      const plan = await planFor(archive, attachment, options.profile);
      if (plan.kind === 'withhold') {
        progress(attachment.size);
        outcomes.set(attachment.sha256, { kind: 'withheld' });
        continue;
      }
      if (plan.kind === 'clean') {
        const { outcome, bytes } = await cleanedCopy(archive, attachment, plan.mediaType, options.signal);
        progress(attachment.size);
        outcomes.set(attachment.sha256, outcome);
        // Two originals that differ only in their metadata give the same copy: in the bag once.
        const path = outcome.kind === 'cleaned' ? `data/attachments/${outcome.sha256}${extname(attachment.path)}` : null;
        if (path && !written.has(path)) payload.push(yield* add(path, bytes!, true));
        if (path) written.add(path);
        continue;
      }
      const held: Uint8Array[] | null = plan.read === 'metadata' ? [] : null;
      const source = held ? holding(archive.readBlob(attachment.sha256), held) : archive.readBlob(attachment.sha256);
      const stored = yield* add(`data/${attachment.path}`, source, compressed.test(attachment.mediaType));
      // The stored bytes must still be the bytes received; a difference is damage, never exported.
      if (stored.sha256 !== attachment.sha256) throw new EngineError('archiveDamaged', { path: archive.path, file: attachment.path });
      payload.push(stored);
      outcomes.set(attachment.sha256, await originalOutcome(plan, held && Buffer.concat(held), options.signal));
    }
    return outcomes;
  }

  async function* entries(): AsyncGenerator<ZipEntry, void, undefined> {
    options.onProgress?.(0, payloadBytes);
    const outcomes = yield* evidenceFiles();
    bundle = withOutcomes(listed, outcomes, (sha256) => originalCommitment(archive.key, bundleId, sha256));
    const bundleJson = text(`${JSON.stringify(bundle, null, 2)}\n`);
    checkBundleJsonBytes(bundleJson);
    payload.push(yield* add('data/bundle.json', bundleJson, false));
    // Authors' keys read as their fingerprints, as `ssh-keygen -l` and `dalel verify` print them.
    const report = renderReport(bundle, options.language, { fingerprintOf: fingerprintOfLine });
    payload.push(yield* add('data/report.html', text(report), false));
    const printedPdf = options.printPdf ? await options.printPdf(report, out) : null;
    const facts = { software: `Dalel ${options.softwareVersion}`, bundleId, language: options.language, createdAt };
    const pdf = printedPdf && (await namedReportPdf(printedPdf, facts));
    if (pdf) payload.push(yield* add('data/report.pdf', pdf, false));
    printed = pdf !== null;
    payload.push(yield* add('data/incidents.csv', text(incidentsCsv(bundle, options.language)), false));
    payload.push(yield* add('data/effects.csv', text(effectsCsv(bundle, options.language)), false));
    payload.push(yield* add('data/sources.csv', text(sourcesCsv(bundle, options.language)), false));
    payload.push(yield* add('data/stop.csv', text(stopCsv(bundle)), false));
    // Only a bundle that carries complaints, cases or communications has their table.
    const interventions = interventionsCsv(bundle, options.language);
    if (interventions !== null) payload.push(yield* add('data/interventions.csv', text(interventions), false));
    // A legal bundle alone: the draft communication to UN special procedures, naming only whom consent allows.
    const unDraft = unCommunicationFor(archive, bundle, options.language);
    if (unDraft !== null) payload.push(yield* add(unCommunicationPath, text(unDraft), false));

    // A bundle holding sample records says so where anyone opening it reads first; the verifier holds it to bundle.json.
    const illustrative = illustrativeBagInfoValue(bundle.records);
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
            ...(signer.organization ? ([['Source-Organization', signer.organization]] as [string, string][]) : []),
            ['Dalel-Format', String(bundleFormat)],
            ['Dalel-Profile', options.profile],
            ...(bundle.archiveId ? ([['Dalel-Archive-Id', bundle.archiveId]] as [string, string][]) : []),
            ['Dalel-Signer-Fingerprint', key.fingerprint],
            ['Dalel-Language', options.language],
            ...(illustrative ? ([[illustrativeBagInfoLabel, illustrative]] as [string, string][]) : []),
          ]),
        ),
      },
      { path: 'manifest-sha256.txt', bytes: text(writeManifest(payload)) },
      { path: 'VERIFY.txt', bytes: text(verifyInstructions(bundleId, key.fingerprint)) },
      { path: bagFiles.signerKey, bytes: text(`${key.publicLine} ${oneLine(signer.name) || (publication ? 'dalel-publication' : 'dalel')}\n`) },
    ];
    const tagHashes: HashedFile[] = [];
    for (const tag of tags) tagHashes.push(yield* add(tag.path, tag.bytes, false));
    const tagManifest = text(writeManifest(tagHashes));
    tagManifestSha256 = (yield* add('tagmanifest-sha256.txt', tagManifest, false)).sha256;
    yield* add('tagmanifest-sha256.txt.sig', text(await signSshsig(key, tagManifest, bundleNamespace)), false);
  }

  const whole = createHash('sha256');
  try {
    // A failure or a cancel anywhere in the entries ends the write, which removes the partial file. The folder is
    // not made: a stick unplugged since the check above fails the write instead of filling the mount point.
    await writeStreamAtomic(out, hashing(zipBytes(entries()), whole), { makeFolder: false });
  } catch (error) {
    if (options.signal?.aborted) throw new EngineError('cancelled');
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' && !(await isFolder(folder))) throw new EngineError('exportFolderMissing', { path: folder });
    throw fromFsError(error, out);
  }
  await archive.recordExport(publication ? `${bundleId} signed by publication key ${key.fingerprint}` : bundleId, tagManifestSha256);
  return {
    bundleId,
    path: out,
    files: payload.length,
    bytes: done,
    pdf: printed,
    profile: options.profile,
    withheld: bundle.redactions,
    fingerprint: key.fingerprint,
    sha256: whole.digest('hex'),
  };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (found) => found.isDirectory(),
    () => false,
  );
}

/**
 * The name a bundle gives its signer: for `legal`, the one chosen for
 * lawyers, or the archive's when that is blank. One line of printable text:
 * no control, line or direction-changing characters (which would make
 * signer.pub or the report read other than it is), at most 300 characters,
 * never cut inside a character.
 */
function signerNameOf(options: ExportOptions, archiveName: string): string {
  if (options.signerName !== undefined && options.profile !== 'legal') throw new EngineError('invalidRequest');
  const clean = (name: string) => [...oneLine(name.replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' '))].slice(0, 300).join('').trim();
  return clean(options.signerName ?? '') || clean(archiveName);
}

/** A public bundle's own signing key: the same for the same archive key and bundle id, and for no other. */
export function publicationKey(archiveKey: SigningKey, bundleId: string): SigningKey {
  const seed = createHmac('sha256', archiveKey.toPkcs8()).update(`dalel publication key v1\0${bundleId}`).digest();
  return SigningKey.fromSeed(seed);
}

/** The pieces of a stream, each also added to `hash` as it passes (before the writer has it: a piece never changes once given). */
async function* hashing(source: AsyncIterable<Uint8Array>, hash: Hash): AsyncGenerator<Uint8Array> {
  for await (const piece of source) {
    hash.update(piece);
    yield piece;
  }
}

/** The pieces of a stream, also kept in `held` as they pass. */
async function* holding(source: AsyncIterable<Uint8Array>, held: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for await (const piece of source) {
    held.push(piece);
    yield piece;
  }
}

/** Text for a one-line field: no line breaks. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

/** The file's extension for its name in the bag: lower case, letters and digits only, or none. */
