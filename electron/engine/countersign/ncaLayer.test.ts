/**
 * NCALayer's side of a countersignature, against an NCALayer of the suite's
 * own: a WebSocket over TLS on 127.0.0.1 with a self-signed certificate, as
 * NCALayer's is, speaking its "basics" protocol (a greeting, heartbeats,
 * `sign` answered in the shapes NCALayer's versions give) and signing with
 * Debian's OpenSSL as the lawyer's key in NCALayer would. The real NCALayer
 * cannot run here; what is proved is the request Dalel sends, every answer
 * it reads, that it connects nowhere but this computer, and that the
 * signature that comes back is one `openssl cms -verify` and Dalel accept.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:https';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../testing/fixtures';
import { checkCountersignature } from './cms';
import { ncaLayerSignRequest, readNcaLayerAnswer, signWithNcaLayer } from './ncaLayer';
import { requestData, startFakeNcaLayer, type FakeNcaLayer } from './testing/fakeNcaLayer';
import { makeTestLawyer, type TestLawyer } from './testing/testLawyer';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let lawyer: TestLawyer;
let ncaLayer: FakeNcaLayer;
let address: string;

const tagManifest = Buffer.from('a'.repeat(64) + '  bag-info.txt\n' + 'b'.repeat(64) + '  data/bundle.json\n');

beforeAll(async () => {
  folder = await temporaryFolder();
  lawyer = makeTestLawyer(folder.path);
  ncaLayer = await startFakeNcaLayer(folder.path, lawyer);
  address = ncaLayer.address;
}, 60_000);

afterAll(async () => {
  await ncaLayer?.close();
  await folder?.remove();
});

describe('signing through NCALayer on this computer', () => {
  it("asks for a detached CMS signature of the tag manifest, and gets one openssl and Dalel accept", async () => {
    ncaLayer.answer = (request, socket) => {
      // NCALayer keeps talking while its dialogs are open.
      socket.send('{}');
      ncaLayer.signs(request, socket);
    };
    const signature = await signWithNcaLayer(tagManifest, { address, locale: 'kk' });
    const request = ncaLayer.requests.at(-1)!;
    expect(request).toMatchObject({ module: 'kz.gov.pki.knca.basics', method: 'sign', args: { format: 'cms', locale: 'kk', signingParams: { decode: true, encapsulate: false, digested: false } } });
    expect(requestData(request).equals(tagManifest)).toBe(true);

    const check = await checkCountersignature(signature, tagManifest);
    expect(check.ok && check.countersignature.iin).toBe('880101300123');
    writeFileSync(join(folder.path, 'answer.p7s'), signature);
    writeFileSync(join(folder.path, 'manifest.txt'), tagManifest);
    const verified = execFileSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'answer.p7s', '-content', 'manifest.txt', '-CAfile', lawyer.anchorFile, '-out', '/dev/null'], { cwd: folder.path, stdio: 'pipe' });
    expect(verified).toBeDefined();
  });

  it('reads the answer in the shapes NCALayer versions give: an array, a string, PEM, the older responseObject', () => {
    writeFileSync(join(folder.path, 'shapes.txt'), tagManifest);
    const der = execFileSync('openssl', ['cms', '-sign', '-binary', '-outform', 'DER', '-in', join(folder.path, 'shapes.txt'), '-signer', lawyer.certificateFile, '-inkey', lawyer.keyFile]);
    const base64 = der.toString('base64');
    const pem = `-----BEGIN CMS-----\n${base64.replace(/.{64}/g, '$&\n')}\n-----END CMS-----\n`;
    for (const text of [{ status: true, body: { result: [base64] } }, { status: true, body: { result: base64 } }, { status: true, body: { result: [pem] } }, { code: '200', responseObject: base64 }]) {
      const read = readNcaLayerAnswer(JSON.stringify(text));
      expect('signature' in read && Buffer.from(read.signature).equals(der), JSON.stringify(text).slice(0, 60)).toBe(true);
    }
  });

  it.each([
    ['the person cancels', { status: false, code: 'USER_CANCELED', message: 'cancelled' }, 'ncaLayerCancelled'],
    ['the dialog is closed with nothing chosen', { status: true, body: {} }, 'ncaLayerCancelled'],
    ['NCALayer refuses, in its own words', { status: false, code: 'KEY_EXPIRED', message: 'Срок действия ключа истёк.' }, 'ncaLayerRefused'],
    ['the answer holds no base64', { status: true, body: { result: ['<not a signature>'] } }, 'ncaLayerAnswerMalformed'],
  ])('says so when %s', async (_case, reply, code) => {
    ncaLayer.answer = (_request, socket) => socket.send(JSON.stringify(reply));
    const refused = signWithNcaLayer(tagManifest, { address, locale: 'ru' });
    await expect(refused).rejects.toMatchObject({ code });
    if (code === 'ncaLayerRefused') await expect(refused).rejects.toMatchObject({ params: { message: 'Срок действия ключа истёк.' } });
  });

  it('says so when NCALayer closes the connection mid-way, or the answer is not JSON', async () => {
    ncaLayer.answer = (_request, socket) => socket.close();
    await expect(signWithNcaLayer(tagManifest, { address, locale: 'en' })).rejects.toMatchObject({ code: 'ncaLayerCancelled' });
    ncaLayer.answer = (_request, socket) => socket.send('not json');
    await expect(signWithNcaLayer(tagManifest, { address, locale: 'en' })).rejects.toMatchObject({ code: 'ncaLayerAnswerMalformed' });
  });

  it('says NCALayer is not running when nothing answers at its address, quickly', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const started = Date.now();
    await expect(signWithNcaLayer(tagManifest, { address: `wss://127.0.0.1:${port}/`, locale: 'en' })).rejects.toMatchObject({ code: 'ncaLayerUnreachable', params: { address: `wss://127.0.0.1:${port}/` } });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('never connects anywhere but this computer', async () => {
    const before = ncaLayer.connections();
    for (const elsewhere of ['wss://example.org:13579/', 'wss://10.0.0.1:13579/', 'https://127.0.0.1:13579/', 'wss://127.0.0.1.example.org:13579/', 'wss://127.0.0.1@evil.example:13579/', `${address}#x`, `${address}?x=1`, 'not an address']) {
      await expect(signWithNcaLayer(tagManifest, { address: elsewhere, locale: 'en', connectTimeoutMs: 100 }), elsewhere).rejects.toMatchObject({ code: 'ncaLayerUnreachable' });
    }
    expect(ncaLayer.connections()).toBe(before);
  });

  it('stops waiting when the person cancels in Dalel, or NCALayer never answers', async () => {
    ncaLayer.answer = () => {};
    const controller = new AbortController();
    const waiting = signWithNcaLayer(tagManifest, { address, locale: 'en', signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    await expect(signWithNcaLayer(tagManifest, { address, locale: 'en', signTimeoutMs: 300 })).rejects.toMatchObject({ code: 'ncaLayerTimedOut' });
  });

  it('builds the request NCALayer documents for a detached CMS by a signing key', () => {
    expect(ncaLayerSignRequest(Buffer.from('x'), 'ru')).toEqual({
      module: 'kz.gov.pki.knca.basics',
      method: 'sign',
      args: {
        allowedStorages: null,
        format: 'cms',
        data: 'eA==',
        signingParams: { decode: true, encapsulate: false, digested: false, tsaProfile: null },
        signerParams: { extKeyUsageOids: ['1.3.6.1.5.5.7.3.4'], chain: null },
        locale: 'ru',
      },
    });
  });
});
