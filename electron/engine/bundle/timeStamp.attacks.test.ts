/**
 * Attacks on adding and checking a bundle's proof of time: an answer the
 * verifier would not read back, a bundle replaced while it is stamped, and
 * a second token under a name that differs only in case or by `./`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../archive';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';
import { makeTestAuthority, type TestAuthority } from '../timestamp/testing/testAuthority';
import { exportBundle } from './export';
import { writeZip, type ZipEntrySpec } from './testing/makeBundle';
import { addTimeStamp, timeStampRequestFor } from './timeStamp';
import { verifyBundle, verifyBundleContents } from './verify';
import { fileSha256 } from './testing/zipFiles';

let folder: { path: string; remove: () => Promise<void> };
let authority: TestAuthority;
let archive: Archive;
let counter = 0;

async function freshBundle(): Promise<string> {
  const out = join(folder.path, `case ${++counter}.zip`);
  await exportBundle(archive, { out, profile: 'legal', language: 'ru', softwareVersion: 'test' });
  return out;
}

/** The entries of a ZIP, as `unzip` reads them. */
function entries(zip: string): ZipEntrySpec[] {
  const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n').filter((name) => !name.endsWith('/'));
  return names.map((name) => ({ name, data: execFileSync('unzip', ['-p', zip, name], { maxBuffer: 1 << 30 }) }));
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

describe('adding', () => {
  it('never writes a bundle the verifier then refuses: an answer larger than a tag file may be is refused, the bundle left as it was', async () => {
    const bundle = await freshBundle();
    const { request } = await timeStampRequestFor(bundle);
    // A genuine answer carrying its CA certificate a hundred times: valid, and over 64 KiB.
    writeFileSync(join(folder.path, 'many.pem'), Buffer.concat(Array.from({ length: 100 }, () => readFileSync(authority.anchorFile))));
    writeFileSync(join(folder.path, 'big.tsq'), request);
    execFileSync('openssl', ['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'big.tsq', '-inkey', 'tsa.key', '-signer', 'tsa.crt', '-chain', 'many.pem', '-out', 'big.tsr'], { cwd: folder.path, stdio: 'pipe' });
    const big = readFileSync(join(folder.path, 'big.tsr'));
    expect(big.length).toBeGreaterThan(64 * 1024);
    const before = fileSha256(bundle);
    await expect(addTimeStamp(bundle, big)).rejects.toMatchObject({ code: 'timeStampUnreadable' });
    const report = await verifyBundle(bundle);
    expect(report.valid).toBe(true);
    expect(fileSha256(bundle)).toBe(before);
  });

  it('refuses when the file was replaced by another bundle after it was checked, and leaves that one as it is', async () => {
    const bundle = await freshBundle();
    const other = await freshBundle();
    const { request } = await timeStampRequestFor(bundle);
    const response = authority.reply(request);
    const swapping = async (path: string, options: Parameters<typeof verifyBundleContents>[1]) => {
      const checked = await verifyBundleContents(path, options);
      copyFileSync(other, path);
      return checked;
    };
    const otherHash = fileSha256(other);
    await expect(addTimeStamp(bundle, response, swapping)).rejects.toThrow();
    expect(fileSha256(bundle)).toBe(otherHash);
    expect((await verifyBundle(bundle)).valid).toBe(true);
  });
});

describe('a second token under another name', () => {
  async function stampedEntries(): Promise<ZipEntrySpec[]> {
    const bundle = await freshBundle();
    await addTimeStamp(bundle, authority.reply((await timeStampRequestFor(bundle)).request));
    return entries(bundle);
  }

  it('is refused whether its name differs in case or begins with ./', async () => {
    const genuine = await stampedEntries();
    const token = genuine.find((entry) => String(entry.name).endsWith('.tsr'))!;
    const bag = String(token.name).split('/')[0]!;
    for (const name of [`${bag}/TAGMANIFEST-SHA256.TXT.TSR`, `${bag}/./tagmanifest-sha256.txt.tsr`, `./${bag}/tagmanifest-sha256.txt.tsr`, `${bag}/data/../tagmanifest-sha256.txt.tsr`]) {
      const zip = join(folder.path, `second-${++counter}.zip`);
      writeFileSync(zip, writeZip([...genuine, { name, data: token.data }]));
      const report = await verifyBundle(zip);
      expect(report.valid, name).toBe(false);
    }
  });
});
