/**
 * "Signature verified" on a record's page is the engine's own check: a
 * record saved here reads as verified and signed by this archive's key; one
 * made by a trusted signer names the signer; one by a stranger says unknown;
 * a revision whose signature or content was changed reads as not verified.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from './archive';
import { exportBundle } from './bundle/export';
import { signatureOf } from './recordSignature';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

let made = 0;
const create = (name: string) => Archive.create(join(folder.path, `${name}-${(made += 1)}`), { name, organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });

describe('records:signature', () => {
  it('says a record saved here is verified and signed by this archive', async () => {
    const archive = await create('own');
    try {
      const { recordId, revisionId } = await archive.save({ type: 'incident', data: sampleIncident() });
      expect(await signatureOf(archive, recordId)).toEqual({
        recordId,
        heads: [{ revisionId, verified: true, fingerprint: archive.key.fingerprint, signer: { kind: 'own' }, createdAt: expect.any(String) }],
      });
    } finally {
      archive.close();
    }
  });

  it('names a trusted signer, and calls a stranger unknown', async () => {
    const defender = await create('defender');
    const organization = await create('organization');
    const stranger = await create('stranger');
    try {
      const { recordId } = await defender.save({ type: 'incident', data: sampleIncident() });
      const out = join(folder.path, 'bundle.zip');
      await exportBundle(defender, { out, profile: 'internal', language: 'en', softwareVersion: 'test' });
      await organization.trust(defender.key.publicLine, 'Айгерім');
      await organization.importBundle(out);
      await stranger.importBundle(out, { allowUntrusted: true });
      const [trusted] = (await signatureOf(organization, recordId)).heads;
      expect(trusted).toMatchObject({ verified: true, fingerprint: defender.key.fingerprint, signer: { kind: 'trusted', name: 'Айгерім' } });
      const [unknown] = (await signatureOf(stranger, recordId)).heads;
      expect(unknown).toMatchObject({ verified: true, fingerprint: defender.key.fingerprint, signer: { kind: 'unknown' } });
    } finally {
      defender.close();
      organization.close();
      stranger.close();
    }
  });

  it('does not call a revision verified when its signature or its content was changed', async () => {
    const archive = await create('tampered');
    try {
      const { recordId } = await archive.save({ type: 'incident', data: sampleIncident() });
      const record = archive.getRecord(recordId);
      const [signed] = record.history;
      const forged = (history: typeof record.history) => ({ ...archive, key: archive.key, trustedSigners: () => archive.trustedSigners(), getRecord: () => ({ ...record, history }) });
      const flipped = Buffer.from(signed!.signature, 'base64');
      flipped.writeUInt8(flipped.readUInt8(0) ^ 1, 0);
      const badSignature = [{ ...signed!, signature: flipped.toString('base64') }];
      expect((await signatureOf(forged(badSignature), recordId)).heads[0]).toMatchObject({ verified: false });
      const changed = [{ ...signed!, revision: { ...signed!.revision, data: { ...signed!.revision.data, title: 'Changed afterwards' } } }];
      expect((await signatureOf(forged(changed), recordId)).heads[0]).toMatchObject({ verified: false });
    } finally {
      archive.close();
    }
  });
});
