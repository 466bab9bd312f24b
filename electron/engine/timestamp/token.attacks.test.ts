/**
 * Hostile tokens, each compared with `openssl ts -verify`: certificates that
 * are not a time-stamping authority's as RFC 3161 2.3 requires, chains that
 * do not hold at the stamped time, tokens with two signers, weak digests,
 * other content types, and a certificate graph made to explode path building.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeStampRequest } from './request';
import { makeTestAuthority, type TestAuthority } from './testing/testAuthority';
import { checkTimeStamp, readAnchors } from './token';

let folder: string;
let authority: TestAuthority;
const data = Buffer.from('c0ffee  bagit.txt\nfeed  bag-info.txt\n');
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: folder, stdio: 'pipe' });
const anchors = () => readAnchors(readFileSync(authority.anchorFile))!;

function opensslAccepts(response: Uint8Array, bytes: Uint8Array): boolean {
  writeFileSync(path.join(folder, 'check.tsr'), response);
  writeFileSync(path.join(folder, 'check.data'), bytes);
  const result = spawnSync('openssl', ['ts', '-verify', '-data', 'check.data', '-in', 'check.tsr', '-CAfile', authority.anchorFile], { cwd: folder, encoding: 'utf8' });
  return result.status === 0 && /Verification: OK/.test(result.stdout);
}

/**
 * Whether `openssl ts -reply` signs with this certificate: it holds the
 * signer to the same purpose (X509_PURPOSE_TIMESTAMP_SIGN) as `ts -verify`
 * holds a token's signer, and says so by name ("invalid signer certificate
 * purpose"), where `ts -verify` says only that a token fails.
 */
function opensslSignsWith(name: string): boolean {
  writeFileSync(path.join(folder, 'probe.tsq'), timeStampRequest(data));
  const result = spawnSync('openssl', ['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'probe.tsq', '-inkey', `${name}.key`, '-signer', `${name}.crt`, '-out', 'probe.tsr'], { cwd: folder, encoding: 'utf8' });
  return result.status === 0 && !/invalid signer certificate purpose/.test(result.stderr);
}

const extensions = `
[ lax ]
basicConstraints = critical,CA:false
extendedKeyUsage = timeStamping, emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ noncritical ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature
extendedKeyUsage = timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ notca ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ authority ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

/** A certificate for `name` issued by `issuer` (default: the test root CA), with the extensions of `section`. */
function issue(name: string, section: string, issuer = 'ca', dates?: { start: string; end: string }, issuerKey = issuer) {
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}/O=Dalel tests`, '-config', 'tsa.cnf']);
  if (!dates) {
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.crt`, '-CAkey', `${issuerKey}.key`, '-CAcreateserial', '-out', `${name}.crt`, '-days', '365', '-extfile', 'attack.cnf', '-extensions', section]);
    return;
  }
  writeFileSync(path.join(folder, 'index.txt'), '');
  writeFileSync(path.join(folder, 'ca.serial'), '1000\n');
  writeFileSync(
    path.join(folder, 'ca.cnf'),
    `[ ca ]\ndefault_ca = own\n[ own ]\ndatabase = index.txt\nnew_certs_dir = .\nserial = ca.serial\ndefault_md = sha256\npolicy = any\nunique_subject = no\n[ any ]\ncommonName = supplied\norganizationName = optional\n${extensions}`,
  );
  openssl(['ca', '-batch', '-notext', '-config', 'ca.cnf', '-cert', `${issuer}.crt`, '-keyfile', `${issuer}.key`, '-in', `${name}.csr`, '-out', `${name}.crt`, '-startdate', dates.start, '-enddate', dates.end, '-extensions', section]);
}

/**
 * The genuine token's TSTInfo signed again as CMS with `signers` (cert and
 * key names), carrying `certfiles`. `-cades` adds the ESS signing
 * certificate an authority writes (v2, or v1 with `-md sha1`), so that each
 * attack is refused for its own reason, not for a missing ESS attribute.
 */
function signTstInfo(signers: string[], certfiles: string[], extra: string[] = [], tweak?: (info: pkijs.TSTInfo) => void): Buffer {
  const genuine = authority.reply(timeStampRequest(data));
  const response = pkijs.TimeStampResp.fromBER(new Uint8Array(genuine).buffer);
  const signedData = new pkijs.SignedData({ schema: response.timeStampToken!.content });
  const info = pkijs.TSTInfo.fromBER(signedData.encapContentInfo.eContent!.getValue());
  tweak?.(info);
  writeFileSync(path.join(folder, 'tstinfo.der'), Buffer.from(info.toSchema().toBER(false)));
  writeFileSync(path.join(folder, 'chain.pem'), Buffer.concat(certfiles.map((name) => readFileSync(path.join(folder, `${name}.crt`)))));
  const signerArgs = signers.flatMap((name) => ['-signer', `${name}.crt`, '-inkey', `${name}.key`]);
  openssl(['cms', '-sign', '-cades', '-binary', '-nodetach', '-econtent_type', '1.2.840.113549.1.9.16.1.4', '-in', 'tstinfo.der', ...signerArgs, '-certfile', 'chain.pem', '-outform', 'DER', '-out', 'signed.der', ...extra]);
  const token = pkijs.ContentInfo.fromBER(new Uint8Array(readFileSync(path.join(folder, 'signed.der'))).buffer);
  return Buffer.from(new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 0 }), timeStampToken: token }).toSchema().toBER(false));
}

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'dalel-timestamp-attacks-'));
  authority = makeTestAuthority(folder);
  writeFileSync(path.join(folder, 'attack.cnf'), extensions);
}, 120_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('certificates that are not a time-stamping authority’s as RFC 3161 2.3 requires', () => {
  it('refuses one whose extended key usage also allows other purposes, as OpenSSL does', async () => {
    issue('lax', 'lax');
    const token = signTstInfo(['lax'], ['ca']);
    expect(opensslSignsWith('lax')).toBe(false);
    expect(opensslAccepts(token, data)).toBe(false);
    expect(await checkTimeStamp(token, data, anchors())).toEqual({ ok: false, problem: 'notAnAuthority' });
  });

  it('refuses one whose extended key usage is not critical, as OpenSSL does', async () => {
    issue('noncritical', 'noncritical');
    const token = signTstInfo(['noncritical'], ['ca']);
    expect(opensslSignsWith('noncritical')).toBe(false);
    expect(opensslAccepts(token, data)).toBe(false);
    expect(await checkTimeStamp(token, data, anchors())).toEqual({ ok: false, problem: 'notAnAuthority' });
  });

  it('accepts the genuine authority’s, signed again the same way (the helper itself is sound)', async () => {
    expect(opensslSignsWith('tsa')).toBe(true);
    const token = signTstInfo(['tsa'], ['ca']);
    expect(opensslAccepts(token, data)).toBe(true);
    expect(await checkTimeStamp(token, data, anchors())).toMatchObject({ ok: true, stamp: { anchored: true } });
  });
});

describe('chains to the anchors', () => {
  it('are not anchored through an issuer that is not a CA (CA:false), as OpenSSL refuses them', async () => {
    issue('notca', 'notca');
    issue('undertsa', 'authority', 'notca');
    const token = signTstInfo(['undertsa'], ['notca', 'ca']);
    expect(opensslAccepts(token, data)).toBe(false);
    expect(await checkTimeStamp(token, data, anchors())).toMatchObject({ ok: true, stamp: { anchored: false } });
  });

  it('are not anchored when the authority’s certificate had expired at the stamped time', async () => {
    issue('expired', 'authority', 'ca', { start: '20200101000000Z', end: '20200102000000Z' });
    const token = signTstInfo(['expired'], ['ca']);
    expect(opensslAccepts(token, data)).toBe(false);
    expect(await checkTimeStamp(token, data, anchors())).toMatchObject({ ok: true, stamp: { anchored: false } });
  });

  it('are not anchored when the authority’s certificate was not yet valid at the stamped time', async () => {
    issue('future', 'authority', 'ca', { start: '20400101000000Z', end: '20410101000000Z' });
    const token = signTstInfo(['future'], ['ca']);
    expect(opensslAccepts(token, data)).toBe(false);
    expect(await checkTimeStamp(token, data, anchors())).toMatchObject({ ok: true, stamp: { anchored: false } });
  });
});

describe('odd tokens', () => {
  it('refuses a token with two signers', async () => {
    const token = signTstInfo(['tsa', 'person'], ['ca']);
    expect(opensslAccepts(token, data)).toBe(false);
    expect(await checkTimeStamp(token, data, anchors())).toEqual({ ok: false, problem: 'signatureInvalid' });
  });

  it('refuses a token whose signed content is not a TSTInfo', async () => {
    const genuine = authority.reply(timeStampRequest(data));
    const response = pkijs.TimeStampResp.fromBER(new Uint8Array(genuine).buffer);
    const signedData = new pkijs.SignedData({ schema: response.timeStampToken!.content });
    writeFileSync(path.join(folder, 'tstinfo.der'), Buffer.from(signedData.encapContentInfo.eContent!.getValue()));
    openssl(['cms', '-sign', '-binary', '-nodetach', '-in', 'tstinfo.der', '-signer', 'tsa.crt', '-inkey', 'tsa.key', '-outform', 'DER', '-out', 'data.der']);
    const token = pkijs.ContentInfo.fromBER(new Uint8Array(readFileSync(path.join(folder, 'data.der'))).buffer);
    const other = Buffer.from(new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 0 }), timeStampToken: token }).toSchema().toBER(false));
    expect(await checkTimeStamp(other, data)).toEqual({ ok: false, problem: 'malformed' });
  });

  it('refuses a token whose imprint is SHA-1', async () => {
    const token = signTstInfo(['tsa'], ['ca'], [], (info) => {
      info.messageImprint = new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '1.3.14.3.2.26', algorithmParams: new asn1js.Null() }),
        hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(createHash('sha1').update(data).digest()).buffer }),
      });
    });
    expect(await checkTimeStamp(token, data, anchors())).toEqual({ ok: false, problem: 'wrongData' });
  });

  it('refuses a token signed with a SHA-1 digest', async () => {
    const token = signTstInfo(['tsa'], ['ca'], ['-md', 'sha1']);
    // Dalel does not take a SHA-1 signature as evidence, where OpenSSL still does (with ESS v1, as -cades writes for SHA-1).
    expect(opensslAccepts(token, data)).toBe(true);
    expect(await checkTimeStamp(token, data, anchors())).toEqual({ ok: false, problem: 'signatureInvalid' });
  });

  it('checks a token carrying a certificate graph made to explode path building in bounded time', async () => {
    // Layers of CA certificates sharing one key and one name per layer: every certificate of a layer issues every one of the next.
    const layers = 6;
    const width = 6;
    for (let layer = 0; layer <= layers; layer++) openssl(['genrsa', '-out', `layer${layer}.key`, '1024']);
    writeFileSync(path.join(folder, 'layer.cnf'), '[ v ]\nbasicConstraints = critical,CA:true\nkeyUsage = critical,keyCertSign\n');
    const names: string[] = [];
    for (let layer = layers; layer >= 1; layer--) {
      for (let copy = 0; copy < width; copy++) {
        const name = `layer${layer}-${copy}`;
        openssl(['req', '-new', '-key', `layer${layer}.key`, '-out', `${name}.csr`, '-subj', `/CN=Layer ${layer}`, '-config', 'tsa.cnf']);
        const signing =
          layer === layers ? ['-signkey', `layer${layer}.key`] : ['-CA', `layer${layer + 1}-0.crt`, '-CAkey', `layer${layer + 1}.key`, '-set_serial', String(layer * 100 + copy)];
        openssl(['x509', '-req', '-in', `${name}.csr`, ...signing, '-out', `${name}.crt`, '-days', '30', '-extfile', 'layer.cnf', '-extensions', 'v']);
        names.push(name);
      }
    }
    issue('deep', 'authority', 'layer1-0', undefined, 'layer1');
    const token = signTstInfo(['deep'], names);
    const started = Date.now();
    const check = await checkTimeStamp(token, data, anchors());
    const took = Date.now() - started;
    expect(check).toMatchObject({ ok: true, stamp: { anchored: false } });
    expect(took).toBeLessThan(5_000);
  }, 300_000);
});
