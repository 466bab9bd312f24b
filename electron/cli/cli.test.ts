import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SigningKey } from '../engine/signingKey';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { main } from './index';

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
let incidentFile: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'архив');
  incidentFile = join(folder.path, 'incident.json');
  await writeFile(incidentFile, JSON.stringify(sampleIncident()));
});
afterEach(() => folder.remove());

/** Runs the command in-process, as a shell would, and captures what it prints. */
async function dalel(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await main(args, { stdout, stderr, stdin, env: options.env ?? { LANG: 'en_US.UTF-8' } }, { scryptCost: 2 ** 12 });
  return { code, out, err };
}

async function files(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).sort();
}

describe('dalel', () => {
  it('creates an archive, adds, edits, lists and shows incidents', async () => {
    const init = await dalel(['init', dir, '--name', 'Алматы тобы', '--no-encryption']);
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/SHA256:[A-Za-z0-9+/]{43}/);
    expect(init.err).toContain('not encrypted');

    const added = await dalel(['add', dir, '--type', 'incident', '--json', incidentFile]);
    expect(added.code).toBe(0);
    const recordId = added.out.trim();
    expect(recordId).toMatch(/^[0-9a-f-]{36}$/);

    const edit = await dalel(['edit', dir, recordId, '--json', '-'], {
      stdin: JSON.stringify(sampleIncident({ title: 'Corrected title', ongoing: true })),
    });
    expect(edit.code).toBe(0);
    expect(edit.out.trim()).toMatch(/^[0-9a-f]{64}$/);

    const list = JSON.parse((await dalel(['list', dir, '--json'])).out);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ recordId, revisionCount: 2, data: { title: 'Corrected title' } });

    const shown = await dalel(['show', dir, recordId, '--history']);
    expect(shown.out).toContain('Corrected title');
    expect(shown.out).toContain(edit.out.trim());
    const history = JSON.parse((await dalel(['show', dir, recordId, '--history', '--json'])).out).history;
    expect(history.map((signed: { id: string }) => signed.id)[1]).toBe(edit.out.trim());
  });

  it('attaches files and prints exactly what sha256sum prints for them', async () => {
    await dalel(['init', dir, '--no-encryption']);
    const recordId = (await dalel(['add', dir, '--type', 'incident', '--json', incidentFile])).out.trim();
    const files = ['фото банка.jpg', 'аудио куәлік.m4a'].map((name) => join(folder.path, name));
    await writeFile(files[0]!, 'photo bytes');
    await writeFile(files[1]!, 'audio bytes');
    const attached = await dalel(['attach', dir, recordId, ...files]);
    expect(attached.code).toBe(0);
    expect(attached.out).toBe(execFileSync('sha256sum', files, { encoding: 'utf8' }));
    expect((await dalel(['show', dir, recordId])).out).toContain('аудио куәлік.m4a');
    expect((await dalel(['attach', dir, recordId])).code).toBe(2);
  });

  it('adds effects and sources to an incident with --parent', async () => {
    await dalel(['init', dir, '--no-encryption']);
    const incidentId = (await dalel(['add', dir, '--type', 'incident', '--json', incidentFile])).out.trim();
    const effect = { category: 'medical_care', severity: 'critical', description: 'A diabetic patient could not buy insulin: the pharmacy took only cards.', peopleAffected: { count: 1, precision: 'exact' }, groups: ['patients'] };
    const effectAdded = await dalel(['add', dir, '--type', 'effect', '--parent', incidentId, '--json', '-'], { stdin: JSON.stringify(effect) });
    expect(effectAdded.code).toBe(0);
    const testimony = {
      kind: 'testimony',
      title: 'Pharmacist, Almaty',
      content: 'Терминал не работал три дня.',
      person: { name: 'А. Н.', role: 'witness' },
      consent: { keep: true, lawyersAnonymous: true, lawyersNamed: true, unNamed: false, publishAnonymous: false, askedBy: 'A. N.', askedIn: 'kk', givenAt: { at: '2022-01-12T11:00+06:00', precision: 'hour' }, method: 'verbal' },
    };
    const sourceAdded = await dalel(['add', dir, '--type', 'source', '--parent', incidentId, '--json', '-'], { stdin: JSON.stringify(testimony) });
    expect(sourceAdded.code).toBe(0);
    const incident = JSON.parse((await dalel(['show', dir, incidentId, '--json'])).out).summary;
    expect(incident).toMatchObject({ revisionCount: 2, data: { sources: [sourceAdded.out.trim()] } });
    const effects = JSON.parse((await dalel(['list', dir, '--type', 'effect', '--json'])).out);
    expect(effects[0].data).toMatchObject({ incident: incidentId, severity: 'critical' });
    expect((await dalel(['list', dir])).out).toContain('Medical care: A diabetic patient');
    const withoutConsent = await dalel(['add', dir, '--type', 'source', '--json', '-'], { stdin: JSON.stringify({ ...testimony, consent: undefined }) });
    expect(withoutConsent).toMatchObject({ code: 1, err: expect.stringContaining('consent') });
    // A source for a record that is not there is refused before it is saved.
    const sourcesBefore = JSON.parse((await dalel(['list', dir, '--type', 'source', '--json'])).out).length;
    const missingParent = await dalel(['add', dir, '--type', 'source', '--parent', '0'.repeat(8) + '-0000-4000-8000-' + '0'.repeat(12), '--json', '-'], { stdin: JSON.stringify(testimony) });
    expect(missingParent).toMatchObject({ code: 1, out: '', err: expect.stringContaining('No record with id') });
    expect(JSON.parse((await dalel(['list', dir, '--type', 'source', '--json'])).out)).toHaveLength(sourcesBefore);
  });

  it('prints the public key and the same fingerprint as ssh-keygen', async () => {
    await dalel(['init', dir, '--no-encryption']);
    const [line, fingerprint] = (await dalel(['key', dir])).out.trim().split('\n');
    const pub = join(folder.path, 'signer.pub');
    await writeFile(pub, `${line}\n`);
    expect(execFileSync('ssh-keygen', ['-lf', pub], { encoding: 'utf8' }).split(' ')[1]).toBe(fingerprint);
  });

  it('prints a state hash that changes with the evidence and not otherwise', async () => {
    await dalel(['init', dir, '--no-encryption']);
    const empty = (await dalel(['state-hash', dir])).out.trim();
    expect(empty).toMatch(/^[0-9a-f]{64}$/);
    expect((await dalel(['state-hash', dir])).out.trim()).toBe(empty);
    await dalel(['add', dir, '--type', 'incident', '--json', incidentFile]);
    expect((await dalel(['state-hash', dir])).out.trim()).not.toBe(empty);
  });

  it('refuses an invalid record with the fields named, changing nothing', async () => {
    await dalel(['init', dir, '--no-encryption']);
    const before = await files(dir);
    const result = await dalel(['add', dir, '--type', 'incident', '--json', '-'], { stdin: '{"title": ""}' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('Some fields are not valid');
    expect(result.err).toMatch(/title: Required\./);
    expect(result.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(await files(dir)).toEqual(before);
  });

  it('says what is wrong with its input, in one sentence, with exit code 2', async () => {
    await dalel(['init', dir, '--no-encryption']);
    await writeFile(incidentFile, '{ not json');
    expect(await dalel(['add', dir, '--type', 'incident', '--json', incidentFile])).toMatchObject({ code: 2, err: expect.stringContaining('not valid JSON') });
    expect((await dalel(['add', dir, '--type', 'incident', '--json', join(folder.path, 'missing.json')])).code).toBe(2);
    expect((await dalel(['frobnicate'])).code).toBe(2);
    expect((await dalel(['add', dir, '--type', 'person', '--json', incidentFile])).code).toBe(2);
    expect((await dalel(['list'])).err).toContain('Missing DIR');
    expect((await dalel(['list', dir, '--colour'])).code).toBe(2);
  });

  it('never takes a passphrase on the command line', async () => {
    const result = await dalel(['init', dir, '--passphrase', 'secret']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--passphrase-file');
    expect(existsSync(dir)).toBe(false);
  });

  it('fails clearly on a missing archive and on a folder that already has files', async () => {
    expect(await dalel(['list', dir])).toMatchObject({ code: 1, err: expect.stringContaining('There is no archive') });
    await dalel(['init', dir, '--no-encryption']);
    expect((await dalel(['init', dir, '--no-encryption'])).code).toBe(1);
  });

  it('encrypts an archive unless the user opts out, and says which it did', async () => {
    const refused = await dalel(['init', dir]);
    expect(refused).toMatchObject({ code: 2, err: expect.stringContaining('--no-encryption') });
    expect(existsSync(dir)).toBe(false);
    expect((await dalel(['init', dir], { env: { DALEL_PASSPHRASE: 'short' } })).code).toBe(2);

    const env = { LANG: 'en_US.UTF-8', DALEL_PASSPHRASE: 'Жаңаөзен 2022 қаңтар' };
    expect((await dalel(['init', dir], { env })).code).toBe(0);
    expect((await dalel(['add', dir, '--type', 'incident', '--json', incidentFile], { env })).code).toBe(0);
    expect(await dalel(['list', dir])).toMatchObject({ code: 1, err: expect.stringContaining('--passphrase-file') });
    const wrong = await dalel(['list', dir], { env: { DALEL_PASSPHRASE: 'not the passphrase' } });
    expect(wrong).toMatchObject({ code: 1, err: expect.stringContaining('Wrong passphrase') });

    const passphraseFile = join(folder.path, 'passphrase.txt');
    await writeFile(passphraseFile, `${env.DALEL_PASSPHRASE}\n`);
    const listed = await dalel(['list', dir, '--json', '--passphrase-file', passphraseFile]);
    expect(JSON.parse(listed.out)[0].data.title).toBe(sampleIncident().title);

    const plain = join(folder.path, 'plain');
    expect((await dalel(['init', plain, '--no-encryption'])).err).toContain('not encrypted');
    expect((await dalel(['list', plain])).err).toContain('not encrypted');
  });

  it('says on every command what changed while the archive was locked', async () => {
    const env = { LANG: 'en_US.UTF-8', DALEL_PASSPHRASE: 'Жаңаөзен 2022 қаңтар' };
    expect((await dalel(['init', dir], { env })).code).toBe(0);
    const manifestPath = join(dir, 'dalel-archive.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, safety: { quickDelete: true, unlockAttemptLimit: 3 } }));
    const listed = await dalel(['list', dir], { env });
    expect(listed.code).toBe(0);
    expect(listed.err).toContain("Someone changed this archive's folder while it was locked");
    expect(listed.err).toContain('Your own settings have been put back');
    expect((await dalel(['list', dir], { env })).err).not.toContain('Someone changed');
  });

  it('seals every file again under a new key and passphrase, refusing what it cannot do and changing nothing then', async () => {
    const env = { LANG: 'en_US.UTF-8', DALEL_PASSPHRASE: 'Жаңаөзен 2022 қаңтар' };
    await dalel(['init', dir], { env });
    await dalel(['add', dir, '--type', 'incident', '--json', incidentFile], { env });
    const before = (await dalel(['state-hash', dir], { env })).out;
    const manifest = await readFile(join(dir, 'dalel-archive.json'));
    expect(await dalel(['rekey', dir], { env })).toMatchObject({ code: 2, err: expect.stringContaining('DALEL_NEW_PASSPHRASE') });
    expect((await dalel(['rekey', dir], { env: { ...env, DALEL_NEW_PASSPHRASE: 'short' } })).code).toBe(2);
    const wrong = await dalel(['rekey', dir], { env: { ...env, DALEL_PASSPHRASE: 'not the passphrase', DALEL_NEW_PASSPHRASE: 'after the laptop came back' } });
    expect(wrong).toMatchObject({ code: 1, err: expect.stringContaining('Wrong passphrase') });
    expect((await readFile(join(dir, 'dalel-archive.json'))).equals(manifest)).toBe(true);

    const done = await dalel(['rekey', dir], { env: { ...env, DALEL_NEW_PASSPHRASE: 'after the laptop came back' } });
    expect(done).toMatchObject({ code: 0, out: expect.stringContaining('under a new key') });
    expect((await dalel(['state-hash', dir], { env })).err).toContain('Wrong passphrase');
    expect((await dalel(['state-hash', dir], { env: { ...env, DALEL_PASSPHRASE: 'after the laptop came back' } })).out).toBe(before);

    const plain = join(folder.path, 'plain');
    await dalel(['init', plain, '--no-encryption']);
    const refused = await dalel(['rekey', plain], { env: { ...env, DALEL_NEW_PASSPHRASE: 'after the laptop came back' } });
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('not encrypted') });
  });

  it('encrypts an unencrypted archive in place, keeping every record', async () => {
    await dalel(['init', dir, '--no-encryption']);
    await dalel(['add', dir, '--type', 'incident', '--json', incidentFile]);
    const before = (await dalel(['state-hash', dir])).out;
    const env = { LANG: 'en_US.UTF-8', DALEL_PASSPHRASE: 'a passphrase for the border' };
    expect(await dalel(['encrypt', dir], { env })).toMatchObject({ code: 0, out: expect.stringContaining('Encrypted') });
    expect((await dalel(['state-hash', dir])).code).toBe(1);
    expect((await dalel(['state-hash', dir], { env })).out).toBe(before);
    expect((await dalel(['encrypt', dir], { env })).err).toContain('already encrypted');
  });

  it('speaks Russian and Kazakh', async () => {
    const russian = await dalel(['list', dir, '--lang', 'ru']);
    const kazakh = await dalel(['list', dir], { env: { LANG: 'kk_KZ.UTF-8' } });
    const english = await dalel(['list', dir]);
    for (const result of [russian, kazakh]) {
      expect(result.err).toMatch(/[а-яәғқңөұүһі]/i);
      expect(result.err).not.toBe(english.err);
    }
  });
});

describe('the installed dalel command', () => {
  const bin = join(import.meta.dirname, 'bin.js');
  it('runs init, add and list as a newcomer would type them', async () => {
    expect(existsSync(join(import.meta.dirname, '../../out/main/dalel.js')), 'build first: npm run build').toBe(true);
    const env = { ...process.env, DALEL_PASSPHRASE: 'correct horse battery staple' };
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
    expect(run('init', dir).status).toBe(0);
    expect(run('add', dir, '--type', 'incident', '--json', incidentFile).status).toBe(0);
    const list = run('list', dir, '--json');
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)[0].data.title).toBe(sampleIncident().title);
    expect(JSON.parse(await readFile(join(dir, 'dalel-archive.json'), 'utf8')).encryption.kdf.N).toBe(2 ** 17);
  });
});

/**
 * Runs the real command in a pseudo-terminal made by script(1), typing each
 * answer only once its question is on the screen, as a person would; gives
 * everything the screen showed.
 */
function atTerminal(args: string[], answers: { after: string; type: string }[]): Promise<{ status: number | null; screen: string }> {
  const command = [process.execPath, join(import.meta.dirname, 'bin.js'), ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  const { DALEL_PASSPHRASE: _none, ...env } = process.env;
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...env, LANG: 'en_US.UTF-8' } });
  let screen = '';
  let from = 0;
  const pending = [...answers];
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
    for (let at = pending[0] ? screen.indexOf(pending[0].after, from) : -1; at >= 0; at = pending[0] ? screen.indexOf(pending[0].after, from) : -1) {
      from = at + pending[0]!.after.length;
      child.stdin.write(`${pending.shift()!.type}\r`);
    }
  });
  return new Promise((done) => child.on('close', (status) => done({ status, screen })));
}

describe('a passphrase at the terminal', () => {
  it('is asked without being shown, only when the archive is encrypted, and twice when new', async () => {
    const passphrase = 'Түнгі Ақтау жолы 2022';
    const created = await atTerminal(['init', dir], [
      { after: 'New passphrase', type: passphrase },
      { after: 'The same passphrase again', type: passphrase },
    ]);
    expect(created.status, created.screen).toBe(0);
    expect(created.screen).not.toContain('Түнгі');
    const listed = await atTerminal(['list', dir], [{ after: 'Passphrase (not shown', type: passphrase }]);
    expect(listed.status, listed.screen).toBe(0);
    expect(listed.screen).toContain('No records.');
    expect(listed.screen).not.toContain('Түнгі');
    // Two different answers change nothing.
    const other = join(folder.path, 'other');
    const differ = await atTerminal(['init', other], [
      { after: 'New passphrase', type: passphrase },
      { after: 'The same passphrase again', type: 'something else entirely' },
    ]);
    expect(differ.status).toBe(2);
    expect(differ.screen).toContain('The two passphrases differ');
    expect(existsSync(other)).toBe(false);
    // An unencrypted archive is never asked about.
    await dalel(['init', other, '--no-encryption']);
    const plain = await atTerminal(['list', other], []);
    expect(plain.status, plain.screen).toBe(0);
    expect(plain.screen).not.toContain('Passphrase');
  }, 120_000);

  it('warns when the passphrase file can be read by other users', async () => {
    const file = join(folder.path, 'pass');
    await writeFile(file, 'Жаңаөзен 2022 қаңтар\n', { mode: 0o644 });
    const readable = await dalel(['init', dir, '--passphrase-file', file]);
    expect(readable.code).toBe(0);
    expect(readable.err).toContain(`other users of this computer can read ${file}`);
    await chmod(file, 0o600);
    const privateFile = await dalel(['list', dir, '--passphrase-file', file]);
    expect(privateFile.code).toBe(0);
    expect(privateFile.err).not.toContain('other users');
  });
});

describe('dalel export', () => {
  async function archiveWithIncident() {
    await dalel(['init', dir, '--name', 'Жаңаөзен', '--no-encryption']);
    const recordId = (await dalel(['add', dir, '--type', 'incident', '--json', incidentFile])).out.trim();
    const photo = join(folder.path, 'алаң.jpg');
    await writeFile(photo, 'photo bytes');
    await dalel(['attach', dir, recordId, photo]);
    return recordId;
  }

  it('writes a signed bundle, with progress on stderr and report.pdf printed by the Chromium it finds', async () => {
    const recordId = await archiveWithIncident();
    const out = join(folder.path, 'дәлел.zip');
    const run = await dalel(['export', dir, '--out', out, '--profile', 'legal', '--lang', 'kk', '--only', recordId], {
      env: { LANG: 'en_US.UTF-8', DALEL_CHROMIUM: '/usr/bin/chromium' },
    });
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/дәлел\.zip жазылды: dalel-\d{8}-[0-9a-f]{8} пакеті \(legal профилі\)/);
    expect(run.err).toContain('Экспорт: 100%');
    const listing = execFileSync('unzip', ['-l', out], { encoding: 'utf8' });
    expect(listing).toMatch(/\/data\/report\.pdf/);
    const bagDir = join(folder.path, 'bag');
    execFileSync('unzip', ['-q', out, '-d', bagDir]);
    const [bag] = await readdir(bagDir);
    expect((await readFile(join(bagDir, bag!, 'data/report.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: join(bagDir, bag!), encoding: 'utf8' })).not.toMatch(/FAILED/);
  }, 120_000);

  it('says plainly when no Chromium can print the PDF, and still writes the bundle with its HTML report', async () => {
    await archiveWithIncident();
    const out = join(folder.path, 'bundle.zip');
    const run = await dalel(['export', dir, '--out', out, '--profile', 'public'], { env: { LANG: 'en_US.UTF-8', PATH: '' } });
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain('carries it as HTML only');
    // The "photo" is no photo a cleaner can read, so no clean copy of it can be made: it stays out, and the line says so.
    expect(run.out).toMatch(
      /^Wrote .*bundle\.zip: public bundle dalel-\d{8}-[0-9a-f]{8}, 6 files\.\nLeft out or changed: 1 evidence file left out; 1 custody event left out, since it would reveal something withheld\.\nsha256 of the bundle file: [0-9a-f]{64}\n$/,
    );
    const listing = execFileSync('unzip', ['-l', out], { encoding: 'utf8' });
    expect(listing).toMatch(/\/data\/report\.html/);
    expect(listing).not.toMatch(/report\.pdf/);
  });

  it('names the signer of a legal bundle as the person chose for lawyers, and refuses that name for other profiles', async () => {
    await archiveWithIncident();
    const out = join(folder.path, 'for lawyers.zip');
    const run = await dalel(['export', dir, '--out', out, '--profile', 'legal', '--signer-name', 'А. Сейітова, адвокатқа'], { env: { LANG: 'en_US.UTF-8', PATH: '' } });
    expect(run.code, run.err).toBe(0);
    const bag = join(folder.path, 'lawyers');
    execFileSync('unzip', ['-q', out, '-d', bag]);
    const [top] = await readdir(bag);
    const bundle = JSON.parse(await readFile(join(bag, top!, 'data/bundle.json'), 'utf8'));
    expect(bundle.signer.name).toBe('А. Сейітова, адвокатқа');
    expect(await readFile(join(bag, top!, 'signer.pub'), 'utf8')).toMatch(/ А\. Сейітова, адвокатқа\n$/);
    // A blank name gives the archive's; control and direction characters never reach signer.pub.
    const blank = join(folder.path, 'blank.zip');
    expect((await dalel(['export', dir, '--out', blank, '--profile', 'legal', '--signer-name', '  '], { env: { PATH: '' } })).code).toBe(0);
    const tricky = join(folder.path, 'tricky.zip');
    expect((await dalel(['export', dir, '--out', tricky, '--profile', 'legal', '--signer-name', 'Ержан\u202e\u2028\tА.'], { env: { PATH: '' } })).code).toBe(0);
    for (const [zip, name] of [[blank, 'Жаңаөзен'], [tricky, 'Ержан А.']] as const) {
      const pub = execFileSync('unzip', ['-p', zip, '*/signer.pub'], { encoding: 'utf8' });
      expect(pub.split(' ').slice(2).join(' ').trim()).toBe(name);
    }
    const refused = await dalel(['export', dir, '--out', join(folder.path, 'p.zip'), '--profile', 'public', '--signer-name', 'Me'], { env: { LANG: 'en_US.UTF-8' } });
    expect(refused).toMatchObject({ code: 2 });
    expect(refused.err).toContain('--signer-name is for a legal bundle only');
    expect(existsSync(join(folder.path, 'p.zip'))).toBe(false);
  });

  it('refuses a missing or unknown profile, a missing --out and an existing file, writing nothing', async () => {
    await archiveWithIncident();
    expect(await dalel(['export', dir, '--out', join(folder.path, 'x.zip'), '--profile', 'secret'])).toMatchObject({ code: 2 });
    // No profile is assumed: `internal` carries every name and statement.
    const unchosen = await dalel(['export', dir, '--out', join(folder.path, 'x.zip')], { env: { LANG: 'en_US.UTF-8' } });
    expect(unchosen).toMatchObject({ code: 2, out: '' });
    expect(unchosen.err).toContain('Choose what the bundle may carry with --profile (internal, legal, public)');
    const kk = await dalel(['export', dir, '--out', join(folder.path, 'x.zip'), '--lang', 'kk']);
    expect(kk.err).toContain('--profile арқылы таңдаңыз');
    expect((await dalel(['export', dir])).code).toBe(2);
    const existing = join(folder.path, 'taken.zip');
    await writeFile(existing, 'keep me');
    const run = await dalel(['export', dir, '--out', existing, '--profile', 'internal']);
    expect(run).toMatchObject({ code: 1 });
    expect(run.err).toContain('already exists');
    expect(await readFile(existing, 'utf8')).toBe('keep me');
    expect(existsSync(join(folder.path, 'x.zip'))).toBe(false);
  });
});

describe('dalel verify', () => {
  async function exportedBundle() {
    await dalel(['init', dir, '--name', 'Алматы', '--no-encryption']);
    await dalel(['add', dir, '--type', 'incident', '--json', incidentFile]);
    const out = join(folder.path, 'bundle.zip');
    const exported = await dalel(['export', dir, '--out', out, '--profile', 'internal'], { env: { LANG: 'en_US.UTF-8', PATH: '' } });
    expect(exported.code).toBe(0);
    expect(exported.out).toContain(': internal bundle dalel-');
    expect(exported.out).toContain('Nothing was left out: an internal bundle carries every name');
    const key = (await dalel(['key', dir])).out.split('\n')[0]!;
    return { out, key };
  }

  it('says what it checked and who signed, exits 0 for a valid bundle and names a trusted signer', async () => {
    const { out, key } = await exportedBundle();
    const plain = await dalel(['verify', out]);
    expect(plain.code, plain.err).toBe(0);
    // Intact, but nobody verified who signed: said in words, with "!" rather than ✓, and never "valid".
    expect(plain.out.split('\n')[0]).toMatch(/: ! Intact — signer not verified$/);
    expect(plain.out).toContain('not among your trusted signers');
    expect(plain.out).not.toMatch(/\bvalid\b/i);
    expect(plain.out).toContain('✓');
    expect(plain.out).not.toContain('✗');
    // The fingerprint in groups and as six groups of five digits, to compare by voice.
    expect(plain.out).toMatch(/Key fingerprint, in groups: (\S{4} ){10}\S{3}\n/);
    expect(plain.out).toMatch(/The same as numbers, to read aloud: \d{5}( \d{5}){5}\n/);
    const trustedFile = join(folder.path, 'allowed_signers');
    await writeFile(trustedFile, `# lawyers' list\nАйгерім ${key.split(' ').slice(0, 2).join(' ')}\n`);
    const trustedText = await dalel(['verify', out, '--trusted', trustedFile]);
    expect(trustedText.out.split('\n')[0]).toMatch(/: ✓ Intact, signed by a key you trust \(Айгерім\)$/);
    const trusted = await dalel(['verify', out, '--trusted', trustedFile, '--json']);
    expect(trusted.code).toBe(0);
    expect(JSON.parse(trusted.out)).toMatchObject({ valid: true, signer: { trustedAs: 'Айгерім' } });

    // `dalel verify case.zip --trusted allowed_signers && accept`: anyone else's bundle is refused.
    const others = join(folder.path, 'other_signers');
    await writeFile(others, `Someone else ${SigningKey.generate().publicLine}\n`);
    const refused = await dalel(['verify', out, '--trusted', others]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`is not one of the keys in ${others}`);
    expect((await dalel(['verify', out, '--trusted', others, '--json'])).code).toBe(1);
  });

  it('says of a legal bundle how many records check against their author\'s signature, and by which keys', async () => {
    await dalel(['init', dir, '--name', 'Алматы', '--no-encryption']);
    await dalel(['add', dir, '--type', 'incident', '--json', incidentFile]);
    const out = join(folder.path, 'legal.zip');
    expect((await dalel(['export', dir, '--out', out, '--profile', 'legal'], { env: { LANG: 'en_US.UTF-8', PATH: '' } })).code).toBe(0);
    const key = (await dalel(['key', dir])).out.split('\n')[0]!;
    const fingerprint = (await dalel(['key', dir])).out.split('\n')[1]!.trim();
    const plain = await dalel(['verify', out], { env: { LANG: 'en_US.UTF-8' } });
    expect(plain.code, plain.err).toBe(0);
    expect(plain.out).toContain("Records checked against their author's signature: 1 of 1");
    expect(plain.out).toContain(`  ${fingerprint}: 1 record, a key not among your trusted keys`);
    expect(plain.out).toContain("✓ Each record's fields are what the key named as its author signed");
    const trustedFile = join(folder.path, 'allowed_signers');
    await writeFile(trustedFile, `Айгерім ${key.split(' ').slice(0, 2).join(' ')}\n`);
    const trusted = await dalel(['verify', out, '--trusted', trustedFile], { env: { LANG: 'en_US.UTF-8' } });
    expect(trusted.out).toContain(`  ${fingerprint}: 1 record, signed by Айгерім, a key you trust`);
  });

  it('exits 1 with the reason for a changed bundle, and 2 when it cannot run', async () => {
    const { out } = await exportedBundle();
    // One word of the CSV changed after signing, and the bag zipped again with the standard tool.
    const unpacked = join(folder.path, 'unpacked');
    execFileSync('unzip', ['-q', out, '-d', unpacked]);
    const [bag] = await readdir(unpacked);
    const csv = join(unpacked, bag!, 'data/incidents.csv');
    await writeFile(csv, (await readFile(csv, 'utf8')).replace('national', 'regional'));
    const changed = join(folder.path, 'changed.zip');
    execFileSync('zip', ['-qr', changed, bag!], { cwd: unpacked });
    const run = await dalel(['verify', changed, '--lang', 'ru']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('✗ Изменён или повреждён');
    expect(run.out).not.toContain('Пакет не изменён');
    expect(run.out).not.toMatch(/действител/i);
    expect(run.out).toContain('data/incidents.csv');
    expect(JSON.parse((await dalel(['verify', changed, '--json'])).out).failure).toMatchObject({ reason: 'hashMismatch', file: 'data/incidents.csv' });
    expect((await dalel(['verify', join(folder.path, 'missing.zip')])).code).toBe(2);
    expect((await dalel(['verify'])).code).toBe(2);
  });
});

describe('dalel import, merge and trust', () => {
  const noChromium = { LANG: 'en_US.UTF-8', PATH: '' };

  /** A defender's archive with one incident, exported as an internal bundle. */
  async function defender(name: string, title: string) {
    const path = join(folder.path, name);
    await dalel(['init', path, '--name', name, '--no-encryption']);
    const incident = join(folder.path, `${name}.json`);
    await writeFile(incident, JSON.stringify(sampleIncident({ title })));
    const recordId = (await dalel(['add', path, '--type', 'incident', '--json', incident])).out.trim();
    const bundle = join(folder.path, `${name}.zip`);
    expect((await dalel(['export', path, '--out', bundle, '--profile', 'internal'], { env: noChromium })).code).toBe(0);
    const [publicKey] = (await dalel(['key', path])).out.split('\n');
    return { path, recordId, bundle, publicKey: publicKey! };
  }

  it('imports bundles in either order into the same archive, names trusted signers, and lists conflicts', async () => {
    const aigerim = await defender('aigerim', 'Almaty');
    const erlan = await defender('erlan', 'Жаңаөзен');
    const first = join(folder.path, 'org-1');
    const second = join(folder.path, 'org-2');
    await dalel(['init', first, '--no-encryption']);
    await dalel(['init', second, '--no-encryption']);

    const keyFile = join(folder.path, 'aigerim.pub');
    await writeFile(keyFile, `${aigerim.publicKey}\n`);
    const trusted = await dalel(['trust', first, keyFile, '--name', 'Айгерім, Алматы']);
    expect(trusted.code, trusted.err).toBe(0);
    expect(trusted.out).toContain('Айгерім, Алматы');

    const imported = await dalel(['import', first, aigerim.bundle]);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('✓ Intact, signed by a key you trust (Айгерім, Алматы)');
    expect(imported.out).toContain('new revisions 1, new evidence files 0');
    // A signer the archive does not trust: refused unless the person allows it.
    const refused = await dalel(['import', first, erlan.bundle]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('Nothing was imported');
    expect(refused.out).toContain('does not trust');
    const unknown = await dalel(['import', first, erlan.bundle, '--allow-untrusted', '--json']);
    expect(JSON.parse(unknown.out)).toMatchObject({ report: { valid: true, signer: { trustedAs: null } }, imported: { kind: 'merged', revisionsAdded: 1, setAside: [] } });
    await dalel(['import', second, erlan.bundle, '--allow-untrusted']);
    await dalel(['import', second, aigerim.bundle, '--allow-untrusted']);
    expect((await dalel(['state-hash', first])).out).toBe((await dalel(['state-hash', second])).out);

    // Aigerim edits her incident after the organization received it; the organization edited it too.
    const edited = join(folder.path, 'edited.json');
    await writeFile(edited, JSON.stringify(sampleIncident({ title: 'Almaty, corrected' })));
    expect((await dalel(['edit', aigerim.path, aigerim.recordId, '--json', edited])).code).toBe(0);
    await writeFile(edited, JSON.stringify(sampleIncident({ title: 'Алматы, ұйым түзеткен' })));
    expect((await dalel(['edit', first, aigerim.recordId, '--json', edited])).code).toBe(0);
    const again = join(folder.path, 'aigerim-2.zip');
    await dalel(['export', aigerim.path, '--out', again, '--profile', 'internal'], { env: noChromium });
    const conflicted = await dalel(['import', first, again]);
    expect(conflicted.code).toBe(0);
    expect(conflicted.out).toContain('1 record was edited on two sides');
    expect(conflicted.out).toContain(aigerim.recordId);
    expect((await dalel(['show', first, aigerim.recordId])).out).toContain('[in conflict: 2 versions]');
    expect((await dalel(['list', first, '--lang', 'kk'])).out).toContain('[қайшылық: 2 нұсқа]');
  }, 60_000);

  it('exits 1 for a bundle that does not verify, changing nothing, and 2 when it cannot run', async () => {
    const aigerim = await defender('aigerim', 'Almaty');
    const org = join(folder.path, 'org');
    await dalel(['init', org, '--no-encryption']);
    const before = await files(org);
    const hash = (await dalel(['state-hash', org])).out;
    const bytes = await readFile(aigerim.bundle);
    const signature = bytes.indexOf(Buffer.from('-----BEGIN SSH SIGNATURE-----'));
    bytes[signature + 40] = bytes[signature + 40] === 0x41 ? 0x42 : 0x41;
    const broken = join(folder.path, 'broken.zip');
    await writeFile(broken, bytes);
    const run = await dalel(['import', org, broken, '--lang', 'kk']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('✗');
    expect(run.out).toContain('Ештеңе импортталған жоқ');
    expect(await files(org)).toEqual(before);
    expect((await dalel(['state-hash', org])).out).toBe(hash);
    expect((await dalel(['import', org, join(folder.path, 'missing.zip')])).code).toBe(2);
    expect((await dalel(['import', org])).code).toBe(2);
    const badKey = join(folder.path, 'bad.pub');
    await writeFile(badKey, 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ user\n');
    expect(await dalel(['trust', org, badKey, '--name', 'x'])).toMatchObject({ code: 1 });
    expect((await dalel(['trust', org, badKey])).code).toBe(2);
  }, 60_000);

  it('merges another archive folder, encrypted or not, and a second merge adds nothing', async () => {
    const aigerim = await defender('aigerim', 'Almaty');
    const locked = join(folder.path, 'locked');
    const passphraseFile = join(folder.path, 'other-passphrase');
    await writeFile(passphraseFile, 'жеті сегіз тоғыз он\n');
    await dalel(['init', locked, '--passphrase-file', passphraseFile]);
    await dalel(['add', locked, '--type', 'incident', '--json', incidentFile, '--passphrase-file', passphraseFile]);
    const org = join(folder.path, 'org');
    await dalel(['init', org, '--no-encryption']);

    const merged = await dalel(['merge', org, aigerim.path]);
    expect(merged.code, merged.err).toBe(0);
    expect(merged.out).toContain('new revisions 1');
    expect((await dalel(['merge', org, aigerim.path, '--json'])).out).toContain('"revisionsAdded": 0');
    const refused = await dalel(['merge', org, locked]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('passphrase');
    const unlocked = await dalel(['merge', org, locked, '--other-passphrase-file', passphraseFile]);
    expect(unlocked.code, unlocked.err).toBe(0);
    const list = JSON.parse((await dalel(['list', org, '--json'])).out) as unknown[];
    expect(list).toHaveLength(2);
  }, 60_000);
});
