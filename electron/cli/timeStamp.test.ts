/**
 * `dalel timestamp` and `dalel verify --tsa-anchors` (issue 18, proof of
 * time), against a test authority made with `openssl ts -reply`: offline
 * (request file out, answer in) and, only when asked with an address, over
 * HTTP to a local authority, which hears nothing before the address is
 * printed. Every refusal leaves the bundle byte for byte as it was.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as pkijs from 'pkijs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { makeTestAuthority, type TestAuthority } from '../engine/timestamp/testing/testAuthority';
import { dalelInProcess as dalel } from './testing/inProcess';
import { fileSha256 } from '../engine/bundle/testing/zipFiles';

let folder: { path: string; remove: () => Promise<void> };
let authority: TestAuthority;
let dir: string;
let counter = 0;

async function bundle(): Promise<string> {
  const out = join(folder.path, `case ${++counter}.zip`);
  expect((await dalel(['export', dir, '--out', out, '--profile', 'legal'])).code).toBe(0);
  return out;
}

async function stampOffline(zip: string): Promise<void> {
  const request = join(folder.path, `request-${++counter}.tsq`);
  const asked = await dalel(['timestamp', zip, '--request', request]);
  expect(asked.code, asked.err).toBe(0);
  const answer = join(folder.path, `answer-${counter}.tsr`);
  writeFileSync(answer, authority.reply(readFileSync(request)));
  const added = await dalel(['timestamp', zip, '--response', answer]);
  expect(added.code, added.err).toBe(0);
}

beforeAll(async () => {
  folder = await temporaryFolder();
  authority = makeTestAuthority(folder.path);
  dir = join(folder.path, 'архив');
  const incident = join(folder.path, 'incident.json');
  writeFileSync(incident, JSON.stringify(sampleIncident()));
  for (const args of [['init', dir, '--no-encryption'], ['add', dir, '--type', 'incident', '--json', incident]]) expect((await dalel(args)).code).toBe(0);
}, 60_000);
afterAll(() => folder.remove());

describe('offline: a request file out, the answer in', () => {
  it('writes a request openssl reads, adds the answer, and verify shows the time and the authority', async () => {
    const zip = await bundle();
    const request = join(folder.path, 'case.tsq');
    const asked = await dalel(['timestamp', zip, '--request', request]);
    expect(asked.code).toBe(0);
    expect(asked.out).toContain(request);
    expect(execFileSync('openssl', ['ts', '-query', '-in', request, '-text'], { encoding: 'utf8' })).toContain('Hash Algorithm: sha256');
    const answer = join(folder.path, 'case.tsr');
    writeFileSync(answer, authority.reply(readFileSync(request)));

    const added = await dalel(['timestamp', zip, '--response', answer, '--lang', 'ru']);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain('добавлено доказательство времени');
    expect(added.out).toContain('CN=Dalel Test TSA, O=Dalel tests');
    expect(added.out).toContain(fileSha256(zip));

    const checked = await dalel(['verify', zip, '--tsa-anchors', authority.anchorFile]);
    expect(checked.code).toBe(0);
    expect(checked.out).toMatch(/Proof of time: the tag manifest existed at \d{4}-\d\d-\d\dT[\d:.]+Z \(UTC\), says CN=Dalel Test TSA, O=Dalel tests/);
    expect(checked.out).toContain('✓ The time-stamp authority chains to a certificate you trust');
    // The test authority states an accuracy of one second.
    expect(checked.out).toContain('Accuracy of the time: ± 1 s, as the authority states it.');
  });

  it('verify --tsa-anchors refuses a bundle without a proof of time, or by an authority outside the anchors (exit 1)', async () => {
    const plain = await bundle();
    const without = await dalel(['verify', plain, '--tsa-anchors', authority.anchorFile]);
    expect(without.code).toBe(1);
    expect(without.out).toContain('No proof of time');
    expect(without.err).toContain('carries no proof of time');

    await stampOffline(plain);
    const elsewhere = await dalel(['verify', plain, '--tsa-anchors', authority.strangerAnchorFile, '--lang', 'kk']);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.err).toContain('сертификатқа дейін тізбектелмейтін');
    expect((await dalel(['verify', plain])).out).toContain('was not checked against certificates you trust');
  });

  it('refuses, in the person’s language and with the bundle unchanged: two modes, no mode, an answer for another bundle, a second proof, anchors that are not certificates', async () => {
    const zip = await bundle();
    const before = fileSha256(zip);
    expect((await dalel(['timestamp', zip])).code).toBe(2);
    const two = await dalel(['timestamp', zip, '--request', join(folder.path, 'x.tsq'), '--authority', 'http://127.0.0.1:9']);
    expect(two.code).toBe(2);
    expect(two.err).toContain('exactly one of');

    const other = await bundle();
    const otherRequest = join(folder.path, 'other.tsq');
    await dalel(['timestamp', other, '--request', otherRequest]);
    const otherAnswer = join(folder.path, 'other.tsr');
    writeFileSync(otherAnswer, authority.reply(readFileSync(otherRequest)));
    const wrong = await dalel(['timestamp', zip, '--response', otherAnswer, '--lang', 'kk']);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('осы пакетке емес');
    expect(fileSha256(zip)).toBe(before);

    await stampOffline(zip);
    const stamped = fileSha256(zip);
    const again = await dalel(['timestamp', zip, '--response', otherAnswer]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already carries a proof of time');
    expect(fileSha256(zip)).toBe(stamped);

    const notCertificates = join(folder.path, 'anchors.txt');
    writeFileSync(notCertificates, 'not a certificate\n');
    const anchors = await dalel(['verify', zip, '--tsa-anchors', notCertificates]);
    expect(anchors.code).toBe(2);
    expect(anchors.err).toContain('holds no certificate');
  });

  it('never writes a request over a file', async () => {
    const zip = await bundle();
    const existing = join(folder.path, 'kept.tsq');
    writeFileSync(existing, 'mine');
    const result = await dalel(['timestamp', zip, '--request', existing]);
    expect(result.code).toBe(1);
    expect(readFileSync(existing, 'utf8')).toBe('mine');
  });
});

describe('the custody log: dalel anchor and dalel anchors', () => {
  it('writes a request for the last line, keeps the answer, and lists it checked, exit 1 when held to anchors it does not chain to', async () => {
    const none = await dalel(['anchors', dir]);
    expect(none.code).toBe(0);
    expect(none.out).toContain('no proof of time yet');
    expect((await dalel(['anchors', dir, '--tsa-anchors', authority.anchorFile])).code).toBe(1);

    const request = join(folder.path, 'custody.tsq');
    const asked = await dalel(['anchor', dir, '--request', request]);
    expect(asked.code, asked.err).toBe(0);
    const answer = join(folder.path, 'custody.tsr');
    writeFileSync(answer, authority.reply(readFileSync(request)));
    const kept = await dalel(['anchor', dir, '--response', answer, '--lang', 'kk']);
    expect(kept.code, kept.err).toBe(0);
    expect(kept.out).toContain('уақыттың дәлелі сақталды');

    const listed = await dalel(['anchors', dir, '--tsa-anchors', authority.anchorFile]);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^line \d+ \([0-9a-f]{64}\): recorded by .+ \(UTC\), says CN=Dalel Test TSA, O=Dalel tests — the authority chains to a certificate you trust$/m);
    const elsewhere = await dalel(['anchors', dir, '--tsa-anchors', authority.strangerAnchorFile]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.out).toContain('does not chain to a certificate you gave');
    const twice = await dalel(['anchor', dir, '--response', answer]);
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/Line \d+ of the custody log already has a proof of time/);
  });
});

describe('online, only when asked with an address', () => {
  let server: Server;
  let address: string;
  let heard: { at: number; type: string | undefined; body: Buffer }[];
  let answer: (request: Buffer) => { status: number; body: Buffer };

  beforeAll(async () => {
    heard = [];
    server = createServer((request, response) => {
      const pieces: Buffer[] = [];
      request.on('data', (piece: Buffer) => pieces.push(piece));
      request.on('end', () => {
        const body = Buffer.concat(pieces);
        heard.push({ at: Date.now(), type: request.headers['content-type'], body });
        if (request.url === '/redirect') return void response.writeHead(307, { Location: address }).end();
        const { status, body: reply } = answer(body);
        response.writeHead(status, { 'Content-Type': 'application/timestamp-reply' }).end(reply);
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('says where it sends the request before it sends it, sends only the request, and adds the answer', async () => {
    answer = (request) => ({ status: 200, body: authority.reply(request) });
    const zip = await bundle();
    const result = await dalel(['timestamp', zip, '--authority', address]);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain(`Sending the time-stamp request (only a SHA-256 fingerprint and a random number) to ${address}`);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.type).toBe('application/timestamp-query');
    // What left the machine is a TimeStampReq of the tag manifest's hash, nothing of the bundle.
    expect(heard[0]!.body.length).toBeLessThan(100);
    expect((await dalel(['verify', zip, '--tsa-anchors', authority.anchorFile])).code).toBe(0);
  });

  it('anchors the custody log with the authority named, saying where first', async () => {
    answer = (request) => ({ status: 200, body: authority.reply(request) });
    heard = [];
    const result = await dalel(['anchor', dir, '--authority', address]);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain(`to ${address}`);
    expect(heard).toHaveLength(1);
    expect((await dalel(['anchors', dir])).out).toMatch(/says CN=Dalel Test TSA/);
  });

  it('leaves the bundle as it was when the authority refuses, answers with an error, or cannot be reached', async () => {
    const zip = await bundle();
    const before = fileSha256(zip);
    answer = () => ({ status: 500, body: Buffer.from('down') });
    const refused = await dalel(['timestamp', zip, '--authority', address]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('HTTP status 500');
    answer = () => ({ status: 200, body: Buffer.alloc(200 * 1024, 0x30) });
    const huge = await dalel(['timestamp', zip, '--authority', address]);
    expect(huge.code).toBe(2);
    expect(huge.err).toContain('larger than a time-stamp response can be');
    const unreachable = await dalel(['timestamp', zip, '--authority', 'http://127.0.0.1:9/tsa', '--lang', 'ru']);
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toContain('Нет ответа от http://127.0.0.1:9/tsa');
    const notWeb = await dalel(['timestamp', zip, '--authority', 'file:///etc/passwd']);
    expect(notWeb.code).toBe(2);
    expect(fileSha256(zip)).toBe(before);
    expect(existsSync(`${zip}.tsq`)).toBe(false);
  });

  it('refuses an answer that is not to the request it sent: an earlier answer for the same bundle sent again, or one without the nonce it asked for', async () => {
    const zip = await bundle();
    const before = fileSha256(zip);
    const earlierRequest = join(folder.path, `earlier-${++counter}.tsq`);
    expect((await dalel(['timestamp', zip, '--request', earlierRequest])).code).toBe(0);
    const earlier = authority.reply(readFileSync(earlierRequest));
    answer = () => ({ status: 200, body: earlier });
    const replayed = await dalel(['timestamp', zip, '--authority', address, '--lang', 'ru']);
    expect(replayed.code).toBe(2);
    expect(replayed.err).toContain('не ответ на этот запрос');

    answer = (request) => {
      const withoutNonce = pkijs.TimeStampReq.fromBER(new Uint8Array(request).buffer);
      delete withoutNonce.nonce;
      return { status: 200, body: authority.reply(Buffer.from(withoutNonce.toSchema().toBER(false))) };
    };
    const noNonce = await dalel(['timestamp', zip, '--authority', address]);
    expect(noNonce.code).toBe(2);
    expect(noNonce.err).toContain('is not the answer to the request just sent');
    const custody = await dalel(['anchor', dir, '--authority', address, '--lang', 'kk']);
    expect(custody.code).toBe(2);
    expect(custody.err).toContain('бұл сұрауға жауап емес');
    expect(fileSha256(zip)).toBe(before);
  });

  it('refuses an address with a user name and password before connecting, and never shows the password', async () => {
    const zip = await bundle();
    heard = [];
    const withCredentials = address.replace('http://', 'http://someone:s3cret@');
    const result = await dalel(['timestamp', zip, '--authority', withCredentials]);
    expect(result.code).toBe(2);
    expect(result.err + result.out).not.toContain('s3cret');
    expect(heard).toHaveLength(0);
  });

  it('follows no redirect: the authority it was sent to answers, or nothing', async () => {
    answer = (request) => ({ status: 200, body: authority.reply(request) });
    const zip = await bundle();
    const before = fileSha256(zip);
    heard = [];
    const result = await dalel(['timestamp', zip, '--authority', address.replace('/tsa', '/redirect')]);
    expect(result.code).toBe(2);
    // The redirect's own request, and none to where it points.
    expect(heard).toHaveLength(1);
    expect(fileSha256(zip)).toBe(before);
  });
});
