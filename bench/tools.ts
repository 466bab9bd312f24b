/**
 * The standard tools the targets compare with (zip, unzip, sha256sum, sync)
 * and the `dalel` command run as a child that reports its own peak memory.
 * Each runs as its own process, with arguments as an array (no shell), and
 * a failure is an error naming the command: a bench never times a tool that
 * did not do its job.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Runs a command to its end; rejects with its stderr when it fails. */
export function run(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${err.trim()}`));
    });
  });
}

/** Which of the tools this bench needs are missing; the bench refuses to start without them. */
export async function missingTools(): Promise<string[]> {
  const missing: string[] = [];
  for (const tool of ['zip', 'unzip', 'sha256sum', 'sync']) {
    await run('sh', ['-c', `command -v ${tool}`]).catch(() => missing.push(tool));
  }
  return missing;
}

/** Flushes everything written so far, so that the next measurement starts with no write-back pending. */
export const syncAll = () => run('sync', []).then(() => undefined);

/** fsync of one file, as `sync FILE` does: what a durable write of that file costs after it is written. */
export const syncFile = (file: string) => run('sync', [file]).then(() => undefined);

/** `zip -0` (store, no compression) of the paths under `cwd`, as a person would make the same archive. */
export const zipStore = (cwd: string, paths: readonly string[], out: string) => run('zip', ['-0', '-q', '-r', '-X', out, ...paths], { cwd });

/**
 * The standard-tools check of a bundle (docs/spec/bundle-format.md): unzip, then
 * `sha256sum -c` of the tag manifest and of the manifest from inside the bag.
 */
export async function standardCheck(bundle: string, into: string, bag: string): Promise<void> {
  await run('unzip', ['-q', bundle, '-d', into]);
  const inBag = join(into, bag);
  await run('sha256sum', ['-c', '--quiet', '--strict', 'tagmanifest-sha256.txt'], { cwd: inBag });
  await run('sha256sum', ['-c', '--quiet', '--strict', 'manifest-sha256.txt'], { cwd: inBag });
}

export const removed = (path: string) => rm(path, { recursive: true, force: true });

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the command's own process, in bytes. */
  maxRssBytes: number;
}

/**
 * Runs `dalel ARGS` in a child process (out/bench/child.js, the command built
 * from this work tree) and reads the peak memory that process reports about
 * itself. HOME is the bench's folder and no Chromium is found, so the command
 * touches nothing of the user's and prints no PDF.
 */
export function dalel(work: string, args: readonly string[]): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'child.js'), ...args], {
      env: { PATH: process.env.PATH, HOME: work, LANG: 'en_US.UTF-8', DALEL_CHROMIUM: join(work, 'no-chromium') },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let report = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdio[3]!.on('data', (chunk) => (report += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        const { maxRssBytes } = JSON.parse(report) as { maxRssBytes: number };
        resolve({ code: code ?? -1, stdout, stderr, maxRssBytes });
      } catch {
        reject(new Error(`dalel ${args.join(' ')} exited with ${code} and no report: ${stderr.trim()}`));
      }
    });
  });
}

/** Like `dalel`, but a non-zero exit is an error. */
export async function dalelOk(work: string, args: readonly string[]): Promise<CommandRun> {
  const result = await dalel(work, args);
  if (result.code !== 0) throw new Error(`dalel ${args.join(' ')} exited with ${result.code}: ${result.stderr.trim()}`);
  return result;
}
