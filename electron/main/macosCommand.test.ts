/**
 * The `dalel` command of the macOS package (resources/cli/macos), run with a
 * real POSIX shell in the installed layout: the pkg's postinstall links
 * /usr/local/bin/dalel to the launcher inside Dalel.app, and the launcher
 * runs the app's own executable (a recording stand-in here) with the
 * arguments, the folder, the input and the exit code of the person's call.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const macosFolder = fileURLToPath(new URL('../../resources/cli/macos/', import.meta.url));
const postinstall = path.join(macosFolder, 'pkg-scripts', 'postinstall');

let root: string;
/** Where the pkg installs the app (its $2) and the volume (its $3). */
let applications: string;
let volume: string;

/** Dalel.app as electron-builder lays it out, with a stand-in for its executable. */
function installApp(into: string): string {
  const contents = path.join(into, 'Dalel.app', 'Contents');
  mkdirSync(path.join(contents, 'MacOS'), { recursive: true });
  mkdirSync(path.join(contents, 'Resources', 'bin'), { recursive: true });
  copyFileSync(path.join(macosFolder, 'dalel'), path.join(contents, 'Resources', 'bin', 'dalel'));
  const executable = path.join(contents, 'MacOS', 'Dalel');
  writeFileSync(
    executable,
    ['#!/bin/sh', 'record=$DALEL_TEST_RECORD', 'printf "%s\\n" "$0" "$PWD" "$@" > "$record"', 'cat > "$record.input"', 'exit 3', ''].join('\n'),
    { mode: 0o755 },
  );
  return executable;
}

function runPostinstall() {
  return spawnSync('sh', [postinstall, path.join(root, 'Dalel.pkg'), applications, volume], { encoding: 'utf8' });
}

const linkPath = () => path.join(volume, 'usr', 'local', 'bin', 'dalel');

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'dalel-macos-command-'));
  applications = path.join(root, 'Volume', 'My Applications');
  volume = path.join(root, 'Volume');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the pkg installer (pkg-scripts/postinstall)', () => {
  it('links /usr/local/bin/dalel to the launcher inside the installed app, making the folder if needed', () => {
    installApp(applications);
    const result = runPostinstall();
    expect(result.status).toBe(0);
    expect(lstatSync(linkPath()).isSymbolicLink()).toBe(true);
    expect(readlinkSync(linkPath())).toBe(path.join(applications, 'Dalel.app', 'Contents', 'Resources', 'bin', 'dalel'));
  });

  it('replaces the link of an earlier Dalel installed elsewhere', () => {
    installApp(applications);
    mkdirSync(path.dirname(linkPath()), { recursive: true });
    symlinkSync('/Volumes/Old/Applications/Dalel.app/Contents/Resources/bin/dalel', linkPath());
    expect(runPostinstall().status).toBe(0);
    expect(readlinkSync(linkPath())).toBe(path.join(applications, 'Dalel.app', 'Contents', 'Resources', 'bin', 'dalel'));
  });

  it("leaves a file or a link that is not Dalel's alone, says so, and the installation still succeeds", () => {
    installApp(applications);
    mkdirSync(path.dirname(linkPath()), { recursive: true });
    writeFileSync(linkPath(), '#!/bin/sh\necho another dalel\n');
    let result = runPostinstall();
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/not Dalel's/);
    expect(readFileSync(linkPath(), 'utf8')).toContain('another dalel');

    rmSync(linkPath());
    symlinkSync('/opt/other/dalel', linkPath());
    result = runPostinstall();
    expect(result.status).toBe(0);
    expect(readlinkSync(linkPath())).toBe('/opt/other/dalel');
  });

  it('does nothing, successfully, when the app is not where the installer says', () => {
    expect(runPostinstall().status).toBe(0);
    expect(existsSync(linkPath())).toBe(false);
  });
});

describe('the launcher (Resources/bin/dalel)', () => {
  it("runs the app's executable through the links, with the arguments, folder and input of the call, and its exit code", () => {
    const executable = installApp(applications);
    expect(runPostinstall().status).toBe(0);
    // A second, relative link in the person's own bin folder, to the first.
    const home = path.join(root, 'home');
    mkdirSync(path.join(home, 'bin'), { recursive: true });
    symlinkSync(path.relative(path.join(home, 'bin'), linkPath()), path.join(home, 'bin', 'dalel'));
    const caseFolder = path.join(root, 'Case files', 'Жаңаөзен');
    mkdirSync(caseFolder, { recursive: true });
    const record = path.join(root, 'call.txt');

    const args = ['add', 'archive dir', '--json', '-', '*', '', 'Жаңаөзен'];
    const result = spawnSync(path.join(home, 'bin', 'dalel'), args, {
      cwd: caseFolder,
      env: { ...process.env, DALEL_TEST_RECORD: record },
      input: '{"title": "Mangystau"}',
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(3);
    const [program, folder, ...received] = readFileSync(record, 'utf8').split('\n').slice(0, -1);
    expect(program).toBe(executable);
    expect(folder).toBe(caseFolder);
    expect(received).toEqual(args);
    expect(readFileSync(`${record}.input`, 'utf8')).toBe('{"title": "Mangystau"}');
  });

  it('is executable in the repository, as electron-builder copies it with its mode', () => {
    for (const file of [path.join(macosFolder, 'dalel'), postinstall]) {
      expect(lstatSync(file).mode & 0o111).toBe(0o111);
    }
  });
});
