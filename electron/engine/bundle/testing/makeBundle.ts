/**
 * Test helper: builds evidence bundles from scratch, valid or deliberately
 * broken, without the exporter. `makeBag` lays out a signed BagIt bag (real
 * files, real manifests, a real SSHSIG by a `SigningKey`), with hooks to
 * change any step before what follows is hashed and signed; `writeZip`
 * writes any list of entries as raw ZIP bytes, with knobs for everything a
 * hostile archive does (names, attributes, flags, declared sizes, shared
 * data); `archiveZip` writes a bag with archiver, as the exporter does.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { deflateRawSync, crc32 } from 'node:zlib';
import { ZipArchive } from 'archiver';
import { bagitDeclaration, formatPayloadOxum, writeBagInfo, writeManifest, type ManifestEntry } from '../../../../shared/bagit';
import { Bundle } from '../../../../shared/model';
import { SigningKey } from '../../signingKey';
import { signSshsig } from '../../sshsig';
import { verifyInstructions } from '../verifyInstructions';

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const text = (value: string) => Buffer.from(value, 'utf8');

export interface BagOptions {
  /** The key named in signer.pub and bag-info (a new one when absent). */
  key?: SigningKey;
  /** Signs with this key instead of `key`. */
  signingKey?: SigningKey;
  namespace?: string;
  /** The folder name, "dalel-<yyyymmdd>-<8 hex>" when absent. */
  name?: string;
  /** Extra evidence files, beside the two every bag has. */
  attachments?: { bytes: Uint8Array; ext: string; mediaType?: string }[];
  /** Changes bundle.json's content before it is written (the default is checked against the schema). */
  bundle?(bundle: Record<string, unknown>): void;
  /** Changes the payload (path in the bag → bytes) before it is hashed. */
  payload?(files: Map<string, Uint8Array>): void;
  manifest?(entries: ManifestEntry[]): ManifestEntry[];
  bagInfo?(fields: [string, string][]): [string, string][];
  /** Changes the tag files (everything but the tag manifest and its signature) before they are hashed. */
  tags?(files: Map<string, Uint8Array>): void;
  tagManifest?(entries: ManifestEntry[]): ManifestEntry[];
}

export interface Bag {
  name: string;
  key: SigningKey;
  /** Path in the bag → bytes, in the order the exporter writes them (payload, tags, tag manifest, signature). */
  files: Map<string, Uint8Array>;
}

/** A valid signed bag, or a broken one by way of the hooks. */
/** An `internal` bag signed by `key` that carries these records (with their revisions) and no evidence files. */
export function internalBag(key: SigningKey, records: unknown[]): Promise<Bag> {
  return makeBag({
    key,
    bundle: (bundle) => Object.assign(bundle, { profile: 'internal', records, attachments: [] }),
    payload: (files) => {
      for (const path of [...files.keys()]) if (path.startsWith('data/attachments/')) files.delete(path);
    },
    bagInfo: (fields) => fields.map(([label, value]) => [label, label === 'Dalel-Profile' ? 'internal' : value] as [string, string]),
  });
}

export async function makeBag(options: BagOptions = {}): Promise<Bag> {
  const key = options.key ?? SigningKey.generate();
  const name = options.name ?? `dalel-20250105-${randomBytes(4).toString('hex')}`;
  const archiveId = randomUUID();
  const recordId = randomUUID();
  const evidence = [
    { bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(3000)]), ext: 'jpg', mediaType: 'image/jpeg' },
    { bytes: text('Свидетельство: связь отключили в 16:00. Куәлік.\n'), ext: 'txt', mediaType: 'text/plain' },
    ...(options.attachments ?? []),
  ];
  const bundle: Record<string, unknown> = {
    format: 1,
    profile: 'legal',
    bundleId: name,
    archiveId,
    createdAt: '2025-01-05T10:00:00.000Z',
    language: 'en',
    signer: { name: 'Aigerim', organization: 'Digital Rights KZ', fingerprint: key.fingerprint },
    records: [
      {
        recordId,
        type: 'incident',
        headId: sha256('head'),
        createdAt: '2025-01-05T09:00:00.000Z',
        updatedAt: '2025-01-05T09:30:00.000Z',
        retracted: false,
        data: { title: 'Mobile internet cut — Жаңаөзен' },
      },
    ],
    attachments: evidence.map((file, index) => ({
      sha256: sha256(file.bytes),
      size: file.bytes.length,
      mediaType: file.mediaType ?? 'application/octet-stream',
      originalName: `evidence ${index} — доказательство.${file.ext}`,
      addedAt: '2025-01-05T09:10:00.000Z',
      addedBy: key.fingerprint,
      recordId,
      description: '',
      sensitive: false,
      path: `attachments/${sha256(file.bytes)}.${file.ext}`,
    })),
    custody: [],
    redactions: { pseudonymized: 0, sourcesWithheld: 0, attachmentsWithheld: 0, confidentialTextWithheld: 0 },
  };
  if (options.bundle) options.bundle(bundle);
  else if (options.name === undefined) Bundle.parse(bundle);

  const payload = new Map<string, Uint8Array>([
    ['data/bundle.json', text(`${JSON.stringify(bundle, null, 2)}\n`)],
    ['data/report.html', text('<!doctype html><meta charset="utf-8"><title>Report</title><p>Жаңаөзен, 2022</p>\n')],
    ['data/incidents.csv', text('id,country,start\n1,KZ,2022-01-05\n')],
    ['data/effects.csv', text('id,incident,category\n')],
  ]);
  for (const file of evidence) payload.set(`data/attachments/${sha256(file.bytes)}.${file.ext}`, file.bytes);
  options.payload?.(payload);

  let manifest = [...payload].map(([path, bytes]) => ({ sha256: sha256(bytes), path }));
  if (options.manifest) manifest = options.manifest(manifest);
  let bagInfo: [string, string][] = [
    ['Bagging-Date', '2025-01-05'],
    ['Payload-Oxum', formatPayloadOxum([...payload.values()].reduce((sum, bytes) => sum + bytes.length, 0), payload.size)],
    ['External-Identifier', name],
    ['Bag-Software-Agent', 'Dalel 0.1.0'],
    ['Source-Organization', 'Digital Rights KZ'],
    ['Dalel-Format', '1'],
    ['Dalel-Profile', 'legal'],
    ['Dalel-Archive-Id', archiveId],
    ['Dalel-Signer-Fingerprint', key.fingerprint],
    ['Dalel-Language', 'en'],
  ];
  if (options.bagInfo) bagInfo = options.bagInfo(bagInfo);
  const tags = new Map<string, Uint8Array>([
    ['bagit.txt', text(bagitDeclaration)],
    ['bag-info.txt', text(writeBagInfo(bagInfo))],
    ['manifest-sha256.txt', text(writeManifest(manifest))],
    ['VERIFY.txt', text(verifyInstructions(name, key.fingerprint))],
    ['signer.pub', text(`${key.publicLine} Aigerim\n`)],
  ]);
  options.tags?.(tags);
  let tagManifest = [...tags].map(([path, bytes]) => ({ sha256: sha256(bytes), path }));
  if (options.tagManifest) tagManifest = options.tagManifest(tagManifest);
  const tagManifestBytes = text(writeManifest(tagManifest));
  const signature = await signSshsig(options.signingKey ?? key, tagManifestBytes, options.namespace ?? 'dalel-bundle');
  return {
    name,
    key,
    files: new Map([...payload, ...tags, ['tagmanifest-sha256.txt', tagManifestBytes], ['tagmanifest-sha256.txt.sig', text(signature)]]),
  };
}

/** One entry of a raw ZIP; every field a hostile archive might set is a knob. */
export interface ZipEntrySpec {
  name: string | Uint8Array;
  data?: Uint8Array;
  /** 0 stored, 8 deflated (the default), anything else as a raw number. */
  method?: number;
  /** The bytes written as the entry's data, instead of `data` stored or deflated. */
  rawData?: Uint8Array;
  /** Declared uncompressed size; `data`'s length when absent. */
  size?: number;
  crc?: number;
  /** General purpose flags; UTF-8 names (bit 11) when absent. */
  flags?: number;
  externalAttributes?: number;
  /** The local header's name, when it should differ from the central directory's. */
  localName?: string;
  extra?: Uint8Array;
  /** Points this central directory entry at an earlier entry's local header, writing no data of its own. */
  sameDataAs?: number;
  /** Bytes written before the local header, belonging to no entry. */
  padding?: Uint8Array;
  /** The local header's own flags, CRC-32 and sizes, where they should differ from the directory's. */
  local?: { flags?: number; crc?: number; compressedSize?: number; size?: number };
  /** Bytes written right after the data: a data descriptor (general purpose bit 3), or anything else. */
  after?: Uint8Array;
}

/** What the end of a raw ZIP holds beyond its directory and end record. */
export interface ZipEndSpec {
  /** Bytes between the central directory and the end records. */
  afterDirectory?: Uint8Array;
  /** Writes ZIP64 end records even for few entries, counting `count` there (the 32-bit count stays the true one). */
  zip64Count?: number;
}

const bytesOf = (name: string | Uint8Array) => (typeof name === 'string' ? Buffer.from(name, 'utf8') : Buffer.from(name));

/** Writes entries as a ZIP, byte by byte per APPNOTE (ZIP64 only for the count of entries, unless `end` asks). */
export function writeZip(entries: readonly ZipEntrySpec[], end: ZipEndSpec = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = bytesOf(entry.name);
    const data = Buffer.from(entry.data ?? new Uint8Array());
    const method = entry.method ?? 8;
    const written = entry.rawData ? Buffer.from(entry.rawData) : method === 8 ? deflateRawSync(data) : data;
    const crc = entry.crc ?? crc32(data);
    const size = entry.size ?? data.length;
    const flags = entry.flags ?? 0x800;
    const extra = Buffer.from(entry.extra ?? new Uint8Array());
    const directory = name.at(-1) === 0x2f;
    const attributes = entry.externalAttributes ?? (directory ? ((0o40755 << 16) | 0x10) >>> 0 : (0o100644 << 16) >>> 0);
    const fields = (header: Buffer, at: number, local: ZipEntrySpec['local'] = {}) => {
      header.writeUInt16LE(local.flags ?? flags, at);
      header.writeUInt16LE(method, at + 2);
      header.writeUInt16LE(0x5000, at + 4); // 10:00
      header.writeUInt16LE(((2025 - 1980) << 9) | (1 << 5) | 5, at + 6);
      header.writeUInt32LE((local.crc ?? crc) >>> 0, at + 8);
      header.writeUInt32LE(local.compressedSize ?? written.length, at + 12);
      header.writeUInt32LE(local.size ?? size, at + 16);
    };
    if (entry.padding && entry.sameDataAs === undefined) {
      parts.push(Buffer.from(entry.padding));
      offset += entry.padding.length;
    }
    let localOffset = offset;
    if (entry.sameDataAs !== undefined) {
      localOffset = offsets[entry.sameDataAs]!;
    } else {
      const localName = entry.localName === undefined ? name : bytesOf(entry.localName);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      fields(local, 6, entry.local);
      local.writeUInt16LE(localName.length, 26);
      local.writeUInt16LE(extra.length, 28);
      const after = Buffer.from(entry.after ?? new Uint8Array());
      parts.push(local, localName, extra, written, after);
      offset += local.length + localName.length + extra.length + written.length + after.length;
    }
    offsets.push(localOffset);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(0x031e, 4); // made by Unix, spec 3.0
    header.writeUInt16LE(20, 6);
    fields(header, 8);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(attributes, 38);
    header.writeUInt32LE(localOffset, 42);
    central.push(header, name, extra);
  }
  const directory = Buffer.concat([...central, Buffer.from(end.afterDirectory ?? new Uint8Array())]);
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  record.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  record.writeUInt32LE(directory.length - (end.afterDirectory?.length ?? 0), 12);
  record.writeUInt32LE(offset, 16);
  const zip64 = entries.length > 0xffff || end.zip64Count !== undefined;
  const directorySize = directory.length - (end.afterDirectory?.length ?? 0);
  return Buffer.concat([...parts, directory, ...(zip64 ? zip64End(end.zip64Count ?? entries.length, directorySize, offset) : []), record]);
}

/** The ZIP64 end record and its locator, which alone can count more than 65,535 entries. */
function zip64End(count: number, directorySize: number, directoryOffset: number): Buffer[] {
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
  locator.writeUInt32LE(1, 16);
  return [record, locator];
}

/** Evidence files stored as is, text deflated: as the exporter writes them. */
const storedAsIs = (path: string) => path.startsWith('data/attachments/') && !path.endsWith('.txt');

/** A bag's files as ZIP entries under its folder. */
export function bagEntries(bag: Bag): ZipEntrySpec[] {
  return [...bag.files].map(([path, data]) => ({ name: `${bag.name}/${path}`, data, method: storedAsIs(path) ? 0 : 8 }));
}

/** Writes a bag with archiver (data descriptors, as the exporter's ZIPs have). */
export async function archiveZip(bag: Bag, path: string): Promise<void> {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = createWriteStream(path);
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
    zip.on('error', reject);
  });
  zip.pipe(out);
  for (const [name, data] of bag.files) zip.append(Buffer.from(data), { name: `${bag.name}/${name}`, store: storedAsIs(name), date: new Date('2025-01-05T10:00:00Z') });
  await zip.finalize();
  await closed;
}
