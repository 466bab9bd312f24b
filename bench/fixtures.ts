/**
 * The data the targets measure, made on first use and kept for the run:
 * media of random bytes (each file different, so nothing is stored once for
 * two), archives holding them through the engine's own API (records that
 * pass the schemas, files attached as a defender would), and bundles
 * exported from them. Everything lives in the run's temporary folder.
 */
import { randomFillSync } from 'node:crypto';
import { copyFile, mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEngine, type Engine } from '../electron/engine';
import { Archive } from '../electron/engine/archive';
import { exportBundle } from '../electron/engine/bundle/export';
import { writeHostileCorpus, type HostileBundle } from '../electron/engine/bundle/testing/hostileCorpus';
import { createBulkArchive, type BulkArchive } from '../electron/engine/testing/bulkArchive';
import { sampleIncident } from '../electron/engine/testing/fixtures';
import { MiB, type Sizes } from './harness';
import { run } from './tools';

export const benchPassphrase = 'bench passphrase, long enough';
/** Unlocking is not what is measured: a low scrypt cost keeps it out of the figures. */
const scryptCost = 2 ** 12;
/** Evidence files per incident. */
const filesPerIncident = 10;

export interface Media {
  dir: string;
  files: string[];
  bytes: number;
}

export interface BenchArchive {
  archive: Archive;
  path: string;
  /** For the command: a file holding the passphrase, or null for a plain archive. */
  passphraseFile: string | null;
}

export interface BenchBundle {
  path: string;
  bundleId: string;
}

/** Media of random bytes: `count` files, `bytes` in all, videos and recordings (stored, not deflated, in a bundle). */
export async function writeMedia(dir: string, count: number, bytes: number): Promise<Media> {
  await mkdir(dir, { recursive: true });
  const block = Buffer.alloc(MiB);
  const files: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const size = Math.floor(bytes / count) + (index === count - 1 ? bytes % count : 0);
    const file = join(dir, `evidence-${String(index).padStart(4, '0')}.${index % 4 === 3 ? 'm4a' : 'mp4'}`);
    const handle = await open(file, 'wx');
    try {
      for (let written = 0; written < size; ) {
        const piece = randomFillSync(block).subarray(0, Math.min(block.length, size - written));
        written += (await handle.write(piece)).bytesWritten;
      }
    } finally {
      await handle.close();
    }
    files.push(file);
  }
  return { dir, files, bytes };
}

/** An archive with one incident per ten files, each file attached to its incident (none: an empty archive). */
export async function archiveOf(path: string, media: Media, encrypted: boolean): Promise<BenchArchive> {
  const archive = await Archive.create(path, { name: 'Bench', organization: 'Dalel bench', passphrase: encrypted ? benchPassphrase : null, scryptCost });
  for (let start = 0; start < media.files.length; start += filesPerIncident) {
    const incident = await archive.save({ type: 'incident', data: sampleIncident({ title: `Shutdown ${start / filesPerIncident + 1}` }) });
    await archive.attach(
      incident.recordId,
      media.files.slice(start, start + filesPerIncident).map((file) => ({ path: file })),
    );
  }
  let passphraseFile: string | null = null;
  if (encrypted) {
    passphraseFile = `${path}.passphrase`;
    await writeFile(passphraseFile, benchPassphrase, { mode: 0o600 });
  }
  return { archive, path, passphraseFile };
}

export function exportOf(archive: Archive, out: string): Promise<BenchBundle> {
  return exportBundle(archive, { out, profile: 'internal', language: 'en', softwareVersion: 'bench' });
}

/** A new engine as the app makes one, its preferences in `home`; nothing open yet. */
export function benchEngine(archivePath: string, home: string): Engine {
  return createEngine({ defaultArchivePath: archivePath, configDir: home, osLocale: 'en', version: 'bench', dialogs: { chooseFolder: async () => null } });
}

/** Sends a request the bench needs to succeed; a failure stops the run, naming the channel. */
export async function dispatchOk<T>(engine: Engine, channel: string, request: unknown): Promise<T> {
  const result = await engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** `archive:open` of a bench archive, with its passphrase when it has one. */
export const openRequest = (archive: { path: string; passphrase: string | null }) => ({
  path: archive.path,
  ...(archive.passphrase ? { passphrase: archive.passphrase } : {}),
});

/** Reads a file, or every file in a folder, once: each side of a comparison then starts from the page cache. */
export const readOnce = (path: string) => run('sh', ['-c', 'find "$1" -type f -exec cat {} + > /dev/null', 'sh', path]);

/** The run's fixtures, each made once, on first use. */
export class Fixtures {
  private readonly made = new Map<string, Promise<unknown>>();

  constructor(
    private readonly work: string,
    private readonly sizes: Sizes,
    private readonly log: (text: string) => void,
  ) {}

  private once<T>(name: string, make: () => Promise<T>): Promise<T> {
    if (!this.made.has(name)) {
      this.log(`making ${name}`);
      this.made.set(name, make());
    }
    return this.made.get(name) as Promise<T>;
  }

  /** The media of P1–P3. */
  media(): Promise<Media> {
    return this.once('media', () => writeMedia(join(this.work, 'media'), this.sizes.mediaFiles, this.sizes.mediaBytes));
  }

  plainArchive(): Promise<BenchArchive> {
    return this.once('plain archive', async () => archiveOf(join(this.work, 'plain archive'), await this.media(), false));
  }

  encryptedArchive(): Promise<BenchArchive> {
    return this.once('encrypted archive', async () => archiveOf(join(this.work, 'encrypted archive'), await this.media(), true));
  }

  /** A bundle of the plain archive (P3 verifies it). */
  bundle(): Promise<BenchBundle> {
    return this.once('bundle', async () => exportOf((await this.plainArchive()).archive, join(this.work, 'bundle.zip')));
  }

  /** An archive of `revisions` synthetic incidents, one revision each, made in bulk (P4); encrypted under benchPassphrase or not. */
  bulkArchive(revisions: number, encrypted: boolean): Promise<BulkArchive & { passphrase: string | null }> {
    const kind = encrypted ? 'encrypted' : 'plain';
    return this.once(`${kind} archive of ${revisions} revisions`, async () => {
      const passphrase = encrypted ? benchPassphrase : null;
      const made = await createBulkArchive(join(this.work, `${kind} bulk ${revisions}`), { incidents: revisions }, 1, { passphrase, scryptCost });
      return { ...made, passphrase };
    });
  }

  /**
   * P6: two plain archives of `revisions` incidents each, by two keys, half
   * of them shared: the second holds copies of half the first's record
   * files beside its own. Each has been opened once, so it has its snapshot.
   */
  mergePair(revisions: number): Promise<{ first: string; second: string }> {
    return this.once(`two archives of ${revisions} revisions, half shared`, async () => {
      const first = await createBulkArchive(join(this.work, `merge first ${revisions}`), { incidents: revisions }, 1);
      const second = await createBulkArchive(join(this.work, `merge second ${revisions}`), { incidents: revisions - Math.floor(revisions / 2) }, 2);
      for (const recordId of first.incidentIds.slice(0, Math.floor(revisions / 2))) {
        const shard = join('records', recordId.slice(0, 2));
        await mkdir(join(second.path, shard), { recursive: true });
        await copyFile(join(first.path, shard, `${recordId}.json`), join(second.path, shard, `${recordId}.json`));
      }
      for (const path of [first.path, second.path]) await (await Archive.open(path)).close();
      return { first: first.path, second: second.path };
    });
  }

  /** P12: the hostile corpus (electron/engine/bundle/testing/hostileCorpus.ts), at this run's size. */
  hostileCorpus(): Promise<HostileBundle[]> {
    return this.once('hostile corpus', async () => {
      const dir = join(this.work, 'hostile corpus');
      await mkdir(dir);
      return writeHostileCorpus(dir, this.sizes.hostileCorpus);
    });
  }

  /** The large encrypted archive of P7, closed (the command opens it); its media are removed once attached. */
  largeArchive(): Promise<BenchArchive> {
    return this.once('large archive', async () => {
      const media = await writeMedia(join(this.work, 'large media'), this.sizes.largeFiles, this.sizes.largeBytes);
      const archive = await archiveOf(join(this.work, 'large archive'), media, true);
      await run('rm', ['-rf', media.dir]);
      // Closed: the command measured on it must be able to take the archive's lock.
      await archive.archive.close();
      return archive;
    });
  }
}
