/**
 * Proofs of time made and checked by the real clients: Dalel's request is
 * answered by `openssl ts -reply`, and its checks agree with
 * `openssl ts -verify` on every token, genuine or forged.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersRequest, timeStampRequest } from './request';
import { signToken, tstInfoOf } from './testing/signToken';
import { makeTestAuthority, refusal, type TestAuthority } from './testing/testAuthority';
import { checkTimeStamp, readAnchors } from './token';

let folder: string;
let authority: TestAuthority;
const data = Buffer.from('c0ffee  bagit.txt\nfeed  bag-info.txt\n');

/** What `openssl ts -verify` says of a response for `bytes`, with the test CA as anchor. */
function opensslAccepts(response: Uint8Array, bytes: Uint8Array, anchorFile = authority.anchorFile): boolean {
  writeFileSync(path.join(folder, 'check.tsr'), response);
  writeFileSync(path.join(folder, 'check.data'), bytes);
  const result = spawnSync('openssl', ['ts', '-verify', '-data', 'check.data', '-in', 'check.tsr', '-CAfile', anchorFile], { cwd: folder, encoding: 'utf8' });
  return result.status === 0 && /Verification: OK/.test(result.stdout);
}

const anchors = () => readAnchors(readFileSync(authority.anchorFile))!;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'dalel-timestamp-'));
  authority = makeTestAuthority(folder);
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the request', () => {
  it('is a TimeStampReq that OpenSSL reads: SHA-256 of the bytes, a nonce, the certificate asked for', () => {
    writeFileSync(path.join(folder, 'mine.tsq'), timeStampRequest(data));
    const text = execFileSync('openssl', ['ts', '-query', '-in', 'mine.tsq', '-text'], { cwd: folder, encoding: 'utf8' });
    expect(text).toContain('Hash Algorithm: sha256');
    // OpenSSL's dump of the message imprint: "    0000 - 8f 43 32 … 1b   ascii".
    const imprint = [...text.matchAll(/^\s+[0-9a-f]{4} - ((?:[0-9a-f]{2}[ -]){1,16})/gm)].map((line) => line[1]!.replace(/[ -]/g, '')).join('');
    expect(imprint).toBe(execFileSync('sha256sum', { input: data, encoding: 'utf8' }).slice(0, 64));
    expect(text).toMatch(/Nonce: 0x[0-9A-F]+/);
    expect(text).toContain('Certificate required: yes');
  });

  it('encodes every nonce as DER allows, so that an authority never refuses the request (a leading zero byte, which random bytes give one time in 512)', () => {
    for (const first of [0x00, 0x7f, 0x80, 0xff]) {
      const random = Buffer.from([first, 0x05, 1, 2, 3, 4, 5, 6]);
      writeFileSync(path.join(folder, 'nonce.tsq'), timeStampRequest(data, random));
      const shown = spawnSync('openssl', ['ts', '-query', '-in', 'nonce.tsq', '-text'], { cwd: folder, encoding: 'utf8' });
      expect(shown.status, `${first}: ${shown.stderr}`).toBe(0);
      expect(shown.stdout).toMatch(/Nonce: 0x(0[1-9A-F]|[1-7][0-9A-F])[0-9A-F]{14}\n/);
    }
  });

  it('carries a new nonce each time and nothing of the bytes but their hash', () => {
    const secret = Buffer.from('Aigerim Nurlanovna, +7 701 000 0000');
    const first = timeStampRequest(secret);
    expect(first.equals(timeStampRequest(secret))).toBe(false);
    expect(first.includes(secret)).toBe(false);
  });

  it('is answered only by an answer with its nonce and imprint: not an earlier answer for the same bytes, one without a nonce, or one for other bytes', () => {
    const request = timeStampRequest(data);
    expect(answersRequest(authority.reply(request), request)).toBe(true);
    const earlier = authority.reply(timeStampRequest(data));
    expect(answersRequest(earlier, request)).toBe(false);
    // The same request with its nonce left out, as `openssl ts -query -no_nonce` writes it.
    const withoutNonce = pkijs.TimeStampReq.fromBER(new Uint8Array(request).buffer);
    delete withoutNonce.nonce;
    const noNonce = authority.reply(Buffer.from(withoutNonce.toSchema().toBER(false)));
    expect(answersRequest(noNonce, request)).toBe(false);
    expect(answersRequest(noNonce, Buffer.from(withoutNonce.toSchema().toBER(false)))).toBe(true);
    expect(answersRequest(authority.reply(timeStampRequest(Buffer.from('other'))), request)).toBe(false);
    expect(answersRequest(Buffer.from('not DER'), request)).toBe(false);
  });
});

describe('checking a response', () => {
  it('accepts what the authority answered, with its time, name, serial and policy, as OpenSSL does', async () => {
    const response = authority.reply(timeStampRequest(data));
    expect(opensslAccepts(response, data)).toBe(true);
    const before = Date.now();
    const check = await checkTimeStamp(response, data, anchors());
    // The test authority states an accuracy of one second (its `accuracy = secs:1`).
    expect(check).toMatchObject({ ok: true, stamp: { authority: 'CN=Dalel Test TSA, O=Dalel tests', policy: '1.3.6.1.4.1.99999.1', accuracy: 1, anchored: true } });
    if (!check.ok) return;
    expect(Math.abs(Date.parse(check.stamp.time) - before)).toBeLessThan(120_000);
    expect(check.stamp.serial).toMatch(/^[0-9a-f]+$/);
  });

  it('says nothing of anchoring when no anchors are given, and false for anchors of another CA, as OpenSSL refuses them', async () => {
    const response = authority.reply(timeStampRequest(data));
    expect(await checkTimeStamp(response, data)).toMatchObject({ ok: true, stamp: { anchored: null } });
    expect(opensslAccepts(response, data, authority.strangerAnchorFile)).toBe(false);
    const stranger = readAnchors(readFileSync(authority.strangerAnchorFile))!;
    expect(await checkTimeStamp(response, data, stranger)).toMatchObject({ ok: true, stamp: { anchored: false } });
  });

  it('refuses it for bytes changed by one, as OpenSSL does', async () => {
    const response = authority.reply(timeStampRequest(data));
    const changed = Buffer.from(data);
    changed[0]! ^= 1;
    expect(opensslAccepts(response, changed)).toBe(false);
    expect(await checkTimeStamp(response, changed, anchors())).toEqual({ ok: false, problem: 'wrongData' });
  });

  it('refuses a token whose signed time was altered, as OpenSSL does', async () => {
    const response = authority.reply(timeStampRequest(data));
    // The GeneralizedTime's year, inside the signed TSTInfo: "20" -> "19".
    const at = response.indexOf(Buffer.from(String(new Date().getUTCFullYear())));
    expect(at).toBeGreaterThan(0);
    const altered = Buffer.from(response);
    altered[at + 1] = 0x31;
    expect(opensslAccepts(altered, data)).toBe(false);
    expect(await checkTimeStamp(altered, data, anchors())).toEqual({ ok: false, problem: 'signatureInvalid' });
  });

  it("refuses a token signed by a certificate that is not a time-stamping authority's, even one its CA issued, as OpenSSL does", async () => {
    const forged = authority.forgeByPerson(authority.reply(timeStampRequest(data)));
    expect(opensslAccepts(forged, data)).toBe(false);
    expect(await checkTimeStamp(forged, data, anchors())).toEqual({ ok: false, problem: 'notAnAuthority' });
  });

  it('gives the accuracy the authority states, in seconds, none when it states none, and refuses one out of RFC 3161’s bounds', async () => {
    /** The authority's own TSTInfo with `accuracy`, signed again by its key. */
    const stating = (accuracy: pkijs.Accuracy | undefined) => {
      const info = pkijs.TSTInfo.fromBER(new Uint8Array(tstInfoOf(authority.reply(timeStampRequest(data)))).buffer);
      info.accuracy = accuracy;
      const der = new Uint8Array(info.toSchema().toBER(false));
      return signToken({ info: der, certificate: path.join(folder, 'tsa.crt'), key: path.join(folder, 'tsa.key'), chain: [authority.anchorFile] });
    };
    const fine = await stating(new pkijs.Accuracy({ millis: 250, micros: 5 }));
    expect(opensslAccepts(fine, data)).toBe(true);
    expect(await checkTimeStamp(fine, data)).toMatchObject({ ok: true, stamp: { accuracy: 0.250005 } });
    const none = await checkTimeStamp(await stating(undefined), data);
    expect(none.ok).toBe(true);
    expect(none.ok && 'accuracy' in none.stamp).toBe(false);
    expect(await checkTimeStamp(await stating(new pkijs.Accuracy({ seconds: 1, millis: 1000 })), data)).toEqual({ ok: false, problem: 'malformed' });
  });

  it('refuses a refusal, and bytes that are not a response at all', async () => {
    expect(await checkTimeStamp(refusal(), data)).toEqual({ ok: false, problem: 'notGranted' });
    expect(await checkTimeStamp(Buffer.from('not DER'), data)).toEqual({ ok: false, problem: 'malformed' });
    const response = authority.reply(timeStampRequest(data));
    expect(await checkTimeStamp(response.subarray(0, response.length - 1), data)).toEqual({ ok: false, problem: 'malformed' });
    expect(await checkTimeStamp(Buffer.concat([response, Buffer.from([0])]), data)).toEqual({ ok: false, problem: 'malformed' });
  });
});

describe('trust anchors', () => {
  it('reads one or many PEM certificates, or one DER certificate, and nothing else', () => {
    const pem = readFileSync(authority.anchorFile);
    expect(readAnchors(pem)).toHaveLength(1);
    expect(readAnchors(Buffer.concat([pem, readFileSync(authority.strangerAnchorFile)]))).toHaveLength(2);
    const der = execFileSync('openssl', ['x509', '-in', authority.anchorFile, '-outform', 'DER']);
    expect(readAnchors(der)).toHaveLength(1);
    expect(readAnchors(Buffer.from('hello'))).toBeNull();
    expect(readAnchors(Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'))).toBeNull();
  });
});
