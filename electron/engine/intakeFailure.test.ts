/**
 * Evidence files that fail while they are being added: the disk read fails
 * half way (a USB stick pulled out), or the file changes between the pass
 * that hashes it and the pass that stores it (a recording still being
 * written). Node's createReadStream is wrapped so that, for the files a test
 * names, the real bytes stop with an error, or differ, on a chosen pass.
 * Whatever fails, the archive must stay exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Archive } from './archive';
import { EngineError } from './errors';
import { sampleIncident, temporaryFolder } from './testing/fixtures';
import { folderContents } from './testing/folderContents';

type Failure = { pass: number; after: number; kind: 'error' | 'changed' };
const failures = new Map<string, Failure>();
const passes = new Map<string, number>();

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const createReadStream = ((path: string, options?: object) => {
    const real = fs.createReadStream(path, options as never);
    const failure = failures.get(String(path));
    if (!failure) return real;
    const pass = (passes.get(String(path)) ?? 0) + 1;
    passes.set(String(path), pass);
    if (pass !== failure.pass) return real;
    return Readable.from(
      (async function* () {
        let read = 0;
        for await (const piece of real as AsyncIterable<Buffer>) {
          if (read + piece.length > failure.after) {
            if (failure.kind === 'error') {
              real.destroy();
              throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
            }
            const changed = Buffer.from(piece);
            changed[0]! ^= 0xff;
            yield changed;
          } else {
            yield piece;
          }
          read += piece.length;
        }
      })(),
    );
  }) as typeof fs.createReadStream;
  return { ...fs, createReadStream, default: { ...fs, createReadStream } };
});

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
  failures.clear();
  passes.clear();
});
afterEach(() => folder.remove());

const snapshot = folderContents;

describe.each([
  ['an unencrypted', null],
  ['an encrypted', 'пароль для проверки'],
] as const)('a file that fails while it is added to %s archive', (_kind, passphrase) => {
  const cases: [string, Failure, string][] = [
    ['a read error half way through hashing', { pass: 1, after: 3_000_000, kind: 'error' }, 'ioError'],
    ['a read error half way through storing', { pass: 2, after: 3_000_000, kind: 'error' }, 'ioError'],
    ['bytes that differ while storing', { pass: 2, after: 3_000_000, kind: 'changed' }, 'fileChanged'],
  ];

  it.each(cases)('%s leaves no half-stored file and no record pointing to it', async (_name, failure, code) => {
    const dir = join(folder.path, 'archive');
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase, scryptCost: 2 ** 12 });
    const { recordId } = await archive.save({ type: 'incident', data: sampleIncident() });
    const good = join(folder.path, 'фото.jpg');
    await writeFile(good, randomBytes(10_000));
    const failing = join(folder.path, 'видео 📹.mp4');
    await writeFile(failing, randomBytes(5_000_000));
    failures.set(failing, failure);
    const before = await snapshot(dir);
    const stateHash = await archive.stateHash();

    const error = await archive.attach(recordId, [{ path: good }, { path: failing }]).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe(code);
    expect((error as EngineError).params).toEqual({ path: failing });
    expect(await archive.listAttachments(recordId)).toEqual([]);
    expect(await archive.stateHash()).toBe(stateHash);
    // The good file's bytes may stay in the blob store (content-addressed, listed nowhere); nothing else changed.
    const after = await snapshot(dir);
    const added = Object.keys(after).filter((path) => !(path in before));
    expect(Object.keys(before).filter((path) => after[path] !== before[path])).toEqual([]);
    expect(added.length).toBeLessThanOrEqual(1);
    const reopened = await Archive.open(dir, passphrase ?? undefined);
    expect(await reopened.listAttachments(recordId)).toEqual([]);
    expect(reopened.custodyOf(recordId).map((event) => event.action)).toEqual(['record_saved']);
  });
});
