/**
 * Who may change a record, on real archives and bundles (untrusted.ts): an
 * edit, a retraction or an evidence file from a key that neither made the
 * record nor is trusted is set aside, never applied, and kept where a person
 * can see it; the record's maker and trusted keys change it as before.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../archive';
import { exportBundle } from '../bundle/export';
import { archiveZip, internalBag } from '../bundle/testing/makeBundle';
import { signRevision } from '../revisions';
import { SigningKey } from '../signingKey';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

let made = 0;
const create = (name: string) => Archive.create(join(folder.path, `${name}-${(made += 1)}`), { name, organization: '', passphrase: null, scryptCost: 2 ** 12 });
const unknownSigner = { allowUntrusted: true };

async function bundleOf(archive: Archive): Promise<string> {
  const out = join(folder.path, `bundle-${(made += 1)}.zip`);
  await exportBundle(archive, { out, profile: 'internal', language: 'en', softwareVersion: 'test' });
  return out;
}

/** Aigerim's record, held by an organization that trusts her, and an attacker who has her bundle. */
async function scene() {
  const aigerim = await create('Aigerim');
  const { recordId } = await aigerim.save({ type: 'incident', data: sampleIncident({ title: 'Almaty' }) });
  const sent = await bundleOf(aigerim);
  const org = await create('Org');
  await org.trust(aigerim.key.publicLine, 'Aigerim');
  await org.importBundle(sent);
  const attacker = await create('Attacker');
  await attacker.importBundle(sent, unknownSigner);
  const head = () => org.getRecord(recordId).summary.headId;
  return { aigerim, org, attacker, recordId, sent, originalHead: head(), head };
}

describe('a change by a key that neither made the record nor is trusted', () => {
  it('a retraction is set aside, and the bundle is kept with what was set aside', async () => {
    const { org, attacker, recordId, originalHead, head } = await scene();
    await attacker.retract({ recordId, parent: originalHead, reason: 'Not true' });
    const forged = await bundleOf(attacker);
    const outcome = await org.importBundle(forged, unknownSigner);
    expect(outcome.imported?.setAside).toEqual([{ recordId, revisionId: expect.any(String), author: attacker.key.fingerprint }]);
    expect(head()).toBe(originalHead);
    expect(org.getRecord(recordId).summary.retracted).toBe(false);
    const [kept] = await org.receivedBundles();
    expect(kept).toMatchObject({ profile: 'internal', bundleId: outcome.report.bundleId, setAside: outcome.imported!.setAside });
    // The custody log says what was set aside and whose key made it, and names no set-aside revision as taken.
    const log = (await readFile(join(org.path, 'custody.log'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(log.at(-1)).toMatchObject({ action: 'bundle_imported', note: expect.stringContaining(`1 change(s) by keys not trusted set aside, kept with the bundle: ${attacker.key.fingerprint}`) });
    const [change] = outcome.imported!.setAside;
    expect(change && 'revisionId' in change && log.some((line) => line.revisionId === change.revisionId)).toBe(false);
    // Importing again sets it aside again: nothing is applied by repetition.
    expect((await org.importBundle(forged, unknownSigner)).imported?.setAside).toHaveLength(1);
    expect(head()).toBe(originalHead);
  });

  it('an evidence file for the record is set aside; one for the attacker’s own new record is taken', async () => {
    const { org, attacker, recordId } = await scene();
    const photo = join(folder.path, 'forged.jpg');
    await writeFile(photo, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not from Almaty')]));
    const [file] = await attacker.attach(recordId, [{ path: photo }]);
    const own = await attacker.save({ type: 'incident', data: sampleIncident({ title: 'Aktau' }) });
    const outcome = await org.importBundle(await bundleOf(attacker), unknownSigner);
    expect(outcome.imported).toMatchObject({ revisionsAdded: 1, attachmentsAdded: 0, setAside: [{ recordId, sha256: file!.sha256, author: attacker.key.fingerprint }] });
    expect(await org.listAttachments(recordId)).toEqual([]);
    expect(org.getRecord(own.recordId).summary.data).toMatchObject({ title: 'Aktau' });
  });

  it('an edit built on one set aside is set aside with it, even from the record’s maker', async () => {
    const { aigerim, org, attacker, recordId, originalHead, head } = await scene();
    const forged = await attacker.save({ type: 'incident', recordId, parent: originalHead, data: sampleIncident({ title: 'Forged' }) });
    // Aigerim trusted the attacker's key and built on their edit; the organization trusts only her.
    await aigerim.trust(attacker.key.publicLine, 'Colleague');
    await aigerim.importBundle(await bundleOf(attacker));
    const hers = await aigerim.save({ type: 'incident', recordId, parent: forged.revisionId, data: sampleIncident({ title: 'Almaty, after my colleague' }) });
    const outcome = await org.importBundle(await bundleOf(aigerim));
    expect(outcome.imported?.setAside.map((change) => 'revisionId' in change && change.revisionId).sort()).toEqual([forged.revisionId, hers.revisionId].sort());
    expect(head()).toBe(originalHead);
  });

  it('relayed by a trusted signer, an untrusted author’s edit is still set aside; the maker’s own edit, relayed by anyone, is taken', async () => {
    const { aigerim, org, attacker, recordId, originalHead, head } = await scene();
    const relay = await create('Colleague');
    await org.trust(relay.key.publicLine, 'Colleague');
    await relay.importBundle(await bundleOf(aigerim), unknownSigner);
    await relay.trust(attacker.key.publicLine, 'Attacker');
    await attacker.save({ type: 'incident', recordId, parent: originalHead, data: sampleIncident({ title: 'Forged' }) });
    await relay.importBundle(await bundleOf(attacker));
    expect(relay.getRecord(recordId).summary.data).toMatchObject({ title: 'Forged' });
    const relayed = await org.importBundle(await bundleOf(relay));
    expect(relayed.imported?.setAside.map((change) => change.author)).toEqual([attacker.key.fingerprint]);
    expect(head()).toBe(originalHead);

    // Aigerim's own edit, carried by a signer the organization does not trust, is hers: taken.
    const edited = await aigerim.save({ type: 'incident', recordId, parent: originalHead, data: sampleIncident({ title: 'Almaty, corrected' }) });
    const carrier = await create('Carrier');
    await carrier.importBundle(await bundleOf(aigerim), unknownSigner);
    const carried = await org.importBundle(await bundleOf(carrier), unknownSigner);
    expect(carried.imported).toMatchObject({ revisionsAdded: 1, setAside: [] });
    expect(head()).toBe(edited.revisionId);
  });

  it('merging another archive folder sets the change aside too, leaving it there', async () => {
    const { org, attacker, recordId, originalHead, head } = await scene();
    await attacker.save({ type: 'incident', recordId, parent: originalHead, data: sampleIncident({ title: 'Forged' }) });
    const outcome = await org.mergeFrom(attacker);
    expect(outcome).toMatchObject({ revisionsAdded: 0, setAside: [{ recordId, author: attacker.key.fingerprint }] });
    expect(head()).toBe(originalHead);
    expect(org.custodyOf(recordId).every((line) => line.note === undefined || !line.note.includes('Forged'))).toBe(true);
    // Trusted, the same merge applies it.
    await org.trust(attacker.key.publicLine, 'Attacker, checked');
    expect(await org.mergeFrom(attacker)).toMatchObject({ revisionsAdded: 1, setAside: [] });
    expect(org.getRecord(recordId).summary.data).toMatchObject({ title: 'Forged' });
  });

  it('brought first by someone else, a record keeps one maker: a second first revision and what is built on it are set aside', async () => {
    const aigerim = await create('Aigerim');
    const { recordId, revisionId } = await aigerim.save({ type: 'incident', data: sampleIncident({ title: 'Almaty' }) });
    const genuine = JSON.parse(execFileSync('unzip', ['-p', await bundleOf(aigerim), '*/data/bundle.json']).toString());
    const attacker = SigningKey.generate();
    const forged = sampleIncident({ title: 'Nothing happened' });
    const root = signRevision(attacker, { recordId, type: 'incident', parents: [], data: forged });
    const joined = signRevision(attacker, { recordId, type: 'incident', parents: [revisionId, root.id], data: forged });
    const [record] = genuine.records;
    const bag = await internalBag(attacker, [{ ...record, revisions: [...record.revisions, root, joined] }]);
    const zip = join(folder.path, 'first-arrival.zip');
    await archiveZip(bag, zip);
    // The organization trusts Aigerim and has not received her record yet.
    const org = await create('Org');
    await org.trust(aigerim.key.publicLine, 'Aigerim');
    const outcome = await org.importBundle(zip, unknownSigner);
    expect(outcome.imported?.setAside.map((change) => 'revisionId' in change && change.revisionId).sort()).toEqual([root.id, joined.id].sort());
    expect(org.getRecord(recordId).summary).toMatchObject({ headId: revisionId, conflict: false, data: { title: 'Almaty' } });
    // The attacker is no maker of it afterwards either: their next edit is set aside too.
    const next = signRevision(attacker, { recordId, type: 'incident', parents: [revisionId], data: forged });
    const again = await internalBag(attacker, [{ ...record, revisions: [...record.revisions, next] }]);
    const zipAgain = join(folder.path, 'next.zip');
    await archiveZip(again, zipAgain);
    expect((await org.importBundle(zipAgain, unknownSigner)).imported?.setAside).toHaveLength(1);
    expect(org.getRecord(recordId).summary.headId).toBe(revisionId);
  });

  it('evidence files for a record the archive does not hold yet come only from its maker or a vouched key', async () => {
    const aigerim = await create('Aigerim');
    const { recordId } = await aigerim.save({ type: 'incident', data: sampleIncident({ title: 'Almaty' }) });
    const carrier = await create('Carrier');
    await carrier.importBundle(await bundleOf(aigerim), unknownSigner);
    const photo = join(folder.path, 'planted.jpg');
    await writeFile(photo, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('planted')]));
    const [planted] = await carrier.attach(recordId, [{ path: photo }]);
    const org = await create('Org');
    await org.trust(aigerim.key.publicLine, 'Aigerim');
    const outcome = await org.importBundle(await bundleOf(carrier), unknownSigner);
    expect(outcome.imported).toMatchObject({ revisionsAdded: 1, attachmentsAdded: 0, setAside: [{ recordId, sha256: planted!.sha256, author: carrier.key.fingerprint }] });
    expect(await org.listAttachments(recordId)).toEqual([]);
  });
});
