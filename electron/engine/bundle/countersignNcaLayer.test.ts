/**
 * A legal bundle countersigned through NCALayer (the suite's own,
 * testing/fakeNcaLayer.ts, signing with the test lawyer's key): the bag
 * gains a .p7s that `dalel verify` names (subject, ИИН) and `openssl cms
 * -verify` accepts, every original entry unchanged; and whatever NCALayer
 * answers instead — a cancel, a signature of something else, nothing — the
 * bundle file stays byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../archive';
import { startFakeNcaLayer, type FakeNcaLayer } from '../countersign/testing/fakeNcaLayer';
import { makeTestLawyer, type TestLawyer } from '../countersign/testing/testLawyer';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';
import { countersignWithNcaLayer } from './countersignNcaLayer';
import { exportBundle } from './export';
import { entryHashes, fileSha256 } from './testing/zipFiles';
import { verifyBundle } from './verify';

let folder: { path: string; remove: () => Promise<void> };
let lawyer: TestLawyer;
let ncaLayer: FakeNcaLayer;
let archive: Archive;
let counter = 0;

async function freshBundle(): Promise<string> {
  const out = join(folder.path, `дело ${++counter}.zip`);
  await exportBundle(archive, { out, profile: 'legal', language: 'ru', softwareVersion: 'test' });
  return out;
}

beforeAll(async () => {
  folder = await temporaryFolder();
  lawyer = makeTestLawyer(mkdtempSync(join(folder.path, 'lawyer-')));
  ncaLayer = await startFakeNcaLayer(mkdtempSync(join(folder.path, 'ncalayer-')), lawyer);
  archive = await Archive.create(join(folder.path, 'archive'), { name: 'Алматы', organization: '', passphrase: null, scryptCost: 2 ** 12 });
  await archive.save({ type: 'incident', data: sampleIncident() });
}, 60_000);
afterAll(async () => {
  await ncaLayer.close();
  await archive.close();
  await folder.remove();
});

describe('countersigning through NCALayer', () => {
  it('adds the signature NCALayer made, which dalel verify and openssl cms -verify accept, changing nothing else', async () => {
    ncaLayer.answer = ncaLayer.signs;
    const zip = await freshBundle();
    const before = entryHashes(zip);
    const added = await countersignWithNcaLayer(zip, { address: ncaLayer.address, locale: 'ru' });
    expect(added.countersignature).toMatchObject({ iin: '880101300123' });

    const after = entryHashes(zip);
    for (const [name, hash] of before) expect(after.get(name), name).toBe(hash);
    const bag = [...after.keys()][0]!.split('/')[0]!;
    expect([...after.keys()].filter((name) => !before.has(name))).toEqual([`${bag}/tagmanifest-sha256.txt.p7s`]);

    const report = await verifyBundle(zip, { countersignatureAnchors: readFileSync(lawyer.anchorFile) });
    expect(report.valid).toBe(true);
    expect(report.countersignature).toMatchObject({ iin: '880101300123', anchored: true });
    const out = mkdtempSync(join(folder.path, 'unzipped-'));
    execFileSync('unzip', ['-q', zip, '-d', out]);
    execFileSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(out, bag, 'tagmanifest-sha256.txt.p7s'), '-content', join(out, bag, 'tagmanifest-sha256.txt'), '-CAfile', lawyer.anchorFile, '-out', '/dev/null'], { stdio: 'pipe' });
  });

  it.each([
    ['the lawyer cancels in NCALayer', () => (ncaLayer.answer = (_request, socket) => socket.send(JSON.stringify({ status: false, code: 'USER_CANCELED' }))), 'ncaLayerCancelled'],
    [
      'NCALayer signs something else',
      () =>
        (ncaLayer.answer = (request, socket) => {
          const other = { ...request, args: { ...(request.args as object), data: Buffer.from('another document').toString('base64') } };
          ncaLayer.signs(other, socket);
        }),
      'countersignatureNotForBundle',
    ],
    ['NCALayer is not running', () => undefined, 'ncaLayerUnreachable'],
  ])('leaves the bundle byte for byte when %s', async (name, arrange, code) => {
    arrange();
    const zip = await freshBundle();
    const before = fileSha256(zip);
    const address = name === 'NCALayer is not running' ? 'wss://127.0.0.1:1/' : ncaLayer.address;
    await expect(countersignWithNcaLayer(zip, { address, locale: 'kk' })).rejects.toMatchObject({ code });
    expect(fileSha256(zip)).toBe(before);
  });

  it('sends NCALayer nothing when the bundle does not verify', async () => {
    const zip = await freshBundle();
    const sent = ncaLayer.requests.length;
    writeFileSync(zip, Buffer.concat([Buffer.from('junk'), readFileSync(zip)]));
    const before = fileSha256(zip);
    await expect(countersignWithNcaLayer(zip, { address: ncaLayer.address, locale: 'en' })).rejects.toBeTruthy();
    expect(ncaLayer.requests.length).toBe(sent);
    expect(fileSha256(zip)).toBe(before);
  });
});
