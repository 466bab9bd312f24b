/**
 * The bundled ExifTool is found, and every way a run can go wrong is a result
 * (too slow, too much output, a failing exit), while a cancel throws; perl's
 * environment cannot load code into it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { exiftoolCommand, unpacked } from './exiftoolLocation';
import { runExiftool } from './runExiftool';

const nothing = new Uint8Array(0);

describe('runExiftool', () => {
  const savedPerl5Opt = process.env.PERL5OPT;
  afterEach(() => {
    if (savedPerl5Opt === undefined) delete process.env.PERL5OPT;
    else process.env.PERL5OPT = savedPerl5Opt;
  });

  it('finds the ExifTool that npm installed, not one on the machine', () => {
    const command = exiftoolCommand();
    expect(command).not.toHaveProperty('missing');
    if ('missing' in command) return;
    const path = process.platform === 'win32' ? command.file : command.prefix[0];
    expect(path).toMatch(/node_modules[\\/]exiftool-vendored\.(pl|exe)[\\/]bin[\\/]exiftool(\.exe)?$/);
  });

  it('looks for it beside app.asar in the packaged app, where perl can read it', () => {
    expect(unpacked('/opt/Dalel/resources/app.asar/node_modules/exiftool-vendored.pl/bin/exiftool', '/')).toBe(
      '/opt/Dalel/resources/app.asar.unpacked/node_modules/exiftool-vendored.pl/bin/exiftool',
    );
    expect(unpacked('C:\\Dalel\\resources\\app.asar\\node_modules\\exiftool-vendored.exe\\bin\\exiftool.exe', '\\')).toBe(
      'C:\\Dalel\\resources\\app.asar.unpacked\\node_modules\\exiftool-vendored.exe\\bin\\exiftool.exe',
    );
    expect(unpacked('/home/me/app.asar.d/x', '/')).toBe('/home/me/app.asar.d/x');
  });

  it('runs it through pipes and returns what it prints', async () => {
    const outcome = await runExiftool({ args: ['-ver'], input: nothing, maxOutputBytes: 1024, timeoutMs: 60_000 });
    expect(outcome).toMatchObject({ ok: true, exitCode: 0 });
    expect(outcome.stdout.toString()).toMatch(/^\d+\.\d+\s*$/);
  }, 60_000);

  it('stops a run that takes too long', async () => {
    const started = Date.now();
    const outcome = await runExiftool({ args: ['-ver'], input: nothing, maxOutputBytes: 1024, timeoutMs: 1 });
    expect(outcome).toMatchObject({ ok: false, failure: 'timedOut' });
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it('stops a run whose output passes the limit', async () => {
    const outcome = await runExiftool({ args: ['-ver'], input: nothing, maxOutputBytes: 2, timeoutMs: 60_000 });
    expect(outcome).toMatchObject({ ok: false, failure: 'outputTooLarge' });
    expect(outcome.stdout.length).toBeLessThanOrEqual(2);
  }, 60_000);

  it('reports a failing exit, with what ExifTool said', async () => {
    const outcome = await runExiftool({ args: ['-all=', '-o', '-', '-'], input: Buffer.from('no image here'), maxOutputBytes: 1024, timeoutMs: 60_000 });
    expect(outcome).toMatchObject({ ok: false, failure: 'exitCode', exitCode: 1 });
    expect(outcome.stderr).toMatch(/Error/);
  }, 60_000);

  it('throws EngineError(cancelled) when the caller cancels', async () => {
    const controller = new AbortController();
    const pending = runExiftool({ args: ['-ver'], input: nothing, maxOutputBytes: 1024, timeoutMs: 60_000, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'EngineError', code: 'cancelled' });
  }, 60_000);

  it('gives perl a bare environment: PERL5OPT cannot load code into it', async () => {
    process.env.PERL5OPT = '-MDalel::No::Such::Module';
    const outcome = await runExiftool({ args: ['-ver'], input: nothing, maxOutputBytes: 1024, timeoutMs: 60_000 });
    expect(outcome).toMatchObject({ ok: true });
  }, 60_000);

  it('runs at most two at once, and all of them finish', async () => {
    const runs = Array.from({ length: 5 }, () => runExiftool({ args: ['-ver'], input: nothing, maxOutputBytes: 1024, timeoutMs: 120_000 }));
    const outcomes = await Promise.all(runs);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
  }, 120_000);
});
