import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from './archive';
import { makeTestAuthority } from './timestamp/testing/testAuthority';
import { Keyring } from './crypto/keyring';
import { SealBroken, sealStream, sealedLayout } from './crypto/sealedFile';
import { destroyArchiveFolder } from './destroy';
import { EngineError } from './errors';
import { SigningKey } from './signingKey';
import { encodings } from './testing/encodings';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

const passphrase = 'Түнде Алматыда интернет жоқ 🌙';
const cost = 2 ** 12;
let folder: { path: string; remove: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
});
afterEach(() => folder.remove());

const create = (options: { passphrase?: string | null } = {}) =>
  Archive.create(dir, { name: 'Жанаөзен қорғаушылары', organization: 'Dalel Org', passphrase: options.passphrase === undefined ? passphrase : options.passphrase, scryptCost: cost });

async function failure(promise: Promise<unknown>): Promise<EngineError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(EngineError);
  return error as EngineError;
}

/** Every file of the archive folder but its lock (archiveLock.ts), which comes and goes with an open archive. */
async function allFiles(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.name.startsWith('.dalel-lock') || entry.parentPath.includes('.dalel-lock')) continue;
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(root.length + 1), await readFile(join(entry.parentPath, entry.name)));
  }
  return files;
}

/** Where an archive stores a logical path (the test holds the key; an attacker has no way to tell). */
function storedFile(archive: Archive, path: string): string {
  const storage = (archive as unknown as { storage: { locate(path: string): { file: string } } }).storage;
  return storage.locate(path).file.slice(dir.length + 1);
}

describe('an encrypted archive', () => {
  it('gives away nothing without the passphrase: no name, statement, key or hash', async () => {
    const archive = await create();
    const secrets = [
      'Жанаөзен қорғаушылары',
      'Dalel Org',
      'Ғалия Мұхтарқызы',
      'insulin could not be bought',
      'صيدلية مغلقة',
      'Аптека закрыта',
      '🏥💳❌',
    ];
    const { recordId } = await archive.save({
      type: 'incident',
      data: sampleIncident({ title: secrets[2]!, summary: secrets.slice(3).join(' '), operators: ['Kcell'], tags: ['pharmacy'] }),
    });
    const edited = await archive.save({ type: 'incident', recordId, data: sampleIncident({ title: `${secrets[2]} (edited)` }) });
    const statement = Buffer.from('Testimony: the ambulance never came because the dispatcher app was offline. '.repeat(50));
    const photo = randomBytes(150_000);
    await writeFile(join(folder.path, 'Ғалия куәлігі.txt'), statement);
    await writeFile(join(folder.path, 'жабық дәріхана.jpg'), photo);
    const attached = await archive.attach(recordId, [
      { path: join(folder.path, 'Ғалия куәлігі.txt') },
      { path: join(folder.path, 'жабық дәріхана.jpg') },
    ]);
    const detail = archive.getRecord(recordId);
    const revealing = [
      ...secrets,
      recordId,
      edited.revisionId,
      ...detail.history.map((signed) => signed.id),
      archive.key.fingerprint.slice(7),
      archive.key.publicLine.split(' ')[1]!,
      'records',
      'custody',
      'signing',
      'settings',
      'incident',
      'KZ-75',
      'Ғалия куәлігі.txt',
      'жабық дәріхана.jpg',
      'ambulance never came',
      ...attached.map((entry) => entry.sha256),
    ];
    const rawBytes = [photo.subarray(70_000, 70_064), ...attached.map((entry) => Buffer.from(entry.sha256, 'hex'))];
    const files = await allFiles(dir);
    for (const [name, bytes] of files) {
      for (const text of revealing) {
        expect(name.includes(text), `${text} in a file name`).toBe(false);
        for (const form of encodings(text)) expect(bytes.includes(form), `${text} inside ${name}`).toBe(false);
      }
      for (const raw of rawBytes) expect(bytes.includes(raw), `raw bytes inside ${name}`).toBe(false);
    }
    expect([...files.keys()].every((name) => name === 'dalel-archive.json' || /^data-[0-9a-f]{16}\/[0-9a-f]{32}\/[0-9a-f]{32}$/.test(name))).toBe(true);
  });

  it('opens with its passphrase, and says "wrong passphrase" for any other, changing nothing', async () => {
    const archive = await create();
    const { recordId } = await archive.save({ type: 'incident', data: sampleIncident() });
    archive.close();
    const before = await allFiles(dir);
    expect((await failure(Archive.open(dir))).code).toBe('passphraseRequired');
    expect((await failure(Archive.open(dir, 'тұрмыс'))).code).toBe('wrongPassphrase');
    expect((await failure(Archive.open(dir, passphrase.normalize('NFD').toUpperCase()))).code).toBe('wrongPassphrase');
    expect(await allFiles(dir)).toEqual(before);
    // The same words typed in decomposed form are the same passphrase.
    const reopened = await Archive.open(dir, passphrase.normalize('NFD'));
    expect(reopened.getRecord(recordId).summary.data).toMatchObject({ title: sampleIncident().title });
  });

  it('refuses at once a folder that asks for key derivation beyond what Dalel writes, deriving nothing', async () => {
    const archive = await create();
    archive.close();
    const manifestPath = join(dir, 'dalel-archive.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    // A hostile folder offered for merge: 4 GiB and many seconds per passphrase tried.
    for (const kdf of [{ N: 2 ** 22, r: 8 }, { N: 2 ** 17, r: 32 }, { N: 2 ** 17, r: 8, p: 16 }, { N: 3 * 2 ** 12, r: 8 }]) {
      await writeFile(manifestPath, JSON.stringify({ ...manifest, encryption: { ...manifest.encryption, kdf: { ...manifest.encryption.kdf, ...kdf } } }));
      const started = Date.now();
      const error = await failure(Archive.open(dir, passphrase));
      expect(error.code, JSON.stringify(kdf)).toBe('archiveDamaged');
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });

  it('changes its passphrase by rewriting only the manifest', async () => {
    const archive = await create();
    await archive.save({ type: 'incident', data: sampleIncident() });
    const before = await allFiles(dir);
    await expect(archive.changePassphrase('wrong one', 'the new passphrase', cost)).rejects.toMatchObject({ code: 'wrongPassphrase' });
    await archive.changePassphrase(passphrase, 'the new passphrase', cost);
    const after = await allFiles(dir);
    expect([...after.keys()].filter((name) => !before.get(name)?.equals(after.get(name)!))).toEqual(['dalel-archive.json']);
    expect((await failure(Archive.open(dir, passphrase))).code).toBe('wrongPassphrase');
    expect((await Archive.open(dir, 'the new passphrase')).listRecords('incident')).toHaveLength(1);
  });

  describe('reports a flipped byte as damage to that file, never a crash', () => {
    async function flipByteOf(name: string, at: 'start' | 'middle' | 'end' = 'middle') {
      const file = join(dir, name);
      const bytes = await readFile(file);
      const index = at === 'start' ? 30 : at === 'end' ? bytes.length - 1 : Math.floor(bytes.length / 2);
      bytes[index]! ^= 0x01;
      await writeFile(file, bytes);
    }
    async function storedFiles() {
      return [...(await allFiles(dir)).keys()].filter((name) => name.startsWith('data-'));
    }

    it('in a pack of records: that pack is named, the records of the others stay usable', async () => {
      const archive = await create();
      const damaged = await archive.save({ type: 'incident', data: sampleIncident({ title: 'damaged' }) });
      let kept = await archive.save({ type: 'incident', data: sampleIncident({ title: 'kept' }) });
      // Records fall in one of 256 packs by their id: the kept one is in another.
      while (kept.recordId.slice(0, 2) === damaged.recordId.slice(0, 2)) kept = await archive.save({ type: 'incident', data: sampleIncident({ title: 'kept' }) });
      const pack = `packs/${damaged.recordId.slice(0, 2)}`;
      const file = storedFile(archive, pack);
      await archive.close();
      await flipByteOf(file, 'end');
      const reopened = await Archive.open(dir, passphrase);
      expect(reopened.problems).toEqual([{ file: pack, reason: 'unreadable' }]);
      expect(reopened.listRecords('incident').map((record) => record.recordId)).toContain(kept.recordId);
      expect(reopened.listRecords('incident').map((record) => record.recordId)).not.toContain(damaged.recordId);
    });

    it('in the settings, the signing key, the custody log, the sealed safety record, a pack and the wrapped key: each named', async () => {
      const archive = await create();
      await archive.save({ type: 'incident', data: sampleIncident() });
      const stored = ['settings.json', 'keys/signing.json', 'custody.log', 'vouched.json', 'packs/00'].map((path) => storedFile(archive, path));
      await archive.close();
      expect((await storedFiles()).length).toBe(4 + 256);
      const outcomes: string[] = [];
      for (const name of stored) {
        const original = await readFile(join(dir, name));
        // The custody log's first event: the log is padded, and a byte of its padding is never read.
        await flipByteOf(name, name === stored[2] ? 'start' : 'middle');
        const opened = await Archive.open(dir, passphrase).catch((error: unknown) => error as EngineError);
        if (opened instanceof Archive) {
          // Not needed to open, but found: what the passphrase vouches for was altered, or a pack is lost.
          outcomes.push([...opened.tampering, ...opened.problems.map((problem) => problem.file)].join());
          await opened.close();
        } else outcomes.push(`${opened.code}:${opened.params.file ?? opened.params.line}`);
        await writeFile(join(dir, name), original);
      }
      expect(outcomes).toEqual(['archiveDamaged:settings.json', 'archiveDamaged:keys/signing.json', 'custodyBroken:1', 'vouchedMissing', 'packs/00']);
      const manifest = JSON.parse(await readFile(join(dir, 'dalel-archive.json'), 'utf8'));
      const wrapped = Buffer.from(manifest.encryption.wrappedKey, 'base64');
      wrapped[20]! ^= 1;
      await writeFile(join(dir, 'dalel-archive.json'), JSON.stringify({ ...manifest, encryption: { ...manifest.encryption, wrappedKey: wrapped.toString('base64') } }));
      expect(await failure(Archive.open(dir, passphrase))).toMatchObject({ code: 'archiveDamaged', params: { file: 'dalel-archive.json' } });
    });
  });

  it('in a record\'s list of evidence files: its pack is named when the archive opens, through the contract', async () => {
    const { createEngine } = await import('./dispatch');
    const engine = createEngine({
      defaultArchivePath: dir,
      configDir: join(folder.path, 'config'),
      osLocale: 'en',
      version: 'test',
      scryptCost: cost,
      dialogs: { chooseFolder: async () => null },
    });
    await engine.dispatch('archive:create', { name: 'A', protection: { kind: 'passphrase', passphrase } });
    const saved = await engine.dispatch('records:save', { type: 'incident', data: sampleIncident() });
    const { recordId } = (saved as { value: { recordId: string } }).value;
    const file = join(folder.path, 'photo.jpg');
    await writeFile(file, randomBytes(1000));
    await engine.dispatch('attachments:add', { recordId, paths: [file] });
    // The record's list of evidence files is kept in the pack of its records (sealedPacks.ts).
    await engine.dispatch('archive:lock', {});
    const probe = await Archive.open(dir, passphrase);
    const pack = join(dir, storedFile(probe, `packs/${recordId.slice(0, 2)}`));
    await probe.close();
    const bytes = await readFile(pack);
    bytes[bytes.length - 3]! ^= 1;
    await writeFile(pack, bytes);
    const opened = await engine.dispatch('archive:open', { passphrase });
    expect(opened).toMatchObject({ ok: true, value: { problems: [{ file: `packs/${recordId.slice(0, 2)}`, reason: 'unreadable' }] } });
    // Asked for, the record is said to be damaged, with the pack that held it: not "not in this archive".
    expect(await engine.dispatch('records:get', { recordId })).toMatchObject({ ok: false, error: { code: 'recordDamaged', params: { id: recordId, file: `packs/${recordId.slice(0, 2)}` } } });
  });

  it('destroys itself after the chosen number of wrong passphrases, and not before', async () => {
    const archive = await create();
    await archive.setSafety({ quickDelete: false, unlockAttemptLimit: 3 });
    archive.close();
    expect(await failure(Archive.open(dir, 'guess one'))).toMatchObject({ code: 'wrongPassphraseLimited', params: { left: 2 } });
    await Archive.open(dir, passphrase); // a right one resets the count
    expect(await failure(Archive.open(dir, 'guess one'))).toMatchObject({ params: { left: 2 } });
    expect(await failure(Archive.open(dir, 'guess two'))).toMatchObject({ params: { left: 1 } });
    expect(existsSync(join(dir, 'dalel-archive.json'))).toBe(true);
    expect((await failure(Archive.open(dir, 'guess three'))).code).toBe('archiveDestroyed');
    expect(existsSync(dir)).toBe(false);
  });

  it('forgets every key it holds when it is locked: the data key and the content and name keys', async () => {
    const archive = await create();
    const keyring = (archive as unknown as { keyring: Keyring }).keyring;
    const keys = [keyring.dataKey, keyring.contentKey, (keyring as unknown as { nameKey: Buffer }).nameKey];
    expect(keys.every((key) => key.some((byte) => byte !== 0))).toBe(true);
    await archive.close();
    expect(keys.map((key) => key.every((byte) => byte === 0))).toEqual([true, true, true]);
  });

  it('sweeps the temporary files of writes killed long ago when it opens, and keeps a fresh one', async () => {
    const archive = await create();
    archive.close();
    const orphan = join(dir, 'blobs-0123456789ab.0123456789ab.tmp');
    const fresh = join(dir, 'record.abcdefabcdef.tmp');
    await writeFile(orphan, randomBytes(70_000));
    await writeFile(fresh, randomBytes(100));
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(orphan, hourAgo, hourAgo);
    (await Archive.open(dir, passphrase)).close();
    expect(existsSync(orphan), 'an orphan of a killed write').toBe(false);
    expect(existsSync(fresh), 'a write that may still be going on').toBe(true);
  });

  it('destroys the real folder when it was opened through a link, not just the link', async () => {
    const archive = await create({ passphrase: null });
    await archive.save({ type: 'incident', data: sampleIncident() });
    archive.close();
    const link = join(folder.path, 'на рабочем столе');
    await symlink(dir, link);
    await destroyArchiveFolder(link);
    expect(existsSync(dir), 'the real folder').toBe(false);
    expect(existsSync(link), 'the link').toBe(false);
  });
});

describe('encrypting an unencrypted archive in place', () => {
  it('keeps every record, signature and custody event, and leaves no plain file', async () => {
    const plain = await create({ passphrase: null });
    for (let index = 0; index < 5; index += 1) await plain.save({ type: 'incident', data: sampleIncident({ title: `Ақтау ${index}` }) });
    // Every kind of file a plain archive holds: an evidence file, its list, a trusted signer.
    const { recordId } = await plain.save({ type: 'incident', data: sampleIncident({ title: 'Жаңаөзен' }) });
    await writeFile(join(folder.path, 'куәлік.txt'), 'The pharmacy could not take cards.');
    await plain.attach(recordId, [{ path: join(folder.path, 'куәлік.txt') }]);
    await plain.trust(SigningKey.generate().publicLine, 'Aigerim');
    // And a proof of time of its custody log (anchors.json).
    const authority = makeTestAuthority(folder.path);
    await plain.addCustodyAnchor(authority.reply((await plain.custodyAnchorRequest()).request));
    const stateHash = await plain.stateHash();
    await plain.encryptInPlace(passphrase, cost);
    const files = [...(await allFiles(dir)).keys()];
    expect(files.every((name) => name === 'dalel-archive.json' || /^data-[0-9a-f]{16}\//.test(name))).toBe(true);
    const encrypted = await Archive.open(dir, passphrase);
    expect(encrypted.encrypted).toBe(true);
    expect(await encrypted.stateHash()).toBe(stateHash);
    expect(encrypted.key.fingerprint).toBe(plain.key.fingerprint);
    expect(await encrypted.listCustodyAnchors()).toEqual([expect.objectContaining({ stamp: expect.objectContaining({ authority: 'CN=Dalel Test TSA, O=Dalel tests' }) })]);
    await encrypted.save({ type: 'incident', data: sampleIncident() });
    expect((await Archive.open(dir, passphrase)).listRecords('incident')).toHaveLength(7);
  });

  it('rolls back a half-done encryption and finishes a committed one', async () => {
    const plain = await create({ passphrase: null });
    await plain.save({ type: 'incident', data: sampleIncident() });
    const stateHash = await plain.stateHash();
    // Interrupted before the manifest changed: staging and sealed files are left behind.
    await mkdir(join(dir, '.encrypting', 'data', 'ab'), { recursive: true });
    await writeFile(join(dir, '.encrypting', 'data', 'ab', 'cd'), randomBytes(100));
    await mkdir(join(dir, 'data', 'ef'), { recursive: true });
    const reopened = await Archive.open(dir);
    expect(await reopened.stateHash()).toBe(stateHash);
    expect(existsSync(join(dir, 'data'))).toBe(false);
    expect(existsSync(join(dir, '.encrypting'))).toBe(false);

    // Interrupted after the manifest changed: plain files are left behind, and go.
    const plainRecords = await allFiles(dir);
    await reopened.encryptInPlace(passphrase, cost);
    for (const [name, bytes] of plainRecords) {
      if (name === 'dalel-archive.json') continue;
      await mkdir(join(dir, name, '..'), { recursive: true });
      await writeFile(join(dir, name), bytes);
    }
    expect(await (await Archive.open(dir, passphrase)).stateHash()).toBe(stateHash);
    expect([...(await allFiles(dir)).keys()].every((name) => name === 'dalel-archive.json' || /^data-[0-9a-f]{16}\//.test(name))).toBe(true);
  });
});

describe('sealed streams', () => {
  it('round-trip many chunks in constant memory and detect a damaged or missing chunk', async () => {
    const keyring = Keyring.generate();
    const size = 48 * 1024 * 1024 + 12345;
    async function* source() {
      for (let sent = 0; sent < size; sent += 1024 * 1024) yield Buffer.alloc(Math.min(1024 * 1024, size - sent), sent % 251);
    }
    const sealed: Buffer[] = [];
    const before = process.memoryUsage().rss;
    for await (const piece of sealStream(keyring.contentKey, 'stored', 'blobs/video.mp4', source())) sealed.push(piece);
    /** Opens a sealed file held in memory chunk by chunk at its own offsets, as EncryptedStorage reads one from disk. */
    async function* open(pieces: Buffer[], storedName = 'stored') {
      const file = Buffer.concat(pieces);
      const readAt = async (offset: number, length: number) => file.subarray(offset, offset + length);
      const layout = await sealedLayout(keyring.contentKey, storedName, file.subarray(0, 4096), file.length, readAt);
      for (let at = 0; at < layout.size; at += 1024 * 1024) {
        const end = Math.min(layout.size, at + 1024 * 1024);
        const chunks = layout.chunksOf(at, end);
        // The last chunks hold the padding too: only the file's bytes are taken.
        yield chunks.open(file.subarray(chunks.offset, chunks.offset + chunks.length)).subarray(0, end - at);
      }
    }
    let total = 0;
    const hash = createHash('sha256');
    for await (const piece of open(sealed)) {
      total += piece.length;
      hash.update(piece);
    }
    const expected = createHash('sha256');
    for await (const piece of source()) expected.update(piece);
    expect(total).toBe(size);
    expect(hash.digest('hex')).toBe(expected.digest('hex'));
    // The test holds the sealed copy twice (its pieces and joined); the reading adds little on top.
    expect(process.memoryUsage().rss - before).toBeLessThan(size * 2.5 + 64 * 1024 * 1024);

    const consume = async (pieces: Buffer[], storedName?: string) => {
      for await (const _ of open(pieces, storedName)) void _;
    };
    const damaged = sealed.map((piece) => Buffer.from(piece));
    damaged[300]![10]! ^= 1;
    await expect(consume(damaged)).rejects.toBeInstanceOf(SealBroken);
    await expect(consume(sealed.slice(0, -1))).rejects.toBeInstanceOf(SealBroken);
    await expect(consume(sealed)).resolves.toBeUndefined();
    await expect(consume(sealed, 'another stored name')).rejects.toBeInstanceOf(SealBroken);
  });
});

describe('a save queued behind encryption in place', () => {
  it('is refused rather than written to the plain files that are about to go', async () => {
    const plain = await create({ passphrase: null });
    const encrypting = plain.encryptInPlace(passphrase, cost);
    const save = plain.save({ type: 'incident', data: sampleIncident() });
    await encrypting;
    await expect(save).rejects.toMatchObject({ code: 'noArchive' });
    expect((await Archive.open(dir, passphrase)).listRecords('incident')).toHaveLength(0);
  });
});
