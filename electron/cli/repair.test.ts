/**
 * `dalel check` and `dalel repair` on the three kinds of damage issue 17
 * names: a custody log forked by a writer without the lock (a second line
 * with the same sequence number, as two racing `dalel add` left it), a
 * damaged record file, and a damaged evidence file. Each is reported by the
 * check (exit 1), brought back by the repair with every verifiable revision
 * and file kept, what did not verify set aside inside the archive (never
 * deleted), and a custody line naming a report that `ssh-keygen -Y verify`
 * accepts as signed by the archive's key. Then the check is clean (exit 0).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import canonicalize from 'canonicalize';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess } from './testing/inProcess';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

const dalel = dalelInProcess;

async function ok(args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const run = await dalel(args, env);
  expect(run.code, `${args.join(' ')}\n${run.out}\n${run.err}`).toBe(0);
  return run.out;
}

const custodyLines = async (dir: string) => (await readFile(join(dir, 'custody.log'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));

/** The signed report the last custody line names: its hash matches and ssh-keygen verifies its signature by the archive's key. */
async function checkRepairReport(dir: string) {
  const last = (await custodyLines(dir)).at(-1);
  expect(last).toMatchObject({ action: 'archive_repaired' });
  const [stamp] = await readdir(join(dir, 'set-aside'));
  const reportFile = join(dir, 'set-aside', stamp!, 'repair.json');
  const bytes = await readFile(reportFile);
  expect(last.hashes).toEqual([createHash('sha256').update(bytes).digest('hex')]);
  const publicLine = (await ok(['key', dir])).split('\n')[0]!.trim();
  const allowed = join(folder.path, 'allowed_signers');
  await writeFile(allowed, `archive ${publicLine}\n`);
  const verified = execFileSync('ssh-keygen', ['-Y', 'verify', '-f', allowed, '-I', 'archive', '-n', 'dalel-repair', '-s', `${reportFile}.sig`], { input: bytes });
  expect(verified.toString()).toContain('Good "dalel-repair" signature for archive');
  return { report: JSON.parse(bytes.toString()), aside: join(dir, 'set-aside', stamp!) };
}

async function archiveWith(titles: string[], encrypted = false) {
  const dir = join(folder.path, 'archive');
  const env = encrypted ? { DALEL_PASSPHRASE: 'сегіз тоғыз он бір екі' } : {};
  await ok(['init', dir, ...(encrypted ? [] : ['--no-encryption'])], env);
  const ids: string[] = [];
  for (const title of titles) {
    const input = join(folder.path, `${ids.length}.json`);
    await writeFile(input, JSON.stringify(sampleIncident({ title })));
    ids.push((await ok(['add', dir, '--type', 'incident', '--json', input], env)).trim());
  }
  return { dir, ids, env };
}

describe('dalel check and dalel repair', () => {
  it('a custody log forked by a second writer: refused by every command, then repaired with every record kept', async () => {
    const { dir, ids } = await archiveWith(['Almaty', 'Zhanaozen', 'Aktau']);
    // The last add wrote its line as a second writer would have: after the same line as the add before it.
    const lines = await custodyLines(dir);
    const [before, last] = lines.slice(-2);
    const { hash: _hash, ...body } = { ...last, seq: before.seq, prev: before.prev };
    lines[lines.length - 1] = { ...body, hash: createHash('sha256').update(canonicalize(body)!).digest('hex') };
    await writeFile(join(dir, 'custody.log'), lines.map((line) => JSON.stringify(line)).join('\n') + '\n');

    expect((await dalel(['list', dir])).err).toContain('The custody log is broken at line 4');
    const check = await dalel(['check', dir]);
    expect(check.code).toBe(1);
    expect(check.out).toContain("custody log: at line 4 a second writer's line follows the same line as the one before it (a fork)");
    expect(JSON.parse((await dalel(['check', dir, '--json'])).out).custody).toEqual({ line: 4, kind: 'forked', intact: 1, damaged: 0 });

    expect(await ok(['repair', dir])).toContain('Repaired.');
    const listed = await ok(['list', dir]);
    for (const id of ids) expect(listed).toContain(id);
    const repaired = await custodyLines(dir);
    // The forked line is linked on again, the same event in its new place.
    expect(repaired.at(-2)).toMatchObject({ seq: 3, action: 'record_saved', recordId: ids[2], revisionId: last.revisionId, prev: repaired.at(-3).hash });
    const { report, aside } = await checkRepairReport(dir);
    expect(report.custody).toEqual({ brokenAt: 4, kind: 'forked', kept: 3, relinked: 1, setAside: 1 });
    // The whole log as it was is set aside, the forked line in it.
    expect(await readFile(join(aside, 'custody.log.stored'), 'utf8')).toContain(lines.at(-1).hash);
    expect((await dalel(['check', dir])).code).toBe(0);
    // New work goes on from the repaired chain.
    const input = join(folder.path, 'more.json');
    await writeFile(input, JSON.stringify(sampleIncident({ title: 'Atyrau' })));
    await ok(['add', dir, '--type', 'incident', '--json', input]);
    expect((await dalel(['check', dir])).code).toBe(0);
  });

  it('a damaged record file: the revisions that verify are kept, the file set aside, the record shown again', async () => {
    const { dir, ids } = await archiveWith(['Almaty', 'Zhanaozen']);
    const [edited, intact] = ids as [string, string];
    const input = join(folder.path, 'edit.json');
    await writeFile(input, JSON.stringify(sampleIncident({ title: 'Almaty, second version' })));
    await ok(['edit', dir, edited, '--json', input]);
    // The second revision's title changed on disk: its signature no longer holds; the first is untouched.
    const file = join(dir, 'records', edited.slice(0, 2), `${edited}.json`);
    const damagedBytes = (await readFile(file, 'utf8')).replace('Almaty, second version', 'Almaty, other version!');
    await writeFile(file, damagedBytes);

    const check = await dalel(['check', dir]);
    expect(check.code).toBe(1);
    expect(check.out).toContain(`record file records/${edited.slice(0, 2)}/${edited}.json: altered: a signature does not match`);
    await ok(['repair', dir]);
    const shown = JSON.parse(await ok(['show', dir, edited, '--json']));
    expect(shown.summary).toMatchObject({ revisionCount: 1, data: { title: 'Almaty' } });
    expect(await ok(['list', dir])).toContain(intact);
    const { report, aside } = await checkRepairReport(dir);
    expect(report.records).toEqual([{ file: `records/${edited.slice(0, 2)}/${edited}.json`, reason: 'tampered', revisionsKept: 1 }]);
    expect(report.revisionsGone).toHaveLength(1);
    expect(await readFile(join(aside, 'records', edited.slice(0, 2), `${edited}.json`), 'utf8')).toBe(damagedBytes);
    expect((await dalel(['check', dir])).code).toBe(0);
  });

  it('a damaged evidence file: its entry and bytes are set aside, the others kept', async () => {
    const { dir, ids } = await archiveWith(['Almaty']);
    const [photo, statement] = [join(folder.path, 'photo.jpg'), join(folder.path, 'statement.txt')];
    await writeFile(photo, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('a photo of the closed bank')]));
    await writeFile(statement, 'Карточкой нельзя было расплатиться.');
    const [damaged, kept] = (await ok(['attach', dir, ids[0]!, photo, statement])).trim().split('\n').map((line) => line.split(/\s+/)[0]!);
    const blob = join(dir, 'blobs', damaged!.slice(0, 2), damaged!);
    const bytes = await readFile(blob);
    bytes[bytes.length - 1]! ^= 0xff;
    await writeFile(blob, bytes);

    const check = await dalel(['check', dir]);
    expect(check.code).toBe(1);
    expect(check.out).toContain(`evidence file ${damaged} of record ${ids[0]}: damaged`);
    await ok(['repair', dir]);
    const { report, aside } = await checkRepairReport(dir);
    expect(report.evidence).toEqual([expect.objectContaining({ recordId: ids[0], sha256: damaged, problem: 'damaged', entry: expect.objectContaining({ originalName: 'photo.jpg' }) })]);
    expect(await readFile(join(aside, 'blobs', damaged!.slice(0, 2), damaged!))).toEqual(bytes);
    const shown = JSON.parse(await ok(['show', dir, ids[0]!, '--json']));
    expect(shown.attachments.map((entry: { sha256: string }) => entry.sha256)).toEqual([kept]);
    expect((await dalel(['check', dir])).code).toBe(0);
  });

  it('an encrypted archive: a damaged sealed evidence file is set aside from its record, nothing of the repair readable without the passphrase', async () => {
    const { dir, ids, env } = await archiveWith(['Almaty', 'Zhanaozen'], true);
    expect((await dalel(['check', dir], { DALEL_PASSPHRASE: 'not the passphrase at all' })).code).toBe(2);
    expect(await ok(['repair', dir], env)).toContain('The archive is whole');
    const video = join(folder.path, 'video.mp4');
    await writeFile(video, randomBytes(300_000));
    const [sha256] = (await ok(['attach', dir, ids[0]!, video], env)).trim().split(/\s+/);
    // The largest file of the folder is the sealed video: one byte of it flipped.
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const sizes = await Promise.all(files.map(async (entry) => ({ path: join(entry.parentPath, entry.name), size: (await stat(join(entry.parentPath, entry.name))).size })));
    const sealed = sizes.reduce((largest, file) => (file.size > largest.size ? file : largest));
    const bytes = await readFile(sealed.path);
    bytes[150_000]! ^= 0xff;
    await writeFile(sealed.path, bytes);

    const check = await dalel(['check', dir], env);
    expect(check.code).toBe(1);
    expect(check.out).toContain(`evidence file ${sha256} of record ${ids[0]}: damaged`);
    const repaired = await ok(['repair', dir], env);
    expect(repaired).toContain('Repaired.');
    expect(JSON.parse(await ok(['show', dir, ids[0]!, '--json'], env)).attachments).toEqual([]);
    expect((await dalel(['check', dir], env)).code).toBe(0);
    // Sealed like the rest: no folder, name or word of the repair shows in the locked folder.
    const names = (await readdir(dir, { recursive: true })).join('\n');
    expect(names).not.toMatch(/set-aside|repair/);
    for (const file of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())) {
      expect((await readFile(join(file.parentPath, file.name))).includes('archive_repaired')).toBe(false);
    }
    // The damaged sealed file is not deleted: its bytes as stored are set aside, sealed again.
    expect(await readdir(dir, { recursive: true })).not.toContain(relative(dir, sealed.path));
  });

  it('keeps the revisions that verify whatever byte was damaged: the unsigned type, or the JSON itself', async () => {
    const { dir, ids } = await archiveWith(['Almaty', 'Zhanaozen']);
    const input = join(folder.path, 'edit.json');
    await writeFile(input, JSON.stringify(sampleIncident({ title: 'Almaty, second version' })));
    await ok(['edit', dir, ids[0]!, '--json', input]);
    const fileOf = (id: string) => join(dir, 'records', id.slice(0, 2), `${id}.json`);
    // The record file's own type field, which no signature covers, and a brace of the other file's JSON.
    await writeFile(fileOf(ids[0]!), (await readFile(fileOf(ids[0]!), 'utf8')).replace('"type": "incident"', '"type": "inXXdent"'));
    const other = await readFile(fileOf(ids[1]!), 'utf8');
    await writeFile(fileOf(ids[1]!), other.replace(/\}\s*$/, ''));
    expect((await dalel(['check', dir])).code).toBe(1);
    await ok(['repair', dir]);
    expect(JSON.parse(await ok(['show', dir, ids[0]!, '--json'])).summary).toMatchObject({ revisionCount: 2, data: { title: 'Almaty, second version' } });
    expect(JSON.parse(await ok(['show', dir, ids[1]!, '--json'])).summary).toMatchObject({ revisionCount: 1, data: { title: 'Zhanaozen' } });
    expect((await dalel(['check', dir])).code).toBe(0);
  });

  it('a check writes nothing: a last log line without its newline stays as it is', async () => {
    const { dir } = await archiveWith(['Almaty']);
    const log = join(dir, 'custody.log');
    const whole = await readFile(log, 'utf8');
    await writeFile(log, whole.slice(0, -1));
    await dalel(['check', dir]);
    expect(await readFile(log, 'utf8')).toBe(whole.slice(0, -1));
  });

  it('a record file removed whole is found through the custody log, and named as lost by the repair', async () => {
    const { dir, ids } = await archiveWith(['Almaty', 'Zhanaozen']);
    const file = `records/${ids[0]!.slice(0, 2)}/${ids[0]}.json`;
    await rm(join(dir, file));
    expect((await dalel(['list', dir])).out).not.toContain(ids[0]);
    const check = await dalel(['check', dir]);
    expect(check.code).toBe(1);
    expect(check.out).toContain(`record file ${file}: missing`);
    const repair = await ok(['repair', dir]);
    expect(repair).toContain(`could not be repaired here (restore it from a backup): ${file}`);
    const { report } = await checkRepairReport(dir);
    expect(report.revisionsGone).toHaveLength(1);
    // Said once: a later check knows the repair found it gone.
    expect((await dalel(['check', dir])).code).toBe(0);
  });

  it('says it could not run on a folder that is not an archive', async () => {
    expect((await dalel(['check', folder.path])).code).toBe(2);
    expect((await dalel(['repair', join(folder.path, 'nothing here')])).code).toBe(2);
  });
});
