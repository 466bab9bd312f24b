import { execFileSync } from 'node:child_process';
import { createHmac, verify } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { committedFields } from '../../shared/model';
import { Archive } from './archive';
import { canonicalJson, sha256Hex } from './canonical';
import { EngineError } from './errors';
import { publicKeyFromLine } from './signingKey';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'архив ädəl');
});
afterEach(() => folder.remove());

async function failure(promise: Promise<unknown>): Promise<EngineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EngineError);
  return error as EngineError;
}

/** Every file of a folder with its bytes, to prove that nothing changed. */
async function snapshot(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = join(entry.parentPath, entry.name);
      files.set(full, sha256Hex(await readFile(full)));
    }
  }
  return files;
}

describe('an archive folder', () => {
  it('is created with a key whose fingerprint is what ssh-keygen prints', async () => {
    const archive = await Archive.create(dir, { name: 'Almaty group', organization: 'Дәлел', passphrase: null });
    const status = archive.status();
    expect(status).toMatchObject({ open: true, name: 'Almaty group', organization: 'Дәлел', encrypted: false });
    const pubFile = join(folder.path, 'key.pub');
    await writeFile(pubFile, `${archive.key.publicLine} test\n`);
    const printed = execFileSync('ssh-keygen', ['-lf', pubFile], { encoding: 'utf8' });
    expect(printed.split(' ')[1]).toBe(status.fingerprint);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('reopens with the same records, key and custody chain', async () => {
    const first = await Archive.create(dir, { name: 'A', organization: '', passphrase: null });
    const { recordId } = await first.save({ type: 'incident', data: sampleIncident() });
    const reopened = await Archive.open(dir);
    expect(reopened.key.fingerprint).toBe(first.key.fingerprint);
    expect(reopened.getRecord(recordId).summary.data).toMatchObject({ title: sampleIncident().title });
    expect(await reopened.stateHash()).toBe(await first.stateHash());
  });

  it('refuses to be created in a folder that holds files, and leaves them alone', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const before = await snapshot(dir);
    expect((await failure(Archive.create(dir, { name: 'A', organization: '', passphrase: null }))).code).toBe('archiveExists');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('says clearly when a folder is missing, not an archive, damaged or too new', async () => {
    expect((await failure(Archive.open(dir))).code).toBe('archiveNotFound');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'holiday.jpg'), 'x');
    expect((await failure(Archive.open(dir))).code).toBe('notAnArchive');

    const real = join(folder.path, 'real');
    await Archive.create(real, { name: 'A', organization: '', passphrase: null });
    const manifest = JSON.parse(await readFile(join(real, 'dalel-archive.json'), 'utf8'));
    await writeFile(join(real, 'dalel-archive.json'), JSON.stringify({ ...manifest, format: 7 }));
    const tooNew = await failure(Archive.open(real));
    expect(tooNew.code).toBe('archiveTooNew');
    expect(tooNew.params).toEqual({ version: 7, supported: 1 });

    await writeFile(join(real, 'dalel-archive.json'), '{"dalel": "archive", "form');
    expect((await failure(Archive.open(real))).params).toMatchObject({ file: 'dalel-archive.json' });

    await writeFile(join(real, 'dalel-archive.json'), JSON.stringify(manifest));
    await writeFile(join(real, 'keys', 'signing.json'), '{}');
    expect((await failure(Archive.open(real))).params).toMatchObject({ file: 'keys/signing.json' });
  });
});

describe('records', () => {
  it('are saved as signed format 2 revisions whose id is the sha256 of their salted commitments', async () => {
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: null });
    const { recordId, revisionId } = await archive.save({ type: 'incident', data: sampleIncident() });
    const [signed] = archive.getRecord(recordId).history;
    expect(signed!.id).toBe(revisionId);
    const { format, type, author, createdAt, data, disclosureKey } = signed!.revision;
    expect(format).toBe(2);
    // Each value's commitment, worked out by hand: a 128-bit salt from the revision's key, then sha256 of [salt, path, value].
    const commit = (path: string, ...value: unknown[]) => {
      const salt = createHmac('sha256', Buffer.from(disclosureKey!, 'base64url')).update(`dalel salt v1\0${path}`).digest().subarray(0, 16).toString('base64url');
      return sha256Hex(canonicalJson([salt, path, ...value]));
    };
    const commitments: Record<string, string> = { '/parents': commit('/parents', []), '/retraction': commit('/retraction') };
    // The fields committed present or not are the frozen list (fields added since are committed only when present).
    for (const field of new Set([...committedFields.incident!, ...Object.keys(data!)])) {
      const value = data![field];
      if (field === 'sources') (value as string[]).forEach((item, index) => (commitments[`/data/sources/${index}`] = commit(`/data/sources/${index}`, item)));
      else commitments[`/data/${field}`] = value === undefined ? commit(`/data/${field}`) : commit(`/data/${field}`, value);
    }
    expect(sha256Hex(canonicalJson({ format, recordId, type, author, createdAt, commitments }))).toBe(revisionId);
    // The data itself is not what the id covers: a guess at it confirms nothing.
    expect(sha256Hex(canonicalJson(signed!.revision))).not.toBe(revisionId);
    const key = publicKeyFromLine(signed!.revision.author);
    expect(verify(null, Buffer.from(revisionId, 'hex'), key, Buffer.from(signed!.signature, 'base64'))).toBe(true);
    expect(key.asymmetricKeyType).toBe('ed25519');
    // Defaults are filled in, so the stored record is complete.
    expect(signed!.revision.data).toMatchObject({ country: 'KZ', ongoing: false, rights: [], confidential: false });
  });

  it('keep every revision when edited, and refuse an edit based on an old revision', async () => {
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: null });
    const first = await archive.save({ type: 'incident', data: sampleIncident() });
    const second = await archive.save({
      type: 'incident',
      recordId: first.recordId,
      parent: first.revisionId,
      data: sampleIncident({ title: 'Shutdown, corrected', ongoing: true }),
    });
    const record = archive.getRecord(first.recordId);
    expect(record.history.map((signed) => signed.id)).toEqual([first.revisionId, second.revisionId]);
    expect(record.history[1]!.revision.parents).toEqual([first.revisionId]);
    expect(record.summary).toMatchObject({ headId: second.revisionId, revisionCount: 2, retracted: false });
    const stale = archive.save({ type: 'incident', recordId: first.recordId, parent: first.revisionId, data: sampleIncident() });
    expect((await failure(stale)).code).toBe('staleRevision');
  });

  it('are retracted with a tombstone that keeps the history and blocks edits', async () => {
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: null });
    const first = await archive.save({ type: 'incident', data: sampleIncident() });
    await archive.retract({ recordId: first.recordId, parent: first.revisionId, reason: 'duplicate' });
    const record = (await Archive.open(dir)).getRecord(first.recordId);
    expect(record.summary.retracted).toBe(true);
    expect(record.history).toHaveLength(2);
    expect(record.history[1]!.revision).toMatchObject({ data: null, retraction: { reason: 'duplicate' } });
    const edit = archive.save({ type: 'incident', recordId: first.recordId, data: sampleIncident() });
    expect((await failure(edit)).code).toBe('recordRetracted');
  });

  it('that are invalid are refused with the fields named, and nothing is written', async () => {
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: null });
    const before = await snapshot(dir);
    const error = await failure(
      archive.save({
        type: 'incident',
        data: sampleIncident({
          title: '   ',
          kinds: [],
          endedAt: { at: '2022-01-04T10:00+06:00', precision: 'day' },
        }),
      }),
    );
    expect(error.code).toBe('invalidRecord');
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { path: 'title', key: 'required', params: {} },
        { path: 'kinds', key: 'required', params: {} },
      ]),
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('are each their own small file: a save writes one record file and one custody line', async () => {
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: null });
    for (let index = 0; index < 50; index += 1) await archive.save({ type: 'incident', data: sampleIncident() });
    const before = await snapshot(dir);
    const { recordId } = await archive.save({ type: 'incident', data: sampleIncident() });
    const after = await snapshot(dir);
    const changed = [...after.keys()].filter((file) => before.get(file) !== after.get(file)).map((f) => f.slice(dir.length + 1));
    expect(changed.sort()).toEqual(['custody.log', `records/${recordId.slice(0, 2)}/${recordId}.json`]);
  });

  it('in a damaged or altered file are reported on open while the rest stays usable', async () => {
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: null });
    const good = await archive.save({ type: 'incident', data: sampleIncident({ title: 'good' }) });
    const bad = await archive.save({ type: 'incident', data: sampleIncident({ title: 'to be altered' }) });
    const badFile = join(dir, 'records', bad.recordId.slice(0, 2), `${bad.recordId}.json`);
    await writeFile(badFile, (await readFile(badFile, 'utf8')).replace('to be altered', 'altered!'));
    const reopened = await Archive.open(dir);
    expect(reopened.problems).toEqual([{ file: `records/${bad.recordId.slice(0, 2)}/${bad.recordId}.json`, reason: 'tampered' }]);
    expect(reopened.listRecords('incident').map((r) => r.recordId)).toEqual([good.recordId]);
  });
});

describe('the custody log', () => {
  it('records every save and retraction, chained by hash', async () => {
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: null });
    const saved = await archive.save({ type: 'incident', data: sampleIncident() });
    await archive.retract({ recordId: saved.recordId, parent: saved.revisionId, reason: '' });
    const lines = (await readFile(join(dir, 'custody.log'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((line) => line.action)).toEqual(['archive_created', 'record_saved', 'record_retracted']);
    expect(lines[1].prev).toBe(lines[0].hash);
    expect(lines[2].recordId).toBe(saved.recordId);
  });

  it('lists one record\'s events through the contract, oldest first', async () => {
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: null });
    const first = await archive.save({ type: 'incident', data: sampleIncident() });
    await archive.save({ type: 'incident', data: sampleIncident({ title: 'other' }) });
    const second = await archive.save({ type: 'incident', recordId: first.recordId, data: sampleIncident({ title: 'edited' }) });
    const events = (await Archive.open(dir)).custodyOf(first.recordId);
    expect(events.map((event) => [event.action, event.revisionId])).toEqual([
      ['record_saved', first.revisionId],
      ['record_saved', second.revisionId],
    ]);
    expect(events[0]!.actor).toBe(archive.key.fingerprint);
  });

  it('reveals an edited or removed line on open, by line number', async () => {
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: null });
    await archive.save({ type: 'incident', data: sampleIncident() });
    await archive.save({ type: 'incident', data: sampleIncident() });
    const log = join(dir, 'custody.log');
    const lines = (await readFile(log, 'utf8')).split('\n');
    await writeFile(log, [lines[0], lines[2], ''].join('\n'));
    const removed = await failure(Archive.open(dir));
    expect(removed).toMatchObject({ code: 'custodyBroken', params: { line: 2 } });
    await writeFile(log, [lines[0], lines[1]!.replace('record_saved', 'key_trusted'), lines[2], ''].join('\n'));
    expect(await failure(Archive.open(dir))).toMatchObject({ code: 'custodyBroken', params: { line: 2 } });
  });

  it('reveals reordered lines, and an edit whose own hash was recomputed, at the first line that no longer fits', async () => {
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: null });
    for (const title of ['one', 'two', 'three']) await archive.save({ type: 'incident', data: sampleIncident({ title }) });
    const log = join(dir, 'custody.log');
    const lines = (await readFile(log, 'utf8')).trim().split('\n');
    await writeFile(log, [lines[0], lines[2], lines[1], lines[3], ''].join('\n'));
    expect(await failure(Archive.open(dir))).toMatchObject({ code: 'custodyBroken', params: { line: 2 } });

    const { hash: _hash, ...body } = JSON.parse(lines[2]!) as Record<string, unknown>;
    const forged = { ...body, at: '2021-12-31T00:00:00.000Z' };
    const forgedLine = JSON.stringify({ ...forged, hash: sha256Hex(canonicalJson(forged)) });
    await writeFile(log, [lines[0], lines[1], forgedLine, lines[3], ''].join('\n'));
    expect(await failure(Archive.open(dir))).toMatchObject({ code: 'custodyBroken', params: { line: 4 } });
  });

  it('drops a torn last line left by a crash during an append', async () => {
    const archive = await Archive.create(dir, { name: 'A', organization: '', passphrase: null });
    await archive.save({ type: 'incident', data: sampleIncident() });
    await appendFile(join(dir, 'custody.log'), '{"seq":2,"at":"2026-');
    const reopened = await Archive.open(dir);
    await reopened.save({ type: 'incident', data: sampleIncident() });
    await expect(Archive.open(dir)).resolves.toBeInstanceOf(Archive);
  });
});
