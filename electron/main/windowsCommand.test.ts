/**
 * The `dalel` command of the Windows package (resources/cli/windows), run
 * for real: the installer's PATH steps compiled with NSIS as electron-builder
 * compiles them (warnings are errors) and run under Wine against Wine's
 * registry, and dalel.cmd run by Wine's cmd in front of a desktop
 * (GUI-subsystem) program standing in for Dalel.exe.
 *
 * The user's PATH is the attack surface: an installer that reads it into a
 * fixed-size string and writes it back would cut it short and break every
 * other program of theirs. Those cases come first.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const windowsFolder = fileURLToPath(new URL('../../resources/cli/windows/', import.meta.url));
const installDir = 'C:\\Dalel Test';
const ourEntry = `${installDir}\\bin`;

let work: string;
let env: NodeJS.ProcessEnv;
/** The longest string the installer can hold (NSIS_MAX_STRLEN of this makensis). */
let maxString: number;

/** A Windows path for a folder of this machine (Wine maps / to Z:). */
const windowsPath = (posixPath: string) => `Z:${posixPath.replaceAll('/', '\\')}`;

function makensis(name: string, body: string): string {
  const script = path.join(work, `${name}.nsi`);
  const exe = path.join(work, `${name}.exe`);
  writeFileSync(
    script,
    ['Unicode true', 'Target amd64-unicode', `Name "${name}"`, `OutFile "${exe}"`, 'RequestExecutionLevel user', 'SilentInstall silent', body].join('\n'),
  );
  // electron-builder's own flags: warnings are errors, the script is UTF-8.
  execFileSync('makensis', ['-WX', '-V2', '-INPUTCHARSET', 'UTF8', script], { stdio: 'pipe' });
  return exe;
}

/**
 * Runs a Windows program under Wine. Its output goes through a file, not a
 * pipe: Wine's helper processes keep a pipe open for seconds after the
 * program has ended.
 */
function wine(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const outputFile = path.join(work, 'wine-output.txt');
  const output = openSync(outputFile, 'w');
  try {
    const result = spawnSync('wine', args, { env: { ...env, ...extraEnv }, stdio: ['ignore', output, output], timeout: 60_000 });
    return { status: result.status, output: readFileSync(outputFile, 'utf8') };
  } finally {
    closeSync(output);
  }
}

/** The user's PATH as the registry holds it: its type and value, or null. */
function userPath(): { type: string; value: string } | null {
  const result = wine(['reg', 'query', 'HKCU\\Environment', '/v', 'Path']);
  if (result.status !== 0) return null;
  const match = /^\s+Path\s+(REG_\w+)\s+(.*?)\r?$/m.exec(result.output);
  if (!match) throw new Error(`unexpected reg output: ${result.output}`);
  return { type: match[1]!, value: match[2]! };
}

function setUserPath(value: string | null) {
  if (value === null) wine(['reg', 'delete', 'HKCU\\Environment', '/v', 'Path', '/f']);
  else {
    const result = wine(['reg', 'add', 'HKCU\\Environment', '/v', 'Path', '/t', 'REG_EXPAND_SZ', '/d', value, '/f']);
    expect(result.status, result.output).toBe(0);
  }
  expect(userPath()?.value ?? null).toBe(value);
}

const install = () => expect(wine([path.join(work, 'install.exe'), '/S']).status).toBe(0);
const uninstall = () => expect(wine([path.join(work, 'uninstall.exe'), '/S']).status).toBe(0);

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'dalel-windows-command-'));
  env = { ...process.env, WINEPREFIX: path.join(work, 'wine'), WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const header = execFileSync('makensis', ['-HDRINFO'], { encoding: 'utf8' });
  maxString = Number(/NSIS_MAX_STRLEN=(\d+)/.exec(header)![1]);
  const include = `!include "${path.join(windowsFolder, 'installer.nsh')}"`;
  // The folder a person chose on the installer's page (/D= cannot be quoted).
  const chosen = `InstallDir "${installDir}"\n${include}`;
  makensis('install', `${chosen}\nSection\n  !insertmacro customInstall\nSectionEnd`);
  makensis('uninstall', `${chosen}\nSection\n  !insertmacro customUnInstall\nSectionEnd`);
  // Wine makes its prefix on first use.
  expect(wine(['cmd', '/c', 'exit', '0']).status).toBe(0);
}, 180_000);

afterAll(() => {
  if (env) spawnSync('wineserver', ['-k'], { env });
  if (work) rmSync(work, { recursive: true, force: true });
});

// Each step starts Wine programs: generous on a loaded machine.
describe('the installer and the PATH (installer.nsh under Wine)', { timeout: 120_000 }, () => {
  it('leaves a PATH longer than it can hold exactly as it was, installing and uninstalling', () => {
    const long = Array.from({ length: Math.ceil((maxString + 200) / 20) }, (_, i) => `C:\\Tools\\program${String(i).padStart(3, '0')}`).join(';');
    expect(long.length).toBeGreaterThan(maxString);
    setUserPath(long);
    install();
    expect(userPath()).toEqual({ type: 'REG_EXPAND_SZ', value: long });
    uninstall();
    expect(userPath()).toEqual({ type: 'REG_EXPAND_SZ', value: long });
  });

  it('leaves a PATH it can read but could not hold with its entry added exactly as it was', () => {
    const nearlyFull = `C:\\${'a'.repeat(maxString - 10)}`;
    setUserPath(nearlyFull);
    install();
    expect(userPath()?.value).toBe(nearlyFull);
  });

  it('adds its bin folder after what was there, variables unexpanded, once however often it runs', () => {
    setUserPath('C:\\Tools;%USERPROFILE%\\bin');
    install();
    install();
    expect(userPath()).toEqual({ type: 'REG_EXPAND_SZ', value: `C:\\Tools;%USERPROFILE%\\bin;${ourEntry}` });
  });

  it('does not add itself beside the same folder spelt in other letter case, or after a closing semicolon twice', () => {
    setUserPath(`C:\\Tools;${ourEntry.toLowerCase()}`);
    install();
    expect(userPath()?.value).toBe(`C:\\Tools;${ourEntry.toLowerCase()}`);
    setUserPath('C:\\Tools;');
    install();
    expect(userPath()?.value).toBe(`C:\\Tools;${ourEntry}`);
  });

  it('gives a user with no PATH of their own just its folder, and the uninstaller removes the value again', () => {
    setUserPath(null);
    install();
    expect(userPath()).toEqual({ type: 'REG_EXPAND_SZ', value: ourEntry });
    uninstall();
    expect(userPath()).toBeNull();
  });

  it('uninstalls by taking out only its own entry, wherever it is and however spelt, every other entry kept in order', () => {
    setUserPath(`C:\\A;${ourEntry.toUpperCase()};;C:\\B;%USERPROFILE%\\bin`);
    uninstall();
    expect(userPath()).toEqual({ type: 'REG_EXPAND_SZ', value: 'C:\\A;;C:\\B;%USERPROFILE%\\bin' });
    uninstall();
    expect(userPath()?.value).toBe('C:\\A;;C:\\B;%USERPROFILE%\\bin');
  });
});

describe('dalel.cmd', { timeout: 120_000 }, () => {
  it('is a command script with Windows line endings (cmd misreads one without)', () => {
    const text = readFileSync(path.join(windowsFolder, 'dalel.cmd'), 'latin1');
    expect(text.split('\r\n').length).toBeGreaterThan(3);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('runs the Dalel.exe beside its folder with the arguments as typed, waits for it and passes on its exit code', () => {
    // The installed layout: the app in a folder with a space, dalel.cmd in bin\.
    const app = path.join(work, 'Program Files', 'Dalel');
    mkdirSync(path.join(app, 'bin'), { recursive: true });
    copyFileSync(path.join(windowsFolder, 'dalel.cmd'), path.join(app, 'bin', 'dalel.cmd'));
    // A desktop program standing in for Dalel.exe: it writes down its command
    // line and whether it was told not to attach to the console, takes its
    // time, and exits with 3.
    const fake = makensis(
      'fakeDalel',
      [
        'Section',
        '  FileOpen $0 "$EXEDIR\\call.txt" w',
        '  FileWriteUTF16LE /BOM $0 "$CMDLINE$\\n"',
        '  ReadEnvStr $1 ELECTRON_NO_ATTACH_CONSOLE',
        '  FileWriteUTF16LE $0 "no-attach=[$1]$\\n"',
        '  FileClose $0',
        '  Sleep 1000',
        '  SetErrorLevel 3',
        'SectionEnd',
      ].join('\n'),
    );
    copyFileSync(fake, path.join(app, 'Dalel.exe'));
    // What a person types once the installer has put bin\ on the PATH.
    const typed = path.join(work, 'typed.cmd');
    writeFileSync(typed, ['@echo off', `set "PATH=${windowsPath(path.join(app, 'bin'))};%PATH%"`, 'dalel list "C:\\Case files\\archive" --lang kk %1', ''].join('\r\n'));

    const started = Date.now();
    const result = wine(['cmd', '/c', windowsPath(typed), 'Жаңаөзен'], { ELECTRON_NO_ATTACH_CONSOLE: '1' });
    expect(result.status, result.output).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const call = readFileSync(path.join(app, 'call.txt')).toString('utf16le').replace(/^\uFEFF/, '');
    const [commandLine, attach] = call.split('\n');
    expect(commandLine).toBe(`"${windowsPath(path.join(app, 'bin'))}\\..\\Dalel.exe" list "C:\\Case files\\archive" --lang kk Жаңаөзен`);
    // Electron writes to the console it was started from unless told not to.
    expect(attach).toBe('no-attach=[]');
  });
});
