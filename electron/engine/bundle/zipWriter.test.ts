/**
 * The bundle ZIP writer against archiver, which wrote every bundle before
 * it: the same entries give the same bytes, ZIP64 included, so bundles keep
 * their format; and what it writes passes `unzip -t`, which checks every
 * entry's CRC-32 and sizes.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { ZipArchive } from 'archiver';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../testing/fixtures';
import { zipBytes, type ZipEntry } from './zipWriter';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

interface Sample {
  name: string;
  store: boolean;
  date: Date;
  /** The entry's bytes, in the pieces its source gives. */
  pieces: () => Iterable<Uint8Array>;
}

async function* fromPieces(pieces: Iterable<Uint8Array>) {
  yield* pieces;
}

/** What the writer gives, piece by piece, to `take`. */
async function written(samples: Sample[], take: (piece: Uint8Array) => void): Promise<void> {
  const entries: ZipEntry[] = samples.map((sample) => ({ name: sample.name, store: sample.store, date: sample.date, source: fromPieces(sample.pieces()) }));
  for await (const piece of zipBytes(entries)) take(piece);
}

/** What archiver gives for the same entries, streamed as the exporter streamed them. */
async function archived(samples: Sample[], take: (piece: Uint8Array) => void): Promise<void> {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const taking = (async () => {
    for await (const piece of zip) take(piece as Buffer);
  })();
  for (const sample of samples) zip.append(Readable.from(fromPieces(sample.pieces())), { name: sample.name, store: sample.store, date: sample.date });
  await zip.finalize();
  await taking;
}

async function bytesOf(write: typeof written, samples: Sample[]): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  await write(samples, (piece) => pieces.push(piece));
  return Buffer.concat(pieces);
}

const date = new Date('2022-01-07T16:04:33.500Z');
const text = (value: string) => () => [Buffer.from(value)];

describe('the bundle ZIP writer', () => {
  it('writes what archiver wrote, byte for byte: stored and deflated, empty, large, in pieces, with UTF-8 names', async () => {
    const media = randomBytes(3 * 1024 * 1024 + 17);
    const longText = Buffer.from('Мобильный интернет отключён. Ұялы байланыс жоқ. Mobile data is off.\n'.repeat(5000));
    const samples: Sample[] = [
      { name: 'dalel-20220107-0a1b2c3d/data/bundle.json', store: false, date, pieces: text('{\n  "format": 1\n}\n') },
      { name: 'dalel-20220107-0a1b2c3d/data/empty.csv', store: false, date, pieces: () => [] },
      { name: 'dalel-20220107-0a1b2c3d/data/attachments/empty.mp4', store: true, date, pieces: () => [] },
      { name: 'dalel-20220107-0a1b2c3d/data/report.html', store: false, date, pieces: () => [longText] },
      { name: 'dalel-20220107-0a1b2c3d/data/attachments/video.mp4', store: true, date, pieces: () => [media.subarray(0, 1 << 20), media.subarray(1 << 20)] },
      { name: 'dalel-20220107-0a1b2c3d/data/attachments/notes.txt', store: false, date, pieces: () => [longText.subarray(0, 70_000), longText.subarray(70_000)] },
      { name: 'dalel-20220107-0a1b2c3d/data/attachments/random.bin', store: false, date, pieces: () => [media.subarray(0, 200_000)] },
      { name: 'dalel-20220107-0a1b2c3d/data/Қаңтар оқиғасы 📵.txt', store: false, date: new Date('1975-03-01T00:00:00Z'), pieces: text('ескі') },
      { name: 'dalel-20220107-0a1b2c3d/VERIFY.txt', store: false, date: new Date('2050-01-01T00:00:01Z'), pieces: text('sha256sum -c manifest-sha256.txt\n') },
    ];
    const ours = await bytesOf(written, samples);
    expect(ours.equals(await bytesOf(archived, samples))).toBe(true);

    const file = join(folder.path, 'written.zip');
    await writeFile(file, ours);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
  });

  it('writes what archiver wrote past 4 GiB: ZIP64 sizes, offsets and end records', { timeout: 120_000 }, async () => {
    // One stored entry just over 4 GiB, then one that starts past 4 GiB: no bytes are kept, only compared.
    const block = randomBytes(1 << 20);
    const samples: Sample[] = [
      {
        name: 'bag/data/attachments/long video.mp4',
        store: true,
        date,
        *pieces() {
          for (let index = 0; index < 4097; index += 1) yield block;
        },
      },
      { name: 'bag/tagmanifest-sha256.txt', store: false, date, pieces: text('0'.repeat(64) + '  bagit.txt\n') },
    ];
    /** Length, CRC-32 of every byte, and the last bytes (where the descriptors and the directory are) of a stream. */
    async function summary(write: typeof written) {
      let length = 0;
      let checksum = 0;
      let tail = Buffer.alloc(0);
      await write(samples, (piece) => {
        length += piece.length;
        checksum = crc32(piece, checksum);
        tail = Buffer.concat([tail, piece.subarray(-4096)]).subarray(-4096);
      });
      return { length, checksum, tail: tail.toString('hex') };
    }
    const ours = await summary(written);
    expect(ours.length).toBeGreaterThan(2 ** 32);
    expect(ours).toEqual(await summary(archived));
  });
});
