import { spawnSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIds, VerifyReport, type FailureReason } from '../../../shared/bagit';
import { SigningKey } from '../signingKey';
import { temporaryFolder } from '../testing/fixtures';
import { archiveZip, bagEntries, makeBag, sha256, writeZip, type Bag, type BagOptions, type ZipEntrySpec } from './testing/makeBundle';
import { parseTrustedKeys, verifyBundle, type VerifyOptions } from './verify';

let folder: { path: string; remove: () => Promise<void> };
let scratch: string;
let previousTmpdir: string | undefined;
let zips = 0;

beforeEach(async () => {
  folder = await temporaryFolder();
  // The verifier's temporary folder is one we watch: it must stay empty.
  scratch = join(folder.path, 'tmp');
  await mkdir(scratch);
  previousTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
});

afterEach(async () => {
  process.env.TMPDIR = previousTmpdir;
  if (previousTmpdir === undefined) delete process.env.TMPDIR;
  await folder.remove();
});

async function listing(path: string): Promise<string[]> {
  return (await readdir(path, { recursive: true })).sort();
}

/** Verifies, and proves that nothing was extracted or written anywhere we can see. */
async function verifyHere(path: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const before = await listing(folder.path);
  const report = await verifyBundle(path, options);
  expect(await listing(folder.path)).toEqual(before);
  expect(await readdir(scratch)).toEqual([]);
  // What the app and the command receive: always the shared shape, whatever the bundle.
  return VerifyReport.parse(report);
}

async function zipFile(bytes: Uint8Array): Promise<string> {
  const path = join(folder.path, `bundle-${++zips}.zip`);
  await writeFile(path, bytes);
  return path;
}

async function verifyEntries(entries: ZipEntrySpec[], options: VerifyOptions = {}): Promise<VerifyReport> {
  return verifyHere(await zipFile(writeZip(entries)), options);
}

async function verifyBag(bag: Bag, options: VerifyOptions = {}): Promise<VerifyReport> {
  return verifyEntries(bagEntries(bag), options);
}

function expectFailure(report: VerifyReport, reason: FailureReason, file?: string): void {
  expect(report.failure, JSON.stringify(report)).toMatchObject({ reason, ...(file === undefined ? {} : { file }) });
  expect(report.valid).toBe(false);
  expect(report.checks.at(-1)?.ok).toBe(false);
  expect(report.checks.slice(0, -1).every((check) => check.ok)).toBe(true);
}

function run(command: string, args: string[], cwd: string, input?: Uint8Array) {
  const result = spawnSync(command, args, { cwd, input, encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('a valid bundle', () => {
  it('passes every check, and the standard tools agree', async () => {
    const bag = await makeBag();
    const path = join(folder.path, 'exported.zip');
    await archiveZip(bag, path);

    const report = await verifyHere(path);
    expect(report.failure).toBeUndefined();
    expect(report.valid).toBe(true);
    // A format 1 legal bag has no signed heads to check, and no revisions (only an internal bundle carries them); this one has no proof of time and no countersignature.
    const notRun = new Set(['signedHeads', 'revisions', 'timestamp', 'countersignature', 'timestampAnchor', 'countersignatureAnchor']);
    expect(report.checks).toEqual(checkIds.filter((id) => !notRun.has(id)).map((id) => ({ id, ok: id !== 'trust' })));
    expect(report).toMatchObject({
      bundleId: bag.name,
      profile: 'legal',
      signer: { fingerprint: bag.key.fingerprint, publicKey: bag.key.publicLine, trustedAs: null },
      counts: { files: 6, records: 1, attachments: 2 },
    });
    expect(report.bagInfo?.['Dalel-Signer-Fingerprint']).toBe(bag.key.fingerprint);

    // The check from bundle-format.md, with nothing but unzip, sha256sum and ssh-keygen.
    expect(run('unzip', ['-t', path], folder.path).status).toBe(0);
    const unpacked = join(folder.path, 'unpacked');
    expect(run('unzip', ['-q', path, '-d', unpacked], folder.path).status).toBe(0);
    const inBag = join(unpacked, bag.name);
    const sums = run('sh', ['-c', 'sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt'], inBag);
    expect(sums.status, sums.out).toBe(0);
    expect(run('ssh-keygen', ['-lf', 'signer.pub'], inBag).out.split(' ')[1]).toBe(bag.key.fingerprint);
    const signature = run(
      'sh',
      [
        '-c',
        `printf '%s %s\\n' signer "$(cut -d' ' -f1,2 signer.pub)" > allowed_signers
ssh-keygen -Y verify -f allowed_signers -I signer -n dalel-bundle -s tagmanifest-sha256.txt.sig < tagmanifest-sha256.txt`,
      ],
      inBag,
    );
    expect(signature.status, signature.out).toBe(0);
    expect(signature.out).toContain('Good "dalel-bundle" signature');
    await rm(unpacked, { recursive: true });
  });
});

describe('a valid bundle, however it was zipped', () => {
  it('passes when written by hand and when re-zipped by Info-ZIP zip (with folder entries)', async () => {
    const bag = await makeBag();
    const raw = await zipFile(writeZip(bagEntries(bag)));
    expect(run('unzip', ['-t', raw], folder.path).status).toBe(0);
    expect((await verifyHere(raw)).valid).toBe(true);

    const unpacked = join(folder.path, 'unpacked');
    expect(run('unzip', ['-q', raw, '-d', unpacked], folder.path).status).toBe(0);
    const rezipped = join(folder.path, 'rezipped.zip');
    expect(run('zip', ['-qr', rezipped, bag.name], unpacked).status).toBe(0);
    await rm(unpacked, { recursive: true });
    const report = await verifyHere(rezipped);
    expect(report.failure).toBeUndefined();
    expect(report.valid).toBe(true);
  });

  it('accepts an extra tag file with a non-Latin name when the tag manifest lists it', async () => {
    const bag = await makeBag({ tags: (tags) => tags.set('ПРОВЕРКА-тексеру.txt', Buffer.from('қосымша\n')) });
    const report = await verifyBag(bag);
    expect(report.failure).toBeUndefined();
    expect(report.valid).toBe(true);
  });

  it('reports progress over every byte it reads, ending at the total', async () => {
    const big = Buffer.alloc(9 * 2 ** 20);
    for (let offset = 0; offset < big.length; offset += 4096) big.writeUInt32LE(offset * 2654435761 >>> 0, offset);
    const bag = await makeBag({ attachments: [{ bytes: big, ext: 'mp4', mediaType: 'video/mp4' }] });
    const seen: [number, number][] = [];
    const report = await verifyBag(bag, { onProgress: (done, total) => seen.push([done, total]) });
    expect(report.valid).toBe(true);
    const total = [...bag.files.values()].reduce((sum, bytes) => sum + bytes.length, 0);
    expect(seen[0]).toEqual([0, total]);
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.every(([done], index) => index === 0 || done >= seen[index - 1]![0])).toBe(true);
    expect(report.counts?.bytes).toBe([...bag.files].filter(([path]) => path.startsWith('data/')).reduce((sum, [, bytes]) => sum + bytes.length, 0));
  });

  it('stops when cancelled, without calling it a bad bundle', async () => {
    const bag = await makeBag({ attachments: [{ bytes: Buffer.alloc(9 * 2 ** 20, 7), ext: 'bin' }] });
    const path = await zipFile(writeZip(bagEntries(bag)));
    const controller = new AbortController();
    const report = await verifyHere(path, { signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() });
    expect(report.valid).toBe(false);
    expect(report.failure?.reason).toBe('cancelled');
    expect(report.checks.every((check) => check.ok)).toBe(true);
  });

  it('says the file could not be read, apart from a damaged one', async () => {
    expect((await verifyHere(join(folder.path, 'absent.zip'))).failure?.reason).toBe('fileUnreadable');
    expect((await verifyHere(scratch)).failure?.reason).toBe('fileUnreadable');
  });
});

describe('who signed', () => {
  const allowedSigners = (bag: Bag, options = '') =>
    `# keys we trust\n\nsomeone@example.org ssh-ed25519 ${SigningKey.generate().publicLine.split(' ')[1]}\n` +
    `aigerim@drkz.example ${options}${bag.key.publicLine} laptop\n`;

  it('names the signer when the trusted list holds the key, and says so when it does not', async () => {
    const bag = await makeBag();
    const path = await zipFile(writeZip(bagEntries(bag)));
    const trusted = await verifyHere(path, { trusted: parseTrustedKeys(allowedSigners(bag)) });
    expect(trusted.valid).toBe(true);
    expect(trusted.signer?.trustedAs).toBe('aigerim@drkz.example');
    expect(trusted.checks.at(-1)).toEqual({ id: 'trust', ok: true });

    const other = await verifyHere(path, { trusted: parseTrustedKeys(`${SigningKey.generate().publicLine} Someone else\n`) });
    expect(other.valid).toBe(true);
    expect(other.signer?.trustedAs).toBeNull();
    expect(other.checks.at(-1)).toEqual({ id: 'trust', ok: false });
  });

  it('honours an allowed_signers namespaces option, as ssh-keygen does', async () => {
    const bag = await makeBag();
    const path = await zipFile(writeZip(bagEntries(bag)));
    const forBundles = parseTrustedKeys(allowedSigners(bag, 'namespaces="git,dalel-*" '));
    expect((await verifyHere(path, { trusted: forBundles })).signer?.trustedAs).toBe('aigerim@drkz.example');
    const forGitOnly = parseTrustedKeys(allowedSigners(bag, 'namespaces="git" '));
    expect((await verifyHere(path, { trusted: forGitOnly })).signer?.trustedAs).toBeNull();
  });

  it('reads allowed_signers and plain key lines, leaving out keys that cannot sign a bundle', () => {
    const key = SigningKey.generate();
    const base64 = key.publicLine.split(' ')[1]!;
    const keys = parseTrustedKeys(
      [
        '# comment',
        `"Aigerim S",aigerim@x namespaces="dalel-bundle",valid-after="20240101" ssh-ed25519 ${base64} comment`,
        `${key.publicLine} Aigerim's laptop`,
        `${key.publicLine}`,
        `ca@x cert-authority ${key.publicLine}`,
        'bob@x ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 bob',
        'garbage line',
        `carol@x ssh-ed25519 not-base64!`,
      ].join('\r\n'),
    );
    expect(keys).toEqual([
      { name: 'Aigerim S,aigerim@x', fingerprint: key.fingerprint, publicKey: key.publicLine, namespaces: ['dalel-bundle'] },
      { name: "Aigerim's laptop", fingerprint: key.fingerprint, publicKey: key.publicLine },
      { name: key.fingerprint, fingerprint: key.fingerprint, publicKey: key.publicLine },
    ]);
  });

  it('finds an attacker who re-signs everything with their own key valid, but not trusted', async () => {
    const original = await makeBag();
    const attacker = await makeBag({ name: original.name, key: SigningKey.generate() });
    const trusted = parseTrustedKeys(`aigerim ${original.key.publicLine}\n`);
    expect((await verifyBag(original, { trusted })).signer?.trustedAs).toBe('aigerim');
    const report = await verifyBag(attacker, { trusted });
    expect(report.valid).toBe(true);
    expect(report.signer).toEqual({ fingerprint: attacker.key.fingerprint, publicKey: attacker.key.publicLine, trustedAs: null });
  });
});

/** The entries of a valid signed bag, to break. */
async function validEntries(options: BagOptions = {}): Promise<{ bag: Bag; entries: ZipEntrySpec[] }> {
  const bag = await makeBag(options);
  return { bag, entries: bagEntries(bag) };
}

/** An Info-ZIP Unicode Path extra field (0x7075) naming `unicodeName` for an entry named `name`. */
function unicodePathField(name: string, unicodeName: string): Buffer {
  const unicode = Buffer.from(unicodeName, 'utf8');
  const field = Buffer.alloc(9);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + unicode.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(Buffer.from(name, 'utf8')), 5);
  return Buffer.concat([field, unicode]);
}


describe('a hostile or damaged ZIP', () => {
  it('that is not a ZIP at all, or is cut short, is damaged', async () => {
    expectFailure(await verifyHere(await zipFile(Buffer.from('just some text, not a zip'))), 'zipDamaged');
    const { entries } = await validEntries();
    const whole = writeZip(entries);
    expectFailure(await verifyHere(await zipFile(whole.subarray(0, whole.length - 200))), 'zipDamaged');
    expectFailure(await verifyHere(await zipFile(whole.subarray(0, Math.floor(whole.length / 2)))), 'zipDamaged');
  });

  it('with one flipped byte inside an entry is damaged, and the entry is named (CRC-32)', async () => {
    const { bag, entries } = await validEntries();
    const photo = [...bag.files.keys()].find((path) => path.endsWith('.jpg'))!;
    const zip = writeZip(entries);
    const at = zip.indexOf(Buffer.from(bag.files.get(photo)!)) + 1000;
    zip[at] = zip[at]! ^ 0x01;
    const report = await verifyHere(await zipFile(zip));
    expectFailure(report, 'zipDamaged', `${bag.name}/${photo}`);
    expect(report.failure?.detail).toEqual({ problem: 'crc32' });
  });

  const unsafeNames: [string, (top: string) => string][] = [
    ['an absolute path', () => '/etc/passwd'],
    ['a ".." segment', (top) => `${top}/data/../../evil.txt`],
    ['a backslash', (top) => `${top}\\data\\evil.txt`],
    ['a drive letter', () => 'C:/Windows/evil.txt'],
    ['a NUL byte', (top) => `${top}/data/evil\u0000.html`],
    ['an empty segment', (top) => `${top}//data/evil.txt`],
    ['an alternate data stream', (top) => `${top}/data/report.html:hidden`],
    ['a Windows device name', (top) => `${top}/data/CON.txt`],
  ];
  it.each(unsafeNames)('with %s in a name is unsafe, and names the entry', async (_what, name) => {
    const { bag, entries } = await validEntries();
    const report = await verifyEntries([...entries, { name: name(bag.name), data: Buffer.from('x') }]);
    expectFailure(report, 'unsafePath', name(bag.name));
    expect(report.checks.map((check) => check.id)).toEqual(['zipStructure', 'paths']);
  });

  it('with a name whose encoding is ambiguous is unsafe', async () => {
    const { bag, entries } = await validEntries();
    const latin1 = Buffer.concat([Buffer.from(`${bag.name}/data/`), Buffer.from([0xe9, 0x2e, 0x74, 0x78, 0x74])]);
    expect((await verifyEntries([...entries, { name: latin1, data: Buffer.from('x') }])).failure).toMatchObject({ reason: 'unsafePath', detail: { problem: 'notUtf8' } });
    const unflagged = `${bag.name}/data/доказательство.txt`;
    expect((await verifyEntries([...entries, { name: unflagged, data: Buffer.from('x'), flags: 0 }])).failure).toMatchObject({
      reason: 'unsafePath',
      file: unflagged,
      detail: { problem: 'notFlaggedUtf8' },
    });
    // unzip would extract this entry under the extra field's name, not the one we checked.
    const disguised = `${bag.name}/data/report.html`;
    const report = await verifyEntries([
      ...entries.filter((entry) => entry.name !== disguised),
      { name: disguised, data: bag.files.get('data/report.html'), extra: unicodePathField(disguised, '../../evil.html') },
    ]);
    expect(report.failure).toMatchObject({ reason: 'unsafePath', file: disguised, detail: { problem: 'unicodePathField' } });
  });

  it('with a symlink, or a folder entry holding data, has a non-regular entry', async () => {
    const { bag, entries } = await validEntries();
    const link = `${bag.name}/data/attachments/passwd`;
    const symlink = { name: link, data: Buffer.from('/etc/passwd'), method: 0, externalAttributes: (0o120777 << 16) >>> 0 };
    expectFailure(await verifyEntries([...entries, symlink]), 'notRegularFile', link);
    const folderWithData = { name: `${bag.name}/data/extra/`, data: Buffer.from('hidden') };
    expectFailure(await verifyEntries([...entries, folderWithData]), 'notRegularFile', `${bag.name}/data/extra/`);
  });

  it('with a name twice, exactly or once normalized and case-folded, has a duplicate', async () => {
    const { bag, entries } = await validEntries();
    const top = bag.name;
    const exact = { name: `${top}/data/report.html`, data: Buffer.from('<p>the other report</p>') };
    expectFailure(await verifyEntries([...entries, exact]), 'duplicateName', `${top}/data/report.html`);
    const upper = { name: `${top}/data/REPORT.html`, data: Buffer.from('<p>the other report</p>') };
    expectFailure(await verifyEntries([...entries, upper]), 'duplicateName', `${top}/data/REPORT.html`);
    const composed = { name: `${top}/data/Жаңаөзен-é.txt`.normalize('NFC'), data: Buffer.from('1') };
    const decomposed = { name: `${top}/data/Жаңаөзен-é.txt`.normalize('NFD'), data: Buffer.from('2') };
    expect(composed.name).not.toBe(decomposed.name);
    expectFailure(await verifyEntries([...entries, composed, decomposed]), 'duplicateName', decomposed.name);
    const fileAsFolder = { name: `${top}/data/attachments`, data: Buffer.from('x') };
    expectFailure(await verifyEntries([...entries, fileAsFolder]), 'duplicateName', `${top}/data/attachments`);
  });

  it('with more than one top-level folder, or a file beside the bag, is refused', async () => {
    const { entries } = await validEntries();
    expectFailure(await verifyEntries([...entries, { name: 'other/readme.txt', data: Buffer.from('x') }]), 'multipleTopFolders', 'other/readme.txt');
    expectFailure(await verifyEntries([...entries, { name: 'readme.txt', data: Buffer.from('x') }]), 'multipleTopFolders', 'readme.txt');
  });

  it('whose folder is not named like a bundle id is not a Dalel bundle', async () => {
    const bag = await makeBag({ name: 'evidence' });
    expectFailure(await verifyBag(bag), 'notADalelBundle', 'evidence/');
  });

  it('with an encrypted entry, or one compressed with an unknown method, is refused', async () => {
    const { bag, entries } = await validEntries();
    const name = `${bag.name}/data/secret.txt`;
    expectFailure(await verifyEntries([...entries, { name, data: Buffer.from('x'), flags: 0x801 }]), 'encryptedEntry', name);
    const bzip2 = { name, rawData: Buffer.from('BZh91AY&SY'), size: 10, method: 12 };
    expectFailure(await verifyEntries([...entries, bzip2]), 'unsupportedCompression', name);
  });

  it('whose entry holds more bytes than it declares is a ZIP bomb, stored or deflated', async () => {
    const { bag, entries } = await validEntries();
    const verify = `${bag.name}/VERIFY.txt`;
    const real = bag.files.get('VERIFY.txt')!;
    const shrink = (method: number) => entries.map((entry) => (entry.name === verify ? { ...entry, method, size: real.length - 100 } : entry));
    const stored = await verifyEntries(shrink(0));
    expectFailure(stored, 'zipBomb');
    expect(stored.failure?.file).toMatch(/^#\d+$/);
    expectFailure(await verifyEntries(shrink(8)), 'zipBomb', verify);
  });

  it('that inflates 50 MB of zeros from a few kilobytes is a ZIP bomb, refused before inflating', async () => {
    const { bag, entries } = await validEntries();
    const name = `${bag.name}/data/attachments/zeros.bin`;
    const zeros = { name, data: Buffer.alloc(50 * 2 ** 20) };
    const path = await zipFile(writeZip([...entries, zeros]));
    const started = performance.now();
    const report = await verifyHere(path);
    expect(performance.now() - started).toBeLessThan(1000);
    expectFailure(report, 'zipBomb', name);
    expect(report.checks).toEqual([{ id: 'zipStructure', ok: false }]);
  });

  it('whose declared total is beyond the limit is too large', async () => {
    const { entries } = await validEntries();
    expectFailure(await verifyEntries(entries, { limits: { maxTotalBytes: 1000 } }), 'tooLarge');
    expectFailure(await verifyEntries(entries, { limits: { maxEntries: 5 } }), 'tooLarge');
  });

  it('whose local header names another file than the directory is damaged', async () => {
    const { bag, entries } = await validEntries();
    const name = `${bag.name}/data/report.html`;
    const report = await verifyEntries(entries.map((entry) => (entry.name === name ? { ...entry, localName: `${bag.name}/data/r3port.html` } : entry)));
    expectFailure(report, 'zipDamaged', name);
    expect(report.failure?.detail).toEqual({ problem: 'localHeaderMismatch' });
  });

  it('whose entries share their bytes is damaged (the overlapping-entries bomb)', async () => {
    const { bag, entries } = await validEntries();
    const index = entries.findIndex((entry) => entry.name === `${bag.name}/data/report.html`);
    const report = await verifyEntries([...entries, { ...entries[index]!, sameDataAs: index }]);
    expectFailure(report, 'zipDamaged');
    expect(report.failure?.detail).toEqual({ problem: 'overlappingEntries' });
  });

  it('with bytes that belong to no entry (glued to another file, or hidden between entries) is damaged', async () => {
    const { entries } = await validEntries();
    const hidden = Buffer.from('a message no manifest covers');
    const prefixed = await verifyEntries(entries.map((entry, index) => (index === 0 ? { ...entry, padding: hidden } : entry)));
    expect(prefixed.failure).toMatchObject({ reason: 'zipDamaged', detail: { problem: 'hiddenBytes' } });
    const between = await verifyEntries(entries.map((entry, index) => (index === 3 ? { ...entry, padding: hidden } : entry)));
    expect(between.failure).toMatchObject({ reason: 'zipDamaged', file: entries[3]!.name, detail: { problem: 'hiddenBytes' } });
    const zip = writeZip(entries);
    const directoryStart = zip.readUInt32LE(zip.length - 6);
    const trailing = Buffer.concat([zip.subarray(0, directoryStart), hidden, zip.subarray(directoryStart)]);
    trailing.writeUInt32LE(directoryStart + hidden.length, trailing.length - 6);
    expect((await verifyHere(await zipFile(trailing))).failure).toMatchObject({ reason: 'zipDamaged', detail: { problem: 'hiddenBytes' } });
  });
});

const text = (value: string) => Buffer.from(value, 'utf8');
const flipByte = (bytes: Uint8Array, at = Math.floor(bytes.length / 2)) => {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x20;
  return copy;
};

describe('a bag that is incomplete or was changed', () => {
  it.each(['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt', 'signer.pub', 'data/bundle.json'])(
    'without %s misses a required file',
    async (path) => {
      const bag = await makeBag();
      bag.files.delete(path);
      expectFailure(await verifyBag(bag), 'missingTagFile', path);
    },
  );

  it('whose bagit.txt is not BagIt 1.0 in UTF-8 has a bad declaration', async () => {
    const old = await makeBag({ tags: (tags) => tags.set('bagit.txt', text('BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n')) });
    expectFailure(await verifyBag(old), 'badBagitDeclaration', 'bagit.txt');
    const latin = await makeBag({ tags: (tags) => tags.set('bagit.txt', text('BagIt-Version: 1.0\nTag-File-Character-Encoding: ISO-8859-1\n')) });
    expectFailure(await verifyBag(latin), 'badBagitDeclaration', 'bagit.txt');
    const bom = await makeBag({ tags: (tags) => tags.set('bagit.txt', text('\uFEFFBagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')) });
    expectFailure(await verifyBag(bom), 'badBagitDeclaration', 'bagit.txt');
  });

  it('without Dalel-Format 1 or 2 in bag-info is not a Dalel bundle', async () => {
    const bag = await makeBag({ bagInfo: (fields) => fields.filter(([label]) => label !== 'Dalel-Format') });
    expectFailure(await verifyBag(bag), 'notADalelBundle', 'bag-info.txt');
    const future = await makeBag({ bagInfo: (fields) => fields.map(([label, value]) => [label, label === 'Dalel-Format' ? '3' : value]) });
    expect((await verifyBag(future)).failure).toMatchObject({ reason: 'notADalelBundle', detail: { label: 'Dalel-Format', value: '3' } });
    // bag-info and bundle.json must agree on the format.
    const mixed = await makeBag({ bagInfo: (fields) => fields.map(([label, value]) => [label, label === 'Dalel-Format' ? '2' : value]) });
    expect((await verifyBag(mixed)).failure).toMatchObject({ reason: 'bundleJsonInvalid', detail: { path: 'format', problem: 'doesNotMatchBagInfo' } });
  });

  it('whose bag-info misses a field, repeats one, or names another bundle is invalid', async () => {
    const missing = await makeBag({ bagInfo: (fields) => fields.filter(([label]) => label !== 'Dalel-Archive-Id') });
    expect((await verifyBag(missing)).failure).toMatchObject({ reason: 'bagInfoInvalid', detail: { label: 'Dalel-Archive-Id', problem: 'missing' } });
    const other = SigningKey.generate().fingerprint;
    const twice = await makeBag({ bagInfo: (fields) => [...fields, ['Dalel-Signer-Fingerprint', other]] });
    expect((await verifyBag(twice)).failure).toMatchObject({ reason: 'bagInfoInvalid', detail: { label: 'Dalel-Signer-Fingerprint', problem: 'repeated' } });
    const renamed = await makeBag({ bagInfo: (fields) => fields.map(([label, value]) => [label, label === 'External-Identifier' ? 'dalel-20250105-00000000' : value]) });
    expect((await verifyBag(renamed)).failure).toMatchObject({ reason: 'bagInfoInvalid', detail: { label: 'External-Identifier', problem: 'doesNotMatchFolder' } });
  });

  it('with a payload file removed after signing has a wrong Payload-Oxum', async () => {
    const bag = await makeBag();
    const declared = /Payload-Oxum: (\S+)/.exec(Buffer.from(bag.files.get('bag-info.txt')!).toString())![1]!;
    const effects = bag.files.get('data/effects.csv')!.length;
    bag.files.delete('data/effects.csv');
    const [bytes, files] = declared.split('.').map(Number) as [number, number];
    const report = await verifyBag(bag);
    expectFailure(report, 'oxumMismatch', 'bag-info.txt');
    expect(report.failure?.detail).toEqual({ declared, actual: `${bytes - effects}.${files - 1}` });
  });

  it('with bag-info changed after signing fails its tag manifest hash', async () => {
    const bag = await makeBag();
    const info = Buffer.from(bag.files.get('bag-info.txt')!).toString().replace('Digital Rights KZ', 'Someone Else');
    bag.files.set('bag-info.txt', text(info));
    const report = await verifyBag(bag);
    expectFailure(report, 'hashMismatch', 'bag-info.txt');
    expect(report.failure?.detail).toMatchObject({ actual: sha256(info) });
    expect(report.checks.at(-1)).toEqual({ id: 'tagManifest', ok: false });
  });

  it('with one flipped byte in a payload file fails its hash, and names the file', async () => {
    for (const path of ['data/report.html', 'data/bundle.json']) {
      const bag = await makeBag();
      bag.files.set(path, flipByte(bag.files.get(path)!));
      const report = await verifyBag(bag);
      expectFailure(report, 'hashMismatch', path);
      expect(report.checks.at(-1)).toEqual({ id: 'payloadManifest', ok: false });
    }
    const bag = await makeBag();
    const photo = [...bag.files.keys()].find((path) => path.endsWith('.jpg'))!;
    bag.files.set(photo, flipByte(bag.files.get(photo)!, 2000));
    expectFailure(await verifyBag(bag), 'hashMismatch', photo);
  });

  it('with a tag file left out of the tag manifest, or added after signing, is refused', async () => {
    const unlisted = await makeBag({ tagManifest: (entries) => entries.filter((entry) => entry.path !== 'VERIFY.txt') });
    expectFailure(await verifyBag(unlisted), 'tagFileNotInTagManifest', 'VERIFY.txt');
    const added = await makeBag();
    added.files.set('notes.txt', text('added later'));
    expectFailure(await verifyBag(added), 'tagFileNotInTagManifest', 'notes.txt');
  });

  it('with a payload file the manifest does not list is refused', async () => {
    const bag = await makeBag({ manifest: (entries) => entries.filter((entry) => entry.path !== 'data/effects.csv') });
    const report = await verifyBag(bag);
    expectFailure(report, 'payloadNotInManifest', 'data/effects.csv');
    expect(report.checks.at(-1)).toEqual({ id: 'completeness', ok: false });
  });

  it('with a manifest line and no such file is refused', async () => {
    const payload = await makeBag({ manifest: (entries) => [...entries, { sha256: sha256('ghost'), path: 'data/ghost.txt' }] });
    expectFailure(await verifyBag(payload), 'manifestFileMissing', 'data/ghost.txt');
    const tag = await makeBag({ tagManifest: (entries) => [...entries, { sha256: sha256('ghost'), path: 'ghost.txt' }] });
    expectFailure(await verifyBag(tag), 'manifestFileMissing', 'ghost.txt');
  });

  it('with a manifest that is not one, or lists a path outside the bag, is refused', async () => {
    const garbage = await makeBag({ tags: (tags) => tags.set('manifest-sha256.txt', text('this is not a manifest\n')) });
    expect((await verifyBag(garbage)).failure).toMatchObject({ reason: 'manifestInvalid', file: 'manifest-sha256.txt', detail: { line: 1 } });
    const escape = await makeBag({
      tags: (tags) => tags.set('manifest-sha256.txt', Buffer.concat([tags.get('manifest-sha256.txt')!, text(`${sha256('x')}  data/../../../etc/passwd\n`)])),
    });
    expectFailure(await verifyBag(escape), 'unsafePath', 'data/../../../etc/passwd');
  });
});

describe('a signature that does not hold', () => {
  it('is missing', async () => {
    const bag = await makeBag();
    bag.files.delete('tagmanifest-sha256.txt.sig');
    const report = await verifyBag(bag);
    expectFailure(report, 'signatureMissing', 'tagmanifest-sha256.txt.sig');
    expect(report.checks.at(-1)).toEqual({ id: 'signature', ok: false });
  });

  it('is malformed', async () => {
    const bag = await makeBag();
    bag.files.set('tagmanifest-sha256.txt.sig', text('-----BEGIN SSH SIGNATURE-----\nnot base64\n-----END SSH SIGNATURE-----\n'));
    expectFailure(await verifyBag(bag), 'signatureMalformed', 'tagmanifest-sha256.txt.sig');
  });

  it('was made in another namespace', async () => {
    const report = await verifyBag(await makeBag({ namespace: 'file' }));
    expectFailure(report, 'signatureWrongNamespace');
    expect(report.failure?.detail).toEqual({ namespace: 'file' });
  });

  it('was made by another key than signer.pub', async () => {
    const other = SigningKey.generate();
    const report = await verifyBag(await makeBag({ signingKey: other }));
    expectFailure(report, 'signatureWrongKey');
    expect(report.failure?.detail).toEqual({ fingerprint: other.fingerprint });
  });

  it('covers another tag manifest', async () => {
    const bag = await makeBag();
    const sibling = await makeBag({ key: bag.key });
    bag.files.set('tagmanifest-sha256.txt.sig', sibling.files.get('tagmanifest-sha256.txt.sig')!);
    expectFailure(await verifyBag(bag), 'signatureInvalid', 'tagmanifest-sha256.txt.sig');
  });

  it('has a signer.pub that is not one Ed25519 key', async () => {
    const rsa = await makeBag({ tags: (tags) => tags.set('signer.pub', text('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 someone\n')) });
    expectFailure(await verifyBag(rsa), 'signerKeyInvalid', 'signer.pub');
    const two = await makeBag({ tags: (tags) => tags.set('signer.pub', Buffer.concat([tags.get('signer.pub')!, tags.get('signer.pub')!])) });
    expectFailure(await verifyBag(two), 'signerKeyInvalid', 'signer.pub');
  });

  it('is by a key other than the fingerprint bag-info gives', async () => {
    const claimed = SigningKey.generate().fingerprint;
    const bag = await makeBag({
      bagInfo: (fields) => fields.map(([label, value]) => [label, label === 'Dalel-Signer-Fingerprint' ? claimed : value]),
    });
    const report = await verifyBag(bag);
    expectFailure(report, 'fingerprintMismatch', 'bag-info.txt');
    expect(report.failure?.detail).toEqual({ declared: claimed, actual: bag.key.fingerprint });
  });
});

describe('a bundle.json that does not hold', () => {
  it('that does not match its schema is refused with the path of the problem', async () => {
    const bag = await makeBag({
      bundle: (bundle) => {
        (bundle.records as { type: string }[])[0]!.type = 'rumour';
      },
    });
    const report = await verifyBag(bag);
    expectFailure(report, 'bundleJsonInvalid', 'data/bundle.json');
    expect(report.failure?.detail).toMatchObject({ path: 'records.0.type' });
  });

  it('that is not JSON is refused', async () => {
    const bag = await makeBag({ payload: (files) => files.set('data/bundle.json', text('{"format": 1,')) });
    expect((await verifyBag(bag)).failure).toMatchObject({ reason: 'bundleJsonInvalid', detail: { path: '.', problem: 'notJson' } });
  });

  it('that names another bundle, profile or signer than bag-info is refused', async () => {
    const cases: [string, (bundle: Record<string, unknown>) => void][] = [
      ['bundleId', (bundle) => (bundle.bundleId = 'dalel-20250105-00000000')],
      ['profile', (bundle) => (bundle.profile = 'public')],
      ['signer.fingerprint', (bundle) => ((bundle.signer as { fingerprint: string }).fingerprint = SigningKey.generate().fingerprint)],
    ];
    for (const [path, change] of cases) {
      const report = await verifyBag(await makeBag({ bundle: change }));
      expect(report.failure).toMatchObject({ reason: 'bundleJsonInvalid', detail: { path, problem: 'doesNotMatchBagInfo' } });
    }
  });

  it('that lists an attachment that is not there is refused, naming the file', async () => {
    let missing = '';
    const bag = await makeBag({
      payload: (files) => {
        missing = [...files.keys()].find((path) => path.endsWith('.jpg'))!;
        files.delete(missing);
      },
    });
    const report = await verifyBag(bag);
    expectFailure(report, 'attachmentMissing', missing);
    expect(report.checks.at(-1)).toEqual({ id: 'attachments', ok: false });
  });

  it('whose attachment is not what its name says is refused', async () => {
    const liar = `data/attachments/${sha256('what the name claims')}.txt`;
    const bag = await makeBag({ payload: (files) => files.set(liar, text('something else')) });
    const report = await verifyBag(bag);
    expectFailure(report, 'attachmentHashMismatch', liar);
    expect(report.failure?.detail).toEqual({ expected: sha256('what the name claims'), actual: sha256('something else') });
    const wrongSize = await makeBag({
      bundle: (bundle) => {
        (bundle.attachments as { size: number }[])[0]!.size += 1;
      },
    });
    expect((await verifyBag(wrongSize)).failure?.reason).toBe('attachmentHashMismatch');
  });
});
