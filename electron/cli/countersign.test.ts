/**
 * `dalel countersign` and `dalel verify --cert-anchors` (issue 18, a
 * lawyer's qualified countersignature), with a PKCS#12 file and a test
 * certification centre made by OpenSSL in the test: the signature added is
 * one `openssl cms -verify` accepts, the exporter's signature and every file
 * stay as they were, and every refusal leaves the bundle byte for byte.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestLawyer, type TestLawyer } from '../engine/countersign/testing/testLawyer';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { makeTestAuthority, type TestAuthority } from '../engine/timestamp/testing/testAuthority';
import { dalelInProcess as dalel } from './testing/inProcess';
import { entryHashes, fileSha256 } from '../engine/bundle/testing/zipFiles';

let folder: { path: string; remove: () => Promise<void> };
let lawyer: TestLawyer;
let authority: TestAuthority;
let dir: string;
let passwordFile: string;
let counter = 0;

async function bundle(): Promise<string> {
  const out = join(folder.path, `case ${++counter}.zip`);
  expect((await dalel(['export', dir, '--out', out, '--profile', 'legal'])).code).toBe(0);
  return out;
}

const countersign = (zip: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) =>
  dalel(['countersign', zip, '--pkcs12', lawyer.pkcs12File, '--password-file', passwordFile, ...extra], env);


beforeAll(async () => {
  folder = await temporaryFolder();
  lawyer = makeTestLawyer(folder.path);
  authority = makeTestAuthority(folder.path);
  passwordFile = join(folder.path, 'key-password');
  writeFileSync(passwordFile, `${lawyer.password}\n`, { mode: 0o600 });
  dir = join(folder.path, 'архив');
  const incident = join(folder.path, 'incident.json');
  writeFileSync(incident, JSON.stringify(sampleIncident()));
  for (const args of [['init', dir, '--no-encryption'], ['add', dir, '--type', 'incident', '--json', incident]]) expect((await dalel(args)).code).toBe(0);
}, 60_000);
afterAll(() => folder.remove());

describe('dalel countersign', () => {
  it('adds a detached CMS signature openssl cms -verify accepts, changing no file of the bag, and verify names the signer', async () => {
    const zip = await bundle();
    const before = entryHashes(zip);
    const signed = await countersign(zip, ['--lang', 'kk']);
    expect(signed.code, signed.err).toBe(0);
    expect(signed.out).toContain(`қолтаңба қойылды: ${lawyer.subject}`);
    expect(signed.out).toContain(fileSha256(zip));

    const after = entryHashes(zip);
    const [bag] = [...before.keys()][0]!.split('/');
    expect([...after.keys()].sort()).toEqual([...before.keys(), `${bag}/tagmanifest-sha256.txt.p7s`].sort());
    for (const [name, hash] of before) expect(after.get(name), name).toBe(hash);

    const checked = await dalel(['verify', zip, '--cert-anchors', lawyer.anchorFile]);
    expect(checked.code, checked.err).toBe(0);
    expect(checked.out).toContain(`Countersigned by ${lawyer.subject}, certificate issued by CN=Test certification centre, O=Dalel tests, C=KZ.`);
    expect(checked.out).toContain('Individual identification number (IIN): 880101300123');
    expect(checked.out).toContain('✓ The countersignature’s certificate chains to a certificate you trust');

    const unpacked = join(folder.path, `unpacked-${counter}`);
    execFileSync('unzip', ['-q', zip, '-d', unpacked]);
    const inBag = join(unpacked, bag!);
    const openssl = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'tagmanifest-sha256.txt.p7s', '-content', 'tagmanifest-sha256.txt', '-CAfile', lawyer.anchorFile, '-purpose', 'any', '-out', '/dev/null'], {
      cwd: inBag,
      encoding: 'utf8',
    });
    expect(openssl.stderr).toContain('Verification successful');
    execFileSync('sh', ['-c', 'printf "%s %s\\n" signer "$(cut -d" " -f1,2 signer.pub)" > ../allowed_signers && ssh-keygen -Y verify -f ../allowed_signers -I signer -n dalel-bundle -s tagmanifest-sha256.txt.sig < tagmanifest-sha256.txt'], { cwd: inBag });
  });

  it('keeps a proof of time and a countersignature side by side, in either order', async () => {
    const zip = await bundle();
    expect((await countersign(zip)).code).toBe(0);
    const request = join(folder.path, `r${counter}.tsq`);
    expect((await dalel(['timestamp', zip, '--request', request])).code).toBe(0);
    const answer = join(folder.path, `r${counter}.tsr`);
    writeFileSync(answer, authority.reply(readFileSync(request)));
    expect((await dalel(['timestamp', zip, '--response', answer])).code).toBe(0);
    const checked = await dalel(['verify', zip, '--cert-anchors', lawyer.anchorFile, '--tsa-anchors', authority.anchorFile]);
    expect(checked.code, checked.err).toBe(0);
    expect(checked.out).toContain('Proof of time:');
    expect(checked.out).toContain('Countersigned by');
  });

  it('refuses, with the bundle unchanged: a wrong password, no password, a key file it cannot read, a second countersignature', async () => {
    const zip = await bundle();
    const before = fileSha256(zip);
    const wrongFile = join(folder.path, 'wrong-password');
    writeFileSync(wrongFile, 'not it\n', { mode: 0o600 });
    const wrong = await dalel(['countersign', zip, '--pkcs12', lawyer.pkcs12File, '--password-file', wrongFile, '--lang', 'ru']);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Неверный пароль файла ключа');
    const none = await dalel(['countersign', zip, '--pkcs12', lawyer.pkcs12File]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('DALEL_KEY_PASSWORD');
    const legacy = await dalel(['countersign', zip, '--pkcs12', lawyer.legacyPkcs12File], { DALEL_KEY_PASSWORD: lawyer.password });
    expect(legacy.code).toBe(1);
    expect(legacy.err).toContain('cannot read yet');
    expect(fileSha256(zip)).toBe(before);

    expect((await countersign(zip)).code).toBe(0);
    const signed = fileSha256(zip);
    const twice = await countersign(zip);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain(`already countersigned, by ${lawyer.subject}`);
    expect(fileSha256(zip)).toBe(signed);
  });

  it("makes a bundle invalid whose countersignature is another bundle's, as openssl refuses it; verify --cert-anchors refuses one without", async () => {
    const first = await bundle();
    const second = await bundle();
    expect((await countersign(first)).code).toBe(0);
    expect((await countersign(second)).code).toBe(0);
    // The second bag with the first bag's countersignature, zipped again.
    const unpack = (zip: string) => {
      const into = join(folder.path, `swap-${++counter}`);
      execFileSync('unzip', ['-q', zip, '-d', into]);
      return join(into, execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('/')[0]!);
    };
    const [from, into] = [unpack(first), unpack(second)];
    writeFileSync(join(into, 'tagmanifest-sha256.txt.p7s'), readFileSync(join(from, 'tagmanifest-sha256.txt.p7s')));
    const swapped = join(folder.path, `swapped-${counter}.zip`);
    execFileSync('zip', ['-qr', swapped, '.'], { cwd: join(into, '..') });
    const checked = await dalel(['verify', swapped]);
    expect(checked.code).toBe(1);
    expect(checked.out).toContain('The countersignature tagmanifest-sha256.txt.p7s does not check');
    const openssl = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'tagmanifest-sha256.txt.p7s', '-content', 'tagmanifest-sha256.txt', '-CAfile', lawyer.anchorFile, '-purpose', 'any', '-out', '/dev/null'], { cwd: into });
    expect(openssl.status).not.toBe(0);

    const plain = await bundle();
    const unsigned = await dalel(['verify', plain, '--cert-anchors', lawyer.anchorFile]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.err).toContain('is not countersigned');
  });
});
