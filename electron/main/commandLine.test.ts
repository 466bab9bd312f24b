/**
 * The `dalel` command inside the installed app (commandLine.ts): which
 * command lines it recognizes, and the BUILT main bundle, loaded with the
 * fake `electron` as a packaged app started as `dalel list ARCHIVE`: it
 * prints what the command prints, exits with its code, and opens no window
 * and claims no single-instance lock.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleIncidents } from '../../shared/sample/kzJanuary2022';
import { commandArguments } from './commandLine';
import { ensureBuilt, mainBundle, root } from './testing/builtApp';
import * as fake from './testing/fakeElectron';

vi.mock('electron', async () => {
  const { fakeElectron } = await import('./testing/fakeElectron');
  return { ...fakeElectron, default: fakeElectron };
});

describe('a dalel command line', () => {
  it('is recognized after a packaged app’s executable, or after `electron .`', () => {
    expect(commandArguments(['/usr/bin/dalel', 'list', '/a'], true)).toEqual(['list', '/a']);
    expect(commandArguments(['/x/electron', '.', 'verify', 'case.zip'], false)).toEqual(['verify', 'case.zip']);
    expect(commandArguments(['/usr/bin/dalel', '--lang', 'kk', 'list', '/a'], true)).toEqual(['--lang', 'kk', 'list', '/a']);
    expect(commandArguments(['/usr/bin/dalel', '--passphrase-file=p', 'show', '/a', 'id'], true)).toEqual(['--passphrase-file=p', 'show', '/a', 'id']);
    expect(commandArguments(['/usr/bin/dalel', '--version'], true)).toEqual(['--version']);
    expect(commandArguments(['/usr/bin/dalel', 'help'], true)).toEqual(['help']);
  });

  it('is not what starts the desktop app: no arguments, Chromium’s switches, a file, an unknown word', () => {
    expect(commandArguments(['/usr/bin/dalel'], true)).toBeNull();
    expect(commandArguments(['/x/electron', '.'], false)).toBeNull();
    expect(commandArguments(['/usr/bin/dalel', '--no-sandbox'], true)).toBeNull();
    expect(commandArguments(['/usr/bin/dalel', '/home/a/case.zip'], true)).toBeNull();
    expect(commandArguments(['/usr/bin/dalel', 'toString'], true)).toBeNull();
    expect(commandArguments(['/usr/bin/dalel', '--lang', 'kk'], true)).toBeNull();
  });
});

describe('the built app started as `dalel list ARCHIVE`', () => {
  let folder = '';
  const written: string[] = [];
  const argv = process.argv;

  beforeAll(async () => {
    ensureBuilt();
    folder = mkdtempSync(join(tmpdir(), 'dalel-commandline-'));
    const archive = join(folder, 'archive');
    const bin = join(root, 'electron/cli/bin.js');
    execFileSync(process.execPath, [bin, 'init', archive, '--no-encryption'], { env: { ...process.env, LANG: 'en_US.UTF-8' } });
    // A sample incident without the sources, citations and links that name other sample records.
    const { sources: _sources, citations: _citations, links: _links, ...incident } = sampleIncidents[1]!;
    const input = join(folder, 'incident.json');
    writeFileSync(input, JSON.stringify(incident));
    execFileSync(process.execPath, [bin, 'add', archive, '--type', 'incident', '--json', input], {
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    });
    fake.fakeElectron.app.isPackaged = true;
    process.argv = ['/opt/Dalel/dalel', 'list', archive, '--lang', 'en'];
    // A pipe that takes each write when its callback is called: the app must wait for it before exiting.
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      written.push(String(chunk));
      const done = typeof encoding === 'function' ? encoding : callback;
      setTimeout(() => (done as (() => void) | undefined)?.(), 50);
      return false;
    });
    await import(/* @vite-ignore */ mainBundle);
    await vi.waitFor(() => expect(fake.fakeElectron.app.exit).toHaveBeenCalled(), { timeout: 30_000 });
    vi.mocked(process.stdout.write).mockRestore();
  }, 300_000);

  afterAll(() => {
    process.argv = argv;
    rmSync(folder, { recursive: true, force: true });
  });

  it('prints the list and exits with the command’s code, once the output is written out', () => {
    expect(written.join('')).toContain('[Illustrative sample] Zhanaozen and Mangystau');
    expect(fake.fakeElectron.app.exit).toHaveBeenCalledWith(0);
    expect(written.at(-1)).toBe(''); // the flush that app.exit waited for
  });

  it('opens no window, claims no lock, registers no app:// scheme', () => {
    expect(fake.fakeElectron.BrowserWindow.instances).toHaveLength(0);
    expect(fake.fakeElectron.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(fake.fakeElectron.app.whenReady).not.toHaveBeenCalled();
    expect(fake.fakeElectron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });
});
