/**
 * The Windows recipe of VERIFY.txt (`standardToolsCheck.powershell`), held
 * to what can be run here against a real exported bundle.
 *
 * PowerShell itself is not installable on the machines that run this suite
 * (neither Debian nor npm packages `pwsh`), so no PowerShell line runs here,
 * and nothing below claims it does. What runs for real: the real
 * `ssh-keygen -Y verify` on the exact `allowed_signers` bytes the recipe
 * writes and on the tag manifest as cmd's `<` and as a PowerShell pipe would
 * hand it over; the recipe's line-splitting and path rules (.NET regular
 * expressions as simple as these read the same in JavaScript) on every line
 * of a real bundle's manifests; VERIFY.txt as exported; and, under Wine,
 * Wine's cmd running the recipe's own `cmd /c '… < …'` line in front of a
 * stand-in ssh-keygen.exe (built with NSIS) that writes down the bytes it
 * got on standard input.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardToolsCheck } from '../../../shared/bagit';
import { Archive } from '../archive';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';
import { exportBundle } from './export';
import { makeBag } from './testing/makeBundle';

const { powershell } = standardToolsCheck;
const cyrillicName = 'Жаңаөзен дауыс 5 қаңтар.m4a';

let folder: { path: string; remove: () => Promise<void> };
/** The unpacked bag of a real export, with an evidence file whose own name is Cyrillic. */
let bag: string;
let bundleId: string;

beforeAll(async () => {
  folder = await temporaryFolder();
  const archive = await Archive.create(join(folder.path, 'архив'), { name: 'Алматы қорғаушылары', organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
  const incident = await archive.save({ type: 'incident', data: sampleIncident() });
  const file = join(folder.path, cyrillicName);
  await writeFile(file, 'Жедел жәрдем шақыра алмадық.\n');
  await archive.attach(incident.recordId, [{ path: file, sensitive: false }]);
  const out = join(folder.path, 'case.zip');
  ({ bundleId } = await exportBundle(archive, { out, profile: 'internal', language: 'kk', softwareVersion: 'test' }));
  await archive.close();
  execFileSync('unzip', ['-q', out, '-d', join(folder.path, 'case')]);
  bag = join(folder.path, 'case', bundleId);
}, 60_000);

afterAll(() => folder?.remove());

/** `$hash, $path = $line -split ' +', 2`: the text before the first run of spaces, and all after it. */
function splitManifestLine(line: string): [string, string | undefined] {
  const gap = / +/.exec(line);
  return gap ? [line.slice(0, gap.index), line.slice(gap.index + gap[0].length)] : [line, undefined];
}

/** The recipe's own rule for a path it may open (`$path -notmatch '…'`), read out of the recipe. */
const outsidePattern = new RegExp(/-notmatch '([^']+)'/.exec(powershell.manifests)![1]!);
const inside = (path: string | undefined) => !!path && !outsidePattern.test(path);

/** The lines of a manifest, as `Get-Content -Encoding UTF8` gives them. */
const lines = (text: string) => text.split(/\r\n|\n/).filter((line, index, all) => line !== '' || index < all.length - 1);

/** `ssh-keygen -Y verify` with standard input read from `stdinFile`, as cmd's `<` gives it. */
function sshVerify(allowedSigners: string, stdinFile: string) {
  const input = openSync(stdinFile, 'r');
  try {
    return spawnSync('ssh-keygen', ['-Y', 'verify', '-f', allowedSigners, '-I', 'signer', '-n', 'dalel-bundle', '-s', 'tagmanifest-sha256.txt.sig'], {
      cwd: bag,
      stdio: [input, 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } finally {
    closeSync(input);
  }
}

describe('the PowerShell signature check', () => {
  /** What `Set-Content -Encoding ascii -NoNewline -Value "signer $key`n"` writes, $key being signer.pub's first two fields. */
  function allowedSignersBytes(): Buffer {
    const key = readFileSync(join(bag, 'signer.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
    return Buffer.from(`signer ${key}\n`, 'ascii');
  }

  it('writes allowed_signers as one ASCII line with LF and no BOM, and the real ssh-keygen accepts the signature with it', async () => {
    expect(powershell.signature).toContain(`Set-Content -LiteralPath allowed_signers -Encoding ascii -NoNewline -Value "signer $key\`n"`);
    expect(powershell.signature).toContain(`$key = (Get-Content -LiteralPath signer.pub).Split(' ')[0..1] -join ' '`);
    const bytes = allowedSignersBytes();
    expect(bytes.toString('latin1')).toMatch(/^signer ssh-ed25519 [A-Za-z0-9+/]+=*\n$/);
    await writeFile(join(bag, 'allowed_signers'), bytes);
    const result = sshVerify('allowed_signers', join(bag, 'tagmanifest-sha256.txt'));
    expect(result.stdout + result.stderr).toMatch(/Good "dalel-bundle" signature for signer with ED25519 key SHA256:/);
    expect(result.status).toBe(0);
  });

  it('is refused when allowed_signers starts with a byte-order mark, as Set-Content -Encoding UTF8 writes in PowerShell 5.1', async () => {
    await writeFile(join(bag, 'allowed_signers.bom'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), allowedSignersBytes()]));
    const result = sshVerify('allowed_signers.bom', join(bag, 'tagmanifest-sha256.txt'));
    expect(result.status).not.toBe(0);
    expect(result.stdout).not.toMatch(/Good/);
  });

  it('is refused for the tag manifest with CRLF line ends, what a PowerShell 5.1 pipe hands ssh-keygen: hence cmd /c with <', async () => {
    await writeFile(join(bag, 'allowed_signers'), allowedSignersBytes());
    const original = await readFile(join(bag, 'tagmanifest-sha256.txt'), 'utf8');
    const piped = join(folder.path, 'piped-tagmanifest.txt');
    await writeFile(piped, original.replace(/\n/g, '\r\n'));
    const result = sshVerify('allowed_signers', piped);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Signature verification failed|Could not verify signature/);
    // The recipe never pipes: the manifest reaches ssh-keygen through cmd's redirection only.
    expect(powershell.signature).toMatch(/^cmd \/c 'ssh-keygen -Y verify -f allowed_signers -I signer -n dalel-bundle -s tagmanifest-sha256\.txt\.sig < tagmanifest-sha256\.txt'$/m);
    expect(powershell.signature).not.toMatch(/^[^#]*\|/m);
  });
});

describe('the PowerShell hash check', () => {
  it('reads every line of a real bundle’s manifests as a hash and a path inside the bag, and each hash is its file’s', async () => {
    expect(powershell.manifests).toContain(`$hash, $path = $line -split ' +', 2`);
    expect(powershell.manifests).toContain('Get-Content -Encoding UTF8 -LiteralPath $manifest');
    let checked = 0;
    for (const manifest of ['tagmanifest-sha256.txt', 'manifest-sha256.txt']) {
      for (const line of lines(await readFile(join(bag, manifest), 'utf8'))) {
        const [hash, path] = splitManifestLine(line);
        expect(inside(path), line).toBe(true);
        const actual = createHash('sha256').update(await readFile(join(bag, path!))).digest('hex');
        // PowerShell's -eq ignores case; Get-FileHash prints upper case.
        expect(actual.toUpperCase(), path).toBe(hash.toUpperCase());
        checked++;
      }
    }
    // bagit.txt, bag-info.txt, manifest, VERIFY.txt, signer.pub; bundle.json, report.html, two CSV files and the evidence file.
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('finds an evidence file with a Cyrillic name under its sha256 in Dalel’s bags, and a Cyrillic path with spaces whole in any bag', async () => {
    // Dalel names payload files by their sha256 and an ASCII extension: the person's file name stays in bundle.json.
    const manifest = await readFile(join(bag, 'manifest-sha256.txt'), 'utf8');
    const bundle = JSON.parse(await readFile(join(bag, 'data', 'bundle.json'), 'utf8')) as { attachments: { originalName: string; path: string; sha256: string }[] };
    const evidence = bundle.attachments.find((attachment) => attachment.originalName === cyrillicName)!;
    expect(evidence.path).toBe(`attachments/${evidence.sha256}.m4a`);
    expect(lines(manifest).map((line) => splitManifestLine(line)[1])).toContain(`data/${evidence.path}`);

    // A bag from elsewhere may name a file in Cyrillic, with spaces: the rule reads it whole, from UTF-8.
    const named = `data/${cyrillicName}`;
    const other = await makeBag({ payload: (files) => files.set(named, Buffer.from('Куәлік\n')) });
    const otherManifest = Buffer.from(other.files.get('manifest-sha256.txt')!);
    const paths = lines(otherManifest.toString('utf8')).map((line) => splitManifestLine(line)[1]);
    expect(paths).toContain(named);
    expect(paths.every(inside)).toBe(true);
    // Read in Kazakhstan's ANSI code page, as Windows PowerShell 5.1 reads without -Encoding UTF8, the name is lost.
    expect(lines(new TextDecoder('windows-1251').decode(otherManifest)).map((line) => splitManifestLine(line)[1])).not.toContain(named);
  });

  it('does not open a path outside the bag that a hostile manifest lists', () => {
    for (const path of ['../secret.txt', 'data/../../secret.txt', '/etc/passwd', '//server/share/x', '\\\\server\\share\\x', 'C:/Windows/win.ini', 'data\\x.txt', 'data/x.txt:stream', 'data/..'])
      expect(inside(path), path).toBe(false);
    for (const path of ['data/attachments/0a1b.jpg', 'data/a..b.txt', 'bag-info.txt', `data/${cyrillicName}`]) expect(inside(path), path).toBe(true);
    expect(inside(undefined)).toBe(false);
  });
});

describe('VERIFY.txt of a real bundle', () => {
  it('gives the PowerShell recipe in English, Russian and Kazakh, and no bare "Windows 10+" promise', async () => {
    const text = await readFile(join(bag, 'VERIFY.txt'), 'utf8');
    expect(text).not.toMatch(/Windows 10\+|Windows 10 and later|Windows 10 и новее|Windows 10 және жаңарақ/);
    const indented = (block: string) => block.replace(/^/gm, '  ');
    const recipe = indented([powershell.manifests, powershell.fingerprint, powershell.signature].join('\n'));
    const english = text.slice(text.indexOf('== English =='), text.indexOf('== Русский =='));
    const russian = text.slice(text.indexOf('== Русский =='), text.indexOf('== Қазақша =='));
    const kazakh = text.slice(text.indexOf('== Қазақша =='));
    const sections = { english, russian, kazakh };
    for (const [language, section] of Object.entries(sections)) {
      expect(section, language).toContain(recipe);
      expect(section, language).toContain('ssh -V');
      expect(section, language).toContain('8.1');
      expect(section, language).toContain('dalel-verify.html');
      expect(section, language).toContain('Win32-OpenSSH');
      expect(section, language).toContain(indented(powershell.openssl));
      expect(section, language).toContain('Failures: 0');
    }
    expect(english).toContain('first run ssh -V: it must show OpenSSH 8.1 or newer');
    expect(english).toContain('piping the file into ssh-keygen in PowerShell changes its\nbytes');
    expect(russian).toContain('сначала выполните ssh -V: версия OpenSSH должна быть 8.1');
    expect(russian).toContain('через cmd: если передать файл в ssh-keygen конвейером PowerShell');
    expect(kazakh).toContain('алдымен ssh -V орындаңыз: OpenSSH нұсқасы 8.1');
    expect(kazakh).toContain('cmd арқылы орындаңыз: файлды ssh-keygen-ге\nPowerShell конвейері арқылы');
    expect(text).toContain(`Dalel evidence bundle ${bundleId}`);
  });
});

describe('the guides', () => {
  const doc = (path: string) => readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8');

  it('give the same PowerShell recipe word for word, and no bare "Windows 10 and later" promise', () => {
    const spec = doc('docs/spec/bundle-format.md');
    const lawyer = doc('docs/guides/lawyer.md');
    for (const text of [spec, lawyer]) expect(text).not.toMatch(/Windows 10\+|Windows 10 and later/);
    expect(spec).toContain([powershell.manifests, powershell.fingerprint, powershell.signature].join('\n'));
    expect(spec).toContain(powershell.openssl);
    expect(spec).toContain(powershell.countersignature);
    expect(spec).toContain(standardToolsCheck.timeStamp);
    // The lawyer guide's steps are a numbered list: each block indented by three spaces.
    const listed = (block: string) => block.replace(/^/gm, '   ');
    for (const block of [powershell.manifests, powershell.fingerprint, powershell.signature]) expect(lawyer).toContain(listed(block));
    expect(lawyer).toContain(powershell.openssl);
    expect(lawyer).toContain('ssh -V');
    expect(lawyer).toContain('dalel-verify.html');
  });
});

describe('cmd /c "… < file" under Wine', { timeout: 180_000 }, () => {
  let env: NodeJS.ProcessEnv;
  let work: string;

  beforeAll(async () => {
    work = join(folder.path, 'wine');
    env = { ...process.env, WINEPREFIX: join(work, 'prefix'), WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    execFileSync('mkdir', ['-p', work]);
    // A console stand-in for ssh-keygen.exe: it writes its command line and
    // every byte of its standard input, as it got them, beside itself.
    const script = join(work, 'stand-in.nsi');
    await writeFile(
      script,
      [
        'Unicode true',
        'Target amd64-unicode',
        'Name "stand-in"',
        `OutFile "${join(bag, 'ssh-keygen.exe')}"`,
        'RequestExecutionLevel user',
        'SilentInstall silent',
        'Section',
        '  FileOpen $1 "$EXEDIR\\command-line.txt" w',
        '  FileWriteUTF16LE $1 "$CMDLINE"',
        '  FileClose $1',
        "  System::Call 'kernel32::GetStdHandle(i -10) p .r0'",
        '  FileOpen $1 "$EXEDIR\\stdin.bin" w',
        '  loop:',
        '    ClearErrors',
        '    FileReadByte $0 $2',
        '    IfErrors done',
        '    FileWriteByte $1 $2',
        '    Goto loop',
        '  done:',
        '  FileClose $1',
        'SectionEnd',
      ].join('\n'),
    );
    execFileSync('makensis', ['-WX', '-V2', '-INPUTCHARSET', 'UTF8', script], { stdio: 'pipe' });
  }, 180_000);

  afterAll(() => {
    if (env) spawnSync('wineserver', ['-k'], { env });
  });

  /** Wine's cmd, in the bag's folder; output through a file, since Wine's helpers hold a pipe open for seconds. */
  function cmd(line: string) {
    const outputFile = join(work, 'output.txt');
    const output = openSync(outputFile, 'w');
    try {
      const result = spawnSync('wine', ['cmd', '/c', line], { cwd: bag, env, stdio: ['ignore', output, output], timeout: 120_000 });
      return { status: result.status, output: readFileSync(outputFile, 'utf8') };
    } finally {
      closeSync(output);
    }
  }

  it('hands the program the tag manifest byte for byte, and the real ssh-keygen accepts what it got', async () => {
    const line = /^cmd \/c '(.*)'$/m.exec(powershell.signature)![1]!;
    const result = cmd(line);
    expect(result.status, result.output).toBe(0);
    const commandLine = readFileSync(join(bag, 'command-line.txt')).toString('utf16le');
    expect(commandLine).toMatch(/-Y verify -f allowed_signers -I signer -n dalel-bundle -s tagmanifest-sha256\.txt\.sig\s*$/);
    const received = join(folder.path, 'received-stdin.bin');
    await writeFile(received, readFileSync(join(bag, 'stdin.bin')));
    expect(readFileSync(received)).toEqual(readFileSync(join(bag, 'tagmanifest-sha256.txt')));
    await writeFile(join(bag, 'allowed_signers'), `signer ${readFileSync(join(bag, 'signer.pub'), 'utf8').split(' ').slice(0, 2).join(' ')}\n`);
    const verified = sshVerify('allowed_signers', received);
    expect(verified.stdout + verified.stderr).toMatch(/Good "dalel-bundle" signature/);
  });

  it('changes no byte of a file with LF, CRLF, Cyrillic, NUL and Ctrl-Z in it', async () => {
    const bytes = Buffer.concat([Buffer.from('one\ntwo\r\nЖаңаөзен '), Buffer.from([0x00, 0x1a, 0xff, 0x0d]), Buffer.from('end\n')]);
    await writeFile(join(bag, 'mixed.bin'), bytes);
    const result = cmd('ssh-keygen -Y verify < mixed.bin');
    expect(result.status, result.output).toBe(0);
    expect(readFileSync(join(bag, 'stdin.bin'))).toEqual(bytes);
  });
});
