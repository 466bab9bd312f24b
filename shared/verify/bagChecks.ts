/**
 * The BagIt checks of a Dalel bag once its entries are read (docs/spec/bundle-format.md):
 * the declared sizes, the BagIt declaration, bag-info, Payload-Oxum, both
 * manifests, the fingerprint bag-info declares, bundle.json against
 * bag-info, and the evidence files against bundle.json's list. Pure functions over what
 * a reader gathered (declared sizes, sha256 of every file, the bytes of the
 * few files held), run alike by `dalel verify` (electron/engine/bundle/verify.ts)
 * and the standalone verifier page (verifier/); each problem is a
 * `VerifyFailure` naming the file, relative to the bag.
 */
import {
  bagInfoValue,
  formatPayloadOxum,
  parseBagInfo,
  parseBagitDeclaration,
  parseManifest,
  parsePayloadOxum,
  type FailureReason,
} from '../bagit';
import { bareMediaType, bundleFormats, bundleLanguages, bundleProfiles, carriesMediaMetadata, illustrativeBagInfoLabel, illustrativeBagInfoValue, type Bundle } from '../model';
import { sniff, sniffSpan } from '../model/sniff';
import type { BundleLimits } from './limits';
import { strictUtf8 } from './text';
import { VerifyFailure } from './verifyFailure';
import { pathProblem } from './zipPaths';

export const bundleNamespace = 'dalel-bundle';

export const bagFiles = {
  declaration: 'bagit.txt',
  info: 'bag-info.txt',
  manifest: 'manifest-sha256.txt',
  tagManifest: 'tagmanifest-sha256.txt',
  signature: 'tagmanifest-sha256.txt.sig',
  /** An RFC 3161 time-stamp response over the tag manifest (timeStamp.ts): outside the tag manifest, like the signature. */
  timeStamp: 'tagmanifest-sha256.txt.tsr',
  /** A lawyer's detached CMS signature over the tag manifest (countersign.ts): outside the tag manifest too. */
  countersignature: 'tagmanifest-sha256.txt.p7s',
  signerKey: 'signer.pub',
  bundleJson: 'data/bundle.json',
} as const;

const files = bagFiles;
/** Without these there is nothing to check (a missing signature is reported by the signature check). */
export const requiredFiles = [files.declaration, files.info, files.manifest, files.tagManifest, files.signerKey, files.bundleJson];
/** The tag files read first, into memory: what the bag is and what signs it. Any other tag file is hashed once the tag manifest lists it. */
export const heldTagFiles = new Set<string>([files.declaration, files.info, files.manifest, files.tagManifest, files.signerKey, files.signature, files.timeStamp, files.countersignature]);
const requiredLabels = [
  'Bagging-Date',
  'Payload-Oxum',
  'External-Identifier',
  'Bag-Software-Agent',
  'Dalel-Profile',
  'Dalel-Signer-Fingerprint',
  'Dalel-Language',
] as const;

export const isPayload = (path: string) => path.startsWith('data/');

/** The most bytes of `path` that are held in memory: bundle.json and the tag files; other payload files are only hashed. */
export function byteBudget(path: string, limits: BundleLimits): number {
  if (path === files.bundleJson) return limits.maxBundleJsonBytes;
  if (isPayload(path)) return Infinity;
  return path === files.manifest || path === files.tagManifest ? limits.maxManifestBytes : limits.maxTagFileBytes;
}

/** What reading the bag gathered, by path in the bag. */
export interface BagContents {
  /** The bag's folder name. */
  top: string;
  /** Declared uncompressed sizes of every file (exact once read: the reader checks them). */
  sizes: ReadonlyMap<string, number>;
  /** sha256 of every file read so far. */
  hashes: ReadonlyMap<string, string>;
  /** The bytes of the held tag files and bundle.json. */
  held: ReadonlyMap<string, Uint8Array>;
  /** The first bytes of each evidence file of a `public` bundle, to tell what it is. */
  heads: ReadonlyMap<string, Uint8Array>;
}

export type BagInfo = readonly (readonly [string, string])[];

/**
 * bundle.json and each tag file within its budget, and the tag files within
 * theirs together, from the sizes the ZIP declares (the reader holds every
 * entry to its declared size): refused before anything is inflated.
 */
export function checkDeclaredSizes(bag: BagContents, limits: BundleLimits): void {
  let tagBytes = 0;
  for (const [path, size] of bag.sizes) {
    const limit = byteBudget(path, limits);
    if (size > limit) throw new VerifyFailure('fileTooLarge', path, { declared: size, limit });
    if (!isPayload(path)) tagBytes += size;
    if (tagBytes > limits.maxTagBytes) throw new VerifyFailure('tooLarge', path, { declared: tagBytes, limit: limits.maxTagBytes });
  }
}

const utf8 = strictUtf8;

export function heldText(bag: BagContents, path: string, reason: FailureReason): string {
  try {
    return utf8.decode(bag.held.get(path));
  } catch {
    throw new VerifyFailure(reason, path, { problem: 'notUtf8' });
  }
}

/** A required label's value, once `checkBagInfo` has passed. */
export const label = (info: BagInfo, name: string) => bagInfoValue(info, name) as string;

export function checkDeclaration(bag: BagContents): void {
  const parsed = parseBagitDeclaration(heldText(bag, files.declaration, 'badBagitDeclaration'));
  if (!parsed.ok) throw new VerifyFailure('badBagitDeclaration', files.declaration, { problem: parsed.error, line: parsed.line });
  const { version, encoding } = parsed.value;
  if (version !== '1.0' || encoding.toUpperCase() !== 'UTF-8') throw new VerifyFailure('badBagitDeclaration', files.declaration, { version, encoding });
}

export function readBagInfo(bag: BagContents): BagInfo {
  const parsed = parseBagInfo(heldText(bag, files.info, 'bagInfoInvalid'));
  if (!parsed.ok) throw new VerifyFailure('bagInfoInvalid', files.info, { problem: parsed.error, line: parsed.line });
  return parsed.value;
}

/**
 * Dalel-Format 1 or 2, every required field once and well formed, and the
 * bundle id the folder's name. Dalel-Archive-Id: in every format 1 bundle,
 * and in format 2 in every bundle but a `public` one, which must not have it.
 */
export function checkBagInfo(bag: BagContents, info: BagInfo): void {
  const format = bagInfoValue(info, 'Dalel-Format');
  if (format === 'repeated') throw new VerifyFailure('bagInfoInvalid', files.info, { label: 'Dalel-Format', problem: 'repeated' });
  if (!bundleFormats.map(String).includes(format ?? '')) throw new VerifyFailure('notADalelBundle', files.info, { label: 'Dalel-Format', value: format ?? '' });
  const archiveId = format === '1' || bagInfoValue(info, 'Dalel-Profile') !== 'public';
  for (const name of archiveId ? [...requiredLabels, 'Dalel-Archive-Id'] : requiredLabels) {
    const value = bagInfoValue(info, name);
    // SECURITY: a repeated field (two fingerprints, two ids) would let two readers see two bundles.
    if (value === null || value === 'repeated') throw new VerifyFailure('bagInfoInvalid', files.info, { label: name, problem: value ?? 'missing' });
  }
  const invalid = (name: string, problem: string) => new VerifyFailure('bagInfoInvalid', files.info, { label: name, problem });
  if (label(info, 'External-Identifier') !== bag.top) throw invalid('External-Identifier', 'doesNotMatchFolder');
  if (!(bundleProfiles as readonly string[]).includes(label(info, 'Dalel-Profile'))) throw invalid('Dalel-Profile', 'unknownValue');
  if (!(bundleLanguages as readonly string[]).includes(label(info, 'Dalel-Language'))) throw invalid('Dalel-Language', 'unknownValue');
  if (!parsePayloadOxum(label(info, 'Payload-Oxum'))) throw invalid('Payload-Oxum', 'malformed');
  if (!/^SHA256:[A-Za-z0-9+/]{43}$/.test(label(info, 'Dalel-Signer-Fingerprint'))) throw invalid('Dalel-Signer-Fingerprint', 'malformed');
  if (!archiveId && bagInfoValue(info, 'Dalel-Archive-Id') !== null) throw invalid('Dalel-Archive-Id', 'notAllowed');
}

/** The payload's files and bytes, as Payload-Oxum counts them. */
export function payloadTotals(bag: BagContents): { files: number; bytes: number } {
  let bytes = 0;
  let count = 0;
  for (const [path, size] of bag.sizes) {
    if (!isPayload(path)) continue;
    bytes += size;
    count += 1;
  }
  return { files: count, bytes };
}

export function checkOxum(bag: BagContents, info: BagInfo): void {
  const declared = label(info, 'Payload-Oxum');
  const oxum = parsePayloadOxum(declared)!;
  const actual = payloadTotals(bag);
  if (oxum.bytes !== actual.bytes || oxum.files !== actual.files) {
    throw new VerifyFailure('oxumMismatch', files.info, { declared, actual: formatPayloadOxum(actual.bytes, actual.files) });
  }
}

/** A manifest's lines by path, each a safe path on its side of data/. */
function readManifest(bag: BagContents, name: string, payload: boolean): Map<string, string> {
  const parsed = parseManifest(heldText(bag, name, 'manifestInvalid'));
  if (!parsed.ok) throw new VerifyFailure('manifestInvalid', name, { problem: parsed.error, line: parsed.line });
  const lines = new Map<string, string>();
  for (const { sha256, path } of parsed.value) {
    // SECURITY: `sha256sum -c` would read a listed "../x" or "/etc/x" outside the bag.
    const problem = pathProblem(path);
    if (problem) throw new VerifyFailure('unsafePath', path, { problem, manifest: name });
    if (isPayload(path) !== payload) throw new VerifyFailure('manifestInvalid', name, { problem: payload ? 'tagFileListed' : 'payloadListed', path });
    lines.set(path, sha256);
  }
  return lines;
}

/**
 * The tag manifest's lines, once every tag file but the tag manifest, its
 * signature, its time-stamp and its countersignature is listed and every listed file is there: judged by name alone,
 * so that a file the signature does not cover is never read.
 */
export function readTagManifest(bag: BagContents): Map<string, string> {
  const lines = readManifest(bag, files.tagManifest, false);
  for (const path of bag.sizes.keys()) {
    if (isPayload(path) || path === files.tagManifest || path === files.signature || path === files.timeStamp || path === files.countersignature) continue;
    if (!lines.has(path)) throw new VerifyFailure('tagFileNotInTagManifest', path);
  }
  for (const path of lines.keys()) {
    if (!bag.sizes.has(path)) throw new VerifyFailure('manifestFileMissing', path, { manifest: files.tagManifest });
  }
  return lines;
}

/** Every listed tag file, read by now, matches its line. */
export function checkTagManifest(bag: BagContents, lines: ReadonlyMap<string, string>): void {
  for (const [path, expected] of lines) {
    const actual = bag.hashes.get(path)!;
    if (actual !== expected) throw new VerifyFailure('hashMismatch', path, { expected, actual });
  }
}

/** Every manifest line names a file and every payload file has a line; returns the lines (path → sha256). */
export function checkCompleteness(bag: BagContents): Map<string, string> {
  const manifest = readManifest(bag, files.manifest, true);
  for (const path of manifest.keys()) {
    if (!bag.sizes.has(path)) throw new VerifyFailure('manifestFileMissing', path, { manifest: files.manifest });
  }
  for (const path of bag.sizes.keys()) {
    if (isPayload(path) && !manifest.has(path)) throw new VerifyFailure('payloadNotInManifest', path);
  }
  return manifest;
}

/** bag-info names the key that signed: `ssh-keygen -lf signer.pub` must print the fingerprint it declares. */
export function checkFingerprint(info: BagInfo, key: { fingerprint: string }): void {
  const declared = label(info, 'Dalel-Signer-Fingerprint');
  if (declared !== key.fingerprint) throw new VerifyFailure('fingerprintMismatch', files.info, { declared, actual: key.fingerprint });
}

/** bundle.json, read by bundleJson.ts, against what bag-info and the signature say. */
export function checkBundleJson(bag: BagContents, info: BagInfo, key: { fingerprint: string }, bundle: Bundle): void {
  const invalid = (path: string, detail: Record<string, string>) => new VerifyFailure('bundleJsonInvalid', files.bundleJson, { path, ...detail });
  const mustMatch: [string, string | undefined, string | undefined][] = [
    ['format', String(bundle.format), label(info, 'Dalel-Format')],
    ['bundleId', bundle.bundleId, bag.top],
    ['profile', bundle.profile, label(info, 'Dalel-Profile')],
    ['language', bundle.language, label(info, 'Dalel-Language')],
    ['archiveId', bundle.archiveId, bagInfoValue(info, 'Dalel-Archive-Id') ?? undefined],
    ['signer.fingerprint', bundle.signer.fingerprint, key.fingerprint],
    // SECURITY: bag-info says how many records are illustrative, not evidence, exactly as bundle.json's records are marked.
    ['records', illustrativeBagInfoValue(bundle.records) ?? undefined, bagInfoValue(info, illustrativeBagInfoLabel) ?? undefined],
  ];
  for (const [path, value, expected] of mustMatch) if (value !== expected) throw invalid(path, { problem: 'doesNotMatchBagInfo' });
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

/** How many first bytes of a payload file the attachments check needs: those of a public bundle's evidence files. */
export const headSpanOf = (profile: string | undefined, path: string) => (profile === 'public' && path.startsWith('data/attachments/') ? sniffSpan : 0);
