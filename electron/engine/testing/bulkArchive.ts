/**
 * Test-only: an archive holding many synthetic records, made in bulk
 * (docs/spec/performance.md P4, P8, and the bench), unencrypted or, given a
 * passphrase, encrypted. Saving through the engine fsyncs
 * every revision, far too slow for 100k records, so this creates the archive
 * with `Archive.create` and then writes each record's document
 * (records/<2 hex>/<id>.json, one signed revision) straight into the folder
 * as plain JSON without fsync, or sealed through EncryptedStorage in one
 * write of all its packs,
 * and one `record_saved` custody line per record, appended at the end in one
 * write, as the saves would have left them. `Archive.open` checks every
 * revision's id and signature and the whole log as usual. Never use it on a
 * real archive: it bypasses the engine's durability.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import {
  Effect,
  Incident,
  Source,
  effectCategories,
  gazetteers,
  incidentKinds,
  severities,
  sourceKinds,
  type EffectInput,
  type IncidentInput,
  type RecordType,
  type SourceInput,
} from '../../../shared/model';
import { Archive } from '../archive';
import { Keyring } from '../crypto/keyring';
import { CustodyLog, type CustodyFacts } from '../custodyLog';
import { storageFor } from '../sealing';
import { readManifest } from '../manifest';
import { unlockDataKey } from '../unlock';
import { signRevision } from '../revisions';
import type { SigningKey } from '../signingKey';

export interface BulkCounts {
  incidents: number;
  /** Effects, spread over the incidents. */
  effects?: number;
  /** Sources (a third of them testimonies with consent). */
  sources?: number;
}

export interface BulkArchive {
  path: string;
  incidentIds: string[];
  effectIds: string[];
  sourceIds: string[];
}

const places = ['Жаңаөзен', 'Атырау', 'Талдықорған', 'Kaskelen', 'Qonaev', 'Шымкент'];
const titleWords = [
  ['Mobile data cut', 'Отключение мобильного интернета', 'Ұялы интернет өшірілді'],
  ['Messengers blocked', 'Блокировка мессенджеров', 'Мессенджерлер бұғатталды'],
  ['Full network shutdown', 'Полное отключение сети', 'Желі толық өшірілді'],
  ['Bandwidth throttled', 'Замедление интернета', 'Интернет баяулатылды'],
];
const operators = ['Kcell', 'Beeline', 'Tele2', 'Kazakhtelecom', 'Altel'];
const summaries = [
  'Card payments failed across the city; pharmacies could not sell medicine.',
  'Банкоматы не работали, люди не могли связаться с родственниками.',
  'Отбасылар бір-бірімен хабарласа алмады, дәріханалар жабық болды.',
];

/** A small deterministic generator, so that two runs build the same archive. */
function generator(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A local time with a Kazakh offset, spread over 2019–2025. */
function timeOf(random: (below: number) => number, dayOffset = 0): string {
  const day = new Date(Date.UTC(2019, 0, 1) + (random(7 * 365) + dayOffset) * 86_400_000);
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T${pad(random(24))}:00+05:00`;
}

function incidentAt(index: number, random: (below: number) => number): IncidentInput {
  const areas = gazetteers.KZ ?? [];
  const words = titleWords[index % titleWords.length]!;
  const startedAt = timeOf(random);
  const lasting = random(10);
  return {
    title: `${words[random(3)]} #${index}`,
    summary: summaries[random(summaries.length)]!,
    areas: [{ code: areas[random(areas.length)]!.code }, ...(random(4) === 0 ? [{ place: places[random(places.length)]! }] : [])],
    scope: (['national', 'regional', 'local'] as const)[random(3)]!,
    kinds: [incidentKinds[random(incidentKinds.length)]!],
    operators: [operators[random(operators.length)]!],
    startedAt: { at: startedAt, precision: 'hour' },
    ...(lasting > 0 ? { endedAt: { at: timeOf(() => 0, dayDiff(startedAt) + lasting), precision: 'day' } } : {}),
    tags: [`batch-${index % 100}`],
  };
}

/** Days from 2019-01-01 to the given local date (for an end after the start). */
function dayDiff(at: string): number {
  return Math.round((Date.parse(`${at.slice(0, 10)}T00:00Z`) - Date.UTC(2019, 0, 1)) / 86_400_000);
}

function effectAt(index: number, incidentId: string, random: (below: number) => number): EffectInput {
  const areas = gazetteers.KZ ?? [];
  return {
    incident: incidentId,
    category: effectCategories[random(effectCategories.length)]!,
    description: `${summaries[random(summaries.length)]} (${index})`,
    area: { code: areas[random(areas.length)]!.code },
    occurredAt: { at: timeOf(random), precision: 'day' },
    peopleAffected: random(2) ? { count: random(5000), precision: 'estimate' } : { unknown: true },
    severity: severities[random(severities.length)]!,
  };
}

function sourceAt(index: number, random: (below: number) => number): SourceInput {
  const kind = index % 3 === 0 ? 'testimony' : sourceKinds[1 + random(sourceKinds.length - 1)]!;
  const givenAt = { at: timeOf(random), precision: 'day' as const };
  const lawyers = kind === 'testimony' && random(2) === 1;
  return {
    kind,
    title: `${kind === 'testimony' ? 'Testimony' : 'Report'} ${index}`,
    content: summaries[random(summaries.length)]!,
    ...(kind === 'testimony'
      ? {
          person: { name: `Person ${index}`, role: 'witness' as const },
          consent: { keep: true, lawyersAnonymous: lawyers, lawyersNamed: lawyers, unNamed: false, publishAnonymous: random(3) === 0, askedBy: 'A. N.', askedIn: 'kk', givenAt, method: 'verbal' as const },
        }
      : {}),
  };
}

/** Writes one file of the archive by its logical path, without fsync: plain, or sealed as EncryptedStorage stores it. */
type WriteFile = (path: string, text: string) => Promise<void>;

function plainWriter(folder: string): WriteFile {
  return async (path, text) => {
    await mkdir(join(folder, posix.dirname(path)), { recursive: true });
    await writeFile(join(folder, path), text);
  };
}

/** Gathers the documents, written at the end in one call: sealed into their packs, each pack once. */
function sealedWriter(written: { path: string; data: Uint8Array }[]): WriteFile {
  return async (path, text) => {
    written.push({ path, data: new TextEncoder().encode(text) });
  };
}

async function writeRecord(
  write: WriteFile,
  key: SigningKey,
  type: RecordType,
  data: Record<string, unknown>,
  createdAt: Date,
  saved: CustodyFacts[],
): Promise<string> {
  const recordId = randomUUID();
  const signed = signRevision(key, { recordId, type, parents: [], data, createdAt });
  saved.push({ recordId, revisionId: signed.id });
  // As StorageAdapter writes it.
  await write(`records/${recordId.slice(0, 2)}/${recordId}.json`, `${JSON.stringify({ recordId, type, revisions: [signed] }, null, 1)}\n`);
  return recordId;
}

/** Writes `count` records, a few hundred files at a time. */
async function writeMany(count: number, make: (index: number) => Promise<string>): Promise<string[]> {
  const ids: string[] = [];
  const batch = 256;
  for (let start = 0; start < count; start += batch) {
    const made = await Promise.all(Array.from({ length: Math.min(batch, count - start) }, (_, offset) => make(start + offset)));
    ids.push(...made);
  }
  return ids;
}

export interface BulkOptions {
  /** Encrypts the archive under this passphrase; null or absent: unencrypted. */
  passphrase?: string | null;
  /** scrypt cost of the passphrase (a low one keeps unlocking out of measurements). */
  scryptCost?: number;
}

/** Creates an archive at `folder` (which must not exist or be empty) holding the records asked for. */
export async function createBulkArchive(folder: string, counts: BulkCounts, seed = 1, options: BulkOptions = {}): Promise<BulkArchive> {
  const passphrase = options.passphrase ?? null;
  const archive = await Archive.create(folder, { name: 'Bulk test archive', organization: '', passphrase, scryptCost: options.scryptCost });
  const { key, path } = archive;
  await archive.close();
  const manifest = (await readManifest(path))!;
  const keyring = passphrase === null ? null : new Keyring(await unlockDataKey(path, manifest, passphrase));
  const storage = storageFor(path, manifest.encryption, keyring);
  const sealed: { path: string; data: Uint8Array }[] = [];
  const write = keyring ? sealedWriter(sealed) : plainWriter(path);
  const saved: CustodyFacts[] = [];
  const random = generator(seed);
  const base = Date.UTC(2024, 0, 1);
  const at = (index: number) => new Date(base + index * 1000);
  const incidentIds = await writeMany(counts.incidents, (index) => writeRecord(write, key, 'incident', Incident.parse(incidentAt(index, random)), at(index), saved));
  const effectIds = await writeMany(counts.effects ?? 0, (index) =>
    writeRecord(write, key, 'effect', Effect.parse(effectAt(index, incidentIds[index % incidentIds.length]!, random)), at(index), saved),
  );
  const sourceIds = await writeMany(counts.sources ?? 0, (index) => writeRecord(write, key, 'source', Source.parse(sourceAt(index, random)), at(index), saved));
  if (sealed.length) await storage.writeMany(sealed);
  const custody = await CustodyLog.open(storage);
  await custody.appendPrepared(custody.prepare(key.fingerprint, saved.map((facts) => ({ action: 'record_saved' as const, ...facts }))));
  keyring?.forget();
  return { path, incidentIds, effectIds, sourceIds };
}
