/**
 * Proofs of time for the custody log, with a test authority made with
 * `openssl ts -reply`: a line stamped proves every line before it, `openssl
 * ts -verify` agrees on the statement stamped, a stored proof is checked
 * against the log each time it is listed, and an encrypted archive keeps its
 * proofs sealed like everything else.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from './archive';
import { headStatement } from './custodyAnchors';
import { sampleIncident, temporaryFolder } from './testing/fixtures';
import { makeTestAuthority, refusal, type TestAuthority } from './timestamp/testing/testAuthority';
import { timeStampRequest } from './timestamp/request';

let folder: { path: string; remove: () => Promise<void> };
let authority: TestAuthority;
let counter = 0;

beforeAll(async () => {
  folder = await temporaryFolder();
  authority = makeTestAuthority(folder.path);
}, 60_000);
afterAll(() => folder.remove());

async function create(passphrase: string | null = null): Promise<Archive> {
  return Archive.create(join(folder.path, `archive-${++counter}`), { name: 'Ақтау', organization: '', passphrase, scryptCost: 2 ** 12 });
}

const save = (archive: Archive, title = 'Жаңаөзен') => archive.save({ type: 'incident', data: sampleIncident({ title }) });

describe('a proof of time for the custody log', () => {
  it('stamps the last line; openssl ts -verify accepts it for that line’s statement', async () => {
    const archive = await create();
    await save(archive);
    const { seq, request } = await archive.custodyAnchorRequest();
    const custody = archive.custodyLog();
    expect(seq).toBe(custody.length - 1);
    const added = await archive.addCustodyAnchor(authority.reply(request));
    expect(added).toMatchObject({ seq, hash: custody.at(-1)!.hash, stamp: { authority: 'CN=Dalel Test TSA, O=Dalel tests' } });

    await writeFile(join(folder.path, 'statement.txt'), headStatement(seq, added.hash));
    const [stored] = await archive.listCustodyAnchors();
    expect(stored).toMatchObject({ seq, stamp: { anchored: null } });
    const token = JSON.parse(await readFile(join(archive.path, 'anchors.json'), 'utf8')).anchors[0].token as string;
    await writeFile(join(folder.path, 'anchor.tsr'), Buffer.from(token, 'base64'));
    const openssl = execFileSync('openssl', ['ts', '-verify', '-data', 'statement.txt', '-in', 'anchor.tsr', '-CAfile', authority.anchorFile], { cwd: folder.path, encoding: 'utf8' });
    expect(openssl).toMatch(/Verification: OK/);
    await archive.close();
  });

  it('takes an answer to a request made before more was recorded, for the line it was asked for, and keeps it as the log grows', async () => {
    const archive = await create();
    const early = await archive.custodyAnchorRequest();
    await save(archive, 'after the request');
    await save(archive, 'and again');
    const added = await archive.addCustodyAnchor(authority.reply(early.request));
    expect(added.seq).toBe(early.seq);
    await save(archive, 'after the answer');
    const reopened = await Archive.open(archive.path);
    await archive.close();
    const anchors = await reopened.listCustodyAnchors(await readFile(authority.anchorFile));
    expect(anchors).toEqual([{ seq: early.seq, hash: added.hash, stamp: expect.objectContaining({ anchored: true }) }]);
    expect((await reopened.listCustodyAnchors(await readFile(authority.strangerAnchorFile)))[0]!.stamp?.anchored).toBe(false);
    await reopened.close();
  });

  it('refuses an answer for other data, a refusal, a second proof of the same line, and leaves anchors.json as it was', async () => {
    const archive = await create();
    await save(archive);
    const other = authority.reply(timeStampRequest(Buffer.from('some other archive')));
    await expect(archive.addCustodyAnchor(other)).rejects.toMatchObject({ code: 'anchorNotForLog' });
    await expect(archive.addCustodyAnchor(refusal())).rejects.toMatchObject({ code: 'timeStampNotGranted' });
    await expect(archive.addCustodyAnchor(Buffer.from('hello'))).rejects.toMatchObject({ code: 'timeStampUnreadable' });
    const { request } = await archive.custodyAnchorRequest();
    await expect(archive.addCustodyAnchor(authority.forgeByPerson(authority.reply(request)))).rejects.toMatchObject({ code: 'timeStampNotAnAuthority' });
    expect((await readdir(archive.path)).includes('anchors.json')).toBe(false);
    await archive.addCustodyAnchor(authority.reply(request));
    const before = await readFile(join(archive.path, 'anchors.json'));
    await expect(archive.addCustodyAnchor(authority.reply(request))).rejects.toMatchObject({ code: 'anchorExists' });
    expect((await readFile(join(archive.path, 'anchors.json'))).equals(before)).toBe(true);
    await archive.close();
  });

  it('says a stored proof no longer holds when it names another line than the log has', async () => {
    const archive = await create();
    const { request } = await archive.custodyAnchorRequest();
    await archive.addCustodyAnchor(authority.reply(request));
    const file = join(archive.path, 'anchors.json');
    const document = JSON.parse(await readFile(file, 'utf8'));
    document.anchors[0].hash = 'f'.repeat(64);
    await writeFile(file, JSON.stringify(document));
    expect(await archive.listCustodyAnchors()).toEqual([{ seq: 0, hash: 'f'.repeat(64), problem: 'lineChanged' }]);
    await writeFile(file, '{"anchors": "not a list"}');
    await expect(archive.listCustodyAnchors()).rejects.toMatchObject({ code: 'archiveDamaged', params: { file: 'anchors.json' } });
    await archive.close();
  });

  it('is kept sealed in an encrypted archive: no file says anchors, and no byte names the authority', async () => {
    const archive = await create('Жаңаөзен 2022 қаңтар');
    await save(archive);
    const { request } = await archive.custodyAnchorRequest();
    await archive.addCustodyAnchor(authority.reply(request));
    const names = await readdir(archive.path, { recursive: true });
    expect(names.some((name) => name.includes('anchor'))).toBe(false);
    for (const name of names) {
      const bytes = await readFile(join(archive.path, name)).catch(() => Buffer.alloc(0));
      expect(bytes.includes(Buffer.from('Dalel Test TSA')), name).toBe(false);
    }
    await archive.close();
    const reopened = await Archive.open(archive.path, 'Жаңаөзен 2022 қаңтар');
    expect(await reopened.listCustodyAnchors()).toHaveLength(1);
    await reopened.close();
  });
});
