/**
 * Runs the bundled ExifTool once on bytes held in memory: the file goes in
 * through its standard input ("-" as the file name) and what ExifTool writes
 * comes back through its standard output. Nothing is ever written to disk.
 *
 * SECURITY: the archive is encrypted at rest, so a plaintext copy of a photo
 * in a temporary file would outlive the export on a seized laptop. ExifTool
 * reads "-" into memory and, with "-o -", writes to its stdout; it creates no
 * file of its own (it only writes a "_exiftool_tmp" file when editing a file
 * in place, which is never asked for here).
 *
 * A run can fail in every way a child process can (not found, killed, a
 * non-zero exit, output larger than allowed, too slow): each is a result,
 * never an exception, except the caller's own abort, which kills the process
 * and throws EngineError('cancelled') as the rest of the engine does. At
 * most two runs go at once; ExifTool holds the whole input in memory (it
 * cannot stream from a pipe), so this also bounds memory.
 */
import { spawn } from 'node:child_process';
import { EngineError } from '../errors';
import { exiftoolCommand } from './exiftoolLocation';

export type ExiftoolRun = {
  /** ExifTool's arguments after "-config ''"; the input is "-". */
  args: string[];
  input: Uint8Array;
  /** Output beyond this many bytes stops the run. */
  maxOutputBytes: number;
  timeoutMs: number;
  signal?: AbortSignal;
};

export type ExiftoolFailure = 'exiftoolMissing' | 'perlMissing' | 'startFailed' | 'timedOut' | 'outputTooLarge' | 'exitCode';

export type ExiftoolOutcome =
  | { ok: true; stdout: Buffer; stderr: string; exitCode: number }
  | { ok: false; failure: ExiftoolFailure; stdout: Buffer; stderr: string; exitCode: number | null };

const maxParallel = 2;
const maxStderrBytes = 64 * 1024;

let running = 0;
const waiting: Array<() => void> = [];

/** Waits for one of the maxParallel slots; rejects if the signal aborts first. */
function takeSlot(signal?: AbortSignal): Promise<void> {
  if (running < maxParallel) {
    running += 1;
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const start = () => {
      signal?.removeEventListener('abort', onAbort);
      running += 1;
      resolve();
    };
    const onAbort = () => {
      waiting.splice(waiting.indexOf(start), 1);
      reject(new EngineError('cancelled'));
    };
    waiting.push(start);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function releaseSlot(): void {
  running -= 1;
  waiting.shift()?.();
}

/**
 * SECURITY: ExifTool runs with a bare environment. PERL5OPT, PERL5LIB and
 * PERL5DB would load other code into perl, EXIFTOOL_HOME or HOME would load a
 * user's .ExifTool_config (also switched off with "-config ''"). Windows gets
 * the few variables its loader needs.
 */
function bareEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { LANG: 'C', LC_ALL: 'C' };
  if (process.platform === 'win32') {
    for (const name of ['SystemRoot', 'windir', 'TEMP', 'TMP', 'PATH']) {
      if (process.env[name] !== undefined) env[name] = process.env[name];
    }
  }
  return env;
}

export async function runExiftool(run: ExiftoolRun): Promise<ExiftoolOutcome> {
  if (run.signal?.aborted) throw new EngineError('cancelled');
  const command = exiftoolCommand();
  if ('missing' in command) {
    const failure = command.missing === 'perl' ? 'perlMissing' : 'exiftoolMissing';
    return { ok: false, failure, stdout: Buffer.alloc(0), stderr: '', exitCode: null };
  }
  await takeSlot(run.signal);
  try {
    return await spawnOnce(command.file, [...command.prefix, '-config', '', ...run.args], run);
  } finally {
    releaseSlot();
  }
}

function spawnOnce(file: string, args: string[], run: ExiftoolRun): Promise<ExiftoolOutcome> {
  return new Promise((resolve, reject) => {
    // The caller may have cancelled while this run waited for its slot.
    if (run.signal?.aborted) return reject(new EngineError('cancelled'));
    // SECURITY: no shell; the arguments go to the program as they are.
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'], env: bareEnvironment(), shell: false, windowsHide: true });
    // One buffer of the largest allowed size, filled as output comes: no second copy when the run ends.
    // SECURITY: zeroed (never allocUnsafe, which could hold freed plaintext or keys behind the view handed
    // out); a large zeroed allocation is mapped lazily, so its untouched tail costs no memory.
    const stdout = Buffer.alloc(run.maxOutputBytes);
    let stdoutBytes = 0;
    let stderr = '';
    let failure: ExiftoolFailure | null = null;
    let aborted = false;

    const stop = (why: ExiftoolFailure | 'aborted') => {
      if (why === 'aborted') aborted = true;
      else failure ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('timedOut'), run.timeoutMs);
    const onAbort = () => stop('aborted');
    run.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      if (stdoutBytes + chunk.length > run.maxOutputBytes) return stop('outputTooLarge');
      chunk.copy(stdout, stdoutBytes);
      stdoutBytes += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < maxStderrBytes) stderr += chunk.toString('utf8').slice(0, maxStderrBytes - stderr.length);
    });
    // ExifTool may stop reading early (an unknown file type, a kill): the broken pipe is expected, the exit code tells.
    child.stdin.on('error', () => {});
    let settled = false;
    const settle = (exitCode: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
      if (aborted) return reject(new EngineError('cancelled'));
      const out = stdout.subarray(0, stdoutBytes);
      if (failure) return resolve({ ok: false, failure, stdout: out, stderr, exitCode });
      if (exitCode !== 0) return resolve({ ok: false, failure: 'exitCode', stdout: out, stderr, exitCode });
      resolve({ ok: true, stdout: out, stderr, exitCode });
    };
    child.on('error', () => {
      failure ??= 'startFailed';
      // A program that never started has no 'close' to wait for.
      if (child.pid === undefined) settle(null);
    });
    child.on('close', (exitCode) => settle(exitCode));
    child.stdin.end(run.input);
  });
}
