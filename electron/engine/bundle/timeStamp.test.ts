/**
 * A bundle's proof of time, end to end with the real clients: a bundle the
 * exporter wrote, a request answered by a test authority made with
 * `openssl ts -reply`, the token added in place; then `dalel verify`, and
 * `openssl ts -verify`, `sha256sum -c` and `ssh-keygen -Y verify` on the
 * unzipped bag, agree. Every refusal leaves the bundle file byte for byte
 * as it was.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardToolsCheck } from '../../../shared/bagit';
import { Archive } from '../archive';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';
import { makeTestAuthority, refusal, type TestAuthority } from '../timestamp/testing/testAuthority';
import { exportBundle } from './export';
import { bagEntries, makeBag, writeZip } from './testing/makeBundle';
import { addTimeStamp, timeStampRequestFor } from './timeStamp';
import { verifyBundle } from './verify';
import { entryHashes, fileSha256 } from './testing/zipFiles';

let folder: { path: string; remove: () => Promise<void> };
let authority: TestAuthority;
let archive: Archive;
let counter = 0;


async function freshBundle(): Promise<string> {
  const out = join(folder.path, `case ${++counter}.zip`);
  await exportBundle(archive, { out, profile: 'legal', language: 'ru', softwareVersion: 'test' });
  return out;
}

/** Request, answer, add: what a person does with a connected machine in between. */
async function stamped(): Promise<string> {
  const bundle = await freshBundle();
  const { request } = await timeStampRequestFor(bundle);
  await addTimeStamp(bundle, authority.reply(request));
  return bundle;
}


function unzipped(zip: string): string {
  const dir = join(folder.path, `unzipped-${++counter}`);
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  return join(dir, execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('/')[0]!);
}

beforeAll(async () => {
  folder = await temporaryFolder();
  authority = makeTestAuthority(folder.path);
  archive = await Archive.create(join(folder.path, 'archive'), { name: 'Алматы', organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
  await archive.save({ type: 'incident', data: sampleIncident() });
}, 60_000);
afterAll(async () => {
  await archive.close();
  await folder.remove();
});

describe('adding a proof of time', () => {
  it('adds the token beside the signature and changes no byte of any file of the bag', async () => {
    const bundle = await freshBundle();
    const before = entryHashes(bundle);
    const { bundleId, request } = await timeStampRequestFor(bundle);
    const added = await addTimeStamp(bundle, authority.reply(request));

    expect(added.bundleId).toBe(bundleId);
    expect(added.sha256).toBe(fileSha256(bundle));
    const after = entryHashes(bundle);
    const token = `${bundleId}/tagmanifest-sha256.txt.tsr`;
    expect([...after.keys()].sort()).toEqual([...before.keys(), token].sort());
    for (const [name, hash] of before) expect(after.get(name), name).toBe(hash);
    expect(execFileSync('unzip', ['-t', bundle], { encoding: 'utf8' })).toMatch(/No errors detected/);
  });

  it('is checked by dalel verify (the time and the authority), openssl ts -verify, sha256sum and ssh-keygen alike', async () => {
    const bundle = await stamped();
    const anchors = readFileSync(authority.anchorFile);
    const report = await verifyBundle(bundle, { timestampAnchors: anchors });
    expect(report.valid).toBe(true);
    expect(report.timestamp).toMatchObject({ authority: 'CN=Dalel Test TSA, O=Dalel tests', anchored: true });
    expect(Math.abs(Date.parse(report.timestamp!.time) - Date.now())).toBeLessThan(300_000);
    expect(report.checks).toContainEqual({ id: 'timestamp', ok: true });
    expect(report.checks.at(-1)).toEqual({ id: 'timestampAnchor', ok: true });
    expect((await verifyBundle(bundle)).timestamp?.anchored).toBeNull();

    const bag = unzipped(bundle);
    // VERIFY.txt's own commands, as a reader copies them, with the authority's CA certificate beside the bag.
    const verifyText = readFileSync(join(bag, 'VERIFY.txt'), 'utf8');
    expect(verifyText).toContain(standardToolsCheck.timeStamp.replace(/^/gm, '  '));
    copyFileSync(authority.anchorFile, join(bag, 'AUTHORITY-CA.pem'));
    const openssl = execFileSync('sh', ['-c', standardToolsCheck.timeStamp], { cwd: bag, encoding: 'utf8' });
    expect(openssl).toMatch(/Time stamp: .*\d{4} GMT/);
    expect(openssl).toMatch(/TSA: DirName:\/CN=Dalel Test TSA\/O=Dalel tests/);
    expect(openssl).toMatch(/Verification: OK/);
    execFileSync('sh', ['-c', 'sha256sum -c --quiet tagmanifest-sha256.txt && sha256sum -c --quiet manifest-sha256.txt'], { cwd: bag });
    execFileSync('sh', ['-c', 'printf "%s %s\\n" signer "$(cut -d" " -f1,2 signer.pub)" > ../allowed_signers'], { cwd: bag });
    execFileSync('sh', ['-c', 'ssh-keygen -Y verify -f ../allowed_signers -I signer -n dalel-bundle -s tagmanifest-sha256.txt.sig < tagmanifest-sha256.txt'], { cwd: bag });
  });

  it('reports an authority that does not chain to the anchors given, without refusing the bundle', async () => {
    const report = await verifyBundle(await stamped(), { timestampAnchors: readFileSync(authority.strangerAnchorFile) });
    expect(report.valid).toBe(true);
    expect(report.timestamp?.anchored).toBe(false);
    expect(report.checks.at(-1)).toEqual({ id: 'timestampAnchor', ok: false });
  });
});

describe('refusing, with the bundle left as it was', () => {
  it("refuses another bundle's token, the authority's refusal, bytes that are no response, and a second proof of time", async () => {
    const other = await freshBundle();
    const otherResponse = authority.reply((await timeStampRequestFor(other)).request);
    const bundle = await freshBundle();
    const before = fileSha256(bundle);
    await expect(addTimeStamp(bundle, otherResponse)).rejects.toMatchObject({ code: 'timeStampNotForBundle' });
    await expect(addTimeStamp(bundle, refusal())).rejects.toMatchObject({ code: 'timeStampNotGranted' });
    await expect(addTimeStamp(bundle, Buffer.from('{"not": "a response"}'))).rejects.toMatchObject({ code: 'timeStampUnreadable' });
    const forged = authority.forgeByPerson(authority.reply((await timeStampRequestFor(bundle)).request));
    await expect(addTimeStamp(bundle, forged)).rejects.toMatchObject({ code: 'timeStampNotAnAuthority' });
    expect(fileSha256(bundle)).toBe(before);

    const twice = await stamped();
    const stampedHash = fileSha256(twice);
    await expect(timeStampRequestFor(twice)).rejects.toMatchObject({ code: 'alreadyTimeStamped' });
    await expect(addTimeStamp(twice, otherResponse)).rejects.toMatchObject({ code: 'alreadyTimeStamped' });
    expect(fileSha256(twice)).toBe(stampedHash);
  });

  it('refuses to stamp a bundle that does not verify', async () => {
    const bag = await makeBag({ bundle: (content) => void (content.createdAt = 'not a time') });
    const broken = join(folder.path, 'broken.zip');
    writeFileSync(broken, writeZip(bagEntries(bag)));
    const before = fileSha256(broken);
    await expect(timeStampRequestFor(broken)).rejects.toMatchObject({ code: 'bundleNotValid' });
    expect(fileSha256(broken)).toBe(before);
  });
});

describe('a proof of time that does not hold makes the bundle invalid', () => {
  /** A stamped bag with its token replaced (made from the genuine one), zipped again. */
  async function withToken(replace: (genuine: Buffer) => Buffer): Promise<string> {
    const bag = unzipped(await stamped());
    const token = join(bag, 'tagmanifest-sha256.txt.tsr');
    writeFileSync(token, replace(readFileSync(token)));
    const zip = join(folder.path, `replaced-${++counter}.zip`);
    execFileSync('zip', ['-qr', zip, '.'], { cwd: join(bag, '..') });
    return zip;
  }

  it("refuses a token that stamps another bundle's tag manifest, as openssl does", async () => {
    const other = unzipped(await stamped());
    const zip = await withToken(() => readFileSync(join(other, 'tagmanifest-sha256.txt.tsr')));
    const report = await verifyBundle(zip);
    expect(report.valid).toBe(false);
    expect(report.failure).toEqual({ reason: 'timestampWrongData', file: 'tagmanifest-sha256.txt.tsr' });
    const bag = unzipped(zip);
    const openssl = spawnSync('openssl', ['ts', '-verify', '-data', 'tagmanifest-sha256.txt', '-in', 'tagmanifest-sha256.txt.tsr', '-CAfile', authority.anchorFile], { cwd: bag, encoding: 'utf8' });
    expect(openssl.status).not.toBe(0);
  });

  it('refuses a token forged with a certificate that is not an authority’s, and one damaged', async () => {
    expect((await verifyBundle(await withToken((genuine) => authority.forgeByPerson(genuine)))).failure?.reason).toBe('timestampNotAnAuthority');
    expect((await verifyBundle(await withToken((genuine) => genuine.subarray(0, 100)))).failure?.reason).toBe('timestampMalformed');
  });

  it('refuses a hostile token, nested as deep as its 64 KiB allow, as malformed', async () => {
    // SEQUENCE { SEQUENCE { ... } } with two-byte indefinite-length headers, 16,000 deep (64,000 bytes).
    const depth = 16_000;
    const nested = Buffer.concat([Buffer.alloc(depth * 2, Buffer.from([0x30, 0x80])), Buffer.alloc(depth * 2, 0)]);
    const report = await verifyBundle(await withToken(() => nested));
    expect(report.failure).toEqual({ reason: 'timestampMalformed', file: 'tagmanifest-sha256.txt.tsr' });
  });
});
