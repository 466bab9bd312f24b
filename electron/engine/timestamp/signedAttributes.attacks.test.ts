/**
 * Tokens whose signed attributes do not say what RFC 3161 2.4.1 and RFC
 * 5652 11.1 require, each compared with `openssl ts -verify`: no ESS
 * signing certificate, the authority's certificate swapped for another of
 * the same key (so that another name is shown, and even anchored), an ESS
 * naming another serial, and a content type other than a TSTInfo.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeStampRequest } from './request';
import { signToken, tstInfoOf, type TokenSigning } from './testing/signToken';
import { makeTestAuthority, type TestAuthority } from './testing/testAuthority';
import { checkTimeStamp, readAnchors } from './token';

let folder: string;
let authority: TestAuthority;
const data = Buffer.from('c0ffee  bagit.txt\nfeed  bag-info.txt\n');
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: folder, stdio: 'pipe', encoding: 'utf8' });
const file = (name: string) => path.join(folder, name);
const anchors = (anchorFile = authority.anchorFile) => readAnchors(readFileSync(anchorFile))!;

/** What `openssl ts -verify` says of a response for the data, with `anchorFile` as anchor. */
function opensslSays(response: Uint8Array, anchorFile = authority.anchorFile): { ok: boolean; said: string } {
  writeFileSync(file('check.tsr'), response);
  writeFileSync(file('check.data'), data);
  const result = spawnSync('openssl', ['ts', '-verify', '-data', 'check.data', '-in', 'check.tsr', '-CAfile', anchorFile], { cwd: folder, encoding: 'utf8' });
  return { ok: result.status === 0 && /Verification: OK/.test(result.stdout), said: result.stdout + result.stderr };
}

/** The genuine token's TSTInfo signed again by the authority's own key, with the attributes `choice` says. */
function resigned(choice: Partial<TokenSigning>): Promise<Buffer> {
  const info = tstInfoOf(authority.reply(timeStampRequest(data)));
  return signToken({ info, certificate: file('tsa.crt'), key: file('tsa.key'), chain: [authority.anchorFile], ...choice });
}

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'dalel-timestamp-attributes-'));
  authority = makeTestAuthority(folder);
}, 120_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the signer is named by an ESS signing certificate (RFC 3161 2.4.1, RFC 5816)', () => {
  it('accepts the authority’s token signed again with ESS v2 (SHA-256) or v1 (SHA-1, a name for the certificate, not a signature), as OpenSSL does', async () => {
    for (const version of [2, 1] as const) {
      const token = await resigned({ ess: { version } });
      expect(opensslSays(token).ok, `v${version}`).toBe(true);
      expect(await checkTimeStamp(token, data, anchors())).toMatchObject({ ok: true, stamp: { authority: 'CN=Dalel Test TSA, O=Dalel tests', anchored: true } });
    }
  });

  it('accepts ESS v2 that names its hash (SHA-384), as OpenSSL does', async () => {
    const token = await resigned({ ess: { version: 2, hash: 'sha384' } });
    expect(opensslSays(token).ok).toBe(true);
    expect(await checkTimeStamp(token, data, anchors())).toMatchObject({ ok: true, stamp: { anchored: true } });
  });

  it('refuses a token without one, though the authority’s key signed it, as OpenSSL does', async () => {
    const token = await resigned({ ess: null });
    expect(opensslSays(token).ok).toBe(false);
    expect(await checkTimeStamp(token, data, anchors())).toEqual({ ok: false, problem: 'signatureInvalid' });
  });

  it('refuses a token whose certificate was swapped for another of the same key, under another name and CA, as OpenSSL does', async () => {
    // The impostor's CA copies the real CA's name, and issues the authority's key under another name with the real serial.
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'copyca.key', '-out', 'copyca.crt', '-days', '3650', '-subj', '/CN=Dalel Test Root CA/O=Dalel tests', '-config', 'tsa.cnf', '-extensions', 'ca']);
    openssl(['req', '-new', '-key', 'tsa.key', '-out', 'twin.csr', '-subj', '/CN=Impostor TSA/O=Elsewhere', '-config', 'tsa.cnf']);
    const serial = openssl(['x509', '-in', 'tsa.crt', '-noout', '-serial']).trim().replace('serial=', '0x');
    openssl(['x509', '-req', '-in', 'twin.csr', '-CA', 'copyca.crt', '-CAkey', 'copyca.key', '-set_serial', serial, '-out', 'twin.crt', '-days', '365', '-extfile', 'tsa.cnf', '-extensions', 'authority']);

    const genuine = pkijs.TimeStampResp.fromBER(new Uint8Array(authority.reply(timeStampRequest(data))).buffer);
    const signedData = new pkijs.SignedData({ schema: genuine.timeStampToken!.content });
    const certificate = (name: string) => pkijs.Certificate.fromBER(new Uint8Array(readFileSync(file(name))).buffer);
    openssl(['x509', '-in', 'twin.crt', '-outform', 'DER', '-out', 'twin.der']);
    openssl(['x509', '-in', 'copyca.crt', '-outform', 'DER', '-out', 'copyca.der']);
    signedData.certificates = [certificate('twin.der'), certificate('copyca.der')];
    const token = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signedData.toSchema(true) });
    const swapped = Buffer.from(new pkijs.TimeStampResp({ status: genuine.status, timeStampToken: token }).toSchema().toBER(false));

    const said = opensslSays(swapped, file('copyca.crt'));
    expect(said.ok).toBe(false);
    expect(said.said).toMatch(/ess cert id not found/i);
    expect(await checkTimeStamp(swapped, data, anchors(file('copyca.crt')))).toEqual({ ok: false, problem: 'signatureInvalid' });
    expect(await checkTimeStamp(swapped, data)).toEqual({ ok: false, problem: 'signatureInvalid' });
  });

  it('refuses a token whose ESS names the certificate’s hash with another serial, as OpenSSL does', async () => {
    const token = await resigned({ ess: { version: 2, issuerSerial: { issuerOf: file('tsa.crt'), serial: Uint8Array.from([0x12, 0x34]) } } });
    expect(opensslSays(token).ok).toBe(false);
    expect(await checkTimeStamp(token, data, anchors())).toEqual({ ok: false, problem: 'signatureInvalid' });
  });

  it('refuses a token whose ESS names another certificate of the same CA', async () => {
    const token = await resigned({ ess: { version: 2, certificate: file('person.crt') } });
    expect(opensslSays(token).ok).toBe(false);
    expect(await checkTimeStamp(token, data, anchors())).toEqual({ ok: false, problem: 'signatureInvalid' });
  });
});

describe('the signed content type is id-ct-TSTInfo (RFC 5652 11.1)', () => {
  it('refuses a token whose content-type attribute names other content, or is missing, where OpenSSL looks no further than the digest', async () => {
    const other = await resigned({ contentType: '1.2.840.113549.1.7.1' });
    const none = await resigned({ contentType: null });
    // `openssl ts -verify` (PKCS7_signatureVerify) does not read the attribute: Dalel holds to RFC 5652 11.1 where it does not.
    expect(opensslSays(other).ok).toBe(true);
    expect(opensslSays(none).ok).toBe(true);
    expect(await checkTimeStamp(other, data, anchors())).toEqual({ ok: false, problem: 'signatureInvalid' });
    expect(await checkTimeStamp(none, data, anchors())).toEqual({ ok: false, problem: 'signatureInvalid' });
  });
});
