/**
 * Import and merge on real archives, real bundles and real files: the union
 * is the same whatever the order, nothing is lost, conflicts stay until a
 * person resolves them, and anything doubtful writes nothing at all.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../archive';
import { exportBundle } from '../bundle/export';
import { verifyBundle } from '../bundle/verify';
import { archiveZip, internalBag } from '../bundle/testing/makeBundle';
import { signRevision } from '../revisions';
import { SigningKey } from '../signingKey';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';
import { journalFile } from './journal';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

/** For the tests where who signed does not matter: the bundle's signer is not in the archive's trusted list. */
const unknownSigner = { allowUntrusted: true };

let made = 0;
const create = (name: string, passphrase: string | null = null) =>
  Archive.create(join(folder.path, `${name}-${(made += 1)}`), { name, organization: 'Дәлел', passphrase, scryptCost: 2 ** 12 });

async function exported(archive: Archive, profile: 'internal' | 'legal' | 'public' = 'internal'): Promise<string> {
  const out = join(folder.path, `bundle-${(made += 1)}.zip`);
  await exportBundle(archive, { out, profile, language: 'kk', softwareVersion: 'test' });
  return out;
}

/** Every file of a folder with its bytes' hash: "nothing written" means this does not change. */
async function snapshot(path: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files[relative(path, full)] = execFileSync('sha256sum', [full]).toString().split(' ')[0]!;
  }
  return files;
}

/** A defender with one incident, an effect on it, and a photo on the incident. */
async function defender(name: string, title: string) {
  const archive = await create(name);
  const incident = await archive.save({ type: 'incident', data: sampleIncident({ title }) });
  await archive.save({
    type: 'effect',
    data: { incident: incident.recordId, category: 'banking_payments', severity: 'high', description: `${title}: card payments stopped` },
  });
  const photo = join(folder.path, `${name}.jpg`);
  await writeFile(photo, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`${name} ${title} фото`)]));
  await archive.attach(incident.recordId, [{ path: photo }]);
  return { archive, incident };
}

const revisionIds = (archive: Archive) =>
  (['incident', 'effect', 'source'] as const).flatMap((type) => archive.listRecords(type).flatMap((summary) => archive.getRecord(summary.recordId).history.map((signed) => signed.id))).sort();

describe('importing internal bundles', () => {
  it('gives the same archive in either order, keeps every revision and file, and importing again changes nothing', async () => {
    const a = await defender('Aigerim', 'Almaty, 5 January');
    const b = await defender('Ерлан', 'Жаңаөзен, 4 қаңтар');
    const bundleA = await exported(a.archive);
    const bundleB = await exported(b.archive);

    const first = await create('Org one');
    const second = await create('Org two');
    const outcome = await first.importBundle(bundleA, unknownSigner);
    expect(outcome.report.valid).toBe(true);
    expect(outcome.imported).toMatchObject({ kind: 'merged', revisionsAdded: 2, attachmentsAdded: 1 });
    await first.importBundle(bundleB, unknownSigner);
    await second.importBundle(bundleB, unknownSigner);
    await second.importBundle(bundleA, unknownSigner);

    expect(await first.stateHash()).toBe(await second.stateHash());
    expect(revisionIds(first)).toEqual([...revisionIds(a.archive), ...revisionIds(b.archive)].sort());
    const photo = (await first.listAttachments(a.incident.recordId))[0]!;
    expect(photo.sha256).toBe((await a.archive.listAttachments(a.incident.recordId))[0]!.sha256);
    const bytes: Uint8Array[] = [];
    for await (const piece of first.readBlob(photo.sha256)) bytes.push(piece);
    expect(Buffer.concat(bytes).toString()).toContain('Aigerim Almaty, 5 January');

    const before = await first.stateHash();
    const again = await first.importBundle(bundleA, unknownSigner);
    expect(again.imported).toMatchObject({ revisionsAdded: 0, attachmentsAdded: 0 });
    expect(await first.stateHash()).toBe(before);

    // Reopened from disk, the union is still there.
    const reopened = await Archive.open(first.path);
    expect(await reopened.stateHash()).toBe(before);
  });

  it('shows where each revision came from, through the custody log', async () => {
    const a = await defender('Aigerim', 'Almaty');
    const org = await create('Org');
    const bundle = await exported(a.archive);
    await org.importBundle(bundle, unknownSigner);
    const events = org.custodyOf(a.incident.recordId);
    const head = org.getRecord(a.incident.recordId).summary.headId;
    const imported = events.find((event) => event.revisionId === head)!;
    expect(imported).toMatchObject({ action: 'bundle_imported', actor: org.key.fingerprint });
    expect(imported.note).toContain(a.archive.key.fingerprint);
    expect(imported.note).toMatch(/^dalel-\d{8}-[0-9a-f]{8} \(internal\)/);
    // The revision itself still names its author's key.
    expect(org.getRecord(a.incident.recordId).history[0]!.revision.author).toBe(a.archive.key.publicLine);
  });

  it('names a trusted signer, and an unknown one only by its fingerprint', async () => {
    const a = await defender('Aigerim', 'Almaty');
    const org = await create('Org');
    const bundle = await exported(a.archive);
    // Refused unless unknown signers are allowed: found right after the signature, and nothing written.
    const before = await snapshot(org.path);
    const refused = await org.importBundle(bundle);
    expect(refused.imported).toBeNull();
    expect(refused.report.failure).toEqual({ reason: 'signerNotTrusted', detail: { fingerprint: a.archive.key.fingerprint } });
    expect(refused.report.checks.map((check) => check.id).slice(-2)).toEqual(['signerFingerprint', 'trust']);
    expect(await snapshot(org.path)).toEqual(before);
    const unknown = await org.importBundle(bundle, unknownSigner);
    expect(unknown.report.signer).toMatchObject({ fingerprint: a.archive.key.fingerprint, trustedAs: null });
    const signer = await org.trust(`${a.archive.key.publicLine} laptop`, 'Aigerim (Almaty)');
    expect(signer).toMatchObject({ name: 'Aigerim (Almaty)', fingerprint: a.archive.key.fingerprint, addedBy: org.key.fingerprint });
    const known = await org.importBundle(bundle);
    expect(known.report.signer?.trustedAs).toBe('Aigerim (Almaty)');
    // Trusting again keeps the first name and writes nothing.
    const state = await snapshot(org.path);
    await org.trust(a.archive.key.publicLine, 'Other name');
    expect(await snapshot(org.path)).toEqual(state);
    expect((await (await Archive.open(org.path)).trustedSigners()).map((entry) => entry.name)).toEqual(['Aigerim (Almaty)']);
    await expect(org.trust('ssh-rsa AAAAB3NzaC1yc2E', 'x')).rejects.toMatchObject({ code: 'invalidPublicKey' });

    // A key lost with a seized laptop is taken off the list: its bundles are from an unknown signer again.
    expect(await org.untrust(a.archive.key.fingerprint)).toEqual({ removed: true });
    expect(await org.untrust(a.archive.key.fingerprint)).toEqual({ removed: false });
    expect((await org.importBundle(bundle)).report.failure?.reason).toBe('signerNotTrusted');
    const reopened = await Archive.open(org.path);
    expect(await reopened.trustedSigners()).toEqual([]);
  });

  it('works into and out of encrypted archives', async () => {
    const a = await create('Aigerim', 'бір екі үш төрт бес алты');
    const incident = await a.save({ type: 'incident', data: sampleIncident() });
    const org = await create('Org', 'жеті сегіз тоғыз он');
    await org.importBundle(await exported(a), unknownSigner);
    expect(org.getRecord(incident.recordId).summary.data).toMatchObject({ title: sampleIncident().title });
    expect(await org.stateHash()).toBe(await a.stateHash());
  });
});

describe('conflicts', () => {
  it('keeps both versions of a record edited on two sides until a person resolves it, and the old versions do not reopen it', async () => {
    const a = await defender('Aigerim', 'Almaty');
    const b = await create('Ерлан');
    await b.importBundle(await exported(a.archive), unknownSigner);
    const base = a.archive.getRecord(a.incident.recordId).summary.headId;
    await a.archive.save({ type: 'incident', recordId: a.incident.recordId, parent: base, data: sampleIncident({ title: 'Almaty — edited by Aigerim' }) });
    await b.save({ type: 'incident', recordId: a.incident.recordId, parent: base, data: sampleIncident({ title: 'Алматы — Ерлан түзеткен' }) });
    const fromA = await exported(a.archive);
    const fromB = await exported(b);

    // The organization trusts both defenders: each may change the other's records.
    const org = await create('Org');
    await org.trust(a.archive.key.publicLine, 'Aigerim');
    await org.trust(b.key.publicLine, 'Ерлан');
    await org.importBundle(fromA);
    expect(org.conflicts()).toEqual([]);
    await org.importBundle(fromB);
    const [conflict] = org.conflicts();
    expect(conflict).toMatchObject({ recordId: a.incident.recordId, conflict: true });
    expect(conflict!.heads).toHaveLength(2);
    const titles = conflict!.heads.map((id) => org.getRecord(a.incident.recordId).history.find((signed) => signed.id === id)!.revision.data!.title);
    expect(titles.sort()).toEqual(['Almaty — edited by Aigerim', 'Алматы — Ерлан түзеткен']);
    // No version wins by itself: an ordinary edit is refused while the conflict stands.
    await expect(
      org.save({ type: 'incident', recordId: a.incident.recordId, parent: conflict!.headId, data: sampleIncident() }),
    ).rejects.toMatchObject({ code: 'staleRevision' });
    await expect(org.resolveConflict({ recordId: a.incident.recordId, heads: [conflict!.heads[0]!], data: sampleIncident() })).rejects.toMatchObject({
      code: 'staleRevision',
    });

    const resolved = await org.resolveConflict({
      recordId: a.incident.recordId,
      heads: conflict!.heads,
      data: sampleIncident({ title: 'Алматы / Almaty — both accounts' }),
    });
    expect(org.conflicts()).toEqual([]);
    const history = org.getRecord(a.incident.recordId).history;
    expect(history.at(-1)).toMatchObject({ id: resolved.revisionId, revision: { parents: [...conflict!.heads].sort() } });
    expect(org.custodyOf(a.incident.recordId).at(-1)).toMatchObject({ action: 'conflict_resolved', revisionId: resolved.revisionId });

    await org.importBundle(fromB);
    await org.importBundle(fromA);
    expect(org.conflicts()).toEqual([]);
    await expect(org.resolveConflict({ recordId: a.incident.recordId, heads: [resolved.revisionId], data: sampleIncident() })).rejects.toMatchObject({
      code: 'notInConflict',
    });
  });
});

describe('a conflict between an edit and a retraction', () => {
  it('can be resolved by keeping the retraction', async () => {
    const a = await defender('Aigerim', 'Almaty');
    const b = await create('Ерлан');
    await b.importBundle(await exported(a.archive), unknownSigner);
    const base = a.archive.getRecord(a.incident.recordId).summary.headId;
    await a.archive.save({ type: 'incident', recordId: a.incident.recordId, parent: base, data: sampleIncident({ title: 'Almaty — edited' }) });
    await b.retract({ recordId: a.incident.recordId, parent: base, reason: 'Duplicate of another incident' });
    const org = await create('Org');
    await org.trust(b.key.publicLine, 'Ерлан');
    await org.mergeFrom(a.archive);
    await org.mergeFrom(b);
    const [conflict] = org.conflicts();
    const resolved = await org.resolveConflict({ recordId: conflict!.recordId, heads: conflict!.heads, data: null, retraction: { reason: 'Duplicate' } });
    const { summary, history } = org.getRecord(conflict!.recordId);
    expect(summary).toMatchObject({ conflict: false, retracted: true, headId: resolved.revisionId });
    expect(history.at(-1)!.revision).toMatchObject({ data: null, retraction: { reason: 'Duplicate' }, parents: [...conflict!.heads].sort() });
  });
});

describe('refusals write nothing', () => {
  it('a tampered bundle: the report says why, and the archive is as it was', async () => {
    const a = await defender('Aigerim', 'Almaty');
    const bundle = await exported(a.archive);
    const bytes = await readFile(bundle);
    // The photo is stored as is in the ZIP: one of its bytes changes, its CRC-32 left as it was.
    const at = bytes.indexOf(Buffer.from('Aigerim Almaty'));
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'E'.charCodeAt(0);
    await writeFile(bundle, bytes);
    const org = await create('Org');
    const before = await snapshot(org.path);
    const outcome = await org.importBundle(bundle, unknownSigner);
    expect(outcome.imported).toBeNull();
    expect(outcome.report.valid).toBe(false);
    expect(outcome.report.failure?.file).toMatch(/\/data\/attachments\/[0-9a-f]{64}\.jpg$/);
    expect(await snapshot(org.path)).toEqual(before);
  });

  it('a bundle correctly signed by its sender whose revisions are forged', async () => {
    const a = await defender('Aigerim', 'Almaty');
    const genuine = JSON.parse(execFileSync('unzip', ['-p', await exported(a.archive), '*/data/bundle.json']).toString());
    const key = SigningKey.generate();
    const forgedRecords = genuine.records.map((record: { revisions: { revision: { data: Record<string, unknown> | null } }[] }) => ({
      ...record,
      revisions: record.revisions.map((signed, index) =>
        index === 0 && signed.revision.data ? { ...signed, revision: { ...signed.revision, data: { ...signed.revision.data, title: 'Nothing happened' } } } : signed,
      ),
    }));
    const bag = await internalBag(key, forgedRecords);
    const zip = join(folder.path, 'forged.zip');
    await archiveZip(bag, zip);
    const org = await create('Org');
    const before = await snapshot(org.path);
    const outcome = await org.importBundle(zip, unknownSigner);
    expect(outcome.imported).toBeNull();
    expect(outcome.report.failure).toMatchObject({ reason: 'revisionForged', file: 'data/bundle.json', detail: { recordId: a.incident.recordId } });
    expect(outcome.report.checks.at(-1)).toEqual({ id: 'revisions', ok: false });
    expect(await snapshot(org.path)).toEqual(before);

    // The verifier alone says the same: a script that checks before importing is not told "valid".
    expect((await verifyBundle(zip)).failure).toMatchObject({ reason: 'revisionForged' });
  });

  it('a bundle whose revision is correctly signed but not a valid record of its type', async () => {
    const a = await defender('Aigerim', 'Almaty');
    const genuine = JSON.parse(execFileSync('unzip', ['-p', await exported(a.archive), '*/data/bundle.json']).toString());
    const key = SigningKey.generate();
    const [record] = genuine.records;
    const invalid = signRevision(key, { recordId: record.recordId, type: record.type, parents: [record.revisions[0].id], data: { title: 7 } });
    const bag = await internalBag(key, [{ ...record, revisions: [...record.revisions, invalid] }]);
    const zip = join(folder.path, 'invalid.zip');
    await archiveZip(bag, zip);
    expect((await verifyBundle(zip)).failure).toMatchObject({ reason: 'revisionInvalid', detail: { recordId: record.recordId } });
    const org = await create('Org');
    const before = await snapshot(org.path);
    expect((await org.importBundle(zip, unknownSigner)).imported).toBeNull();
    expect(await snapshot(org.path)).toEqual(before);
  });

  it('a legal bundle is kept whole as received evidence, never mixed into the records', async () => {
    const a = await defender('Aigerim', 'Almaty');
    const bundle = await exported(a.archive, 'legal');
    const org = await create('Org');
    const state = await org.stateHash();
    const outcome = await org.importBundle(bundle, unknownSigner);
    expect(outcome.imported).toMatchObject({ kind: 'received' });
    expect(org.listRecords('incident')).toEqual([]);
    expect(await org.stateHash()).toBe(state);
    const [received] = await org.receivedBundles();
    expect(received).toMatchObject({ profile: 'legal', bundleId: outcome.report.bundleId, size: (await stat(bundle)).size });
    expect(received!.sha256).toBe(execFileSync('sha256sum', [bundle]).toString().split(' ')[0]);
    expect(received!.signer.fingerprint).toBe(a.archive.key.fingerprint);

    // Re-checked where it is kept, at any time, and readable when still valid.
    const again = await org.recheckReceived(received!.sha256);
    expect(again.report).toMatchObject({ valid: true, bundleId: outcome.report.bundleId });
    expect(again.bundle?.records.map((record) => record.recordId)).toContain(a.incident.recordId);
    const kept = join(org.path, 'blobs', received!.sha256.slice(0, 2), received!.sha256);
    const bytes = await readFile(kept);
    const at = bytes.indexOf(Buffer.from('Aigerim Almaty'));
    bytes[at] = 'E'.charCodeAt(0);
    await writeFile(kept, bytes);
    expect((await org.recheckReceived(received!.sha256)).report.valid).toBe(false);
  });

  it('a received bundle is re-checked from inside an encrypted archive, without writing it out', async () => {
    const a = await defender('Aigerim', 'Almaty');
    const org = await create('Org', 'жеті сегіз тоғыз он');
    await org.importBundle(await exported(a.archive, 'public'), unknownSigner);
    const [received] = await org.receivedBundles();
    const before = await snapshot(org.path);
    expect((await org.recheckReceived(received!.sha256)).report).toMatchObject({ valid: true, profile: 'public' });
    expect(await snapshot(org.path)).toEqual(before);
  });
});

describe('merging archive folders', () => {
  it('gives the same archive in either order and twice changes nothing', async () => {
    const a = await defender('Aigerim', 'Almaty');
    const b = await defender('Ерлан', 'Жаңаөзен');
    const first = await create('Org one');
    const second = await create('Org two');
    const progress: [number, number][] = [];
    expect(await first.mergeFrom(a.archive, { onProgress: (done, total) => progress.push([done, total]) })).toMatchObject({
      revisionsAdded: 2,
      attachmentsAdded: 1,
    });
    const photoSize = (await a.archive.listAttachments(a.incident.recordId))[0]!.size;
    expect(progress[0]).toEqual([0, photoSize]);
    expect(progress.at(-1)).toEqual([photoSize, photoSize]);
    await first.mergeFrom(b.archive);
    await second.mergeFrom(b.archive);
    await second.mergeFrom(a.archive);
    expect(await first.stateHash()).toBe(await second.stateHash());
    const before = await first.stateHash();
    expect(await first.mergeFrom(a.archive)).toMatchObject({ revisionsAdded: 0, attachmentsAdded: 0 });
    expect(await first.stateHash()).toBe(before);
    expect(first.custodyOf(a.incident.recordId).some((event) => event.action === 'archive_merged' && event.note?.includes(a.archive.status().archiveId))).toBe(true);
  });

  it('refuses another archive with a damaged evidence file, and writes nothing', async () => {
    const a = await defender('Aigerim', 'Almaty');
    const [photo] = await a.archive.listAttachments(a.incident.recordId);
    const blob = join(a.archive.path, 'blobs', photo!.sha256.slice(0, 2), photo!.sha256);
    const bytes = await readFile(blob);
    bytes[bytes.length - 1]! ^= 1;
    await writeFile(blob, bytes);
    const org = await create('Org');
    const before = await snapshot(org.path);
    await expect(org.mergeFrom(await Archive.open(a.archive.path))).rejects.toMatchObject({ code: 'otherArchiveDamaged' });
    expect(await snapshot(org.path)).toEqual(before);
  });

  it('refuses another archive with an altered record file', async () => {
    const a = await defender('Aigerim', 'Almaty');
    const file = join(a.archive.path, 'records', a.incident.recordId.slice(0, 2), `${a.incident.recordId}.json`);
    await writeFile(file, (await readFile(file, 'utf8')).replace('Almaty', 'Astana'));
    const org = await create('Org');
    const before = await snapshot(org.path);
    await expect(org.mergeFrom(await Archive.open(a.archive.path))).rejects.toMatchObject({ code: 'otherArchiveDamaged' });
    expect(await snapshot(org.path)).toEqual(before);
  });
});

describe('the journal', () => {
  it('an archive opened with a committed journal finishes the change, once', async () => {
    const a = await defender('Aigerim', 'Almaty');
    const org = await create('Org');
    await org.mergeFrom(a.archive);
    const expected = await org.stateHash();
    const custodyLines = (await readFile(join(org.path, 'custody.log'), 'utf8')).split('\n').filter(Boolean);

    // The same change, cut off right after its moment of change: the journal written, nothing applied.
    const cut = await create('Org cut');
    const journal = {
      journal: 1,
      revisions: Object.values((org as unknown as { records: { recordSet(): object } }).records.recordSet()).flat(),
      attachments: await org.listAttachments(a.incident.recordId),
      trusted: [],
      received: [],
      custody: [],
    };
    for await (const piece of a.archive.readBlob(journal.attachments[0]!.sha256)) {
      const dir = join(cut.path, 'blobs', journal.attachments[0]!.sha256.slice(0, 2));
      await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
      await writeFile(join(dir, journal.attachments[0]!.sha256), piece, { flag: 'a' });
    }
    await writeFile(join(cut.path, journalFile), JSON.stringify(journal));
    const reopened = await Archive.open(cut.path);
    expect(await reopened.stateHash()).toBe(expected);
    expect((await readdir(cut.path)).includes(journalFile)).toBe(false);
    expect(custodyLines.length).toBeGreaterThan(1);
    expect(await (await Archive.open(cut.path)).stateHash()).toBe(expected);
  });
});

describe('locking during an import', () => {
  it('cancels the import and leaves an encrypted archive readable, as before or as after', async () => {
    const { createEngine } = await import('../index');
    const a = await defender('Aigerim', 'Almaty');
    const video = join(folder.path, 'video.mp4');
    await writeFile(video, Buffer.alloc(64 * 2 ** 20, 7));
    await a.archive.attach(a.incident.recordId, [{ path: video }]);
    const bundle = await exported(a.archive);
    const engine = createEngine({
      defaultArchivePath: join(folder.path, 'default'),
      configDir: join(folder.path, 'config'),
      osLocale: 'en',
      version: 'test',
      dialogs: { chooseFolder: async () => null },
      scryptCost: 2 ** 12,
    });
    const path = join(folder.path, 'org-locked');
    const passphrase = 'жеті сегіз тоғыз он';
    await engine.dispatch('archive:create', { name: 'Org', path, protection: { kind: 'passphrase', passphrase } });
    const before = (await engine.dispatch('archive:stateHash', {})) as { value: { stateHash: string } };
    const importing = engine.dispatch('bundle:import', { path: bundle, allowUntrusted: true });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await engine.dispatch('archive:lock', {})).toMatchObject({ ok: true, value: { open: false } });
    const outcome = await importing;
    await engine.close();

    const reopened = await Archive.open(path, passphrase);
    const state = await reopened.stateHash();
    if (outcome.ok) expect(state).not.toBe(before.value.stateHash);
    else {
      expect(outcome.error.code).toBe('cancelled');
      expect(state).toBe(before.value.stateHash);
    }
    for (const record of reopened.listRecords('incident')) {
      for (const attachment of await reopened.listAttachments(record.recordId)) {
        for await (const piece of reopened.readBlob(attachment.sha256)) expect(piece.length).toBeGreaterThan(0);
      }
    }
  }, 60_000);
});
