/**
 * Photos and videos in bundles, checked with Debian's own ExifTool (an
 * independent reader) and as an adversary would: a public bundle carries
 * cleaned copies with no location, device, owner or software in any byte,
 * and nothing that lets anyone test a guess about what was removed; a legal
 * bundle carries the originals byte for byte and warns that they record
 * where they were made.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bundle } from '../../../shared/model';
import { Archive } from '../archive';
import { cleanMedia } from '../media/cleanMedia';
import { containsText, debianExiftool, forbiddenTag, haveReader, identityStrings, readWithDebianExiftool, tagNames } from '../media/testing/debianExiftool';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';
import { exportBundle } from './export';
import { verifyBundle } from './verify';

const fixtures = join(import.meta.dirname, '..', 'media', 'testing');
const media = ['photo.jpg', 'photo.png', 'photo.webp', 'photo.heic', 'clip.mp4', 'clip.mov'];
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

/** An archive whose incident holds the six fixtures, a video whose location cannot be removed, and a recording. */
async function archiveWithMedia() {
  const archive = await Archive.create(join(folder.path, 'archive'), { name: 'Жаңаөзен тобы', organization: '', passphrase: 'ұзын құпия сөз 2022', scryptCost: 2 ** 12 });
  const incident = await archive.save({ type: 'incident', data: sampleIncident() });
  const names = [...media, 'clip-track-location.mov'];
  // Files named as a person would name them: the names must not leave either.
  const paths = await Promise.all(
    names.map(async (name) => {
      const path = join(folder.path, `Әсел ${name}`);
      await copyFile(join(fixtures, name), path);
      return path;
    }),
  );
  await archive.attach(incident.recordId, paths.map((path) => ({ path })));
  const originals = new Map(await Promise.all(names.map(async (name) => [name, sha256(await readFile(join(fixtures, name)))] as const)));
  return { archive, originals };
}

async function exported(archive: Archive, profile: 'public' | 'legal' | 'internal') {
  const out = join(folder.path, `${profile}.zip`);
  const result = await exportBundle(archive, { out, profile, language: 'en', softwareVersion: 'test', ...(profile === 'legal' ? { signerName: 'Lawyer copy' } : {}) });
  const dir = join(folder.path, `${profile}-bag`);
  execFileSync('unzip', ['-q', out, '-d', dir]);
  const bag = join(dir, result.bundleId);
  const bundle = Bundle.parse(JSON.parse(await readFile(join(bag, 'data/bundle.json'), 'utf8')));
  const entries = await readdir(bag, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const bytes = Buffer.concat(await Promise.all(files.map((file) => readFile(file))));
  return { out, result, bag, bundle, bytes };
}

describe.runIf(haveReader || process.env.CI)('photos and videos', () => {
  it('go into a public bundle as cleaned copies that Debian’s exiftool finds clean, their originals nowhere in it', async () => {
    const { archive, originals } = await archiveWithMedia();
    const { out, bag, bundle, bytes } = await exported(archive, 'public');
    expect((await verifyBundle(out)).valid).toBe(true);
    expect(execFileSync('sh', ['-c', 'sha256sum -c manifest-sha256.txt'], { cwd: bag, encoding: 'utf8' })).not.toMatch(/FAILED/);

    // Six copies; the video whose location sits in its track cannot be cleaned and stays out.
    expect(bundle.attachments).toHaveLength(6);
    expect(bundle.redactions).toMatchObject({ attachmentsCleaned: 6, attachmentsWithheld: 1 });
    for (const file of bundle.attachments) {
      expect(file.cleaned?.removed).toEqual(expect.arrayContaining(['location', 'device', 'owner', 'software']));
      expect(file.path).toBe(`attachments/${file.sha256}${file.path.slice(file.path.lastIndexOf('.'))}`);
      expect(sha256(await readFile(join(bag, 'data', file.path)))).toBe(file.sha256);
    }
    // The independent reader, on every evidence file in the bag.
    const paths = bundle.attachments.map((file) => join(bag, 'data', file.path));
    const read = await readWithDebianExiftool(paths);
    expect(read).toHaveLength(6);
    for (const tags of read) {
      expect(tags['ExifTool:Error'], String(tags.SourceFile)).toBeUndefined();
      expect(tagNames(tags).filter((name) => forbiddenTag.test(name)), String(tags.SourceFile)).toEqual([]);
    }
    // Not a byte of the identity, the file names or the originals' hashes, anywhere in the bag.
    expect(identityStrings.filter((text) => containsText(bytes, text))).toEqual([]);
    expect(bytes.includes('Әсел')).toBe(false);
    for (const [name, original] of originals) expect(bytes.includes(original), name).toBe(false);
  }, 180_000);

  it('go into a legal bundle as the originals, byte for byte, with a warning that they record where they were made', async () => {
    const { archive, originals } = await archiveWithMedia();
    const { out, bag, bundle } = await exported(archive, 'legal');
    expect((await verifyBundle(out)).valid).toBe(true);
    expect(bundle.attachments).toHaveLength(7);
    for (const file of bundle.attachments) {
      expect([...originals.values()]).toContain(file.sha256);
      expect(file.cleaned).toBeUndefined();
      expect(file.metadataLocation, file.originalName).toBe('present');
    }
    const report = await readFile(join(bag, 'data/report.html'), 'utf8');
    expect(report.match(/Its own metadata records where it was made/g)).toHaveLength(7);
    expect(report).toContain('7 files record where they were made');
  }, 180_000);
});

describe.runIf(haveReader || process.env.CI)('a photo under another name', () => {
  it('is judged by its bytes: cleaned or left out of a public bundle, whatever its name says', async () => {
    const archive = await Archive.create(join(folder.path, 'archive'), { name: 'A', organization: '', passphrase: null });
    const incident = await archive.save({ type: 'incident', data: sampleIncident() });
    // Names a phone, a messenger or a person may give: an extension Dalel does not know, none, a document's.
    const renamed: [string, string][] = [
      ['photo.jpg', 'IMG_0001.jfif'],
      ['photo.heic', 'IMG_0002.heif'],
      ['photo.jpg', 'scan'],
      ['photo.png', 'receipt.pdf'],
      ['clip.mov', 'clip.bin'],
    ];
    const paths = [];
    for (const [fixture, name] of renamed) {
      const path = join(folder.path, name);
      await copyFile(join(fixtures, fixture), path);
      paths.push({ path });
    }
    await archive.attach(incident.recordId, paths);
    const { out, bag, bundle, bytes } = await exported(archive, 'public');
    expect((await verifyBundle(out)).valid).toBe(true);
    const read = await readWithDebianExiftool(bundle.attachments.map((file) => join(bag, 'data', file.path)));
    for (const tags of read) expect(tagNames(tags).filter((name) => forbiddenTag.test(name)), String(tags.SourceFile)).toEqual([]);
    expect(identityStrings.filter((text) => containsText(bytes, text))).toEqual([]);
    // No custody line or list names an original that did not go in as it is.
    for (const [fixture] of renamed) expect(bytes.includes(sha256(await readFile(join(fixtures, fixture)))), fixture).toBe(false);
    // The JPEG named "scan" and the PNG named "receipt.pdf" are the same pictures as others: each copy is in the bag once.
    expect(bundle.attachments.every((file) => file.cleaned)).toBe(true);
  }, 180_000);

  it('listed under two names, or cleaned to the same copy as another, is in the bag once and every profile verifies', async () => {
    const archive = await Archive.create(join(folder.path, 'archive'), { name: 'A', organization: '', passphrase: null });
    const incident = await archive.save({ type: 'incident', data: sampleIncident() });
    const effect = await archive.save({ type: 'effect', data: { incident: incident.recordId, category: 'medical_care', severity: 'high' } });
    const original = await readFile(join(fixtures, 'photo.jpg'));
    const copy = (await cleanMedia(original, 'image/jpeg')) as { cleaned: true; bytes: Uint8Array };
    await writeFile(join(folder.path, 'a.jpg'), original);
    await writeFile(join(folder.path, 'b.jpeg'), original);
    await writeFile(join(folder.path, 'c.jpg'), copy.bytes);
    await archive.attach(incident.recordId, [{ path: join(folder.path, 'a.jpg') }, { path: join(folder.path, 'c.jpg') }]);
    await archive.attach(effect.recordId, [{ path: join(folder.path, 'b.jpeg') }]);
    for (const profile of ['public', 'legal', 'internal'] as const) {
      const { out, bundle } = await exported(archive, profile);
      const report = await verifyBundle(out);
      expect(report.valid, `${profile}: ${JSON.stringify(report.failure)}`).toBe(true);
      expect(new Set(bundle.attachments.map((file) => file.path)).size, profile).toBe(profile === 'public' ? 1 : 2);
    }
  }, 180_000);
});

/** A PNG chunk: length, type, data and CRC-32 over type and data. */
function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The PNG with an "Author" text chunk right after its header chunk (8-byte signature, 25-byte IHDR). */
const withAuthor = (png: Buffer, author: string) => Buffer.concat([png.subarray(0, 33), pngChunk('tEXt', Buffer.from(`Author\0${author}`, 'latin1')), png.subarray(33)]);

/** An attacker's test of every name: put it back where cleaning removed it and look for the hash in the bundle. */
function confirmedNames(copy: Buffer, guesses: readonly string[], bundleText: string): string[] {
  return guesses.filter((guess) => bundleText.includes(sha256(withAuthor(copy, guess))));
}

describe.runIf(haveReader || process.env.CI)('a cleaned copy', () => {
  it('lets no one test a guess about what was removed, as the original’s plain sha256 would', async () => {
    const author = 'Aigerim Nurlanovna';
    const guesses = ['Askar Bekov', 'Dana Seitova', author, 'Marat Utegenov'];
    // An original whose only metadata is its author's name: the smallest space of guesses there is.
    const base = (await cleanMedia(await readFile(join(fixtures, 'photo.png')), 'image/png')) as { cleaned: true; bytes: Uint8Array };
    const original = withAuthor(Buffer.from(base.bytes), author);
    const archive = await Archive.create(join(folder.path, 'archive'), { name: 'A', organization: '', passphrase: null });
    const incident = await archive.save({ type: 'incident', data: sampleIncident() });
    await writeFile(join(folder.path, 'screenshot.png'), original);
    await archive.attach(incident.recordId, [{ path: join(folder.path, 'screenshot.png') }]);

    const { bag, bundle, bytes } = await exported(archive, 'public');
    const [file] = bundle.attachments;
    expect(file?.cleaned?.removed).toEqual(['owner']);
    const copy = await readFile(join(bag, 'data', file!.path));
    // Against a bundle that listed the original's sha256, the attack names her.
    expect(confirmedNames(copy, guesses, `${sha256(original)}`)).toEqual([author]);
    // Against this one, nothing.
    expect(confirmedNames(copy, guesses, bytes.toString('latin1'))).toEqual([]);
    expect(bytes.includes(author)).toBe(false);
  }, 120_000);
});

if (process.env.CI) {
  it('Debian’s exiftool is installed in CI, where the independent reader must never be skipped', () => {
    expect(haveReader, `${debianExiftool}: apt-get install -y libimage-exiftool-perl`).toBe(true);
  });
}
