/**
 * Cleaned derivatives, checked on real files by a second, independent reader:
 * Debian's own ExifTool (/usr/bin/exiftool, from libimage-exiftool-perl),
 * not the copy that cleanMedia runs. For each format a phone produces (JPEG,
 * PNG, WebP, HEIC, MP4, MOV) the fixture is first shown to carry a position,
 * a make, model and serial number, an owner and a software name, so the test
 * can fail; then the derivative must carry none, nor any byte of the made-up
 * identity, and must encode the very same pixels or frames.
 *
 * Without Debian's ExifTool these tests are skipped on a developer's machine
 * and fail in CI (CI is set): a check that silently does not run is no check.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { temporaryFolder } from '../testing/fixtures';
import { cleanMedia, cleanSizeLimit, cleanableTypes, metadataKinds, type CleanResult } from './cleanMedia';
import { codedImage, type CodedFormat } from './testing/codedImage';
import { containsText, debianExiftool, forbiddenTag, has, haveReader, identityStrings, readWithDebianExiftool, tagNames, type Tags } from './testing/debianExiftool';

const here = join(import.meta.dirname, 'testing');

const fixtures: Array<{ file: string; mediaType: string; coded: CodedFormat; picture: boolean }> = [
  { file: 'photo.jpg', mediaType: 'image/jpeg', coded: 'jpeg', picture: true },
  { file: 'photo.png', mediaType: 'image/png', coded: 'png', picture: true },
  { file: 'photo.webp', mediaType: 'image/webp', coded: 'webp', picture: true },
  { file: 'photo.heic', mediaType: 'image/heic', coded: 'heif', picture: false },
  { file: 'clip.mp4', mediaType: 'video/mp4', coded: 'iso', picture: false },
  { file: 'clip.mov', mediaType: 'video/quicktime', coded: 'iso', picture: false },
];

if (process.env.CI) {
  it('Debian’s exiftool is installed in CI, where the independent reader must never be skipped', () => {
    expect(haveReader, `${debianExiftool}: apt-get install -y libimage-exiftool-perl`).toBe(true);
  });
}

describe.runIf(haveReader || process.env.CI)('cleanMedia on real files, read back by Debian’s exiftool', () => {
  let folder: { path: string; remove: () => Promise<void> };
  const originals = new Map<string, Uint8Array>();
  const results = new Map<string, CleanResult>();
  const before = new Map<string, Tags>();
  const after = new Map<string, Tags>();

  beforeAll(async () => {
    if (!haveReader) throw new Error(`${debianExiftool} is missing: apt-get install -y libimage-exiftool-perl`);
    folder = await temporaryFolder();
    for (const { file } of fixtures) originals.set(file, await readFile(join(here, file)));
    await Promise.all(
      fixtures.map(async ({ file, mediaType }) => results.set(file, await cleanMedia(originals.get(file)!, mediaType))),
    );
    const derivatives: string[] = [];
    for (const { file } of fixtures) {
      const result = results.get(file)!;
      if (!result.cleaned) continue;
      const path = join(folder.path, `cleaned-${file}`);
      await writeFile(path, result.bytes);
      derivatives.push(path);
    }
    const read = await readWithDebianExiftool([...fixtures.map(({ file }) => join(here, file)), ...derivatives]);
    for (const tags of read) {
      const source = String(tags.SourceFile);
      const file = source.slice(source.lastIndexOf('/') + 1);
      if (file.startsWith('cleaned-')) after.set(file.slice('cleaned-'.length), tags);
      else before.set(file, tags);
    }
  }, 180_000);
  afterAll(() => folder?.remove());

  describe.each(fixtures)('$file', ({ file, mediaType, coded, picture }) => {
    it('carries a position, a device, an owner and a software name before cleaning (so this test can fail)', () => {
      const tags = before.get(file)!;
      expect(has(tags, /GPS/)).toBe(true);
      expect(has(tags, /^Make$/)).toBe(true);
      expect(has(tags, /^Model$/)).toBe(true);
      expect(has(tags, /Serial/)).toBe(true);
      expect(has(tags, /^(Artist|OwnerName|Author|Creator)$/)).toBe(true);
      expect(has(tags, /^(Software|CreatorTool|Encoder)$/)).toBe(true);
      for (const text of ['DalelTest', 'Test Witness', 'DLT0001234']) expect(containsText(originals.get(file)!, text)).toBe(true);
    });

    it('is cleaned, and says it removed the location, device, owner and software', () => {
      const result = results.get(file)!;
      expect(result).toMatchObject({ cleaned: true });
      if (!result.cleaned) return;
      expect(result.removed).toEqual(expect.arrayContaining(['location', 'device', 'owner', 'software']));
      expect(result.sha256).toBe(createHash('sha256').update(result.bytes).digest('hex'));
    });

    it('has no GPS, make, model, serial, owner or software tag left, per Debian’s exiftool', () => {
      const tags = after.get(file);
      expect(tags, 'the derivative was read').toBeDefined();
      expect(tags!['ExifTool:Error']).toBeUndefined();
      expect(tagNames(tags!).filter((name) => forbiddenTag.test(name))).toEqual([]);
    });

    it('holds no byte of the made-up identity anywhere (trailers and unknown boxes included)', () => {
      const result = results.get(file)!;
      if (!result.cleaned) throw new Error('not cleaned');
      expect(identityStrings.filter((text) => containsText(result.bytes, text))).toEqual([]);
    });

    it('encodes the same pixels or frames, byte for byte', () => {
      const result = results.get(file)!;
      if (!result.cleaned) throw new Error('not cleaned');
      expect(codedImage(result.bytes, coded).equals(codedImage(originals.get(file)!, coded))).toBe(true);
    });

    // (tests that apply to some formats only are declared for those, rather than skipped for the others)
    if (picture) {
      it('keeps the EXIF orientation, so the picture is not shown on its side', () => {
        expect(after.get(file)!['IFD0:Orientation']).toBe(6);
      });
    }

    if (mediaType.startsWith('video/')) {
      it('has its movie, track and media header times zeroed', () => {
        const tags = after.get(file)!;
        for (const key of ['QuickTime:CreateDate', 'QuickTime:ModifyDate', 'Track1:TrackCreateDate', 'Track1:MediaCreateDate']) {
          expect(tags[key], key).toBe('0000:00:00 00:00:00');
        }
        expect(before.get(file)!['QuickTime:CreateDate']).toBe('2024:01:02 03:04:05');
      });
    }

    it('metadataKinds tells what the original carries and that the derivative carries none of it', async () => {
      const result = results.get(file)!;
      if (!result.cleaned) throw new Error('not cleaned');
      expect(await metadataKinds(originals.get(file)!, mediaType)).toEqual(expect.arrayContaining(['location', 'device', 'owner', 'software', 'time']));
      const left = await metadataKinds(result.bytes, mediaType);
      expect(left).not.toBeNull();
      expect(left!.filter((kind) => ['location', 'device', 'owner', 'software'].includes(kind))).toEqual([]);
    }, 60_000);
  });
});

describe('files that are not cleaned', () => {
  const read = (file: string) => readFile(join(here, file));

  it('a type cleanMedia does not handle is refused before anything runs', async () => {
    const jpeg = await read('photo.jpg');
    for (const mediaType of ['application/pdf', 'image/gif', 'video/webm', 'text/plain']) {
      expect(await cleanMedia(jpeg, mediaType)).toEqual({ cleaned: false, reason: 'unsupportedFormat' });
      expect(await metadataKinds(jpeg, mediaType)).toBeNull();
    }
    expect(cleanableTypes).toEqual(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'video/mp4', 'video/quicktime']);
  });

  it('the bytes decide the format: text or a GIF named .jpg is refused', async () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
    expect(await cleanMedia(gif, 'image/jpeg')).toMatchObject({ cleaned: false, reason: 'unsupportedFormat' });
    expect(await cleanMedia(Buffer.from('not a photo at all\n'), 'image/jpeg')).toMatchObject({ cleaned: false, reason: 'unsupportedFormat' });
  }, 60_000);

  it('garbage, empty and truncated files give a reason, never a throw', async () => {
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i += 1) garbage[i] = (i * 7919 + 13) % 251;
    const cases: Array<[string, Uint8Array, string]> = [
      ['garbage', garbage, 'image/jpeg'],
      ['empty', new Uint8Array(0), 'video/mp4'],
      ['a JPEG cut in half', (await read('photo.jpg')).subarray(0, 1500), 'image/jpeg'],
      ['an MP4 cut in half', (await read('clip.mp4')).subarray(0, 3000), 'video/mp4'],
      ['a HEIC cut in half', (await read('photo.heic')).subarray(0, 2500), 'image/heic'],
      ['a PNG cut in half', (await read('photo.png')).subarray(0, 1200), 'image/png'],
    ];
    const results = await Promise.all(cases.map(([, bytes, mediaType]) => cleanMedia(bytes, mediaType)));
    results.forEach((result, index) => {
      const what = cases[index]![0];
      expect(result.cleaned, what).toBe(false);
      if (!result.cleaned) expect(['unsupportedFormat', 'cleaningFailed'], what).toContain(result.reason);
    });
  }, 120_000);

  it(`a file over ${cleanSizeLimit / 1024 / 1024} MiB is too large to clean in memory`, async () => {
    // Untouched zero pages: the operating system gives this no memory.
    const huge = new Uint8Array(cleanSizeLimit + 1);
    expect(await cleanMedia(huge, 'video/mp4')).toEqual({ cleaned: false, reason: 'tooLarge' });
    expect(await metadataKinds(huge, 'video/mp4')).toBeNull();
  });

  it('a part ExifTool neither writes nor knows (a private PNG chunk, an unknown WebP chunk, an MP4 uuid or padding box with data) never reaches a copy', async () => {
    const marker = 'SECRETMARK-43.2567,76.9286-SN998877';
    const chunk = (type: string, data: Buffer, littleEndian = false) => {
      const length = Buffer.alloc(4);
      if (littleEndian) length.writeUInt32LE(data.length);
      else length.writeUInt32BE(data.length);
      return { length, type: Buffer.from(type, 'latin1'), data };
    };
    const png = await read('photo.png');
    const iend = png.length - 12;
    const prvt = chunk('prVt', Buffer.from(marker));
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([prvt.type, prvt.data])));
    const pngWithChunk = Buffer.concat([png.subarray(0, iend), prvt.length, prvt.type, prvt.data, crc, png.subarray(iend)]);
    const webp = await read('photo.webp');
    const unknown = chunk('XYZW', Buffer.from(`${marker}.`), true);
    const webpBody = Buffer.concat([webp.subarray(12), unknown.type, unknown.length, unknown.data, Buffer.alloc(unknown.data.length % 2)]);
    const riffSize = Buffer.alloc(4);
    riffSize.writeUInt32LE(webpBody.length + 4);
    const webpWithChunk = Buffer.concat([webp.subarray(0, 4), riffSize, webp.subarray(8, 12), webpBody]);
    const box = (type: string, data: Buffer) => {
      const size = Buffer.alloc(4);
      size.writeUInt32BE(8 + data.length);
      return Buffer.concat([size, Buffer.from(type, 'latin1'), data]);
    };
    const mp4 = await read('clip.mp4');
    const cases: Array<[string, Uint8Array, string]> = [
      ['a private PNG chunk', pngWithChunk, 'image/png'],
      ['an unknown WebP chunk', webpWithChunk, 'image/webp'],
      ['an MP4 uuid box', Buffer.concat([mp4, box('uuid', Buffer.concat([Buffer.alloc(16, 7), Buffer.from(marker)]))]), 'video/mp4'],
      ['an MP4 padding box with data', Buffer.concat([mp4, box('free', Buffer.from(marker))]), 'video/mp4'],
    ];
    for (const [what, bytes, mediaType] of cases) {
      const result = await cleanMedia(bytes, mediaType);
      expect(result.cleaned && containsText(result.bytes, marker), what).toBe(false);
    }
  }, 120_000);

  it('a location ExifTool cannot delete (a track’s own user data) makes it refuse the file', async () => {
    const original = await read('clip-track-location.mov');
    expect(await cleanMedia(original, 'video/quicktime')).toEqual({ cleaned: false, reason: 'metadataRemains' });
  }, 60_000);

  it('a cancel stops the work and throws EngineError(cancelled)', async () => {
    const jpeg = await read('photo.jpg');
    await expect(cleanMedia(jpeg, 'image/jpeg', AbortSignal.abort())).rejects.toMatchObject({ code: 'cancelled' });
    const controller = new AbortController();
    const pending = cleanMedia(jpeg, 'image/jpeg', controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(EngineError);
  }, 60_000);
});
