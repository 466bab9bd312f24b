/**
 * `dalel countersign FILE --ncalayer`, against the suite's own NCALayer on
 * 127.0.0.1 (engine/countersign/testing/fakeNcaLayer.ts, named by
 * DALEL_NCALAYER): the address is said on standard error before the one
 * connection, the signature NCALayer gives is checked and added (verify
 * names the signer and ИИН, every original file unchanged), and NCALayer
 * not running or the lawyer cancelling is said in the person's language,
 * the bundle byte for byte.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHashes, fileSha256 } from '../engine/bundle/testing/zipFiles';
import { startFakeNcaLayer, type FakeNcaLayer } from '../engine/countersign/testing/fakeNcaLayer';
import { makeTestLawyer, type TestLawyer } from '../engine/countersign/testing/testLawyer';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess as dalel } from './testing/inProcess';

let folder: { path: string; remove: () => Promise<void> };
let lawyer: TestLawyer;
let ncaLayer: FakeNcaLayer;
let dir: string;
let counter = 0;

async function bundle(): Promise<string> {
  const out = join(folder.path, `іс ${++counter}.zip`);
  expect((await dalel(['export', dir, '--out', out, '--profile', 'legal'])).code).toBe(0);
  return out;
}

beforeAll(async () => {
  folder = await temporaryFolder();
  lawyer = makeTestLawyer(mkdtempSync(join(folder.path, 'lawyer-')));
  ncaLayer = await startFakeNcaLayer(mkdtempSync(join(folder.path, 'ncalayer-')), lawyer);
  dir = join(folder.path, 'архив');
  const incident = join(folder.path, 'incident.json');
  writeFileSync(incident, JSON.stringify(sampleIncident()));
  for (const args of [['init', dir, '--no-encryption'], ['add', dir, '--type', 'incident', '--json', incident]]) expect((await dalel(args)).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await ncaLayer.close();
  await folder.remove();
});

describe('dalel countersign --ncalayer', () => {
  it('says where it connects, then adds the signature NCALayer made', async () => {
    ncaLayer.answer = ncaLayer.signs;
    const zip = await bundle();
    const before = entryHashes(zip);
    const run = await dalel(['countersign', zip, '--ncalayer', '--lang', 'kk'], { DALEL_NCALAYER: ncaLayer.address });
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain(`${ncaLayer.address} мекенжайындағы NCALayer-ге қосылу`);
    expect(ncaLayer.requests.at(-1)).toMatchObject({ args: { locale: 'kk', format: 'cms' } });
    const after = entryHashes(zip);
    for (const [name, hash] of before) expect(after.get(name), name).toBe(hash);
    const verified = await dalel(['verify', zip, '--cert-anchors', lawyer.anchorFile, '--json']);
    expect(verified.code, verified.out).toBe(0);
    expect(JSON.parse(verified.out).countersignature).toMatchObject({ iin: '880101300123', anchored: true });
  });

  it('says NCALayer is not running, or that the lawyer cancelled, in the person’s language, the bundle unchanged', async () => {
    const zip = await bundle();
    const before = fileSha256(zip);
    const absent = await dalel(['countersign', zip, '--ncalayer', '--lang', 'ru'], { DALEL_NCALAYER: 'wss://127.0.0.1:1/' });
    expect(absent.code).toBe(1);
    expect(absent.err).toContain('NCALayer не отвечает по адресу wss://127.0.0.1:1/');
    ncaLayer.answer = (_request, socket) => socket.send(JSON.stringify({ status: false, code: 'USER_CANCELED' }));
    const cancelled = await dalel(['countersign', zip, '--ncalayer', '--lang', 'en'], { DALEL_NCALAYER: ncaLayer.address });
    expect(cancelled.code).toBe(1);
    expect(cancelled.err).toContain('Signing in NCALayer was cancelled.');
    expect(fileSha256(zip)).toBe(before);
  });

  it('refuses --ncalayer with another way, and never connects beyond this computer', async () => {
    const zip = await bundle();
    const both = await dalel(['countersign', zip, '--ncalayer', '--pkcs12', lawyer.pkcs12File, '--lang', 'en']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('or --ncalayer to sign through NCALayer on this computer; only one');
    const connections = ncaLayer.connections();
    const elsewhere = await dalel(['countersign', zip, '--ncalayer', '--lang', 'en'], { DALEL_NCALAYER: 'wss://ncalayer.example.org:13579/' });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.err).toContain('NCALayer is not answering at wss://ncalayer.example.org:13579/');
    expect(ncaLayer.connections()).toBe(connections);
  });
});
