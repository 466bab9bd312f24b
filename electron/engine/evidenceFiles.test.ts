import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../shared/model';
import { createEngine, type Engine } from './index';
import { chunkSize } from './crypto/sealedFile';
import { rangeOf } from './evidence';
import { FileBroken } from './storage';
import { sampleIncident, temporaryFolder } from './testing/fixtures';
import { bareJpeg, withCameraMetadata } from './testing/photoMetadata';

let folder: { path: string; remove: () => Promise<void> };
let engine: Engine;
beforeEach(async () => {
  folder = await temporaryFolder();
  engine = createEngine({
    defaultArchivePath: join(folder.path, 'archive'),
    configDir: join(folder.path, 'config'),
    osLocale: 'kk-KZ',
    version: 'test',
    scryptCost: 2 ** 12,
    dialogs: { chooseFolder: async () => null },
  });
});
afterEach(async () => {
  await engine.close();
  await folder.remove();
});

async function call<T>(channel: string, request: unknown): Promise<T> {
  const result = await engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function collect(stream: AsyncIterable<Uint8Array> | null): Promise<Buffer> {
  const parts: Buffer[] = [];
  if (stream) for await (const piece of stream) parts.push(Buffer.from(piece));
  return Buffer.concat(parts);
}

/** An archive with one incident and the given files attached to it. */
async function archiveWith(passphrase: string | null, files: Record<string, Uint8Array>) {
  const protection = passphrase === null ? { kind: 'none' } : { kind: 'passphrase', passphrase };
  await call('archive:create', { name: 'Алматы', protection });
  const { recordId } = await call<{ recordId: string }>('records:save', { type: 'incident', data: sampleIncident() });
  const paths = Object.keys(files).map((name) => join(folder.path, name));
  for (const [index, bytes] of Object.values(files).entries()) await writeFile(paths[index]!, bytes);
  const { attachments } = await call<{ attachments: Attachment[] }>('attachments:add', { recordId, paths });
  return { recordId, attachments, paths };
}

const get = (pathname: string, range: string | null = null, method = 'GET') => engine.evidence({ pathname, method, range });

describe.each([
  ['an unencrypted', null],
  ['an encrypted', 'пароль для проверки'],
] as const)('evidence previews from %s archive', (_kind, passphrase) => {
  // Over three 1 MiB reads and many 64 KiB sealed chunks, ending in a partial chunk.
  const video = randomBytes(3 * 1024 * 1024 + 12_345);

  it('serve the whole file with its type, and exactly the bytes of every range asked for', async () => {
    const { recordId, attachments } = await archiveWith(passphrase, { 'Жаңаөзен 📵.mp4': video });
    const url = `/evidence/${recordId}/${attachments[0]!.sha256}`;

    const whole = await get(url);
    expect(whole.status).toBe(200);
    expect(whole.headers).toMatchObject({ 'Content-Type': 'video/mp4', 'Accept-Ranges': 'bytes', 'Content-Length': String(video.length) });
    expect(createHash('sha256').update(await collect(whole.body)).digest('hex')).toBe(attachments[0]!.sha256);

    const size = video.length;
    const ranges: [string, number, number][] = [
      ['bytes=0-0', 0, 1],
      ['bytes=0-', 0, size],
      [`bytes=${chunkSize - 1}-${chunkSize}`, chunkSize - 1, chunkSize + 1],
      [`bytes=${chunkSize * 3}-${chunkSize * 4 - 1}`, chunkSize * 3, chunkSize * 4],
      ['bytes=1048570-2097160', 1_048_570, 2_097_161],
      [`bytes=${size - 1}-`, size - 1, size],
      ['bytes=-100', size - 100, size],
      [`bytes=3000000-${size + 5000}`, 3_000_000, size],
    ];
    for (const [header, start, end] of ranges) {
      const answer = await get(url, header);
      expect(answer.status, header).toBe(206);
      expect(answer.headers['Content-Range'], header).toBe(`bytes ${start}-${end - 1}/${size}`);
      expect(answer.headers['Content-Length'], header).toBe(String(end - start));
      expect((await collect(answer.body)).equals(video.subarray(start, end)), header).toBe(true);
    }
  });

  it('answer a range past the end with 416, and several ranges or a malformed one with the whole file', async () => {
    const { recordId, attachments } = await archiveWith(passphrase, { 'clip.webm': video });
    const url = `/evidence/${recordId}/${attachments[0]!.sha256}`;
    const past = await get(url, `bytes=${video.length}-`);
    expect(past.status).toBe(416);
    expect(past.headers['Content-Range']).toBe(`bytes */${video.length}`);
    expect((await get(url, 'bytes=-0')).status).toBe(416);
    for (const header of ['bytes=0-1,5-9', 'bytes=9-2', 'items=0-1', 'bytes=x-y']) {
      const answer = await get(url, header);
      expect(answer.status, header).toBe(200);
      expect((await collect(answer.body)).length, header).toBe(video.length);
    }
    const head = await get(url, null, 'HEAD');
    expect(head).toMatchObject({ status: 200, body: null });
    expect(head.headers['Content-Length']).toBe(String(video.length));
  });

  it('read files of every size at sealed-chunk edges', async () => {
    const sizes = [0, 1, chunkSize - 1, chunkSize, chunkSize + 1, 2 * chunkSize];
    const files = Object.fromEntries(sizes.map((size) => [`edge-${size}.pdf`, randomBytes(size)]));
    const { recordId, attachments } = await archiveWith(passphrase, files);
    for (const [index, size] of sizes.entries()) {
      const url = `/evidence/${recordId}/${attachments[index]!.sha256}`;
      const whole = await get(url);
      expect((await collect(whole.body)).equals(Object.values(files)[index]!), `size ${size}`).toBe(true);
      if (size > 0) {
        const tail = await get(url, 'bytes=-1');
        expect((await collect(tail.body)).equals(Object.values(files)[index]!.subarray(size - 1)), `size ${size}`).toBe(true);
      }
    }
  });
});

describe('evidence previews refuse', () => {
  it('ids of the wrong shape, files the record does not list, other methods, and everything once locked', async () => {
    const { recordId, attachments } = await archiveWith('долгий пароль', { 'photo.png': randomBytes(1000) });
    const sha256 = attachments[0]!.sha256;
    const other = await call<{ recordId: string }>('records:save', { type: 'incident', data: sampleIncident({ title: 'other' }) });
    const refused = [
      `/evidence/${other.recordId}/${sha256}`,
      `/evidence/${recordId}/${'0'.repeat(64)}`,
      `/evidence/${recordId}/${sha256.toUpperCase()}`,
      `/evidence/${recordId}/${sha256}/extra`,
      `/evidence/../blobs/${sha256.slice(0, 2)}/${sha256}`,
      `/evidence/${recordId}/..%2F..%2Fkeys%2Fsigning.json`,
      `/evidence/${recordId}`,
      '/evidence/',
    ];
    for (const pathname of refused) expect((await get(pathname)).status, pathname).toBe(404);
    expect((await get(`/evidence/${recordId}/${sha256}`, null, 'POST')).status).toBe(405);
    expect((await get(`/evidence/${recordId}/${sha256}`)).status).toBe(200);
    await call('archive:lock', {});
    expect((await get(`/evidence/${recordId}/${sha256}`)).status).toBe(404);
  });

  it('to serve a page, a script or an SVG as themselves: anything not previewable is opaque bytes in a sandbox', async () => {
    const { recordId, attachments } = await archiveWith(null, {
      'page.html': Buffer.from('<script>alert(1)</script>'),
      'drawing.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'report.pdf': Buffer.from('%PDF-1.4'),
    });
    const types = [];
    for (const attachment of attachments) {
      const answer = await get(`/evidence/${recordId}/${attachment.sha256}`);
      expect(answer.headers['Content-Security-Policy']).toContain('sandbox');
      expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
      types.push(answer.headers['Content-Type']);
    }
    expect(types).toEqual(['application/octet-stream', 'application/octet-stream', 'application/pdf']);
  });

  it('to pass off damaged bytes: the damaged part fails as that file, the parts before it still read', async () => {
    const { recordId, attachments } = await archiveWith('долгий пароль', { 'big.mov': randomBytes(600_000) });
    const root = join(folder.path, 'archive');
    const stored = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const sizes = await Promise.all(stored.map(async (entry) => ({ file: join(entry.parentPath, entry.name), size: (await readFile(join(entry.parentPath, entry.name))).length })));
    const blobFile = sizes.sort((a, b) => b.size - a.size)[0]!.file;
    const bytes = await readFile(blobFile);
    // Inside the sixth 64 KiB chunk (the last one also holds the file's length: damage there loses the whole file).
    bytes[bytes.length - 5 * (chunkSize + 16)]! ^= 0x01;
    await writeFile(blobFile, bytes);
    const url = `/evidence/${recordId}/${attachments[0]!.sha256}`;
    expect((await collect((await get(url, 'bytes=0-99')).body)).length).toBe(100);
    expect((await collect((await get(url, 'bytes=-10')).body)).length).toBe(10);
    const error = await collect((await get(url, 'bytes=0-')).body).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(FileBroken);
  });
});

describe('range headers', () => {
  it('are read as RFC 9110 says for one range', () => {
    expect(rangeOf(null, 10)).toBeNull();
    expect(rangeOf('bytes=2-4', 10)).toEqual({ start: 2, end: 5 });
    expect(rangeOf('bytes=2-', 10)).toEqual({ start: 2, end: 10 });
    expect(rangeOf('bytes=-3', 10)).toEqual({ start: 7, end: 10 });
    expect(rangeOf('bytes=-30', 10)).toEqual({ start: 0, end: 10 });
    expect(rangeOf('bytes=8-400', 10)).toEqual({ start: 8, end: 10 });
    expect(rangeOf('bytes=10-', 10)).toBe('unsatisfiable');
    expect(rangeOf('bytes=-', 10)).toBeNull();
  });
});

describe('photo metadata', () => {
  it('is read at intake and shown as the camera recorded it, while the stored bytes stay the bytes received', async () => {
    const withOffset = withCameraMetadata(bareJpeg, {
      make: 'Apple',
      model: 'iPhone 12',
      dateTimeOriginal: '2022:01:05 14:03:22',
      offsetTimeOriginal: '+06:00',
    });
    const withoutOffset = withCameraMetadata(bareJpeg, { make: 'Canon', model: 'Canon EOS 80D', dateTimeOriginal: '2022:01:06 09:15:00' });
    const blankClock = withCameraMetadata(bareJpeg, { model: 'Redmi Note 8', dateTimeOriginal: '    :  :     :  :  ' });
    const { attachments, paths } = await archiveWith('долгий пароль', {
      'банк жабық.jpg': withOffset,
      'аптека.jpeg': withoutOffset,
      'кезек.jpg': blankClock,
      'not a photo.jpg': Buffer.from('plain text with a photo name'),
      'voice.m4a': withCameraMetadata(bareJpeg, { model: 'Dictaphone' }),
    });
    expect(attachments.map((attachment) => attachment.photo)).toEqual([
      { takenAt: '2022-01-05T14:03:22+06:00', camera: 'Apple iPhone 12' },
      { takenAt: '2022-01-06T09:15:00', camera: 'Canon EOS 80D' },
      { camera: 'Redmi Note 8' },
      undefined,
      undefined,
    ]);
    for (const [index, attachment] of attachments.entries()) {
      expect(attachment.sha256).toBe(execFileSync('sha256sum', [paths[index]!], { encoding: 'utf8' }).split(' ')[0]);
    }
  });
});
