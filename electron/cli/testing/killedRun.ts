/**
 * Test-only: runs the built `dalel` command as a person's shell would, and
 * kills it with SIGKILL after `killAfterMs` (never, when undefined), for the
 * tests that check an archive is whole wherever a command is stopped.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const bin = join(import.meta.dirname, '..', 'bin.js');

/** Resolves once the command has exited, with its exit code (null when killed). */
export function runKilledAfter(args: string[], env: NodeJS.ProcessEnv, killAfterMs?: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: 'ignore' });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
