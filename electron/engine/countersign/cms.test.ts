/**
 * A lawyer's countersignature, made from a PKCS#12 file made by OpenSSL in
 * the test (never a real person's), and checked both by Dalel and by
 * `openssl cms -verify`, which agree on every case.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCertificates } from '../timestamp/pki';
import { checkCountersignature, signDetached } from './cms';
import { readPkcs12 } from './pkcs12';
import { makeTestLawyer, type TestLawyer } from './testing/testLawyer';

let folder: string;
let lawyer: TestLawyer;
const manifest = Buffer.from('c0ffee  bag-info.txt\nfeed  manifest-sha256.txt\n');

/** What `openssl cms -verify` says of a detached signature of `data`. */
function opensslAccepts(signature: Uint8Array, data: Uint8Array, anchorFile = lawyer.anchorFile): boolean {
  writeFileSync(path.join(folder, 'check.p7s'), signature);
  writeFileSync(path.join(folder, 'check.data'), data);
  const result = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'check.p7s', '-content', 'check.data', '-CAfile', anchorFile, '-purpose', 'any', '-out', '/dev/null'], {
    cwd: folder,
    encoding: 'utf8',
  });
  return result.status === 0 && /Verification successful/.test(result.stderr);
}

const anchors = (file = lawyer.anchorFile) => readCertificates(readFileSync(file))!;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'dalel-countersign-'));
  lawyer = makeTestLawyer(folder);
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a countersignature from a PKCS#12 file', () => {
  it('is a detached CMS signature openssl cms -verify accepts, and Dalel reads its signer, issuer and validity', async () => {
    const identity = await readPkcs12(readFileSync(lawyer.pkcs12File), lawyer.password);
    const at = new Date();
    const signature = await signDetached(manifest, identity, at);
    expect(opensslAccepts(signature, manifest)).toBe(true);
    const check = await checkCountersignature(signature, manifest, anchors());
    expect(check).toMatchObject({
      ok: true,
      countersignature: { subject: lawyer.subject, iin: '880101300123', bin: null, issuer: 'CN=Test certification centre, O=Dalel tests, C=KZ', validAtSigning: true, anchored: true },
    });
    if (check.ok) expect(Math.abs(Date.parse(check.countersignature.signingTime!) - at.getTime())).toBeLessThan(1000);
  });

  it('does not check for data changed by one byte, as openssl does not', async () => {
    const signature = await signDetached(manifest, await readPkcs12(readFileSync(lawyer.pkcs12File), lawyer.password));
    const changed = Buffer.from(manifest);
    changed[3]! ^= 1;
    expect(opensslAccepts(signature, changed)).toBe(false);
    expect(await checkCountersignature(signature, changed, anchors())).toEqual({ ok: false, problem: 'signatureInvalid' });
  });

  it('says whether the signer chains to the anchors given, as openssl does', async () => {
    const signature = await signDetached(manifest, await readPkcs12(readFileSync(lawyer.pkcs12File), lawyer.password));
    expect(opensslAccepts(signature, manifest, lawyer.strangerAnchorFile)).toBe(false);
    expect(await checkCountersignature(signature, manifest, anchors(lawyer.strangerAnchorFile))).toMatchObject({ ok: true, countersignature: { anchored: false } });
    expect(await checkCountersignature(signature, manifest)).toMatchObject({ ok: true, countersignature: { anchored: null } });
  });

  it('says when the claimed signing time falls outside the certificate’s validity', async () => {
    const identity = await readPkcs12(readFileSync(lawyer.pkcs12File), lawyer.password);
    const signature = await signDetached(manifest, identity, new Date('2020-01-01T00:00:00Z'));
    expect(await checkCountersignature(signature, manifest)).toMatchObject({ ok: true, countersignature: { validAtSigning: false } });
  });

  it('refuses a wrong password, an older encryption it cannot read, and a file that is no PKCS#12, by name', async () => {
    await expect(readPkcs12(readFileSync(lawyer.pkcs12File), 'not the password')).rejects.toMatchObject({ code: 'pkcs12WrongPassword' });
    await expect(readPkcs12(readFileSync(lawyer.legacyPkcs12File), lawyer.password)).rejects.toMatchObject({ code: 'pkcs12Unsupported' });
    await expect(readPkcs12(Buffer.from('hello'), lawyer.password)).rejects.toMatchObject({ code: 'pkcs12Unreadable' });
  });

  it('refuses bytes that are no detached signature', async () => {
    expect(await checkCountersignature(Buffer.from('nope'), manifest)).toEqual({ ok: false, problem: 'malformed' });
  });
});
