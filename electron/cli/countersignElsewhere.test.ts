/**
 * `dalel countersign FILE --signature SIG` (a countersignature made with
 * the lawyer's own NCALayer-based tool, stood in for by `openssl cms -sign`,
 * detached): verify then names the signer and ИИН, openssl accepts the bag's
 * .p7s and every file of the bag stays as it was. Asking for both ways or
 * neither, and each signature refused, are said in the person's language,
 * the bundle byte for byte. A bag that carries a GOST countersignature (put
 * there by hand) fails `dalel verify` as "cannot check yet", never as valid.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestLawyer, type TestLawyer } from '../engine/countersign/testing/testLawyer';
import { gostOids, signElsewhere, withAlgorithms } from '../engine/countersign/testing/signElsewhere';
import { entryHashes, fileSha256 } from '../engine/bundle/testing/zipFiles';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess as dalel } from './testing/inProcess';

let folder: { path: string; remove: () => Promise<void> };
let lawyer: TestLawyer;
let dir: string;
let counter = 0;

async function bundle(): Promise<string> {
  const out = join(folder.path, `іс ${++counter}.zip`);
  expect((await dalel(['export', dir, '--out', out, '--profile', 'legal'])).code).toBe(0);
  return out;
}

const bagOf = (zip: string) => execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('/')[0]!;
const tagManifestOf = (zip: string) => execFileSync('unzip', ['-p', zip, `${bagOf(zip)}/tagmanifest-sha256.txt`]);

/** `bytes` saved as a signature file, as the lawyer's tool would leave it. */
function saved(bytes: Uint8Array, name = `signature ${++counter}.p7s`): string {
  const file = join(folder.path, name);
  writeFileSync(file, bytes);
  return file;
}

beforeAll(async () => {
  folder = await temporaryFolder();
  lawyer = makeTestLawyer(mkdtempSync(join(folder.path, 'lawyer-')));
  dir = join(folder.path, 'архив');
  const incident = join(folder.path, 'incident.json');
  writeFileSync(incident, JSON.stringify(sampleIncident()));
  for (const args of [['init', dir, '--no-encryption'], ['add', dir, '--type', 'incident', '--json', incident]]) expect((await dalel(args)).code).toBe(0);
}, 60_000);
afterAll(() => folder.remove());

describe('dalel countersign --signature', () => {
  it('refuses both ways at once, or neither, in the person’s language, the bundle unchanged', async () => {
    const zip = await bundle();
    const before = fileSha256(zip);
    const signature = saved(signElsewhere(lawyer, tagManifestOf(zip)));
    const both = await dalel(['countersign', zip, '--pkcs12', lawyer.pkcs12File, '--signature', signature, '--lang', 'ru']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('Укажите один способ заверения');
    const neither = await dalel(['countersign', zip, '--lang', 'kk']);
    expect(neither.code).toBe(2);
    expect(neither.err).toContain('Куәландырудың бір тәсілін көрсетіңіз');
    const missing = await dalel(['countersign', zip, '--signature', join(folder.path, 'nowhere.p7s')]);
    expect(missing.code).toBe(2);
    const huge = await dalel(['countersign', zip, '--signature', saved(Buffer.alloc(150 * 1024, 0x41))]);
    expect(huge.code).toBe(2);
    expect(huge.err).toContain('larger than a signature file can be');
    expect(fileSha256(zip)).toBe(before);
  });

  it('refuses, each with its reason, the bundle byte for byte: another bundle’s, attached, garbage, a PEM with junk after it, GOST, twice', async () => {
    const zip = await bundle();
    const other = await bundle();
    const before = fileSha256(zip);
    const refusals: [Uint8Array, string, string[]][] = [
      [signElsewhere(lawyer, tagManifestOf(other)), 'does not check against this bundle', []],
      [signElsewhere(lawyer, tagManifestOf(zip), { attached: true }), 'choosing a detached signature', []],
      [Buffer.from('PK\x03\x04 not a signature'), 'is not a CMS signature Dalel can read', []],
      [Buffer.concat([signElsewhere(lawyer, tagManifestOf(zip), { pem: true }), Buffer.from('trailing junk\n')]), 'is not a CMS signature Dalel can read', []],
      [withAlgorithms(signElsewhere(lawyer, tagManifestOf(zip)), gostOids), 'алгоритммен (ГОСТ)', ['--lang', 'kk']],
    ];
    for (const [bytes, reason, extra] of refusals) {
      const result = await dalel(['countersign', zip, '--signature', saved(bytes), ...extra]);
      expect(result.code, reason).toBe(1);
      expect(result.err).toContain(reason);
      expect(fileSha256(zip)).toBe(before);
    }
    expect((await dalel(['countersign', zip, '--signature', saved(signElsewhere(lawyer, tagManifestOf(zip)))])).code).toBe(0);
    const after = fileSha256(zip);
    const twice = await dalel(['countersign', zip, '--signature', saved(signElsewhere(lawyer, tagManifestOf(zip)))]);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain(`already countersigned, by ${lawyer.subject}`);
    expect(fileSha256(zip)).toBe(after);
  });

  it('adds a detached signature made with openssl cms -sign: verify --cert-anchors names the signer and ИИН, openssl accepts it, no file of the bag changed', async () => {
    const zip = await bundle();
    const bag = bagOf(zip);
    const before = entryHashes(zip);
    const signature = saved(signElsewhere(lawyer, tagManifestOf(zip)), 'tagmanifest-sha256.txt.p7s');
    const added = await dalel(['countersign', zip, '--signature', signature, '--lang', 'kk']);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain(`қолтаңба қойылды: ${lawyer.subject}`);
    expect(added.out).toContain(fileSha256(zip));

    const after = entryHashes(zip);
    expect([...after.keys()].sort()).toEqual([...before.keys(), `${bag}/tagmanifest-sha256.txt.p7s`].sort());
    // Every original entry, the tag manifest and the exporter's SSHSIG among them, is as it was.
    for (const [name, hash] of before) expect(after.get(name), name).toBe(hash);
    expect(before.has(`${bag}/tagmanifest-sha256.txt.sig`)).toBe(true);

    const checked = await dalel(['verify', zip, '--cert-anchors', lawyer.anchorFile]);
    expect(checked.code, checked.err).toBe(0);
    expect(checked.out).toContain(`Countersigned by ${lawyer.subject}, certificate issued by CN=Test certification centre, O=Dalel tests, C=KZ.`);
    expect(checked.out).toContain('Individual identification number (IIN): 880101300123');
    expect(checked.out).toContain('✓ The countersignature’s certificate chains to a certificate you trust');

    const unpacked = mkdtempSync(join(folder.path, 'unpacked-'));
    execFileSync('unzip', ['-q', zip, '-d', unpacked]);
    const openssl = spawnSync(
      'openssl',
      ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'tagmanifest-sha256.txt.p7s', '-content', 'tagmanifest-sha256.txt', '-CAfile', lawyer.anchorFile, '-purpose', 'any', '-out', '/dev/null'],
      { cwd: join(unpacked, bag), encoding: 'utf8' },
    );
    expect(openssl.stderr).toContain('Verification successful');
  });

  it('takes base64 text as NCALayer tools save it, and --json gives what was added', async () => {
    const zip = await bundle();
    const text = saved(Buffer.from(`${signElsewhere(lawyer, tagManifestOf(zip)).toString('base64')}\r\n`), 'signature.cms');
    const added = await dalel(['countersign', zip, '--signature', text, '--json']);
    expect(added.code, added.err).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({ bundleId: bagOf(zip), sha256: fileSha256(zip), countersignature: { subject: lawyer.subject, iin: '880101300123' } });
  });

  it('a bag that carries a GOST countersignature, put there by hand, fails verify as “cannot check yet”, never as valid or changed', async () => {
    const zip = await bundle();
    const unpacked = mkdtempSync(join(folder.path, 'gost-'));
    execFileSync('unzip', ['-q', zip, '-d', unpacked]);
    const bag = join(unpacked, bagOf(zip));
    writeFileSync(join(bag, 'tagmanifest-sha256.txt.p7s'), withAlgorithms(signElsewhere(lawyer, tagManifestOf(zip)), gostOids));
    const carrying = join(folder.path, `gost ${counter}.zip`);
    execFileSync('zip', ['-qr', carrying, '.'], { cwd: unpacked });
    const checked = await dalel(['verify', carrying]);
    expect(checked.code).toBe(1);
    expect(checked.out).toContain('is made with an algorithm Dalel cannot check yet (GOST)');
    expect(checked.out).not.toContain('was changed after countersigning');
    const json = await dalel(['verify', carrying, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ valid: false, failure: { reason: 'countersignatureUnsupported', file: 'tagmanifest-sha256.txt.p7s' } });
  });
});
