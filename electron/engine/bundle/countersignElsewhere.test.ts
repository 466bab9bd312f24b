/**
 * A countersignature made elsewhere (with an NCALayer-based tool, say),
 * stood in for by Debian's `openssl cms -sign` and the suite's test lawyer.
 * Attacks first: a signature of another bundle, an attached one, garbage,
 * a PEM with junk after it, a GOST signature Dalel cannot compute, a bundle
 * that does not verify, a second countersignature — each refused with its
 * reason and the bundle file byte for byte as it was. Then the three forms
 * a lawyer's software saves (DER, PEM, base64 text) are added: verify names
 * the signer and ИИН, `openssl cms -verify` accepts the bag's .p7s, and every
 * original entry, the exporter's SSHSIG among them, is unchanged.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../archive';
import { makeTestLawyer, type TestLawyer } from '../countersign/testing/testLawyer';
import { gostOids, signElsewhere, withAlgorithms } from '../countersign/testing/signElsewhere';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';
import { addCountersignatureFile, tagManifestToSign } from './countersignElsewhere';
import { exportBundle } from './export';
import { entryHashes, fileSha256 } from './testing/zipFiles';
import { verifyBundle } from './verify';

let folder: { path: string; remove: () => Promise<void> };
let lawyer: TestLawyer;
let archive: Archive;
let counter = 0;

async function freshBundle(): Promise<string> {
  const out = join(folder.path, `дело ${++counter}.zip`);
  await exportBundle(archive, { out, profile: 'legal', language: 'kk', softwareVersion: 'test' });
  return out;
}

const bagOf = (zip: string) => execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('/')[0]!;
const tagManifestOf = (zip: string) => execFileSync('unzip', ['-p', zip, `${bagOf(zip)}/tagmanifest-sha256.txt`]);

/** Adding `signature` to `zip` is refused with `code`, and the bundle file is byte for byte as it was. */
async function refused(zip: string, signature: Uint8Array, code: string, params?: Record<string, unknown>) {
  const before = fileSha256(zip);
  await expect(addCountersignatureFile(zip, signature)).rejects.toMatchObject({ code, ...(params ? { params } : {}) });
  expect(fileSha256(zip)).toBe(before);
}

beforeAll(async () => {
  folder = await temporaryFolder();
  lawyer = makeTestLawyer(mkdtempSync(join(folder.path, 'lawyer-')));
  archive = await Archive.create(join(folder.path, 'archive'), { name: 'Алматы', organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
  await archive.save({ type: 'incident', data: sampleIncident() });
}, 60_000);
afterAll(async () => {
  await archive.close();
  await folder.remove();
});

describe('a countersignature made elsewhere is refused, the bundle unchanged', () => {
  it("when it signs another bundle's tag manifest", async () => {
    const [zip, other] = [await freshBundle(), await freshBundle()];
    await refused(zip, signElsewhere(lawyer, tagManifestOf(other)), 'countersignatureNotForBundle');
  });

  it('when it is attached: carrying this tag manifest (sign it detached), or other content', async () => {
    const zip = await freshBundle();
    await refused(zip, signElsewhere(lawyer, tagManifestOf(zip), { attached: true }), 'countersignatureAttached');
    await refused(zip, signElsewhere(lawyer, tagManifestOf(zip), { attached: true, pem: true }), 'countersignatureAttached');
    await refused(zip, signElsewhere(lawyer, Buffer.from('a contract'), { attached: true }), 'countersignatureNotForBundle');
  });

  it('when it is garbage, a PEM or DER with junk after it, another kind of PEM, or loose base64', async () => {
    const zip = await freshBundle();
    const der = signElsewhere(lawyer, tagManifestOf(zip));
    const pem = signElsewhere(lawyer, tagManifestOf(zip), { pem: true });
    await refused(zip, Buffer.from('not a signature at all'), 'countersignatureUnreadable');
    await refused(zip, Buffer.from([0x30, 0x82, 0xff, 0xff, 1, 2, 3]), 'countersignatureUnreadable');
    await refused(zip, Buffer.alloc(0), 'countersignatureUnreadable');
    await refused(zip, Buffer.concat([pem, Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')]), 'countersignatureUnreadable');
    await refused(zip, Buffer.concat([pem, Buffer.from('junk')]), 'countersignatureUnreadable');
    await refused(zip, Buffer.concat([der, Buffer.from([0])]), 'countersignatureUnreadable');
    await refused(zip, readFileSync(lawyer.certificateFile), 'countersignatureUnreadable');
    await refused(zip, Buffer.from(`${der.toString('base64')}!`), 'countersignatureUnreadable');
    await refused(zip, Buffer.from(der.toString('base64').slice(0, -2)), 'countersignatureUnreadable');
    // A well-formed CMS structure that is no SignedData (its content type changed) reads as no signature.
    await refused(zip, Buffer.from(der.toString('latin1').replace('\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02', '\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01'), 'latin1'), 'countersignatureUnreadable');
  });

  it('when it is made with GOST, which Dalel cannot check yet: unsupported, never valid', async () => {
    const zip = await freshBundle();
    const der = signElsewhere(lawyer, tagManifestOf(zip));
    await refused(zip, withAlgorithms(der, gostOids), 'countersignatureUnsupported');
    await refused(zip, withAlgorithms(der, { signature: gostOids.signature }), 'countersignatureUnsupported');
  });

  it('when the bundle does not verify', async () => {
    const zip = await freshBundle();
    const signature = signElsewhere(lawyer, tagManifestOf(zip));
    const broken = join(folder.path, `broken ${counter}.zip`);
    copyFileSync(zip, broken);
    execFileSync('sh', ['-c', `cd "$(mktemp -d)" && unzip -q "${broken}" && printf x >> "${bagOf(zip)}/data/bundle.json" && rm "${broken}" && zip -qr "${broken}" .`]);
    await refused(broken, signature, 'bundleNotValid');
  });

  it('when the bundle is already countersigned, by whom, as the PKCS#12 path refuses', async () => {
    const zip = await freshBundle();
    await addCountersignatureFile(zip, signElsewhere(lawyer, tagManifestOf(zip)));
    await refused(zip, signElsewhere(lawyer, tagManifestOf(zip)), 'alreadyCountersigned', { subject: lawyer.subject });
  });
});

describe('a countersignature made elsewhere is added', () => {
  it('gives the exact tag manifest to sign, and changes nothing in doing so', async () => {
    const zip = await freshBundle();
    const before = fileSha256(zip);
    const { bundleId, tagManifest } = await tagManifestToSign(zip);
    expect(bundleId).toBe(bagOf(zip));
    expect(tagManifest.equals(tagManifestOf(zip))).toBe(true);
    expect(fileSha256(zip)).toBe(before);
  });

  const forms = [
    ['DER', (der: Buffer) => der],
    ['PEM', (der: Buffer) => Buffer.from(`-----BEGIN PKCS7-----\r\n${der.toString('base64').replace(/.{64}/g, '$&\r\n')}\r\n-----END PKCS7-----\r\n`)],
    ['base64 text, as NCALayer tools save it', (der: Buffer) => Buffer.from(`\ufeff${der.toString('base64')}\n`)],
  ] as const;
  for (const [form, encode] of forms) {
    it(`from ${form}: kept as DER, checked by verify and openssl, every other entry unchanged`, async () => {
      const zip = await freshBundle();
      const bag = bagOf(zip);
      const before = entryHashes(zip);
      const der = signElsewhere(lawyer, tagManifestOf(zip));
      const added = await addCountersignatureFile(zip, encode(der));
      expect(added).toMatchObject({ bundleId: bag, sha256: fileSha256(zip), countersignature: { subject: lawyer.subject, iin: '880101300123' } });

      const after = entryHashes(zip);
      expect([...after.keys()].sort()).toEqual([...before.keys(), `${bag}/tagmanifest-sha256.txt.p7s`].sort());
      for (const [name, hash] of before) expect(after.get(name), name).toBe(hash);
      const kept = execFileSync('unzip', ['-p', zip, `${bag}/tagmanifest-sha256.txt.p7s`]);
      expect(kept.equals(der)).toBe(true);

      const report = await verifyBundle(zip, { countersignatureAnchors: readFileSync(lawyer.anchorFile) });
      expect(report.valid).toBe(true);
      expect(report.countersignature).toMatchObject({ subject: lawyer.subject, iin: '880101300123', anchored: true });

      const unpacked = mkdtempSync(join(folder.path, 'unpacked-'));
      execFileSync('unzip', ['-q', zip, '-d', unpacked]);
      const openssl = spawnSync(
        'openssl',
        ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'tagmanifest-sha256.txt.p7s', '-content', 'tagmanifest-sha256.txt', '-CAfile', lawyer.anchorFile, '-purpose', 'any', '-out', '/dev/null'],
        { cwd: join(unpacked, bag), encoding: 'utf8' },
      );
      expect(openssl.stderr).toContain('Verification successful');
      execFileSync('sh', ['-c', 'printf "%s %s\\n" signer "$(cut -d" " -f1,2 signer.pub)" > ../allowed_signers && ssh-keygen -Y verify -f ../allowed_signers -I signer -n dalel-bundle -s tagmanifest-sha256.txt.sig < tagmanifest-sha256.txt'], {
        cwd: join(unpacked, bag),
        stdio: 'pipe',
      });
    });
  }
});
